/** The EventBookings lifecycle: token → calls → 401s → 403 → refresh → expiry → new token. */

import { advanceClockStep, resetStep } from '../../../scripts/collections/control.js';
import {
  buildCollection,
  buildEnvironments,
  oauthErrorTests,
  refreshGrant,
  rotatedPairTests,
  type Step,
  vendorHost,
} from '../../../scripts/collections/kit.js';
import { applications, organisations } from './fixtures.js';

const [events, reporting] = applications;
const [harbour] = organisations;

const token = (client: 'client' | 'readonly', form = false): Pick<Step, 'method' | 'url' | 'json' | 'form'> => {
  const body = {
    grant_type: 'client_credentials',
    client_id: `{{${client}_id}}`,
    client_secret: `{{${client}_secret}}`,
  };
  return { method: 'POST', url: '{{identityBase}}/connect/token', ...(form ? { form: body } : { json: body }) };
};

const refresh = (variable: string) => refreshGrant('{{identityBase}}/connect/token', variable);

/** The vendor's nested create-event body (Events POST API Documentation). */
const newEvent = (name: string) => ({
  event: {
    name,
    description: 'Created from the Postman collection',
    occurrence: { type: 'single', attributes: { starts_on: '2027-09-01 19:00:00', event_duration: '03:00' } },
    timezone: 'Australia/Melbourne',
    listing: { enabled: false, categories: [] },
    resources: [],
  },
});

const environments = buildEnvironments('eventbookings', 'EventBookings', {
  identityBase: vendorHost('identity.eventbookings.com'),
  apiBase: vendorHost('api.eventbookings.com'),
  client_id: events?.client_id ?? '',
  client_secret: events?.client_secret ?? '',
  readonly_id: reporting?.client_id ?? '',
  readonly_secret: reporting?.client_secret ?? '',
  org_uuid: harbour.org_uuid,
});

