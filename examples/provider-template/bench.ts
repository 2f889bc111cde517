/**
 * 10. The benchmark scenario: which request is the authorized GET, which the token issuance, and
 * how to obtain the credential they need. A provider of this package keeps it as
 * `mocks/providers/<id>/bench.ts` (its default export); `npm run bench` finds it through the registry.
 */
import { type BenchRequest, bearer, form, getRequest, tokenScenario } from '../../scripts/bench/scenario-kit.js';
import { keys } from './fixtures.js';

const tokenRequest: BenchRequest = {
  method: 'POST',
  host: 'api.tiny.test',
  path: '/token',
  headers: form,
  body: new URLSearchParams({ api_key: keys[0]?.apiKey ?? '' }).toString(),
};

const authorizedGet = (token: string) => getRequest('api.tiny.test', '/me', bearer(token));

export default tokenScenario({
  what: 'tiny token',
  issue: { label: 'POST /token (API key)', request: tokenRequest },
  take: (body) => body.access_token as string,
  get: { label: 'GET /me', request: authorizedGet },
});
