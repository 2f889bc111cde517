/**
 * One error type with stable codes (after jose's `JOSEError.code`). Operations, control actions,
 * the control plane and fault specs all throw a `MockError`; `details` is typed by its code.
 * Each provider turns a code into its own documented body with a table (`errorBodies`), the
 * control plane with `controlErrorResponse`. Tests and the journal use the code, never the message.
 */
import type { MockResponse } from './provider.js';

export type MockErrorCode =
  // credentials
  | 'credentials_missing'
  /** The token came in a misspelled header (EventBookings' docs write `Authorisation`). */
  | 'header_misspelled'
  | 'token_unknown'
  | 'token_expired'
  | 'token_revoked'
  /** Dropped for capacity: its owner issued more live tokens than the store keeps per owner. */
  | 'token_evicted'
  | 'token_wrong_kind'
  | 'scope_missing'
  | 'forbidden'
  // tenant selection (a header such as Eventix's `Company` narrowing a token)
  | 'tenant_not_covered'
  | 'tenant_ambiguous'
  // OAuth2 token endpoint (RFC 6749 §5.2)
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  // request shape
  | 'malformed_body'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'validation_failed'
  // routing
  | 'not_found'
  | 'route_not_found'
  | 'method_not_allowed'
  // the control plane (answered as `{error, message}`, see `controlErrorResponse`)
  /** A control request the plane cannot read (not a JSON object, neither id nor prefix, …). */
  | 'control_invalid'
  /** `POST /__control/clock` with a time outside the years 1970–9999 or not ISO 8601. */
  | 'clock_invalid'
  /** A fault spec that does not parse (see `parseFaultSpec`). */
  | 'fault_invalid'
  /** One fault more than `maxFaults`. */
  | 'too_many_faults'
  /** `POST /__control/<provider>/<action>` naming no declared action. */
  | 'action_unknown'
  /** Fixtures (a config) that do not validate: `details.problems` lists each with its path. */
  | 'fixtures_invalid'
  /** A world id (`/w/<id>/`, `X-Authflow-World`) that names no live world. */
  | 'unknown_world'
  /** One world more than the server keeps (`--max-worlds`). */
  | 'too_many_worlds'
  /**
   * A create past a documented cap of the mock (EventBookings events per organisation, BackOps
   * areas per event): listings stay fast however long a client keeps creating.
   */
  | 'records_full'
  /**
   * A replicated store (`serve --store redis://…`) that did not answer in time, or is not reachable:
   * nothing was answered for the request; it may or may not have been applied. Retry later.
   */
  | 'store_unavailable'
  // a bug in the mocks: never expected, always a failing test
  | 'internal';

/** The refusals that mean "who are you?" rather than "you may not". */
export const credentialRefusals = [
  'credentials_missing',
  'header_misspelled',
  'token_unknown',
  'token_expired',
  'token_revoked',
  'token_evicted',
  'token_wrong_kind',
] as const satisfies readonly MockErrorCode[];

/** The HTTP status a code gets unless its provider documents another. */
export const defaultStatus: Readonly<Record<MockErrorCode, number>> = {
  credentials_missing: 401,
  header_misspelled: 401,
  token_unknown: 401,
  token_expired: 401,
  token_revoked: 401,
  token_evicted: 401,
  token_wrong_kind: 401,
  scope_missing: 403,
  forbidden: 403,
  tenant_not_covered: 403,
  tenant_ambiguous: 400,
  invalid_request: 400,
  invalid_client: 400,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  invalid_scope: 400,
  malformed_body: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  validation_failed: 422,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  control_invalid: 400,
  clock_invalid: 400,
  fault_invalid: 400,
  too_many_faults: 400,
  action_unknown: 404,
  fixtures_invalid: 400,
  unknown_world: 404,
  too_many_worlds: 429,
  records_full: 400,
  store_unavailable: 503,
  internal: 500,
};

/** Field name → problems. */
export type FieldProblems = Record<string, string[]>;

/**
 * One problem of fixtures or a config: where (`eventix.clients[0].redirect_uris[1]`) and what.
 * The one problem type: `fixtures_invalid` details, `ConfigError.problems` (`ConfigProblem` is
 * this type) and the size checks all list these.
 */
export interface FixtureProblem {
  path: string;
  message: string;
  /** A stable code where there is one: `too_many_entries` for a list over its documented size. */
  code?: string;
}

