/**
 * The benchmark scenario of this provider (BackOps: API key → event token): which request is the authorized GET, which
 * the token issuance, and how to obtain the credential they need. `scripts/bench/scenarios.ts`
 * finds it through the registry; the built package leaves it out.
 */
import { type BenchRequest, bearer, getRequest, tokenScenario } from '../../../scripts/bench/scenario-kit.js';
import { apiKeys, events } from './fixtures.js';

const host = 'api.backopslive.com';
const apiKey = (apiKeys[0] as (typeof apiKeys)[0]).api_key;
const eventId = (events[0] as (typeof events)[0]).id;
const authorize: BenchRequest = {
  method: 'GET',
  host,
  path: `/Events/${eventId}/authorize`,
  headers: { accept: 'application/json', authorization: `Bearer ${apiKey}` },
};

const authorizedGet = (eventToken: string) =>
  getRequest(host, `/Events/${eventId}`, {
    accept: 'application/json',
    ...bearer(apiKey),
    'x-event-token': eventToken,
  });

export default tokenScenario({
  what: 'backops event token',
  issue: { label: 'GET /Events/{eventId}/authorize (event token)', request: authorize },
  take: (body) => body.token as string,
  get: { label: 'GET /Events/{eventId}', request: authorizedGet },
});
