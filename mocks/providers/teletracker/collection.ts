/**
 * The TeleTracker lifecycle: login → call-data → another account refused → masquerade →
 * call-data for the new account → refresh → the old refresh token refused → expiry by the mock
 * clock → 401 → refresh → Basic and Integrator calls; plus a multipart login, auth_only, and the
 * documented 400 that lists missing variables.
 */

import { advanceClockStep, resetStep } from '../../../scripts/collections/control.js';
import { buildCollection, buildEnvironments, type Step, vendorHost } from '../../../scripts/collections/kit.js';
import { accounts, users } from './fixtures.js';

const [marketing] = users;
const noReports = users.find((u) => !u.permissions.includes('reports'));
const [downtown, northShore, lakeside] = accounts;

const bearer = { Authorization: 'Bearer {{token}}' };
const range = 'start_date={{startDate}}&end_date={{endDate}}';
/** A GET of the call data in the range, with `headers` and any `more` query parameters. */
const callData = (headers: Record<string, string>, more = ''): Pick<Step, 'method' | 'url' | 'headers'> => ({
  method: 'GET',
  url: `{{apiBase}}/reports/call-data?${range}${more}`,
  headers,
});

const isError = (status: number, code: string) => `
    pm.test('status is ${status}', () => pm.response.to.have.status(${status}));
    pm.test('{success:false, code:${code}}', () => {
      const body = pm.response.json();
      pm.expect(body.success).to.equal(false);
      pm.expect(body.code).to.equal('${code}');
    });`;

/** A 200 token set: kept as `token` / `refreshToken`; the refresh token it replaces as `oldRefreshToken`. */
const keepsTokenSet = `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    const body = pm.response.json();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    pm.test('a token set with UUID tokens', () => {
      pm.expect(body.success).to.equal(true);
      pm.expect(body.token).to.match(uuid);
      pm.expect(body.refreshToken).to.match(uuid);
      pm.expect(body.tokenLifetime).to.be.a('number');
      pm.expect(Date.parse(body.tokenExpiration)).to.be.above(Date.now() - 60000);
      pm.expect(Date.parse(body.refreshTokenExpiration)).to.be.above(Date.parse(body.tokenExpiration));
    });
    pm.environment.set('oldToken', pm.environment.get('token'));
    pm.environment.set('oldRefreshToken', pm.environment.get('refreshToken'));
    pm.environment.set('token', body.token);
    pm.environment.set('refreshToken', body.refreshToken);`;

/** A 200 call-data answer whose calls all belong to the account in environment variable `account`. */
const callsOf = (account: string) => `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    const body = pm.response.json();
    pm.test('{success:true, data} for account {{${account}}} only', () => {
      pm.expect(body.success).to.equal(true);
      pm.expect(body.data).to.be.an('array').that.is.not.empty;
      const wanted = Number(pm.environment.get('${account}'));
      pm.expect(body.data.every((c) => c.account_id === wanted)).to.be.true;
    });`;

/** Sets `basicCredentials`: base64 of `username:password` (for Basic and Integrator). */
const basicCredentials = `
    const pair = pm.environment.get('username') + ':' + pm.environment.get('password');
    pm.environment.set('basicCredentials', CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse(pair)));`;

const environments = buildEnvironments('teletracker', 'TeleTracker', {
  apiBase: vendorHost('api.teletracker.net'),
  username: marketing?.username ?? '',
  password: marketing?.password ?? '',
  userGuid: marketing?.guid ?? '',
  defaultAccountId: String(downtown.account_id),
  secondAccountId: String(northShore.account_id),
  foreignAccountId: String(lakeside.account_id),
  noReportsUsername: noReports?.username ?? '',
  noReportsPassword: noReports?.password ?? '',
  startDate: '2025-03-01',
  endDate: '2025-03-31',
});

