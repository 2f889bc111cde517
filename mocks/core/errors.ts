/**
 * Typed errors with stable codes (after jose's `JOSEError.code`). Handlers throw or return a
 * `MockError`; each provider turns it into its own documented body in one place
 * (`Provider.errorResponse`). Tests and the journal use the code, never the message.
 */
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
  // a bug in the mocks: never expected, always a failing test
  | 'internal';

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
  internal: 500,
};

export interface MockErrorDetails {
  /** Field name → problems, for validation errors. */
  fields?: Record<string, string[]>;
  /** For `method_not_allowed`: the methods the path does take. */
  allow?: readonly string[];
  /** For `scope_missing`: the scope the operation needs. */
  scope?: string;
  /** The scheme the client authenticated with in a header (`basic`), for a 401 challenge. */
  authScheme?: string;
  /**
   * The journal's reason when it is more precise than the code, e.g. `token_evicted` behind an
   * OAuth `invalid_grant`.
   */
  reason?: MockErrorCode;
}

export class MockError extends Error {
  override readonly name = 'MockError';
  readonly code: MockErrorCode;
  readonly details: MockErrorDetails;

  constructor(code: MockErrorCode, message: string, details: MockErrorDetails = {}) {
    // A refusal is an answer, not a failure: no stack trace (capturing one costs more than the rest).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.details = details;
  }
}

export function isMockError(value: unknown): value is MockError {
  return value instanceof MockError;
}

/** Credential codes: refusals that mean "who are you?" rather than "you may not". */
export const credentialCodes: ReadonlySet<MockErrorCode> = new Set([
  'credentials_missing',
  'header_misspelled',
  'token_unknown',
  'token_expired',
  'token_revoked',
  'token_evicted',
  'token_wrong_kind',
]);
