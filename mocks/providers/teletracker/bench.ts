/**
 * The benchmark scenario of this provider (TeleTracker: username/password login → UUID token bound to one account): which request is the authorized GET, which
 * the token issuance, and how to obtain the credential they need. `scripts/bench/scenarios.ts`
 * finds it through the registry; the built package leaves it out.
 */
import { type BenchRequest, bearer, form, getRequest, tokenScenario } from '../../../scripts/bench/scenario-kit.js';
import { users } from './fixtures.js';

const host = 'api.teletracker.net';
const callDataRange = 'start_date=2025-03-01&end_date=2025-03-31';
const user = users[0] as (typeof users)[0];
const login: BenchRequest = {
  method: 'POST',
  host,
  path: '/auth/login',
  headers: form,
  body: new URLSearchParams({ username: user.username, password: user.password }).toString(),
};

const authorizedGet = (token: string) =>
  getRequest(host, `/reports/call-data?${callDataRange}&account_id=${user.default_account_id}`, bearer(token));

export default tokenScenario({
  what: 'teletracker login',
  issue: { label: 'POST /auth/login (form)', request: login },
  take: (body) => body.token as string,
  get: { label: 'GET /reports/call-data', request: authorizedGet },
});
