/**
 * OAuth 2.0 pieces shared by the providers whose token endpoints follow RFC 6749 (EventBookings,
 * Eventix): reading a token request, authenticating the client (body or HTTP Basic), and the
 * RFC 6749 §5.2 / RFC 6750 §3 error bodies and challenges.
 */
import { fieldsOf } from './body.js';
import { decodeBasic, readAuthorization, safeEqual } from './credentials.js';
import { MockError, type MockErrorCode } from './errors.js';
import type { MockRequest, MockResponse, OperationContext } from './provider.js';
import type { TokenEntry, TokenStore } from './token-store.js';

/** RFC 6749 §5.1: token responses must not be cached. */
export const tokenResponseHeaders: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  pragma: 'no-cache',
};

/**
 * The fields of a token request (JSON or form). An unreadable body is `invalid_request`, as
 * OAuth2 servers answer it; an oversized one stays `payload_too_large`.
 */
export async function readTokenFields(request: MockRequest): Promise<Record<string, string>> {
  try {
    const body = await request.body();
    // RFC 6749 §4.1.3: token requests are form-encoded (JSON is accepted as the providers' docs show).
    if (body.kind === 'multipart')
      throw new MockError('invalid_request', 'Send the token request form-encoded or as JSON.');
    return fieldsOf(body);
  } catch (error) {
    if (error instanceof MockError && error.code !== 'payload_too_large') {
      throw new MockError('invalid_request', error.message);
    }
    throw error;
  }
}

/** A field the grant needs, or `invalid_request`. */
export function requireField(fields: Record<string, string>, name: string): string {
  const value = fields[name];
  if (value === undefined || value === '') throw new MockError('invalid_request', `${name} is required.`);
  return value;
}

/**
 * Authenticates the client of a token request: HTTP Basic (`client_secret_basic`) first, else
 * `client_id` / `client_secret` in the body (`client_secret_post`). `secretOf` looks the
 * registered secret up; unknown clients are compared against a dummy secret so both paths take
 * the same time. Returns the client id.
 */
export function authenticateClient(
  request: MockRequest,
  fields: Record<string, string>,
  context: OperationContext,
  secretOf: (clientId: string) => string | undefined,
): string {
  const auth = readAuthorization(request.headers);
  let clientId = fields.client_id;
  let secret = fields.client_secret;
  let authScheme: string | undefined;
  if (auth?.scheme === 'basic') {
    context.present('basic');
    authScheme = 'basic';
    const pair = decodeBasic(auth.credentials);
    if (pair === null) throw new MockError('invalid_client', 'The Basic credentials are malformed.', { authScheme });
    try {
      clientId = decodeURIComponent(pair.user);
      secret = decodeURIComponent(pair.password);
    } catch {
      throw new MockError('invalid_client', 'The Basic credentials are not URL-encoded correctly.', { authScheme });
    }
  } else if (clientId !== undefined || secret !== undefined) {
    context.present('client_secret');
  }
  const details = authScheme === undefined ? {} : { authScheme };
  if (clientId === undefined || clientId === '')
    throw new MockError('invalid_client', 'client_id is required.', details);
  if (secret === undefined || secret === '')
    throw new MockError('invalid_client', 'client_secret is required.', details);
  const registered = secretOf(clientId);
  const ok = safeEqual(secret, registered ?? 'x'.repeat(24)) && registered !== undefined;
  if (!ok) throw new MockError('invalid_client', 'Unknown client or wrong client secret.', details);
  return clientId;
}

/** The token of an API call sent as `Authorization: Bearer <token>` (RFC 6750 §2.1). */
export function bearerToken(request: MockRequest, context: OperationContext): string {
  const auth = readAuthorization(request.headers);
  if (auth === null) throw new MockError('credentials_missing', 'No access token was presented.');
  if (auth.scheme !== 'bearer') {
    context.present(auth.scheme === 'basic' ? 'basic' : 'none');
    throw new MockError('credentials_missing', 'Send the access token as Authorization: Bearer <token>.');
  }
  context.present('bearer');
  return auth.credentials;
}

