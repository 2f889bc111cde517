/**
 * EventBookings ("EventBookings API Authentication", developers.eventbookings.com): client_credentials and refresh_token on an IdentityServer token
 * endpoint, bearer tokens with scopes on the API host.
 */
import { defineProvider, MockError, type OptionsOf, storeCredentials } from '../../core/index.js';
import * as config from './config.js';
import { errorResponse } from './errors.js';
import { apiHost, createOperations, identityHost } from './operations.js';
import { createState } from './state.js';

export type EventBookingsOptions = OptionsOf<typeof config.options>;

export default defineProvider({
  id: 'eventbookings',
  title: 'EventBookings',
  options: config.options,
  fixtures: config,
  credentialKinds: [],
  state: createState,
  create: (_env, settings, world, state) => ({
    hosts: [identityHost, apiHost],
    operations: createOperations(state, settings),
    fixtures: () => ({
      applications: world().applications.map((a) => ({ ...a, scopes: [...a.scopes] })),
      organisations: world().organisations.map((o) => ({ ...o })),
      events: world().events.map((e) => ({ ...e })),
      token_url: `https://${identityHost}/connect/token`,
      access_token_ttl_seconds: settings.accessTokenTtlSeconds,
      refresh_token_ttl_seconds: settings.refreshTokenTtlSeconds,
    }),
    demo: () =>
      world().applications.map((a) => ({
        label: `${a.name} (${a.scopes.join(', ')})`,
        values: { client_id: a.client_id, client_secret: a.client_secret },
      })),
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
        if (clientId === '' || state.applicationById(clientId) === undefined) {
          throw new MockError('not_found', 'Send {"client_id": "…"} of a known client.');
        }
        const revoked =
          state.accessTokens.revokeWhere((d) => d.clientId === clientId) +
          state.refreshTokens.revokeWhere((d) => d.clientId === clientId);
        return { client_id: clientId, revoked };
      },
    },
  }),
});
