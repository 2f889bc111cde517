/**
 * TeleTracker REST API ("Get a Bearer Token", teletracker.net developer docs): username/password login for UUID tokens bound to one account,
 * refresh rotation, masquerade, Basic and Integrator credentials, `{success:false}` error bodies.
 */
import {
  type Provider,
  type ProviderEnv,
  type ProviderModule,
  storeCredentials,
  withSeededState,
} from '../../core/index.js';
import { createErrorResponse } from './errors.js';
import * as fixtures from './fixtures.js';
import { apiHost, createOperations, type TeleTrackerOptions } from './operations.js';
import { createState } from './state.js';

export type { TeleTrackerOptions } from './operations.js';

const defaults: Required<TeleTrackerOptions> = {
  tokenLifetimeSeconds: 3600,
  // The docs' example: token issued 20:39:12, refresh token until 29 days after the token's expiry.
  refreshTokenLifetimeSeconds: 29 * 86_400 + 3600,
  expiredTokenStatus: 401,
};

export function createTeleTracker(env: ProviderEnv, options: TeleTrackerOptions = {}): Provider {
  const settings = { ...defaults, ...options };
  const state = createState(env.clock);
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
    errorResponse: createErrorResponse(settings.expiredTokenStatus),
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

const teletracker: ProviderModule<TeleTrackerOptions> = {
  id: 'teletracker',
  create: createTeleTracker,
};
export default teletracker;