const steps: Step[] = [
  resetStep(),
  {
    name: 'Login: POST /auth/login with username and password (form-encoded)',
    method: 'POST',
    url: '{{apiBase}}/auth/login',
    form: { username: '{{username}}', password: '{{password}}' },
    tests: `${keepsTokenSet}
    pm.test('tokenLifetime is 3600 and guid is the user', () => {
      pm.expect(body.tokenLifetime).to.equal(3600);
      pm.expect(body.guid).to.equal(pm.environment.get('userGuid'));
    });`,
  },
  {
    name: 'Call data of the default account with the token',
    ...callData(bearer),
    tests: callsOf('defaultAccountId'),
  },
  {
    name: "Call data of another user's account → 403",
    ...callData(bearer, '&account_id={{foreignAccountId}}'),
    tests: isError(403, 'ACCOUNT_NOT_ACCESSIBLE'),
  },
  {
    name: "Call data of the user's second account with a token bound to the first → 403",
    ...callData(bearer, '&account_id={{secondAccountId}}'),
    tests: isError(403, 'ACCOUNT_NOT_ACCESSIBLE'),
  },
  {
    name: "Masquerade into another user's account → 403",
    method: 'POST',
    url: '{{apiBase}}/auth/masquerade',
    headers: bearer,
    form: { account_id: '{{foreignAccountId}}' },
    tests: isError(403, 'ACCOUNT_NOT_ACCESSIBLE'),
  },
  {
    name: "Masquerade: POST /auth/masquerade into the user's second account (inferred endpoint)",
    method: 'POST',
    url: '{{apiBase}}/auth/masquerade',
    headers: bearer,
    form: { account_id: '{{secondAccountId}}' },
    tests: keepsTokenSet,
  },
  {
    name: 'Call data of the second account with the new token (the docs spelling: Authentication: Bearer)',
    ...callData({ Authentication: 'Bearer {{token}}' }, '&account_id={{secondAccountId}}'),
    tests: callsOf('secondAccountId'),
  },
  {
    name: 'The token from before the masquerade no longer works → 401',
    ...callData({ Authorization: 'Bearer {{oldToken}}' }),
    tests: isError(401, 'UNAUTHORIZED'),
  },
  {
    name: 'Refresh: POST /auth/refresh with the refresh token',
    method: 'POST',
    url: '{{apiBase}}/auth/refresh',
    form: { refresh_token: '{{refreshToken}}' },
    tests: `${keepsTokenSet}
    pm.test('a new refresh token', () => pm.expect(body.refreshToken).to.not.equal(pm.environment.get('oldRefreshToken')));`,
  },
  {
    name: 'Reusing the old refresh token → 401',
    method: 'POST',
    url: '{{apiBase}}/auth/refresh',
    form: { refresh_token: '{{oldRefreshToken}}' },
    tests: isError(401, 'UNAUTHORIZED'),
  },
  {
    name: 'The refreshed token keeps the second account',
    ...callData(bearer),
    tests: callsOf('secondAccountId'),
  },
  advanceClockStep(3600, 'past the token lifetime'),
  {
    name: 'The expired token → 401 TOKEN_EXPIRED',
    ...callData(bearer),
    mockOnly: true,
    tests: isError(401, 'TOKEN_EXPIRED'),
  },
  {
    name: 'Refresh after expiry, naming the field refreshToken (accepted besides the documented refresh_token)',
    method: 'POST',
    url: '{{apiBase}}/auth/refresh',
    json: { refreshToken: '{{refreshToken}}' },
    tests: keepsTokenSet,
  },
  {
    name: 'The new token works again',
    ...callData(bearer),
    tests: callsOf('secondAccountId'),
  },
  {
    name: 'Basic: call data of the default account with username and password',
    ...callData({ Authorization: 'Basic {{basicCredentials}}' }),
    prerequest: basicCredentials,
    tests: callsOf('defaultAccountId'),
  },
  {
    name: 'Integrator: call data with account_id',
    ...callData({ Authorization: 'Integrator {{basicCredentials}}' }, '&account_id={{secondAccountId}}'),
    prerequest: basicCredentials,
    tests: callsOf('secondAccountId'),
  },
  {
    name: 'Integrator without account_id → 400 listing it',
    ...callData({ Authorization: 'Integrator {{basicCredentials}}' }),
    prerequest: basicCredentials,
    tests: `${isError(400, 'MISSING_PARAMETERS')}
    pm.test('account_id is listed', () => pm.expect(pm.response.json().missing).to.eql(['account_id']));`,
  },
  {
    name: 'Login with a multipart/form-data body and account_id',
    method: 'POST',
    url: '{{apiBase}}/auth/login',
    multipart: { username: '{{username}}', password: '{{password}}', account_id: '{{secondAccountId}}' },
    tests: keepsTokenSet,
  },
  {
    name: 'The multipart login token is bound to the account it named',
    ...callData(bearer),
    tests: callsOf('secondAccountId'),
  },
  {
    name: 'Login with auth_only=1 checks the credentials and issues nothing',
    method: 'POST',
    url: '{{apiBase}}/auth/login',
    json: { username: '{{username}}', password: '{{password}}', auth_only: 1 },
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('no token', () => {
      const body = pm.response.json();
      pm.expect(body.success).to.equal(true);
      pm.expect(body).to.not.have.property('token');
      pm.expect(body).to.not.have.property('refreshToken');
    });`,
  },
  {
    name: 'Login with a wrong password → 401',
    method: 'POST',
    url: '{{apiBase}}/auth/login',
    form: { username: '{{username}}', password: 'not-the-password' },
    tests: isError(401, 'INVALID_CREDENTIALS'),
  },
  {
    name: 'Login without username and password → 400 listing both',
    method: 'POST',
    url: '{{apiBase}}/auth/login',
    form: {},
    tests: `${isError(400, 'MISSING_PARAMETERS')}
    pm.test('both are listed', () => pm.expect(pm.response.json().missing).to.eql(['username', 'password']));`,
  },
  {
    name: 'Login as a user without report access',
    method: 'POST',
    url: '{{apiBase}}/auth/login',
    form: { username: '{{noReportsUsername}}', password: '{{noReportsPassword}}' },
    mockOnly: true,
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.environment.set('noReportsToken', pm.response.json().token);`,
  },
  {
    name: 'Call data as a user without report access → 403 FORBIDDEN (per-user permissions, inferred)',
    ...callData({ Authorization: 'Bearer {{noReportsToken}}' }),
    mockOnly: true,
    tests: isError(403, 'FORBIDDEN'),
  },
  {
    name: "Login into another user's account → 403",
    method: 'POST',
    url: '{{apiBase}}/auth/login',
    form: { username: '{{username}}', password: '{{password}}', account_id: '{{foreignAccountId}}' },
    tests: isError(403, 'ACCOUNT_NOT_ACCESSIBLE'),
  },
  resetStep(),
];

export default function teletrackerCollection() {
  return {
    collection: buildCollection({
      provider: 'teletracker',
      name: 'TeleTracker REST API — login, refresh, masquerade (authflow-mocks)',
      description:
        "Login → call data → another account refused (403) → masquerade into the user's second account → call data for it → refresh → the old refresh token refused → expiry by moving the mock clock → 401 → refresh → Basic and Integrator calls; a multipart login, auth_only, wrong password, missing variables. With the live environment the control-plane steps are skipped.",
      auth: { type: 'bearer', token: '{{token}}' },
      steps,
    }),
    ...environments,
  };
}
