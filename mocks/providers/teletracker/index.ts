/**
 * TeleTracker REST API ("Get a Bearer Token", teletracker.net developer docs): username/password login for UUID tokens bound to one account,
 * refresh rotation, masquerade, Basic and Integrator credentials, `{success:false}` error bodies.
 */
import { defineProvider, type OptionsOf, storeCredentials } from '../../core/index.js';
import * as config from './config.js';
import { createErrorResponse } from './errors.js';
import { apiHost, createOperations } from './operations.js';
import { createState } from './state.js';

export type TeleTrackerOptions = OptionsOf<typeof config.options>;

export default defineProvider({
  id: 'teletracker',
  title: 'TeleTracker REST API',
  options: config.options,
  fixtures: config,
  credentialKinds: ['integrator'],
  state: createState,
  create: (_env, settings, world, state) => ({
    hosts: [apiHost],
    operations: createOperations(state, settings),
    fixtures: () => ({
      users: world().users.map((u) => ({ ...u, accounts: [...u.accounts], permissions: [...u.permissions] })),
      accounts: world().accounts.map((a) => ({ ...a })),
      api_base: `https://${apiHost}`,
      call_data_range: { start_date: '2025-03-01', end_date: '2025-03-31' },
      token_lifetime_seconds: settings.tokenLifetimeSeconds,
      refresh_token_lifetime_seconds: settings.refreshTokenLifetimeSeconds,
    }),
    demo: () =>
      world().users.map((u) => ({
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
  }),
});
