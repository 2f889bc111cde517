/**
 * The Eventix lifecycle: authorize (redirect not followed) → exchange → /users/me → the Company
 * header in every form → the single-company endpoint → refresh and reuse → expiry → refresh.
 */
import { createHash } from 'node:crypto';
import { advanceClockStep, resetStep } from '../../../scripts/collections/control.js';
import type { Step } from '../../../scripts/collections/kit.js';
import {
  buildCollection,
  buildEnvironments,
  oauthErrorTests,
  refreshGrant,
  rotatedPairTests,
  vendorHost,
} from '../../../scripts/collections/kit.js';
import { clients, companies, events } from './fixtures.js';

const [demo] = clients;
const [lowlands, noorderzon, elsewhere] = companies;

const bearer = { Authorization: 'Bearer {{accessToken}}' };
const withCompany = (company: string | string[]) => ({ ...bearer, Company: company });
/** A GET of `url` with the token, narrowed to `company`. */
const getAs = (company: string | string[], url: string): Pick<Step, 'method' | 'url' | 'headers'> => ({
  method: 'GET',
  url,
  headers: withCompany(company),
});
const ok = `
    pm.test('status is 200', () => pm.response.to.have.status(200));`;
/** A fixed PKCE pair (RFC 7636): the verifier, and its S256 challenge. */
const pkceVerifier = 'postman-pkce-verifier-0123456789-abcdefghijklmnop';
const pkceChallenge = createHash('sha256').update(pkceVerifier).digest('base64url');
const companiesOf = `const seen = [...new Set(pm.response.json().map((e) => e.company_id))].sort();`;

const refresh = (variable: string) => refreshGrant('{{authBase}}/tokens', variable);

function authorizeStep(path: string, pkce = false): Step {
  const variable = pkce ? 'pkceCode' : 'authorizationCode';
  const challenge = pkce ? `&code_challenge=${pkceChallenge}&code_challenge_method=S256` : '';
  return {
    name: pkce
      ? `Authorize (${path}) with a PKCE challenge (S256) → 302 with a code`
      : `Authorize (${path}) → 302 to the redirect URI with a code, not followed`,
    method: 'GET',
    url: `{{authBase}}${path}?client_id={{client_id}}&redirect_uri={{redirect_uri}}&response_type=code&state=postman-state${challenge}`,
    mockOnly: true,
    noRedirects: true,
    description:
      'The real server shows a login page here. Against the live API, sign in with a browser, copy the `code` from the redirect into the `authorizationCode` variable, and run from the next request.',
    tests: `
    pm.test('status is 302', () => pm.response.to.have.status(302));
    // The Postman sandbox has no URL class: split the Location by hand.
    const [target, query = ''] = (pm.response.headers.get('Location') || '').split('?');
    const params = {};
    query.split('&').filter(Boolean).forEach((pair) => {
      const [k, v = ''] = pair.split('=');
      params[decodeURIComponent(k)] = decodeURIComponent(v.replace(/\\+/g, ' '));
    });
    pm.test('back to the registered redirect URI with the state', () => {
      pm.expect(target).to.equal(pm.environment.get('redirect_uri'));
      pm.expect(params.state).to.equal('postman-state');
    });
    pm.test('a code', () => pm.expect(params.code).to.be.a('string').and.not.empty);
    pm.test('not cacheable (it carries a code)', () => {
      pm.expect(pm.response.headers.get('Cache-Control')).to.equal('no-store');
      pm.expect(pm.response.headers.get('Pragma')).to.equal('no-cache');
    });
    pm.environment.set('${variable}', params.code);`,
  };
}

/** `mockOnly` for a second exchange: live runs have only the one code pasted in by hand. */
/** Runs only once an authorization code was obtained (the authorize step saved one). */
const needsCode = `if (!pm.environment.get('authorizationCode')) { pm.execution.skipRequest(); }`;

