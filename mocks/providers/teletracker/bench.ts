/**
 * The benchmark scenario of this provider (TeleTracker: username/password login → UUID token bound
 * to one account): which request is the authorized GET, which the token issuance, and how to
 * obtain the credentials they need. `scripts/bench/scenarios.ts` finds it through the registry;
 * the built package leaves it out.
 */
import { type BenchRequest, expectJson, fixed, type Scenario } from '../../../scripts/bench/scenario-kit.js';
import { users as ttUsers } from './fixtures.js';

const ttUser = ttUsers[0] as (typeof ttUsers)[0];
const ttLogin: BenchRequest = {
  method: 'POST',
  host: 'api.teletracker.net',
  path: '/auth/login',
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
  body: new URLSearchParams({ username: ttUser.username, password: ttUser.password }).toString(),
};

const teletracker: Scenario<{ token: string }> = {
  async prepare(call) {
    const body = await expectJson(call(ttLogin), 'teletracker login');
    return { token: body.token as string };
  },
  get: {
    label: 'GET /reports/call-data',
    method: 'GET',
    expect: 200,
    load: (ctx) =>
      fixed({
        method: 'GET',
        host: 'api.teletracker.net',
        path: `/reports/call-data?start_date=2025-03-01&end_date=2025-03-31&account_id=${ttUser.default_account_id}`,
        headers: { authorization: `Bearer ${ctx.token}` },
      })(),
  },
  issue: {
    label: 'POST /auth/login (form)',
    method: 'POST',
    expect: 200,
    load: fixed(ttLogin),
  },
};

export default teletracker;
