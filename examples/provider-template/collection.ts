/**
 * 9. The Postman collection and its mock and live environments. A provider of this package keeps
 * this file as `mocks/providers/<id>/collection.ts` (its default export; `npm run generate` writes
 * `collections/<id>.*.json`); the kit lives in `scripts/collections/kit.ts`.
 */
import { buildCollection, buildEnvironments, type Step, vendorHost } from '../../scripts/collections/kit.js';
import { keys } from './fixtures.js';

const environments = buildEnvironments('tiny', 'Tiny API', {
  apiBase: vendorHost('api.tiny.test'),
  api_key: keys[0]?.apiKey ?? '',
});

const steps: Step[] = [
  {
    name: 'Exchange the API key for a token',
    method: 'POST',
    url: '{{apiBase}}/token',
    form: { api_key: '{{api_key}}' },
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.environment.set('accessToken', pm.response.json().access_token);`,
  },
  {
    name: 'Who the token belongs to',
    method: 'GET',
    url: '{{apiBase}}/me',
    headers: { Authorization: 'Bearer {{accessToken}}' },
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('a name', () => pm.expect(pm.response.json().name).to.be.a('string'));`,
  },
  {
    name: 'An unknown key is refused',
    method: 'POST',
    url: '{{apiBase}}/token',
    form: { api_key: 'not-a-key' },
    tests: `
    pm.test('status is 401', () => pm.response.to.have.status(401));
    pm.test('bad_key', () => pm.expect(pm.response.json().error).to.equal('bad_key'));`,
  },
];

export default function tinyCollection() {
  return {
    collection: buildCollection({
      provider: 'tiny',
      name: 'Tiny API — auth lifecycle (authflow-mocks)',
      description: 'An API key buys a bearer token; the token reads who you are; an unknown key is refused.',
      auth: { type: 'bearer', token: '{{accessToken}}' },
      steps,
    }),
    ...environments,
  };
}
