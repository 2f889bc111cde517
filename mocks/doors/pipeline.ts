/**
 * The one request pipeline every door calls: preflight → engine → CORS. A door only turns its
 * own request into an `IncomingRequest` and the `MockResponse` back into its own answer, so the
 * node:http server and the MSW handlers cannot answer the same request differently.
 */
import {
  type Engine,
  type IncomingRequest,
  isPreflight,
  type MockResponse,
  preflightResponse,
  withCors,
} from '../core/index.js';

/** The answer to a request for a provider host; `undefined` when no provider serves its host. */
export async function serveRequest(engine: Engine, request: IncomingRequest): Promise<MockResponse | undefined> {
  // A preflight is not an operation: answered here, past the engine (see core/cors.ts).
  if (isPreflight(request.method, request.headers)) {
    if (engine.router.match(request.host, request.method, request.path) === undefined) return undefined;
    return preflightResponse(request.headers);
  }
  const response = await engine.answer(request);
  return response === undefined ? undefined : withCors(response);
}

/**
 * A read answered from a replica's own copy of the world (inside a dry run, see
 * `../core/dry-run.ts`): the answer and its journal entry, or `undefined` when the log must answer
 * it (see `Engine.answerRead`).
 */
export async function serveRead(engine: Engine, request: IncomingRequest) {
  const read = await engine.answerRead(request);
  return read === undefined ? undefined : { ...read, response: withCors(read.response) };
}