/**
 * Looks an access token up. A refresh token presented in its place is `token_wrong_kind`; any
 * other refusal keeps the store's reason (unknown, expired, revoked).
 */
export function checkAccessToken<T>(
  accessTokens: TokenStore<T>,
  refreshTokens: TokenStore<unknown>,
  value: string,
): TokenEntry<T> {
  const result = accessTokens.check(value);
  if (result.ok) return result.entry;
  if (refreshTokens.check(value).ok) throw new MockError('token_wrong_kind', 'A refresh token is not an access token.');
  throw new MockError(result.reason, `The access token is not valid (${result.reason}).`);
}

/** RFC 6749 §5.2 / RFC 6750 §3.1 error body. */
export interface OAuthErrorBody {
  error: string;
  error_description: string;
  /** Field → problems, for validation errors. */
  errors?: Record<string, string[]>;
}

export interface OAuthErrorOptions {
  /** `realm` of Bearer challenges: the API host. */
  apiRealm: string;
  /** `realm` of Basic challenges: the token host. */
  tokenRealm: string;
  /** True when the request went to the token host (media-type errors are 400 there). */
  onTokenHost: boolean;
}

/** Quotes a value for a challenge parameter (RFC 9110 quoted-string). */
const quoted = (value: string) => `"${value.replace(/[\\"]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?')}"`;

/**
 * Every refusal in the OAuth2 / RFC 6750 shape `{error, error_description}`, with Bearer
 * challenges on 401/403 and a Basic challenge when a Basic-authenticated client fails.
 */
export function oauthErrorResponse(error: MockError, options: OAuthErrorOptions): MockResponse {
  const body = (code: string, extra: Partial<OAuthErrorBody> = {}): OAuthErrorBody => ({
    error: code,
    error_description: error.message,
    ...extra,
  });
  const bearer = (params: string) => ({ 'www-authenticate': `Bearer realm=${quoted(options.apiRealm)}${params}` });
  const code: MockErrorCode = error.code;
  switch (code) {
    case 'credentials_missing':
    case 'header_misspelled':
      // RFC 6750 §3.1: a request without credentials gets a challenge and no error code; the
      // body still says why.
      return { status: 401, headers: bearer(''), body: body('invalid_request') };
    case 'token_unknown':
    case 'token_expired':
    case 'token_revoked':
    case 'token_wrong_kind':
    case 'tenant_not_covered':
      return {
        status: 401,
        headers: bearer(`, error="invalid_token", error_description=${quoted(error.message)}`),
        body: body('invalid_token'),
      };
    case 'scope_missing':
      return {
        status: 403,
        headers: bearer(`, error="insufficient_scope", scope=${quoted(error.details.scope ?? '')}`),
        body: body('insufficient_scope'),
      };
    case 'forbidden':
      return { status: 403, body: body('access_denied') };
    case 'invalid_client':
      return error.details.authScheme === 'basic'
        ? {
            status: 401,
            headers: { 'www-authenticate': `Basic realm=${quoted(options.tokenRealm)}` },
            body: body('invalid_client'),
          }
        : { status: 400, body: body('invalid_client') };
    case 'invalid_request':
    case 'invalid_grant':
    case 'unauthorized_client':
    case 'unsupported_grant_type':
    case 'invalid_scope':
      return { status: 400, body: body(code) };
    case 'malformed_body':
    case 'tenant_ambiguous':
      return { status: 400, body: body('invalid_request') };
    case 'validation_failed':
      return {
        status: 400,
        body: body('invalid_request', error.details.fields ? { errors: error.details.fields } : {}),
      };
    case 'unsupported_media_type':
      return { status: options.onTokenHost ? 400 : 415, body: body('invalid_request') };
    case 'payload_too_large':
      return { status: 413, body: body('invalid_request') };
    case 'not_found':
    case 'route_not_found':
      return { status: 404, body: body('not_found') };
    case 'method_not_allowed':
      return { status: 405, body: body('method_not_allowed') };
    case 'internal':
      return { status: 500, body: body('server_error') };
  }
}
