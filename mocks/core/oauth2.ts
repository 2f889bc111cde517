/**
 * OAuth 2.0 pieces shared by the providers whose token endpoints follow RFC 6749 (EventBookings,
 * Eventix): reading a token request, authenticating the client (body or HTTP Basic), and the
 * RFC 6749 §5.2 / RFC 6750 §3 error bodies and challenges.
 */
import { fieldsOf } from './body.js';
import { decodeBasic, formDecode, readAuthorization, safeEqual } from './credentials.js';
import { defaultStatus, type ErrorBody, errorBodies, laravelRouteMessage, MockError, sameBody } from './errors.js';
import type { MockRequest, OperationContext } from './provider.js';
import type { TokenEntry, TokenRefusal, TokenStore } from './token-store.js';

/**
 * RFC 6749 §5.1: an answer that carries a credential (a token, a session token, an
 * authorization code in a redirect) must not be cached. Every provider sends this pair on every
 * such answer.
 */
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

/** How a provider's real server reads client credentials. */
export interface ClientAuthOptions {
  /**
   * How the Basic user and password are decoded after base64: `form` (RFC 6749 §2.3.1: `+` is a
   * space, `%XX` escapes; IdentityServer does this) or `none` (league/oauth2-server takes them
   * as they are). Default `form`.
   */
  basicDecoding?: 'form' | 'none';
  /**
   * Which credentials win when both HTTP Basic and the body carry them: `basic` (IdentityServer
   * tries its Basic parser first) or `body` (league/oauth2-server reads each body parameter,
   * `client_id` and `client_secret`, with the Basic value as its default; a malformed Basic
   * header counts as absent). Default `basic`.
   */
  precedence?: 'basic' | 'body';
  /**
   * How a request without a `client_id` (neither in the body nor as the Basic user) is refused:
   * `invalid_client` (default) or `invalid_request` (league/oauth2-server's
   * `invalidRequest('client_id')`).
   */
  missingClientId?: 'invalid_client' | 'invalid_request';
  /**
   * How a known client without a secret is refused: `invalid_client` (default; league 8.x) or
   * `invalid_request` (league/oauth2-server 9.x `AbstractGrant::validateClient`:
   * `invalidRequest('client_secret')` for a confidential client, checked after the client is
   * found, so an unknown client stays `invalid_client`).
   */
  missingSecret?: 'invalid_client' | 'invalid_request';
}

/** league/oauth2-server's hint for a parameter it could not use: ``Check the `code` parameter``. */
export function checkParameterHint(name: string): string {
  return `Check the \`${name}\` parameter`;
}

/** A token request's fields, its `grant_type` and the authenticated client id. */
export interface TokenRequest {
  fields: Record<string, string>;
  grantType: string;
  clientId: string;
}

/**
 * The opening of every token endpoint: read the fields (invalid_request when unreadable), require
 * `grant_type`, authenticate the client (see `authenticateClient`).
 */
export async function openTokenRequest(
  request: MockRequest,
  context: OperationContext,
  secretOf: (clientId: string) => string | undefined,
  options: ClientAuthOptions = {},
): Promise<TokenRequest> {
  const fields = await readTokenFields(request);
  const grantType = requireField(fields, 'grant_type');
  const clientId = authenticateClient(request, fields, context, secretOf, options);
  return { fields, grantType, clientId };
}

/**
 * Authenticates the client of a token request: HTTP Basic (`client_secret_basic`) or
 * `client_id` / `client_secret` in the body (`client_secret_post`), decoded and ordered as the
 * provider's server does (`ClientAuthOptions`). `secretOf` looks the registered secret up;
 * unknown clients are compared against a dummy secret so both paths take the same time. Returns
 * the client id. A refusal carries the scheme of any Authorization header sent (`authScheme`),
 * for the challenge.
 */
