/**
 * The MSW front door: a real `http.*` handler for every operation on every real host, plus a
 * catch-all per host so unknown paths and methods get the provider's own 404/405 body.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import {
  defaultBodyLimit,
  type Engine,
  type IncomingRequest,
  MockError,
  type MockResponse,
  type Operation,
  type Provider,
} from './core/index.js';

/** A Fetch `Request` as the engine reads it. */
export function fromFetch(request: Request, limit: number): IncomingRequest {
  const url = new URL(request.url);
  return {
    method: request.method,
    host: url.hostname.toLowerCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: request.headers,
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

function mswPath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, ':$1');
}

/**
 * MSW matches paths case-insensitively for every provider (path-to-regexp's default), while the
 * engine's router folds case only for providers that ask for it. The router decides, so both
 * doors agree: when it names another operation (or none), the resolver returns nothing and the
 * request falls through to the host fallback, which answers what the router answers.
 */
function operationHandler(engine: Engine, provider: Provider, operation: Operation, host: string, limit: number) {
  const method = operation.method.toLowerCase() as Lowercase<Operation['method']>;
  return http[method](`https://${host}${mswPath(operation.path)}`, async ({ request }) => {
    const incoming = fromFetch(request, limit);
    const match = engine.router.match(incoming.host, incoming.method, incoming.path);
    if (match?.kind !== 'operation' || match.operation !== operation) return undefined;
    return toFetch(await engine.dispatch(provider, operation, match.params, incoming));
  });
}

function hostFallback(engine: Engine, host: string, limit: number) {
  return http.all(`https://${host}/*`, async ({ request }) => {
    const incoming = fromFetch(request, limit);
    return toFetch((await engine.answer(incoming)) as MockResponse);
  });
}

export function createHandlers(engine: Engine, bodyLimit = defaultBodyLimit): HttpHandler[] {
  const handlers: HttpHandler[] = [];
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
