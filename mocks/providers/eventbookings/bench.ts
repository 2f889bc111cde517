/**
 * The benchmark scenario of this provider (EventBookings: client_credentials): which request is
 * the authorized GET, which the token issuance, and how to obtain the credentials they need.
 * `scripts/bench/scenarios.ts` finds it through the registry; the built package leaves it out.
 */
import { type BenchRequest, expectJson, fixed, json, type Scenario } from '../../../scripts/bench/scenario-kit.js';
import { applications } from './fixtures.js';

const ebApp = applications[0] as (typeof applications)[0];
const ebTokenRequest: BenchRequest = {
  method: 'POST',
  host: 'identity.eventbookings.com',
  path: '/connect/token',
  headers: json,
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: ebApp.client_id,
    client_secret: ebApp.client_secret,
  }),
};

const eventbookings: Scenario<{ accessToken: string }> = {
  async prepare(call) {
    const body = await expectJson(call(ebTokenRequest), 'eventbookings token');
    return { accessToken: body.access_token as string };
  },
  get: {
    label: 'GET /me',
    method: 'GET',
    expect: 200,
    load: (ctx) =>
      fixed({
        method: 'GET',
        host: 'api.eventbookings.com',
        path: '/me',
        headers: { authorization: `Bearer ${ctx.accessToken}` },
      })(),
  },
  issue: {
    label: 'POST /connect/token (client_credentials)',
    method: 'POST',
    expect: 200,
    load: fixed(ebTokenRequest),
  },
};

export default eventbookings;