export function authenticateClient(
  request: MockRequest,
  fields: Record<string, string>,
  context: OperationContext,
  secretOf: (clientId: string) => string | undefined,
  options: ClientAuthOptions = {},
): string {
  const auth = readAuthorization(request.headers);
  const details = auth === null ? {} : { authScheme: auth.scheme };
  let clientId = fields.client_id;
  let secret = fields.client_secret;
  const bodyCarries = clientId !== undefined || secret !== undefined;
  if (auth?.scheme === 'basic') {
    const pair = decodeBasic(auth.credentials);
    const decode = options.basicDecoding === 'none' ? (v: string) => v : formDecode;
    if (options.precedence === 'body') {
      // league: each body parameter, with the Basic value as its default.
      clientId ??= pair === null ? undefined : decode(pair.user);
      secret ??= pair === null ? undefined : decode(pair.password);
      context.present(fields.client_secret !== undefined ? 'client_secret' : 'basic');
    } else {
      context.present('basic');
      if (pair === null) throw new MockError('invalid_client', 'The Basic credentials are malformed.', details);
      clientId = decode(pair.user);
      secret = decode(pair.password);
    }
  } else if (bodyCarries) {
    context.present('client_secret');
  }
  if (clientId === undefined || clientId === '') {
    if (options.missingClientId === 'invalid_request') {
      throw new MockError('invalid_request', 'client_id is required.', { hint: checkParameterHint('client_id') });
    }
    throw new MockError('invalid_client', 'client_id is required.', details);
  }
  const registered = secretOf(clientId);
  if (secret === undefined || secret === '') {
    if (options.missingSecret === 'invalid_request' && registered !== undefined) {
      throw new MockError('invalid_request', 'client_secret is required.', {
        hint: checkParameterHint('client_secret'),
      });
    }
    throw new MockError('invalid_client', 'client_secret is required.', details);
  }
  const ok = safeEqual(secret, registered ?? 'x'.repeat(24)) && registered !== undefined;
  if (!ok) throw new MockError('invalid_client', 'Unknown client or wrong client secret.', details);
  return clientId;
}

// ---- PKCE (RFC 7636) ----

export type PkceMethod = 'S256' | 'plain';

/** The challenge an authorization code was issued with. */
export interface PkceChallenge {
  challenge: string;
  method: PkceMethod;
}

/** RFC 7636 §4.1/§4.2: 43 to 128 unreserved characters. */
const pkceValue = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * The PKCE challenge of an authorize request, or undefined when it sends none (a method without
 * a challenge is ignored). An unknown method or a malformed challenge is `invalid_request`
 * (RFC 7636 §4.4.1), which the authorize endpoint redirects.
 */
export function readPkceChallenge(query: URLSearchParams): PkceChallenge | undefined {
  const challenge = query.get('code_challenge');
  if (challenge === null || challenge === '') return undefined;
  const method = query.get('code_challenge_method') ?? 'plain';
  if (method !== 'S256' && method !== 'plain') {
    throw new MockError('invalid_request', 'code_challenge_method must be S256 or plain.');
  }
  if (!pkceValue.test(challenge)) {
    throw new MockError('invalid_request', 'code_challenge must be 43 to 128 unreserved characters (RFC 7636).');
  }
  return { challenge, method };
}

function base64url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Checks the `code_verifier` of a code exchange against the challenge the code was issued with
 * (RFC 7636 §4.6), as league/oauth2-server does: a challenge without a verifier, or a malformed
 * verifier, is `invalid_request`; a verifier that does not match is `invalid_grant`; a verifier
 * for a code issued without a challenge is `invalid_request` (a PKCE downgrade).
 */
export async function verifyPkce(pkce: PkceChallenge | undefined, verifier: string | undefined): Promise<void> {
  const given = verifier === undefined || verifier === '' ? undefined : verifier;
  if (pkce === undefined) {
    if (given !== undefined) {
      throw new MockError(
        'invalid_request',
        'code_verifier was sent, but the code was issued without a code_challenge.',
      );
    }
    return;
  }
  if (given === undefined) {
    throw new MockError('invalid_request', 'code_verifier is required: the code was issued with a code_challenge.');
  }
  if (!pkceValue.test(given)) {
    throw new MockError('invalid_request', 'code_verifier must be 43 to 128 unreserved characters (RFC 7636).');
  }
  const derived =
    pkce.method === 'S256' ? base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(given))) : given;
  if (!safeEqual(derived, pkce.challenge)) {
    throw new MockError('invalid_grant', 'code_verifier does not match the code_challenge.');
  }
}

// ---- descriptions in words ----

const refusalWords: Readonly<Record<TokenRefusal, string>> = {
  token_unknown: 'is not known',
  token_expired: 'has expired',
  token_revoked: 'has been revoked or replaced',
  token_evicted: 'was evicted: its owner holds more live tokens than the mock keeps',
};

/**
 * A refusal described in words ("The access token has expired."): the code itself stays in the
 * journal (`reason`) and the error's `code`, never in `error_description`.
 */
export function describeRefusal(what: string, reason: TokenRefusal): string {
  return `The ${what} ${refusalWords[reason]}.`;
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
  throw new MockError(result.reason, describeRefusal('access token', result.reason));
}

