/**
 * The MSW front door: a real `http.*` handler for every operation on every real host, plus a
 * catch-all per host so unknown paths and methods get the provider's own 404/405 body. Every
 * answer carries CORS headers and preflights get a 204, as through the node:http door
 * (`core/cors.ts`).
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import {
  defaultBodyLimit,
  type Engine,
  type IncomingRequest,
  isPreflight,
  MockError,
  type MockResponse,
  type Operation,
  type Provider,
  preflightResponse,
  type RouteMatch,
  withCors,
} from '../../core/index.js';

/** A Fetch `Request` as the engine reads it. */
export function fromFetch(request: Request, limit: number): IncomingRequest {
  const url = new URL(request.url);
  return {
    method: request.method,
    host: url.hostname.toLowerCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    base: url.origin,
    async readBody() {
      const declared = Number(request.headers.get('content-length') ?? '0');
      if (declared > limit) throw new MockError('payload_too_large', `The body is over ${limit} bytes.`);
      const bytes = new Uint8Array(await request.arrayBuffer());
      if (bytes.byteLength > limit) throw new MockError('payload_too_large', `The body is over ${limit} bytes.`);
      return bytes;
    },
  };
}

/** The engine's answer as a Fetch `Response`. */
export function toFetch(response: MockResponse): Response {
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

/** The router's verdict for a request, computed once however many handlers ask. */
const verdicts = new WeakMap<Request, RouteMatch | undefined>();
function routeOf(engine: Engine, request: Request): RouteMatch | undefined {
  if (verdicts.has(request)) return verdicts.get(request);
  const url = new URL(request.url);
  const match = engine.router.match(url.hostname.toLowerCase(), request.method, url.pathname);
  verdicts.set(request, match);
  return match;
}

/**
 * One handler per operation and host, matched by the engine's router rather than MSW's path
 * patterns: both doors then agree on every path (case folding per provider, percent-encoding
 * MSW's matcher would throw on), and a request reaches exactly the operation the router names.
 */
function operationHandler(engine: Engine, provider: Provider, operation: Operation, host: string, limit: number) {
  const method = operation.method.toLowerCase() as Lowercase<Operation['method']>;
  return http[method](
    ({ request }) => {
      if (new URL(request.url).hostname.toLowerCase() !== host) return false;
      const match = routeOf(engine, request);
      return match?.kind === 'operation' && match.operation === operation;
    },
    async ({ request }) => {
      const match = routeOf(engine, request);
      if (match?.kind !== 'operation') return undefined;
      return toFetch(withCors(await engine.dispatch(provider, operation, match.params, fromFetch(request, limit))));
    },
  );
}

/** Everything else on a provider's host: its own 404 or 405. */
function hostFallback(engine: Engine, host: string, limit: number) {
  return http.all(
    ({ request }) => new URL(request.url).hostname.toLowerCase() === host,
    async ({ request }) => toFetch(withCors((await engine.answer(fromFetch(request, limit))) as MockResponse)),
  );
}

/** A CORS preflight to a provider's host: 204, never an operation (see `core/cors.ts`). */
function preflight(host: string) {
  return http.options(
    ({ request }) =>
      new URL(request.url).hostname.toLowerCase() === host && isPreflight(request.method, request.headers),
    ({ request }) => toFetch(preflightResponse(request.headers)),
  );
}

export function createHandlers(engine: Engine, bodyLimit = defaultBodyLimit): HttpHandler[] {
  const handlers: HttpHandler[] = [];
  for (const provider of engine.providers.values()) {
    for (const host of provider.hosts) handlers.push(preflight(host));
  }
  for (const provider of engine.providers.values()) {
    for (const operation of provider.operations) {
      for (const host of operation.hosts) handlers.push(operationHandler(engine, provider, operation, host, bodyLimit));
    }
  }
  for (const provider of engine.providers.values()) {
    for (const host of provider.hosts) handlers.push(hostFallback(engine, host, bodyLimit));
  }
  return handlers;
}
