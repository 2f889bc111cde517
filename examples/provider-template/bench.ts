/**
 * 10. The benchmark scenario: which request is the authorized GET, which the token issuance, and
 * how to obtain the credentials they need. A provider of this package keeps it as
 * `mocks/providers/<id>/bench.ts` (its default export); `npm run bench` finds it through the registry.
 */
import { type BenchRequest, expectJson, fixed, type Scenario } from '../../scripts/bench/scenario-kit.js';
import { keys } from './fixtures.js';

const tokenRequest: BenchRequest = {
  method: 'POST',
  host: 'api.tiny.test',
  path: '/token',
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
  body: new URLSearchParams({ api_key: keys[0]?.apiKey ?? '' }).toString(),
};

const tiny: Scenario<{ accessToken: string }> = {
  async prepare(call) {
    const body = await expectJson(call(tokenRequest), 'tiny token');
    return { accessToken: body.access_token as string };
  },
  get: {
    label: 'GET /me',
    method: 'GET',
    expect: 200,
    load: (ctx) =>
      fixed({
        method: 'GET',
        host: 'api.tiny.test',
        path: '/me',
        headers: { authorization: `Bearer ${ctx.accessToken}` },
      })(),
  },
  issue: { label: 'POST /token (API key)', method: 'POST', expect: 200, load: fixed(tokenRequest) },
};

export default tiny;
