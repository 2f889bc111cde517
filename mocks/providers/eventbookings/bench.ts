/**
 * The benchmark scenario of this provider (EventBookings: client_credentials): which request is the authorized GET, which
 * the token issuance, and how to obtain the credential they need. `scripts/bench/scenarios.ts`
 * finds it through the registry; the built package leaves it out.
 */
import { type BenchRequest, bearer, getRequest, json, tokenScenario } from '../../../scripts/bench/scenario-kit.js';
import { applications } from './fixtures.js';

const app = applications[0] as (typeof applications)[0];
const tokenRequest: BenchRequest = {
  method: 'POST',
  host: 'identity.eventbookings.com',
  path: '/connect/token',
  headers: json,
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: app.client_id,
    client_secret: app.client_secret,
  }),
};

const authorizedGet = (token: string) => getRequest('api.eventbookings.com', '/me', bearer(token));

export default tokenScenario({
  what: 'eventbookings token',
  issue: { label: 'POST /connect/token (client_credentials)', request: tokenRequest },
  take: (body) => body.access_token as string,
  get: { label: 'GET /me', request: authorizedGet },
});