/**
 * `invalid_grant` for a refused code or refresh token, with the provider's text for the store's
 * reason; one dropped for capacity also says `token_evicted` in the journal.
 */
export function grantRefused(texts: Readonly<Record<TokenRefusal, string>>, reason: TokenRefusal): MockError {
  return new MockError('invalid_grant', texts[reason], reason === 'token_evicted' ? { reason } : {});
}

/** RFC 6749 §5.2 / RFC 6750 §3.1 error body. */
export interface OAuthErrorBody {
  error: string;
  error_description: string;
  /** Field → problems, for validation errors. */
  errors?: Record<string, string[]>;
  /** league/oauth2-server: the specific reason behind its fixed `error_description`. */
  hint?: string;
}

/**
 * league/oauth2-server 9.x `OAuthServerException`: the fixed `error_description` of each error
 * type it raises at the authorize and token endpoints (the specific reason goes in `hint`).
 */
const leagueDescriptions: Readonly<Partial<Record<MockError['code'], string>>> = {
  invalid_request:
    'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
  invalid_client: 'Client authentication failed',
  invalid_grant:
    'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  invalid_scope: 'The requested scope is invalid, unknown, or malformed',
  unauthorized_client: 'The authenticated client is not authorized to use this authorization grant type.',
};

export interface OAuthErrorOptions {
  /** `realm` of Bearer challenges; the request's host when not given. */
  apiRealm?: string;
  /** `realm` of Basic challenges. */
  tokenRealm: string;
  /** The hosts of the token endpoint, where a wrong media type is a 400, not a 415. */
  tokenHosts: readonly string[];
  /**
   * How a failed client authentication (`invalid_client`) is answered:
   * - `rfc6749` (default): 401 with a `Basic` challenge when the client used HTTP Basic, else 400;
   * - `identityserver`: always 400 and no challenge (Duende IdentityServer's `TokenErrorResult`);
   * - `league`: always 401; a challenge (`Basic`, or `Bearer` for a Bearer header, with realm
   *   `tokenRealm`) only when the request carried an Authorization header
   *   (league/oauth2-server's `OAuthServerException::invalidClient`).
   */
  invalidClient?: 'rfc6749' | 'identityserver' | 'league';
  /**
   * Answer the OAuth2 endpoint errors (`invalid_request`, `invalid_client`, `invalid_grant`,
   * `unsupported_grant_type`, `invalid_scope`, `unauthorized_client`) as league/oauth2-server's
   * `OAuthServerException::getPayload()`: its fixed `error_description` for the error type, and
   * the specific reason (`details.hint`, else the message) in `hint`, which league sends for
   * every type but `invalid_client`.
   */
  league?: boolean;
  /**
   * Operations whose error answers carry `Cache-Control: no-store` and `Pragma: no-cache` as
   * their successful ones do (Duende IdentityServer's `TokenErrorResult` calls `SetNoCache()`).
   */
  noStoreErrors?: readonly string[];
  /**
   * How the server's web framework answers a path no operation serves (404) or a method the
   * path does not take (405). Never with an OAuth `error` member: client libraries would report
   * it as an OAuth error code (the journal keeps the reason, `route_not_found`).
   * - `laravel` (default): `{message}`, as Laravel renders its `NotFoundHttpException`
   *   ("The route … could not be found.") and `MethodNotAllowedHttpException` as JSON;
   * - `aspnetcore`: no body, as ASP.NET Core's endpoint routing answers.
   */
  framework?: 'laravel' | 'aspnetcore';
}

/** Values quoted before (challenge realms and descriptions come from a small set of texts). */
const quotedCache = new Map<string, string>();

/** Quotes a value for a challenge parameter (RFC 9110 quoted-string). */
function quoted(value: string): string {
  let out = value.length > 256 ? undefined : quotedCache.get(value);
  if (out === undefined) {
    out = `"${value.replace(/[\\"]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?')}"`;
    // Bounded: a description can quote input (a scope name, say), so start over past 512.
    if (value.length <= 256) {
      if (quotedCache.size >= 512) quotedCache.clear();
      quotedCache.set(value, out);
    }
  }
  return out;
}

/**
 * Every refusal in the OAuth2 / RFC 6750 shape `{error, error_description}`, with Bearer
 * challenges on 401/403 and a Basic challenge when a Basic-authenticated client fails: a
 * provider's `errorResponse` (see `errorBodies`).
 */
