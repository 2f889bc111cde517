/**
 * EventBookings ("EventBookings API Authentication", developers.eventbookings.com): client_credentials and refresh_token on an IdentityServer token
 * endpoint, bearer tokens with scopes on the API host.
 */
import {
  ControlError,
  type MockError,
  type MockResponse,
  oauthErrorResponse,
  type Provider,
  type ProviderEnv,
  type ProviderModule,
  storeCredentials,
  withSeededState,
} from '../../core/index.js';
import { demoFixtures, type EventBookingsFixtureSet } from './config.js';
import { apiHost, createOperations, type EventBookingsOptions, identityHost } from './handlers.js';
import { createState } from './state.js';

export type { EventBookingsOptions } from './handlers.js';

const defaults: Required<EventBookingsOptions> = {
  accessTokenTtlSeconds: 3600,
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  issueRefreshToken: true,
};

/** Every refusal in the OAuth2 / RFC 6750 shape: `{error, error_description}`. */
function errorResponse(error: MockError, request: { host: string }): MockResponse {
  return oauthErrorResponse(error, {
    apiRealm: apiHost,
    tokenRealm: identityHost,
    onTokenHost: request.host === identityHost,
    // Duende IdentityServer's TokenErrorResult: 400 invalid_client, no challenge, however the
    // client authenticated.
    invalidClient: 'identityserver',
  });
}

// `initial`: the world to seed from (a user's config, see ./config.ts); `fixtures()`, `demo()` and reset follow it,
// and `useFixtures` swaps it at run time (PUT /__control/fixtures).
export function createEventBookings(
  env: ProviderEnv,
  options: EventBookingsOptions = {},
  initial: EventBookingsFixtureSet = demoFixtures,
): Provider {
  const settings = { ...defaults, ...options };
  let fixtures = initial;
  const state = createState(env.clock, () => fixtures);
  return withSeededState(state, {
    id: 'eventbookings',
    title: 'EventBookings',
    hosts: [identityHost, apiHost],
    operations: createOperations(state, settings),
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
    fixtureSet: () => fixtures,
    useFixtures: (set) => {
      fixtures = set as EventBookingsFixtureSet;
    },
    errorResponse,
    credentials: (now) => {
      const fields = (d: { clientId: string; scopes: string[] }) => ({
        whose: `client ${d.clientId}`,
        scopes: d.scopes,
      });
      return [
        ...storeCredentials(state.accessTokens, now, 'access_token', fields),
        ...storeCredentials(state.refreshTokens, now, 'refresh_token', fields),
      ];
    },
    actions: {
      /** Ends every token issued to a client, as revoking its secret in the dashboard would. */
      'revoke-client': (input) => {
        const clientId = typeof input.client_id === 'string' ? input.client_id : '';
        if (clientId === '' || state.applications.findFirst((q) => q.where({ client_id: clientId })) === undefined) {
          throw new ControlError('not_found', 'Send {"client_id": "…"} of a known client.');
        }
        const revoked =
          state.accessTokens.revokeWhere((d) => d.clientId === clientId) +
          state.refreshTokens.revokeWhere((d) => d.clientId === clientId);
        return { client_id: clientId, revoked };
      },
    },
  });
}

const eventbookings: ProviderModule<EventBookingsOptions, EventBookingsFixtureSet> = {
  id: 'eventbookings',
  create: createEventBookings,
};
export default eventbookings;
