/**
 * Eventix / OpenTicket / Weeztix (docs.openticket.tech, "Issuing requests"): authorization-code OAuth2 with single-use refresh
 * tokens, a per user/client token cap, and the `Company` header narrowing a token.
 */
import { defineProvider, MockError, type OptionsOf, randomToken, storeCredentials } from '../../core/index.js';
import * as config from './config.js';
import { errorResponse } from './errors.js';
import { apiHosts, authHosts, createOperations } from './operations.js';
import { createState, type Grant } from './state.js';

export type EventixOptions = OptionsOf<typeof config.options>;

const [authHost] = authHosts;

export default defineProvider({
  id: 'eventix',
  title: 'Eventix / OpenTicket / Weeztix',
  options: config.options,
  fixtures: config,
  credentialKinds: [],
  state: createState,
  create: (_env, settings, world, state) => ({
    hosts: [...authHosts, ...apiHosts],
    operations: createOperations(state, settings),
    fixtures: () => ({
      // Read from state: a rotated secret shows here until the next reset.
      clients: state.clients.findMany().map((c) => ({
        client_id: c.client_id,
        client_secret: c.client_secret,
        name: c.name,
        redirect_uris: [...c.redirect_uris],
        default_user: c.default_user,
      })),
      users: world().users.map((u) => ({
        guid: u.guid,
        name: u.name,
        email: u.email,
        default_company_id: u.default_company_id,
        companies: [...u.companies],
      })),
      companies: world().companies.map((c) => ({ ...c })),
      events: world().events.map((e) => ({ guid: e.guid, company_id: e.company_id, name: e.name, end: e.end })),
      authorize_url: `https://${authHost}/tokens/authorize`,
      token_url: `https://${authHost}/tokens`,
      auth_hosts: [...authHosts],
      api_hosts: [...apiHosts],
      access_token_ttl_seconds: settings.accessTokenTtlSeconds,
      refresh_token_ttl_seconds: settings.refreshTokenTtlSeconds,
      code_ttl_seconds: settings.codeTtlSeconds,
      token_cap: settings.tokenCap,
    }),
    demo: () =>
      world().clients.map((c) => ({
        label: `${c.name} (redirect ${c.redirect_uris[0] ?? ''})`,
        values: { client_id: c.client_id, client_secret: c.client_secret },
      })),
    errorResponse,
    credentials: (now) => {
      const whose = (d: { clientId: string; userGuid: string }) => `client ${d.clientId}, user ${d.userGuid}`;
      const grant = (d: Grant) => ({ whose: whose(d), companies: d.companies });
      return [
        ...storeCredentials(state.accessTokens, now, 'access_token', grant),
        ...storeCredentials(state.refreshTokens, now, 'refresh_token', grant),
        ...storeCredentials(state.codes, now, 'authorization_code', (d) => ({ whose: whose(d) }), {
          singleUse: true,
        }),
      ];
    },
    actions: {
      /**
       * Rotates a client's secret, as after a leak: every code and token issued to the client
       * ends. Input `{client_id, client_secret?}`; answers the new secret.
       */
      'rotate-secret': async (input) => {
        const clientId = typeof input.client_id === 'string' ? input.client_id : '';
        const client = state.clientById(clientId);
        if (client === undefined) throw new MockError('not_found', `No client ${clientId.slice(0, 64)}.`);
        const wanted = input.client_secret;
        if (wanted !== undefined && (typeof wanted !== 'string' || wanted.length < 8)) {
          throw new MockError(
            'invalid_request',
            'client_secret, when given, must be a string of 8 characters or more.',
          );
        }
        const secret = typeof wanted === 'string' ? wanted : `exs_${randomToken(18)}`;
        await state.clients.update((q) => q.where({ client_id: client.client_id }), {
          data(c) {
            c.client_secret = secret;
          },
        });
        state.reindex();
        const mine = (d: { clientId: string }) => d.clientId === clientId;
        const revoked =
          state.accessTokens.revokeWhere(mine) + state.refreshTokens.revokeWhere(mine) + state.codes.revokeWhere(mine);
        return { client_id: clientId, client_secret: secret, revoked };
      },
    },
  }),
});
