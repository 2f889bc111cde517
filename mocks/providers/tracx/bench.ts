/**
 * The benchmark scenario of this provider (Tracx: connect token → HS256 session JWT): which request is the authorized GET, which
 * the token issuance, and how to obtain the credential they need. `scripts/bench/scenarios.ts`
 * finds it through the registry; the built package leaves it out.
 */
import { type BenchRequest, getRequest, tokenScenario } from '../../../scripts/bench/scenario-kit.js';
import { connectTokens } from './fixtures.js';

const host = 'api.tracx.events';
const connectToken = (connectTokens[0] as (typeof connectTokens)[0]).connect_token;
const sessionRequest: BenchRequest = {
  method: 'POST',
  host,
  path: '/v1/connect/session-token',
  headers: { accept: 'application/json', authorization: connectToken },
};

const authorizedGet = (session: string) =>
  getRequest(host, '/v1/connect/events', { accept: 'application/json', authorization: session });

export default tokenScenario({
  what: 'tracx session token',
  issue: { label: 'POST /v1/connect/session-token (HS256 JWT)', request: sessionRequest, jwt: true },
  take: (body) => (body.data as { token: string }).token,
  get: { label: 'GET /v1/connect/events', request: authorizedGet },
});