const steps: Step[] = [
  resetStep(),
  {
    name: 'Token: client_credentials, JSON body (documented)',
    ...token('client'),
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    const body = pm.response.json();
    pm.test('access token, refresh token, expires_in', () => {
      pm.expect(body.access_token).to.be.a('string').and.not.empty;
      pm.expect(body.refresh_token).to.be.a('string').and.not.empty;
      pm.expect(body.expires_in).to.be.a('number').above(0);
      pm.expect(body.token_type).to.equal('Bearer');
    });
    pm.test('not cacheable (RFC 6749 §5.1)', () => {
      pm.expect(pm.response.headers.get('Cache-Control')).to.equal('no-store');
      pm.expect(pm.response.headers.get('Pragma')).to.equal('no-cache');
    });
    pm.environment.set('accessToken', body.access_token);
    pm.environment.set('refreshToken', body.refresh_token);`,
  },
  {
    name: 'Token: client_credentials, form body (IdentityServer)',
    ...token('client', true),
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('form body issues a token too', () => pm.expect(pm.response.json().access_token).to.be.a('string'));`,
  },
  {
    name: 'Me with the access token',
    method: 'GET',
    url: '{{apiBase}}/me',
    headers: { Authorization: 'Bearer {{accessToken}}' },
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('the calling application', () => pm.expect(pm.response.json().client_id).to.equal(pm.environment.get('client_id')));`,
  },
  {
    name: 'Org events with the access token',
    method: 'GET',
    url: '{{apiBase}}/orgs/{{org_uuid}}/events',
    headers: { Authorization: 'Bearer {{accessToken}}' },
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('a list of events', () => pm.expect(pm.response.json().data).to.be.an('array'));`,
  },
  {
    name: 'Me without a token → 401',
    method: 'GET',
    url: '{{apiBase}}/me',
    tests: `
    pm.test('status is 401', () => pm.response.to.have.status(401));
    pm.test('a Bearer challenge', () => pm.expect(pm.response.headers.get('WWW-Authenticate')).to.match(/^Bearer/));`,
  },
  {
    name: "Me with the token in the vendor page's misspelled 'Authorisation' header → 401",
    method: 'GET',
    url: '{{apiBase}}/me',
    headers: { Authorisation: 'Bearer {{accessToken}}' },
    tests: `
    pm.test('status is 401: a real server reads only Authorization', () => pm.response.to.have.status(401));
    pm.test('the description names the misspelling', () =>
      pm.expect(pm.response.json().error_description).to.include("'Authorisation'"));`,
  },
  {
    name: 'Me with a bad token → 401 invalid_token',
    method: 'GET',
    url: '{{apiBase}}/me',
    headers: { Authorization: 'Bearer not-a-real-token' },
    tests: oauthErrorTests(401, 'invalid_token'),
  },
  {
    name: 'Token with a wrong secret → 400 invalid_client',
    method: 'POST',
    url: '{{identityBase}}/connect/token',
    json: { grant_type: 'client_credentials', client_id: '{{client_id}}', client_secret: 'wrong-secret' },
    tests: oauthErrorTests(400, 'invalid_client'),
  },
  {
    name: 'Token with a wrong secret over HTTP Basic → 400 invalid_client, no challenge (IdentityServer)',
    method: 'POST',
    url: '{{identityBase}}/connect/token',
    headers: { Authorization: `Basic ${Buffer.from(`${events?.client_id ?? ''}:wrong-secret`).toString('base64')}` },
    form: { grant_type: 'client_credentials' },
    tests: `${oauthErrorTests(400, 'invalid_client')}
    pm.test('no WWW-Authenticate challenge', () => pm.expect(pm.response.headers.get('WWW-Authenticate')).to.be.undefined);`,
  },
  {
    name: 'Discovery document (OpenID Connect) with the token endpoint',
    method: 'GET',
    url: '{{identityBase}}/.well-known/openid-configuration',
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    const doc = pm.response.json();
    pm.test('the token endpoint on this host', () => pm.expect(doc.token_endpoint).to.equal(doc.issuer + '/connect/token'));
    pm.test('client credentials and refresh', () => pm.expect(doc.grant_types_supported).to.include.members(['client_credentials', 'refresh_token']));
    pm.test('a key set on this host', () => pm.expect(doc.jwks_uri).to.equal(doc.issuer + '/.well-known/openid-configuration/jwks'));`,
  },
  {
    name: 'Key set at the jwks_uri (the mock signs nothing: no keys)',
    method: 'GET',
    url: '{{identityBase}}/.well-known/openid-configuration/jwks',
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('a JWK Set', () => pm.expect(pm.response.json().keys).to.be.an('array'));`,
  },
  {
    name: 'Token with an unsupported grant → 400 unsupported_grant_type',
    method: 'POST',
    url: '{{identityBase}}/connect/token',
    form: { grant_type: 'password', client_id: '{{client_id}}', client_secret: '{{client_secret}}' },
    tests: oauthErrorTests(400, 'unsupported_grant_type'),
  },
  {
    name: 'Token for the read-only application',
    ...token('readonly'),
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.environment.set('readonlyToken', pm.response.json().access_token);`,
  },
  {
    name: 'Create an event without event.create → 403 insufficient_scope',
    method: 'POST',
    url: '{{apiBase}}/orgs/{{org_uuid}}/events',
    headers: { Authorization: 'Bearer {{readonlyToken}}' },
    json: newEvent('Not allowed'),
    tests: oauthErrorTests(403, 'insufficient_scope'),
  },
  {
    name: 'Create an event with event.create → 201',
    method: 'POST',
    url: '{{apiBase}}/orgs/{{org_uuid}}/events',
    headers: { Authorization: 'Bearer {{accessToken}}' },
    json: newEvent('Postman Test Night'),
    tests: `
    pm.test('status is 201', () => pm.response.to.have.status(201));
    pm.test('the new event', () => pm.expect(pm.response.json().name).to.equal('Postman Test Night'));`,
  },
  {
    name: 'Refresh the token',
    ...refresh('refreshToken'),
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));${rotatedPairTests()}`,
  },
  {
    name: 'Reuse the old refresh token → 400 invalid_grant',
    ...refresh('usedRefreshToken'),
    tests: oauthErrorTests(400, 'invalid_grant'),
  },
  advanceClockStep(3601, 'past the access token lifetime'),
  {
    name: 'Me with the expired token → 401',
    method: 'GET',
    url: '{{apiBase}}/me',
    headers: { Authorization: 'Bearer {{accessToken}}' },
    mockOnly: true,
    tests: oauthErrorTests(401, 'invalid_token'),
  },
  {
    name: 'A new token after expiry',
    ...token('client'),
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.environment.set('accessToken', pm.response.json().access_token);`,
  },
  {
    name: 'Me with the new token',
    method: 'GET',
    url: '{{apiBase}}/me',
    headers: { Authorization: 'Bearer {{accessToken}}' },
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));`,
  },
];

export default function eventbookingsCollection() {
  return {
    collection: buildCollection({
      provider: 'eventbookings',
      name: 'EventBookings — auth lifecycle (authflow-mocks)',
      description:
        'client_credentials token (JSON and form), a wrong secret in the body and over Basic (400), the discovery document, protected calls, 401 without and with a bad token, 403 without event.create, refresh and reuse of a used refresh token, expiry by moving the mock clock, and a new token. With the live environment the control-plane steps are skipped.',
      auth: {
        type: 'oauth2',
        accessToken: '{{accessToken}}',
        grant: {
          grant_type: 'client_credentials',
          accessTokenUrl: '{{identityBase}}/connect/token',
          clientId: '{{client_id}}',
          clientSecret: '{{client_secret}}',
          client_authentication: 'body',
          tokenName: 'EventBookings (authflow-mocks)',
        },
      },
      steps,
    }),
    ...environments,
  };
}
