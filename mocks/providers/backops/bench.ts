/**
 * The benchmark scenario of this provider (BackOps: API key → event token): which request is the
 * authorized GET, which the token issuance, and how to obtain the credentials they need.
 * `scripts/bench/scenarios.ts` finds it through the registry; the built package leaves it out.
 */
import { type BenchRequest, expectJson, fixed, type Scenario } from '../../../scripts/bench/scenario-kit.js';
import { apiKeys, events as backopsEvents } from './fixtures.js';

const boHost = 'api.backopslive.com';
const boKey = (apiKeys[0] as (typeof apiKeys)[0]).api_key;
const boEvent = (backopsEvents[0] as (typeof backopsEvents)[0]).id;
const boAuthorize: BenchRequest = {
  method: 'GET',
  host: boHost,
  path: `/Events/${boEvent}/authorize`,
  headers: { accept: 'application/json', authorization: `Bearer ${boKey}` },
};

const backops: Scenario<{ eventToken: string }> = {
  async prepare(call) {
    const body = await expectJson(call(boAuthorize), 'backops event token');
    return { eventToken: body.token as string };
  },
  get: {
    label: 'GET /Events/{eventId}',
    method: 'GET',
    expect: 200,
    load: (ctx) =>
      fixed({
        method: 'GET',
        host: boHost,
        path: `/Events/${boEvent}`,
        headers: { accept: 'application/json', authorization: `Bearer ${boKey}`, 'x-event-token': ctx.eventToken },
      })(),
  },
  issue: {
    label: 'GET /Events/{eventId}/authorize (event token)',
    method: 'GET',
    expect: 200,
    load: fixed(boAuthorize),
  },
};

export default backops;