/** An authorization_code exchange: the code, `extra` fields (a PKCE verifier), then the client's credentials. */
const codeForm = (code: string, extra: Record<string, string> = {}, secret = '{{client_secret}}') => ({
  grant_type: 'authorization_code',
  code,
  redirect_uri: '{{redirect_uri}}',
  ...extra,
  client_id: '{{client_id}}',
  client_secret: secret,
});

function exchangeStep(path: string, mockOnly = false): Step {
  return {
    name: `Exchange the code for tokens (${path})`,
    method: 'POST',
    url: `{{authBase}}${path}`,
    mockOnly,
    prerequest: needsCode,
    form: codeForm('{{authorizationCode}}'),
    tests: `${ok}
    const body = pm.response.json();
    pm.test('access and refresh tokens with their lifetimes', () => {
      pm.expect(body.token_type).to.equal('Bearer');
      pm.expect(body.access_token).to.be.a('string').and.not.empty;
      pm.expect(body.refresh_token).to.be.a('string').and.not.empty;
      pm.expect(body.expires_in).to.equal(259200);
      pm.expect(body.refresh_token_expires_in).to.be.a('number');
    });
    pm.test('the companies the token covers', () => pm.expect(body.info.companies.length).to.be.above(0));
    pm.test('not cacheable (RFC 6749 §5.1)', () => {
      pm.expect(pm.response.headers.get('Cache-Control')).to.equal('no-store');
      pm.expect(pm.response.headers.get('Pragma')).to.equal('no-cache');
    });
    pm.environment.set('accessToken', body.access_token);
    pm.environment.set('refreshToken', body.refresh_token);`,
  };
}

const environments = buildEnvironments('eventix', 'Eventix', {
  authBase: vendorHost('auth.eventix.io'),
  apiBase: vendorHost('api.eventix.io'),
  client_id: demo?.client_id ?? '',
  client_secret: demo?.client_secret ?? '',
  redirect_uri: demo?.redirect_uris[0] ?? '',
  company_a: lowlands.guid,
  company_b: noorderzon.guid,
  foreign_company: elsewhere.guid,
  authorizationCode: '',
  pkceCode: '',
  example_event: events[0]?.guid ?? '',
});

