/**
 * CORS for browser apps. A page calling a provider through the standalone server
 * (`http://127.0.0.1:4010/<host>/…`) is cross-origin, so the browser sends a preflight for any
 * request with an `Authorization` header or a JSON body and hides every response header but a
 * few safelisted ones. Both front doors therefore answer, on every provider host:
 *
 * - a preflight (`OPTIONS` with `Access-Control-Request-Method`) with 204 and permissive
 *   `Access-Control-Allow-*` headers, for any path: it is not an operation, so it does not reach
 *   the engine (no spec check, no journal entry). A plain `OPTIONS` still gets the provider's 405;
 * - every other answer with `Access-Control-Allow-Origin: *` and `Access-Control-Expose-Headers`
 *   naming the answer's own headers (`WWW-Authenticate`, `Location`, `Allow`, …).
 *
 * `*` and no `Access-Control-Allow-Credentials`: these APIs take bearer tokens, not cookies.
 * The real APIs' CORS policies are not documented; a mock that refused would only be guessing.
 */
import type { HeaderReader, MockResponse } from './provider.js';

/** Seconds a browser may cache a preflight answer. */
export const preflightMaxAge = 600;

/** Headers a browser shows page scripts anyway (CORS-safelisted response headers). */
const safelisted = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);

/** A CORS preflight: `OPTIONS` naming the method the browser wants to send. */
export function isPreflight(method: string, headers: HeaderReader): boolean {
  return (
    (method === 'OPTIONS' || method.toUpperCase() === 'OPTIONS') &&
    (headers.get('access-control-request-method') ?? '') !== ''
  );
}

/** The answer to a preflight: the requested method and headers are allowed, from any origin. */
export function preflightResponse(headers: HeaderReader): MockResponse {
  const answer: Record<string, string> = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-max-age': String(preflightMaxAge),
    vary: 'Access-Control-Request-Headers',
  };
  // `Access-Control-Allow-Headers: *` would not cover `Authorization`: name what was asked for.
  const requested = headers.get('access-control-request-headers');
  if (requested !== null && requested.trim() !== '') answer['access-control-allow-headers'] = requested;
  return { status: 204, headers: answer };
}

/** `response` readable by a page on any origin, every header of it included. One pass, no intermediate arrays. */
export function withCors(response: MockResponse): MockResponse {
  if (response.drop) return response;
  const own = response.headers;
  const headers: Record<string, string> = {};
  let expose = '';
  if (own !== undefined) {
    for (const name in own) {
      headers[name] = own[name] as string;
      const lower = name.toLowerCase();
      if (safelisted.has(lower) || lower.startsWith('access-control-')) continue;
      expose = expose === '' ? name : `${expose}, ${name}`;
    }
  }
  headers['access-control-allow-origin'] = '*';
  if (expose !== '') headers['access-control-expose-headers'] = expose;
  const out: MockResponse = { status: response.status, headers };
  if (response.body !== undefined) out.body = response.body;
  if (response.delayMs !== undefined) out.delayMs = response.delayMs;
  return out;
}
