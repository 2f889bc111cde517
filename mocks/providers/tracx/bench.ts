/**
 * The benchmark scenario of this provider (Tracx: connect token → HS256 session JWT): which
 * request is the authorized GET, which the token issuance, and how to obtain the credentials they
 * need. `scripts/bench/scenarios.ts` finds it through the registry; the built package leaves it
 * out.
 */
import { type BenchRequest, expectJson, fixed, type Scenario } from '../../../scripts/bench/scenario-kit.js';
import { connectTokens } from './fixtures.js';

const tcxHost = 'api.tracx.events';
const tcxConnect = (connectTokens[0] as (typeof connectTokens)[0]).connect_token;
const tcxSession: BenchRequest = {
  method: 'POST',
  host: tcxHost,
  path: '/v1/connect/session-token',
  headers: { accept: 'application/json', authorization: tcxConnect },
};

const tracx: Scenario<{ session: string }> = {
  async prepare(call) {
    const body = await expectJson(call(tcxSession), 'tracx session token');
    return { session: (body.data as { token: string }).token };
  },
  get: {
    label: 'GET /v1/connect/events',
    method: 'GET',
    expect: 200,
    load: (ctx) =>
      fixed({
        method: 'GET',
        host: tcxHost,
        path: '/v1/connect/events',
        headers: { accept: 'application/json', authorization: ctx.session },
      })(),
  },
  issue: {
    label: 'POST /v1/connect/session-token (HS256 JWT)',
    method: 'POST',
    jwt: true,
    expect: 200,
    load: fixed(tcxSession),
  },
};

export default tracx;