/** The details each code may carry; codes not listed carry only the common ones. */
export interface MockErrorDetailsMap {
  /** `fields`: the variables that are missing (TeleTracker lists them). */
  invalid_request: { fields?: FieldProblems };
  validation_failed: { fields?: FieldProblems };
  /** `allow`: the methods the path does take; `method`, `path` (no leading slash): the request's. */
  method_not_allowed: { allow: readonly string[]; method?: string; path?: string };
  /** `path`: the request's path without its leading slash (as Laravel words it). */
  route_not_found: { path?: string };
  /** `scope`: the scope the operation needs. */
  scope_missing: { scope?: string };
  /** `authScheme`: the scheme the client authenticated with in a header (`basic`), for a 401 challenge. */
  invalid_client: { authScheme?: string };
  /**
   * `problems`: the refused fixtures' problems, each with its path, at most
   * `fixtureLimits.maxProblems`; `more`: how many were found but not listed; `unchecked`: entries
   * not checked once the list was full.
   */
  fixtures_invalid: { problems: readonly FixtureProblem[]; more?: number; unchecked?: number };
}

/** Details every code may carry. */
export interface CommonDetails {
  /**
   * The journal's reason when it is more precise than the code, e.g. `token_evicted` behind an
   * OAuth `invalid_grant`.
   */
  reason?: MockErrorCode;
  /**
   * The specific reason behind a fixed `error_description`, for servers that answer with one
   * (league/oauth2-server's `hint` member; see `OAuthErrorOptions.league`).
   */
  hint?: string;
}

export type MockErrorDetails<C extends MockErrorCode = MockErrorCode> = CommonDetails &
  (C extends keyof MockErrorDetailsMap ? MockErrorDetailsMap[C] : unknown);

/** Codes whose details have a required field. */
type DetailsRequired<C extends MockErrorCode> = C extends 'method_not_allowed' | 'fixtures_invalid' ? true : false;

export class MockError<C extends MockErrorCode = MockErrorCode> extends Error {
  override readonly name = 'MockError';
  readonly code: C;
  readonly details: MockErrorDetails<C>;

  constructor(
    code: C,
    message: string,
    ...details: DetailsRequired<C> extends true ? [MockErrorDetails<C>] : [MockErrorDetails<C>?]
  ) {
    // A refusal is an answer, not a failure: no stack trace (capturing one costs more than the rest).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.details = (details[0] ?? {}) as MockErrorDetails<C>;
  }

  /** Narrows to one code, so its details are typed. */
  is<K extends MockErrorCode>(code: K): this is MockError<K> {
    return (this.code as MockErrorCode) === code;
  }
}

export function isMockError(value: unknown): value is MockError {
  return value instanceof MockError;
}

/**
 * Laravel's words for a path no route serves (`NotFoundHttpException`: "The route … could not be
 * found.") and a method a route does not take (`MethodNotAllowedHttpException`: "The POST
 * method is not supported for route …. Supported methods: GET."), for the providers that run on
 * Laravel.
 */
export function laravelRouteMessage(error: MockError): string {
  const details = error.details as { method?: string; path?: string; allow?: readonly string[] };
  if (error.code === 'method_not_allowed') {
    return `The ${details.method ?? ''} method is not supported for route ${details.path ?? ''}. Supported methods: ${(details.allow ?? []).join(', ')}.`;
  }
  return `The route ${details.path ?? ''} could not be found.`;
}

/** What a provider's error body may depend on besides the error. */
export interface ErrorContext {
  /** The real host the request was for. */
  host: string;
  /** The operation matched, or null for a route that matched none. */
  operationId: string | null;
}

/** Turns one code into a provider's documented body. */
export type ErrorBody<C extends MockErrorCode = MockErrorCode> = (
  error: MockError<C>,
  context: ErrorContext,
) => MockResponse;

/** A provider's error bodies: one entry per code it documents. */
export type ErrorBodyTable = { readonly [C in MockErrorCode]?: ErrorBody<C> };

/** The same body for several codes: `...sameBody(['token_unknown', 'token_expired'], unauthorized)`. */
export function sameBody<const Cs extends readonly MockErrorCode[]>(
  codes: Cs,
  body: ErrorBody<Cs[number]>,
): { [C in Cs[number]]: ErrorBody<C> } {
  return Object.fromEntries(codes.map((code) => [code, body])) as unknown as { [C in Cs[number]]: ErrorBody<C> };
}

/**
 * A provider's `errorResponse` from its table: the code's entry, else `fallback` (which answers
 * with `defaultStatus` of the code unless it chooses another).
 */
export function errorBodies(table: ErrorBodyTable, fallback: ErrorBody): ErrorBody {
  return (error, context) => {
    const entry = Object.hasOwn(table, error.code) ? (table[error.code] as ErrorBody | undefined) : undefined;
    return (entry ?? fallback)(error, context);
  };
}