export function oauthErrorBodies(options: OAuthErrorOptions): ErrorBody {
  const body = (error: MockError, code: string, extra: Partial<OAuthErrorBody> = {}): OAuthErrorBody => {
    const fixed = options.league === true ? leagueDescriptions[error.code] : undefined;
    if (fixed === undefined) return { error: code, error_description: error.message, ...extra };
    const hint = error.details.hint ?? (error.code === 'invalid_client' ? undefined : error.message);
    return { error: code, error_description: fixed, ...(hint === undefined ? {} : { hint }), ...extra };
  };
  const bearer = (params: string, host: string) => ({
    'www-authenticate': `Bearer realm=${quoted(options.apiRealm ?? host)}${params}`,
  });
  const basic = { 'www-authenticate': `Basic realm=${quoted(options.tokenRealm)}` };
  const plain =
    (status: number, code: string): ErrorBody =>
    (error) => ({ status, body: body(error, code) });
  const asItself: ErrorBody = (error) => ({ status: 400, body: body(error, error.code) });
  const answer = oauthErrorTable(options, body, bearer, basic, plain, asItself);
  const noStore = options.noStoreErrors;
  if (noStore === undefined || noStore.length === 0) return answer;
  return (error, context) => {
    const response = answer(error, context);
    if (context.operationId === null || !noStore.includes(context.operationId)) return response;
    return { ...response, headers: { ...response.headers, ...tokenResponseHeaders } };
  };
}

function oauthErrorTable(
  options: OAuthErrorOptions,
  body: (error: MockError, code: string, extra?: Partial<OAuthErrorBody>) => OAuthErrorBody,
  bearer: (params: string, host: string) => Record<string, string>,
  basic: Record<string, string>,
  plain: (status: number, code: string) => ErrorBody,
  asItself: ErrorBody,
): ErrorBody {
  return errorBodies(
    {
      // RFC 6750 §3.1: a request without credentials gets a challenge and no error code; the
      // body still says why.
      ...sameBody(['credentials_missing', 'header_misspelled'], (error, { host }) => ({
        status: 401,
        headers: bearer('', host),
        body: body(error, 'invalid_request'),
      })),
      ...sameBody(
        ['token_unknown', 'token_expired', 'token_revoked', 'token_evicted', 'token_wrong_kind', 'tenant_not_covered'],
        (error, { host }) => ({
          status: 401,
          headers: bearer(`, error="invalid_token", error_description=${quoted(error.message)}`, host),
          body: body(error, 'invalid_token'),
        }),
      ),
      scope_missing: (error, { host }) => ({
        status: 403,
        headers: bearer(`, error="insufficient_scope", scope=${quoted(error.details.scope ?? '')}`, host),
        body: body(error, 'insufficient_scope'),
      }),
      forbidden: plain(403, 'access_denied'),
      invalid_client: (error) => {
        const scheme = error.details.authScheme;
        const style = options.invalidClient ?? 'rfc6749';
        if (style === 'identityserver') return { status: 400, body: body(error, 'invalid_client') };
        if (style === 'league') {
          if (scheme === undefined) return { status: 401, body: body(error, 'invalid_client') };
          const word = scheme === 'bearer' ? 'Bearer' : 'Basic';
          return {
            status: 401,
            headers: { 'www-authenticate': `${word} realm=${quoted(options.tokenRealm)}` },
            body: body(error, 'invalid_client'),
          };
        }
        return scheme === 'basic'
          ? { status: 401, headers: basic, body: body(error, 'invalid_client') }
          : { status: 400, body: body(error, 'invalid_client') };
      },
      ...sameBody(
        ['invalid_request', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope'],
        asItself,
      ),
      ...sameBody(['malformed_body', 'tenant_ambiguous', 'records_full'], plain(400, 'invalid_request')),
      validation_failed: (error) => ({
        status: 400,
        body: body(error, 'invalid_request', error.details.fields ? { errors: error.details.fields } : {}),
      }),
      unsupported_media_type: (error, context) => ({
        status: options.tokenHosts.includes(context.host) ? 400 : 415,
        body: body(error, 'invalid_request'),
      }),
      payload_too_large: plain(413, 'invalid_request'),
      not_found: plain(404, 'not_found'),
      ...sameBody(['route_not_found', 'method_not_allowed'], (error) => ({
        status: defaultStatus[error.code],
        ...(options.framework === 'aspnetcore' ? {} : { body: { message: laravelRouteMessage(error) } }),
      })),
      internal: plain(500, 'server_error'),
    },
    (error) => ({ status: defaultStatus[error.code], body: body(error, error.code) }),
  );
}
