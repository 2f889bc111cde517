/**
 * The MSW front door: one `http.all` handler per provider host, handing every request to the
 * same pipeline as the node:http door (`../pipeline.ts`: preflight → engine → CORS). Matching is
 * the engine's router, not MSW's path patterns, so both doors agree on every path (case folding
 * per provider, percent-encoding MSW's matcher would throw on). A request for any other host
 * is not matched and goes to MSW's `onUnhandledRequest`.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import { defaultBodyLimit, type Engine, type IncomingRequest, MockError, type MockResponse } from '../../core/index.js';
import { serveRequest } from '../pipeline.js';

/** Options of the MSW door. */
export interface MswDoorOptions {
  /** Largest accepted request body in bytes. Default 1 MiB. */
  bodyLimit?: number;
}

/** A Fetch `Request` as the engine reads it. */
function fromFetch(request: Request, limit: number): IncomingRequest {
  const url = new URL(request.url);
  return {
    method: request.method,
    host: url.hostname.toLowerCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    base: url.origin,
    async readBody(own?: number) {
      const max = own === undefined ? limit : Math.min(own, limit);
      const declared = Number(request.headers.get('content-length') ?? '0');
      if (declared > max) throw new MockError('payload_too_large', `The body is over ${max} bytes.`);
      const bytes = new Uint8Array(await request.arrayBuffer());
      if (bytes.byteLength > max) throw new MockError('payload_too_large', `The body is over ${max} bytes.`);
      return bytes;
    },
  };
}

/** The engine's answer as a Fetch `Response`. */
function toFetch(response: MockResponse): Response {
  // A dropped connection (an injected fault) is a network error to the client.
  if (response.drop) return HttpResponse.error();
  const headers = new Headers(response.headers);
  let body: string | null = null;
  if (response.body !== undefined) {
    body = JSON.stringify(response.body);
    headers.set('content-type', 'application/json; charset=utf-8');
  }
  return new Response(body, { status: response.status, headers });
}

/** Everything on one provider host, answered through the shared pipeline. */
function hostHandler(engine: Engine, host: string, limit: number): HttpHandler {
  return http.all(
    ({ request }) => new URL(request.url).hostname.toLowerCase() === host,
    async ({ request }) => {
      const response = await serveRequest(engine, fromFetch(request, limit));
      return response === undefined ? undefined : toFetch(response);
    },
  );
}

/** The MSW handlers for a world's engine: one per provider host. */
export function createHandlers(engine: Engine, options: MswDoorOptions = {}): HttpHandler[] {
  const limit = options.bodyLimit ?? defaultBodyLimit;
  return [...engine.providers.values()].flatMap((provider) =>
    provider.hosts.map((host) => hostHandler(engine, host, limit)),
  );
}
