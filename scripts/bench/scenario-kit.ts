/**
 * What a benchmark scenario is (`mocks/providers/<id>/bench.ts` writes one per provider) and the
 * helpers scenarios share. Requests name the real host and path; each target maps them to its
 * own URL (the standalone server and the MSW door take `/<host><path>`, Prism takes `<path>` on
 * the provider's spec).
 */

export interface BenchRequest {
  method: 'GET' | 'POST';
  host: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends one request to the target under test (used to obtain credentials). */
export type Caller = (request: BenchRequest) => Promise<Reply>;

/** What one connection sends, in a loop; `onResponse` may carry state (a rotated token) forward. */
export interface ConnectionLoad {
  next(): BenchRequest;
  onResponse?(status: number, body: string): void;
}

export interface BenchOperation<C> {
  /** Shown in the table. */
  label: string;
  /** The request's method: the ceiling it is compared with is the bare server's GET or POST. */
  method: 'GET' | 'POST';
  /** The issuance signs a JWT (its target ratio is lower than an opaque token's). */
  jwt?: boolean;
  /** The status a correct answer has; anything else is counted as an error. */
  expect: number;
  /** A load for connection `index` (0-based) of `connections`. */
  load(ctx: C, index: number): ConnectionLoad;
}

export interface Scenario<C = unknown> {
  /** Obtains the credentials the operations need, on a freshly reset target. */
  prepare(call: Caller, connections: number): Promise<C>;
  /** An authorized GET (a resource read with a valid credential). */
  get: BenchOperation<C>;
  /** A token issuance. */
  issue: BenchOperation<C>;
}

export const json = { 'content-type': 'application/json', accept: 'application/json' };
export const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
/** The Authorization header of a bearer token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** A GET of `path` on `host` (the authorized GET of most scenarios). */
export const getRequest = (host: string, path: string, headers: Record<string, string>): BenchRequest => ({
  method: 'GET',
  host,
  path,
  headers,
});
export const fixed = (request: BenchRequest) => () => ({ next: () => request });

export async function expectJson(reply: Promise<Reply>, what: string): Promise<Record<string, unknown>> {
  const r = await reply;
  if (r.status !== 200) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 200)}`);
  return JSON.parse(r.text) as Record<string, unknown>;
}

/**
 * The usual scenario: one request obtains a credential (`prepare` sends it once and `take` reads
 * the credential from its answer), the authorized GET sends that credential, and the issuance
 * measured is the same request in a loop.
 */
export function tokenScenario<C>(input: {
  /** Names the request in an error, e.g. `eventbookings token`. */
  what: string;
  issue: { label: string; request: BenchRequest; jwt?: boolean };
  take(body: Record<string, unknown>): C;
  get: { label: string; request(credential: C): BenchRequest };
}): Scenario<C> {
  const { issue, get } = input;
  return {
    prepare: async (call) => input.take(await expectJson(call(issue.request), input.what)),
    get: { label: get.label, method: 'GET', expect: 200, load: (ctx) => fixed(get.request(ctx))() },
    issue: {
      label: issue.label,
      method: issue.request.method,
      ...(issue.jwt === true ? { jwt: true } : {}),
      expect: 200,
      load: fixed(issue.request),
    },
  };
}
