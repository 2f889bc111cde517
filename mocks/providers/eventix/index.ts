/**
 * Eventix / OpenTicket / Weeztix (docs.openticket.tech, "Issuing requests"): authorization-code OAuth2 with single-use refresh
 * tokens, a per user/client token cap, and the `Company` header narrowing a token.
 */
import {
  MockError,
  type MockResponse,
  oauthErrorResponse,
  type Provider,
  type ProviderEnv,
  type ProviderModule,
  randomToken,
  storeCredentials,
  withSeededState,
} from '../../core/index.js';
import { demoFixtures, type EventixFixtureSet } from './config.js';
import { apiHosts, authHosts, createOperations, type EventixOptions } from './handlers.js';
import { createState, type Grant } from './state.js';

export type { EventixOptions } from './handlers.js';

const defaults: Required<EventixOptions> = {
  accessTokenTtlSeconds: 259_200,
  refreshTokenTtlSeconds: 365 * 24 * 3600,
  codeTtlSeconds: 60,
  tokenCap: 10,
};

const [authHost] = authHosts;

/** Every refusal in the OAuth2 / RFC 6750 shape `{error, error_description}`. */
function errorResponse(error: MockError, request: { host: string }): MockResponse {
  const onAuth = (authHosts as readonly string[]).includes(request.host);
  return oauthErrorResponse(error, {
    apiRealm: request.host,
    // league/oauth2-server (Laravel Passport): invalid_client is 401, with
    // `WWW-Authenticate: Basic realm="OAuth"` only when the request sent an Authorization header.
    tokenRealm: 'OAuth',
    onTokenHost: onAuth,
    invalidClient: 'league',
  });
}

// `initial`: the world to seed from (a user's config, see ./config.ts); `fixtures()`, `demo()` and reset follow it,
// and `useFixtures` swaps it at run time (PUT /__control/fixtures).
export function createEventix(
  env: ProviderEnv,
  options: EventixOptions = {},
  initial: EventixFixtureSet = demoFixtures,
): Provider {
  const settings = { ...defaults, ...options };
  let fixtures = initial;
  const state = createState(env.clock, () => fixtures);
  return withSeededState(state, {
    id: 'eventix',
    title: 'Eventix / OpenTicket / Weeztix',
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
      users: fixtures.users.map((u) => ({
        guid: u.guid,
        name: u.name,
        email: u.email,
        default_company_id: u.default_company_id,
        companies: [...u.companies],
      })),
      companies: fixtures.companies.map((c) => ({ ...c })),
      events: fixtures.events.map((e) => ({ guid: e.guid, company_id: e.company_id, name: e.name, end: e.end })),
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
      fixtures.clients.map((c) => ({
        label: `${c.name} (redirect ${c.redirect_uris[0] ?? ''})`,
        values: { client_id: c.client_id, client_secret: c.client_secret },
      })),
    fixtureSet: () => fixtures,
    useFixtures: (set) => {
      fixtures = set as EventixFixtureSet;
    },
    errorResponse,
    credentials: (now) => {
      const whose = (d: { clientId: string; userGuid: string }) => `client ${d.clientId}, user ${d.userGuid}`;
      const grant = (d: Grant) => ({ whose: whose(d), companies: d.companies });
      return [
        ...storeCredentials(state.accessTokens, now, 'access_token', grant),
        ...storeCredentials(state.refreshTokens, now, 'refresh_token', grant),
        ...storeCredentials(state.codes, now, 'authorization_code', (d) => ({ whose: whose(d) }), { singleUse: true }),
      ];
    },
    actions: {
      /**
       * Rotates a client's secret, as after a leak: every code and token issued to the client
       * ends. Input `{client_id, client_secret?}`; answers the new secret.
       */
      'rotate-secret': async (input) => {
        const clientId = typeof input.client_id === 'string' ? input.client_id : '';
        const client = state.clients.findFirst((q) => q.where({ client_id: clientId }));
        if (client === undefined) throw new MockError('not_found', `No client ${clientId.slice(0, 64)}.`);
        const wanted = input.client_secret;
        if (wanted !== undefined && (typeof wanted !== 'string' || wanted.length < 8)) {
          throw new MockError(
            'invalid_request',
            'client_secret, when given, must be a string of 8 characters or more.',
          );
        }
        const secret = typeof wanted === 'string' ? wanted : `exs_${randomToken(18)}`;
        await state.clients.update(client, {
          data(c) {
            c.client_secret = secret;
          },
        });
        const mine = (d: { clientId: string }) => d.clientId === clientId;
        const revoked =
          state.accessTokens.revokeWhere(mine) + state.refreshTokens.revokeWhere(mine) + state.codes.revokeWhere(mine);
        return { client_id: clientId, client_secret: secret, revoked };
      },
    },
  });
}

const eventix: ProviderModule<EventixOptions, EventixFixtureSet> = { id: 'eventix', create: createEventix };
export default eventix;