const steps: Step[] = [
  resetStep(),
  {
    name: 'Authorization server metadata (RFC 8414; the mock serves it, Passport does not by default)',
    method: 'GET',
    url: '{{authBase}}/.well-known/oauth-authorization-server',
    mockOnly: true,
    tests: `${ok}
    const meta = pm.response.json();
    pm.test('the token and authorize endpoints on this host', () => {
      pm.expect(meta.token_endpoint).to.equal(meta.issuer + '/tokens');
      pm.expect(meta.authorization_endpoint).to.equal(meta.issuer + '/tokens/authorize');
    });
    pm.test('PKCE methods', () => pm.expect(meta.code_challenge_methods_supported).to.include('S256'));`,
  },
  authorizeStep('/tokens/authorize'),
  exchangeStep('/tokens'),
  {
    name: 'Exchange the same code again → 400 invalid_grant',
    method: 'POST',
    url: '{{authBase}}/tokens',
    prerequest: needsCode,
    form: codeForm('{{authorizationCode}}'),
    tests: oauthErrorTests(400, 'invalid_grant'),
  },
  {
    name: 'Token with a wrong client secret → 401 invalid_client (league/oauth2-server)',
    method: 'POST',
    url: '{{authBase}}/tokens',
    form: codeForm('not-a-code', {}, 'wrong-secret'),
    tests: `${oauthErrorTests(401, 'invalid_client')}
    pm.test('no challenge for body credentials', () => pm.expect(pm.response.headers.get('WWW-Authenticate')).to.be.undefined);`,
  },
  authorizeStep('/tokens/authorize', true),
  {
    name: 'Exchange the PKCE code with a wrong code_verifier → 400 invalid_grant',
    method: 'POST',
    url: '{{authBase}}/tokens',
    mockOnly: true,
    form: codeForm('{{pkceCode}}', { code_verifier: `${pkceVerifier}-wrong` }),
    tests: oauthErrorTests(400, 'invalid_grant'),
  },
  {
    name: 'Exchange the PKCE code with its code_verifier → 200 (the failed try did not spend it)',
    method: 'POST',
    url: '{{authBase}}/tokens',
    mockOnly: true,
    form: codeForm('{{pkceCode}}', { code_verifier: pkceVerifier }),
    tests: `${ok}
    pm.test('an access token', () => pm.expect(pm.response.json().access_token).to.be.a('string').and.not.empty);`,
  },
  {
    name: '/users/me with the token and a Company header, as every example of the docs sends it',
    ...getAs('{{company_a}}', '{{authBase}}/users/me'),
    tests: `${ok}
    pm.test('the signed-in user', () => {
      const me = pm.response.json();
      pm.expect(me.guid).to.be.a('string');
      pm.expect(me.default_company_id).to.be.a('string');
    });`,
  },
  {
    name: "PUT /users/me changes the profile (the docs' Go example; fields inferred)",
    method: 'PUT',
    url: '{{authBase}}/users/me',
    headers: withCompany('{{company_a}}'),
    json: { phone: '+31 20 123 4567' },
    tests: `${ok}
    pm.test('the changed phone', () => pm.expect(pm.response.json().phone).to.equal('+31 20 123 4567'));`,
  },
  {
    name: 'Events, no Company header → every company of the token',
    method: 'GET',
    url: '{{apiBase}}/event',
    headers: bearer,
    tests: `${ok}
    ${companiesOf}
    pm.test('both companies', () => pm.expect(seen).to.include.members([pm.environment.get('company_a'), pm.environment.get('company_b')]));`,
  },
  {
    name: 'Events, Company: one company → only that one',
    ...getAs('{{company_b}}', '{{apiBase}}/event'),
    tests: `${ok}
    ${companiesOf}
    pm.test('only company b', () => pm.expect(seen).to.eql([pm.environment.get('company_b')]));
    pm.environment.set('eventGuid', pm.response.json()[0].guid);`,
  },
  {
    name: 'Events, Company: a comma-separated list',
    ...getAs('{{company_a}},{{company_b}}', '{{apiBase}}/event'),
    tests: `${ok}
    ${companiesOf}
    pm.test('both listed companies', () => pm.expect(seen).to.have.members([pm.environment.get('company_a'), pm.environment.get('company_b')]));`,
  },
  {
    name: 'Events, two Company headers',
    ...getAs(['{{company_a}}', '{{company_b}}'], '{{apiBase}}/event'),
    tests: `${ok}
    ${companiesOf}
    pm.test('both companies', () => pm.expect(seen).to.have.members([pm.environment.get('company_a'), pm.environment.get('company_b')]));`,
  },
  {
    name: 'Events, Company: * → every company of the token',
    ...getAs('*', '{{apiBase}}/event'),
    tests: `${ok}
    ${companiesOf}
    pm.test('both companies', () => pm.expect(seen).to.include.members([pm.environment.get('company_a'), pm.environment.get('company_b')]));`,
  },
  {
    name: 'Upcoming events (not ended by the mock clock)',
    method: 'GET',
    url: '{{apiBase}}/event/upcoming',
    headers: bearer,
    tests: `${ok}
    pm.test('events in the vendor shape', () => pm.response.json().forEach((e) => {
      pm.expect(e).to.include.keys('guid', 'company_id', 'location_id', 'status', 'type', 'currency', 'locale');
      pm.expect(e).to.not.have.any.keys('start', 'end');
    }));`,
  },
  {
    name: 'Events, Company: a company the token does not cover → 401',
    ...getAs('{{foreign_company}}', '{{apiBase}}/event'),
    tests: oauthErrorTests(401, 'invalid_token'),
  },
  {
    name: 'Tickets of an event of the selected company',
    ...getAs('{{company_b}}', '{{apiBase}}/event/{{eventGuid}}/ticket'),
    tests: `${ok}
    pm.test('tickets of that event', () => {
      const tickets = pm.response.json();
      pm.expect(tickets).to.be.an('array').that.is.not.empty;
      tickets.forEach((t) => pm.expect(t.event_id).to.equal(pm.environment.get('eventGuid')));
    });`,
  },
  {
    name: 'Orders (single-company endpoint) with two companies selected → 400',
    method: 'GET',
    url: '{{apiBase}}/orders',
    headers: bearer,
    tests: oauthErrorTests(400, 'invalid_request'),
  },
  {
    name: 'Orders with Company: one company → a page',
    ...getAs('{{company_a}}', '{{apiBase}}/orders'),
    tests: `${ok}
    const page = pm.response.json();
    pm.test('a paginated list of that company', () => {
      pm.expect(page.data).to.be.an('array');
      pm.expect(page.last_page).to.be.a('number').at.least(1);
      page.data.forEach((o) => pm.expect(o.company_id).to.equal(pm.environment.get('company_a')));
    });
    pm.environment.set('lastPage', page.last_page);`,
  },
  {
    name: 'Orders, the last page',
    ...getAs('{{company_a}}', '{{apiBase}}/orders?page={{lastPage}}'),
    tests: `${ok}
    pm.test('the page asked for', () => pm.expect(pm.response.json().current_page).to.equal(Number(pm.environment.get('lastPage'))));`,
  },
  {
    name: 'Refresh the token',
    ...refresh('refreshToken'),
    tests: `${ok}${rotatedPairTests({ replacedAccessToken: 'accessToken' })}`,
  },
  {
    name: 'Reuse the old refresh token → 400 invalid_grant',
    ...refresh('usedRefreshToken'),
    tests: oauthErrorTests(400, 'invalid_grant'),
  },
  {
    name: 'The replaced access token → 401 (inferred: a refresh ends it)',
    method: 'GET',
    url: '{{authBase}}/users/me',
    headers: { Authorization: 'Bearer {{replacedAccessToken}}' },
    tests: oauthErrorTests(401, 'invalid_token'),
  },
  advanceClockStep(259_201, 'past the 3-day access token lifetime'),
  {
    name: '/users/me with the expired token → 401',
    method: 'GET',
    url: '{{authBase}}/users/me',
    headers: bearer,
    mockOnly: true,
    tests: `${oauthErrorTests(401, 'invalid_token')}
    pm.test('a Bearer challenge', () => pm.expect(pm.response.headers.get('WWW-Authenticate')).to.match(/^Bearer/));`,
  },
  {
    name: 'Refresh after expiry',
    ...refresh('refreshToken'),
    tests: `${ok}
    pm.environment.set('accessToken', pm.response.json().access_token);
    pm.environment.set('refreshToken', pm.response.json().refresh_token);`,
  },
  {
    name: '/users/me with the refreshed token',
    method: 'GET',
    url: '{{authBase}}/users/me',
    headers: bearer,
    tests: ok,
  },
  authorizeStep('/token/authorize'),
  exchangeStep('/token', true),
];

export default function eventixCollection() {
  return {
    collection: buildCollection({
      provider: 'eventix',
      name: 'Eventix — auth lifecycle (authflow-mocks)',
      description:
        'Authorization server metadata, the authorization-code grant (the 302 is not followed; the code is read from Location), code exchange and reuse, a wrong client secret (401), PKCE with a wrong and the right code_verifier, /users/me, the Company header absent, one company, a list, repeated headers, * and a foreign company (401), the single-company orders endpoint, refresh and reuse of the old refresh token, expiry by moving the mock clock, and refresh after expiry. Live: the control-plane steps are skipped; sign in with a browser and put the code in `authorizationCode` first.',
      auth: {
        type: 'oauth2',
        accessToken: '{{accessToken}}',
        grant: {
          grant_type: 'authorization_code',
          authUrl: '{{authBase}}/tokens/authorize',
          accessTokenUrl: '{{authBase}}/tokens',
          clientId: '{{client_id}}',
          clientSecret: '{{client_secret}}',
          redirect_uri: '{{redirect_uri}}',
          client_authentication: 'body',
          tokenName: 'Eventix (authflow-mocks)',
        },
      },
      steps,
    }),
    ...environments,
  };
}
