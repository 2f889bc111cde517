/**
 * TeleTracker REST API ("Get a Bearer Token", teletracker.net developer docs): username/password login for UUID tokens bound to one account,
 * refresh rotation, masquerade, Basic and Integrator credentials, `{success:false}` error bodies.
 */
import {
  type MockError,
  type MockResponse,
  type Provider,
  type ProviderEnv,
  type ProviderModule,
  storeCredentials,
  withSeededState,
} from '../../core/index.js';
import type { components } from '../../generated/teletracker.js';
import { demoFixtures, type TeleTrackerFixtureSet } from './config.js';
import { apiHost, createOperations, type TeleTrackerOptions } from './handlers.js';
import { createState } from './state.js';

export type { TeleTrackerOptions } from './handlers.js';

type ErrorBody = components['schemas']['Error'];

const defaults: Required<TeleTrackerOptions> = {
  tokenLifetimeSeconds: 3600,
  // The docs' example: token issued 20:39:12, refresh token until 29 days after the token's expiry.
  refreshTokenLifetimeSeconds: 29 * 86_400 + 3600,
  expiredTokenStatus: 401,
};

/** Every refusal as `{success:false, code, message}`; a 400 for missing variables lists them. */
function errorResponse(error: MockError, expiredTokenStatus: 401 | 403): MockResponse {
  const reply = (status: number, code: ErrorBody['code'], extra: Partial<ErrorBody> = {}): MockResponse => ({
    status,
    body: { success: false, code, message: error.message, ...extra } satisfies ErrorBody,
  });
  switch (error.code) {
    case 'credentials_missing':
    case 'header_misspelled':
    case 'token_unknown':
    case 'token_revoked':
    case 'token_evicted':
    case 'token_wrong_kind':
    case 'invalid_grant':
      return reply(401, 'UNAUTHORIZED');
    // The docs: "an expired bearer token will result in a 401 or 403 response": 401 unless the
    // option `expiredTokenStatus` says 403.
    case 'token_expired':
      return reply(expiredTokenStatus, 'TOKEN_EXPIRED');
    case 'invalid_client':
      return reply(401, 'INVALID_CREDENTIALS');
    case 'tenant_not_covered':
      return reply(403, 'ACCOUNT_NOT_ACCESSIBLE');
    case 'scope_missing':
    case 'forbidden':
      return reply(403, 'FORBIDDEN');
    case 'invalid_request':
      return error.details.fields === undefined
        ? reply(400, 'BAD_REQUEST')
        : reply(400, 'MISSING_PARAMETERS', { missing: Object.keys(error.details.fields) });
    case 'validation_failed':
      return reply(400, 'INVALID_PARAMETERS', { errors: error.details.fields ?? {} });
    case 'malformed_body':
    case 'tenant_ambiguous':
    case 'unauthorized_client':
    case 'unsupported_grant_type':
    case 'invalid_scope':
      return reply(400, 'BAD_REQUEST');
    case 'unsupported_media_type':
      return reply(415, 'UNSUPPORTED_MEDIA_TYPE');
    case 'payload_too_large':
      return reply(413, 'PAYLOAD_TOO_LARGE');
    case 'not_found':
    case 'route_not_found':
      return reply(404, 'NOT_FOUND');
    case 'method_not_allowed':
      return reply(405, 'METHOD_NOT_ALLOWED');
    case 'internal':
      return reply(500, 'INTERNAL_ERROR');
  }
}

// `initial`: the world to seed from (a user's config, see ./config.ts); `fixtures()`, `demo()` and reset follow it,
// and `useFixtures` swaps it at run time (PUT /__control/fixtures).
export function createTeleTracker(
  env: ProviderEnv,
  options: TeleTrackerOptions = {},
  initial: TeleTrackerFixtureSet = demoFixtures,
): Provider {
  const settings = { ...defaults, ...options };
  let fixtures = initial;
  const state = createState(env.clock, () => fixtures);
  return withSeededState(state, {
    id: 'teletracker',
    title: 'TeleTracker REST API',
    hosts: [apiHost],
    operations: createOperations(state, settings),
    fixtures: () => ({
      users: fixtures.users.map((u) => ({ ...u, accounts: [...u.accounts], permissions: [...u.permissions] })),
      accounts: fixtures.accounts.map((a) => ({ ...a })),
      api_base: `https://${apiHost}`,
      call_data_range: { start_date: '2025-03-01', end_date: '2025-03-31' },
      token_lifetime_seconds: settings.tokenLifetimeSeconds,
      refresh_token_lifetime_seconds: settings.refreshTokenLifetimeSeconds,
    }),
    demo: () =>
      fixtures.users.map((u) => ({
        label: `user with account${u.accounts.length > 1 ? 's' : ''} ${u.accounts.join(', ')} (default ${u.default_account_id})${u.permissions.includes('reports') ? '' : ', no report access'}`,
        values: { username: u.username, password: u.password },
      })),
    fixtureSet: () => fixtures,
    useFixtures: (set) => {
      fixtures = set as TeleTrackerFixtureSet;
    },
    errorResponse: (error) => errorResponse(error, settings.expiredTokenStatus),
    credentials: (now) => {
      const fields = (d: { userGuid: string; accountId: number }) => ({
        whose: `user ${state.users.findFirst((q) => q.where({ guid: d.userGuid }))?.username ?? d.userGuid}, account ${d.accountId}`,
      });
      return [
        ...storeCredentials(state.tokens, now, 'access_token', fields),
        ...storeCredentials(state.refreshTokens, now, 'refresh_token', fields),
      ];
    },
  });
}

const teletracker: ProviderModule<TeleTrackerOptions, TeleTrackerFixtureSet> = {
  id: 'teletracker',
  create: createTeleTracker,
};
export default teletracker;
