/**
 * EventBookings (seed 002): client_credentials and refresh_token on an IdentityServer token
 * endpoint, bearer tokens with scopes on the API host.
 */
import type { MockError, MockResponse, Provider, ProviderEnv, ProviderModule } from '../../core/index.js';
import type { components } from '../../generated/eventbookings.js';
import * as fixtures from './fixtures.js';
import { apiHost, createOperations, type EventBookingsOptions, identityHost } from './handlers.js';
import { createState } from './state.js';

export type { EventBookingsOptions } from './handlers.js';

type OAuthError = components['schemas']['OAuthError'];

const defaults: Required<EventBookingsOptions> = {
  accessTokenTtlSeconds: 3600,
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  issueRefreshToken: true,
};

/** Every refusal in the OAuth2 / RFC 6750 shape: `{error, error_description}`. */
function errorResponse(error: MockError, request: { host: string }): MockResponse {
  const onIdentity = request.host === identityHost;
  const body = (code: string, extra: Partial<OAuthError> = {}): OAuthError => ({
    error: code,
    error_description: error.message,
    ...extra,
  });
  const bearer = (params: string) => ({ 'www-authenticate': `Bearer realm="${apiHost}"${params}` });
  switch (error.code) {
    case 'credentials_missing':
      return { status: 401, headers: bearer(''), body: body('invalid_request') };
    case 'token_unknown':
    case 'token_expired':
    case 'token_revoked':
    case 'token_wrong_kind':
      return {
        status: 401,
        headers: bearer(`, error="invalid_token", error_description="${error.message}"`),
        body: body('invalid_token'),
      };
    case 'scope_missing':
      return {
        status: 403,
        headers: bearer(`, error="insufficient_scope", scope="${error.details.scope ?? ''}"`),
        body: body('insufficient_scope'),
      };
    case 'forbidden':
      return { status: 403, body: body('access_denied') };
    case 'invalid_client':
      // RFC 6749 §5.2: 401 with a challenge when the client authenticated with a header.
      return error.details.authScheme === 'basic'
        ? {
            status: 401,
            headers: { 'www-authenticate': `Basic realm="${identityHost}"` },
            body: body('invalid_client'),
          }
        : { status: 400, body: body('invalid_client') };
    case 'invalid_request':
    case 'invalid_grant':
    case 'unauthorized_client':
    case 'unsupported_grant_type':
    case 'invalid_scope':
      return { status: 400, body: body(error.code) };
    case 'malformed_body':
      return { status: 400, body: body('invalid_request') };
    case 'validation_failed':
      return {
        status: 400,
        body: body('invalid_request', error.details.fields ? { errors: error.details.fields } : {}),
      };
    case 'unsupported_media_type':
      return { status: onIdentity ? 400 : 415, body: body('invalid_request') };
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

export function createEventBookings(env: ProviderEnv, options: EventBookingsOptions = {}): Provider {
  const settings = { ...defaults, ...options };
  const state = createState(env.clock);
  let seeded = state.seed();
  return {
    id: 'eventbookings',
    title: 'EventBookings',
    hosts: [identityHost, apiHost],
    operations: createOperations(state, settings),
    ready: () => seeded,
    reset() {
      seeded = state.seed();
      return seeded;
    },
    fixtures: () => ({
      applications: fixtures.applications.map((a) => ({ ...a, scopes: [...a.scopes] })),
      organisations: fixtures.organisations.map((o) => ({ ...o })),
      events: fixtures.events.map((e) => ({ ...e })),
      token_url: `https://${identityHost}/connect/token`,
      access_token_ttl_seconds: settings.accessTokenTtlSeconds,
      refresh_token_ttl_seconds: settings.refreshTokenTtlSeconds,
    }),
    demo: () =>
      fixtures.applications.map((a) => ({
        label: `${a.name} (${a.scopes.join(', ')})`,
        values: { client_id: a.client_id, client_secret: a.client_secret },
      })),
    errorResponse,
    actions: {
      /** Ends every token issued to a client, as revoking its secret in the dashboard would. */
      'revoke-client': (input) => {
        const clientId = typeof input.client_id === 'string' ? input.client_id : '';
        const revoked =
          state.accessTokens.revokeWhere((d) => d.clientId === clientId) +
          state.refreshTokens.revokeWhere((d) => d.clientId === clientId);
        return { client_id: clientId, revoked };
      },
    },
  };
}

const eventbookings: ProviderModule<EventBookingsOptions> = {
  id: 'eventbookings',
  create: createEventBookings,
};
export default eventbookings;
