import { describe, expect, it } from 'vitest';
import { type Door, doorNames, eachDoor, openDoor } from '../support/doors.js';
import { lastEntry } from '../support/kit.js';
import {
  accountsIn,
  api,
  bearer,
  callData,
  downtown,
  lakeside,
  lakesideUser,
  login,
  marketing,
  northShore,
  uuid,
} from '../support/teletracker.js';

const credentials = { username: marketing.username, password: marketing.password };
const post = (door: Door, init: Parameters<Door['call']>[1]) => door.call(`${api}/auth/login`, init);

eachDoor('TeleTracker login through the %s door', { providers: ['teletracker'] }, (door) => {
  it('answers the documented token set: UUID token and refresh token, 3600 s lifetime, expirations on the clock', async () => {
    const now = door.mocks.clock.now();
    const res = await post(door, { form: credentials });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      ['guid', 'refreshToken', 'refreshTokenExpiration', 'success', 'token', 'tokenExpiration', 'tokenLifetime'].sort(),
    );
    expect(res.body.success).toBe(true);
    expect(res.body.guid).toBe(marketing.guid);
    expect(res.body.token).toMatch(uuid);
    expect(res.body.refreshToken).toMatch(uuid);
    expect(res.body.token).not.toBe(res.body.refreshToken);
    expect(res.body.tokenLifetime).toBe(3600);
    expect(res.body.tokenExpiration).toMatch(/\+00:00$/);
    const expires = Date.parse(res.body.tokenExpiration);
    expect(Math.abs(expires - (now + 3600_000))).toBeLessThan(2000);
    const refreshExpires = Date.parse(res.body.refreshTokenExpiration);
    expect(Math.abs(refreshExpires - (now + (29 * 86_400 + 3600) * 1000))).toBeLessThan(2000);
  });

  it.each([
    ['form-encoded', { form: credentials }],
    ['JSON', { json: credentials }],
    ['multipart/form-data', { multipart: credentials }],
  ])('takes a %s body', async (_kind, init) => {
    const res = await post(door, init);
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(uuid);
    expect((await callData(door, { headers: bearer(res.body.token) })).status).toBe(200);
  });

  it.each([
    ['form-encoded', { form: { ...credentials, account_id: String(northShore.account_id) } }],
    ['JSON with an integer', { json: { ...credentials, account_id: northShore.account_id } }],
    ['multipart/form-data', { multipart: { ...credentials, account_id: String(northShore.account_id) } }],
  ])('binds the token to the account named by account_id (%s)', async (_kind, init) => {
    const res = await post(door, init);
    expect(res.status).toBe(200);
    const calls = await callData(door, { headers: bearer(res.body.token) });
    expect(calls.status).toBe(200);
    expect(accountsIn(calls)).toEqual([northShore.account_id]);
  });

  it("binds the token to the user's default account without account_id", async () => {
    const { token } = await login(door);
    const calls = await callData(door, { headers: bearer(token) });
    expect(accountsIn(calls)).toEqual([marketing.default_account_id]);
    expect(marketing.default_account_id).toBe(downtown.account_id);
  });

  it('refuses an account the user does not have with 403 ACCOUNT_NOT_ACCESSIBLE', async () => {
    const res = await post(door, { form: { ...credentials, account_id: String(lakeside.account_id) } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ success: false, code: 'ACCOUNT_NOT_ACCESSIBLE' });
  });

  it('takes an empty account_id as none, a padded one as its number, and 1 as an account id like any other', async () => {
    const empty = await post(door, { form: { ...credentials, account_id: '' } });
    expect(empty.status).toBe(200);
    expect(accountsIn(await callData(door, { headers: bearer(empty.body.token) }))).toEqual([downtown.account_id]);
    const padded = await post(door, { form: { ...credentials, account_id: ` ${northShore.account_id} ` } });
    expect(padded.status).toBe(200);
    expect(accountsIn(await callData(door, { headers: bearer(padded.body.token) }))).toEqual([northShore.account_id]);
    // 1 is valid (minimum: 1); the user just has no such account.
    const one = await post(door, { form: { ...credentials, account_id: '1' } });
    expect([one.status, one.body.code]).toEqual([403, 'ACCOUNT_NOT_ACCESSIBLE']);
  });

  it('records a login as presenting a password', async () => {
    await post(door, { form: credentials });
    expect(lastEntry(door)?.credential).toBe('password');
  });

  it('refuses an account_id that is not an integer with 400 INVALID_PARAMETERS', async () => {
    const res = await post(door, { form: { ...credentials, account_id: 'north' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, code: 'INVALID_PARAMETERS' });
    expect(Object.keys(res.body.errors)).toEqual(['account_id']);
  });

  it.each([
    ['a wrong password', { username: marketing.username, password: `${marketing.password}x` }],
    ["another user's password", { username: marketing.username, password: lakesideUser.password }],
    ['an unknown user', { username: 'nobody@example.com', password: marketing.password }],
  ])('refuses %s with 401 INVALID_CREDENTIALS', async (_why, form) => {
    const res = await post(door, { form });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ success: false, code: 'INVALID_CREDENTIALS', message: expect.any(String) });
    expect(res.text).not.toContain(marketing.password);
  });

  it.each([
    ['nothing', {}, ['username', 'password']],
    ['no password', { username: marketing.username }, ['password']],
    ['no username', { password: marketing.password }, ['username']],
    ['an empty username', { username: '', password: marketing.password }, ['username']],
  ])('answers %s with 400 MISSING_PARAMETERS listing the missing variables', async (_why, form, missing) => {
    const res = await post(door, { form: form as Record<string, string> });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, code: 'MISSING_PARAMETERS', missing });
  });

  it('lists a JSON variable that is an object, not a string or number, as missing', async () => {
    const res = await post(door, { json: { username: marketing.username, password: { secret: true } } });
    expect(res.status).toBe(400);
    expect(res.body.missing).toEqual(['password']);
  });

  it.each([
    ['form', { form: { ...credentials, auth_only: '1' } }],
    ['JSON', { json: { ...credentials, auth_only: 1 } }],
    ['multipart', { multipart: { ...credentials, auth_only: 'true' } }],
  ])('auth_only checks the credentials and issues nothing (%s)', async (_kind, init) => {
    const res = await post(door, init);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, guid: marketing.guid });
  });

  it('auth_only still refuses wrong credentials and an account the user does not have', async () => {
    const wrong = await post(door, { form: { ...credentials, password: 'nope', auth_only: '1' } });
    expect(wrong.status).toBe(401);
    const foreign = await post(door, {
      form: { ...credentials, auth_only: '1', account_id: String(lakeside.account_id) },
    });
    expect(foreign.status).toBe(403);
  });

  it('auth_only=0 logs in as usual', async () => {
    const res = await post(door, { form: { ...credentials, auth_only: '0' } });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(uuid);
  });

  it('issues a fresh token pair on every login, and both work', async () => {
    const first = await login(door);
    const second = await login(door);
    expect(first.token).not.toBe(second.token);
    expect(first.refreshToken).not.toBe(second.refreshToken);
    for (const { token } of [first, second])
      expect((await callData(door, { headers: bearer(token) })).status).toBe(200);
  });
});

eachDoor('TeleTracker login bodies through the %s door', { providers: ['teletracker'] }, (door) => {
  const raw = (type: string, body: string) => post(door, { headers: { 'content-type': type }, raw: body });
  const part = (name: string, value: string) =>
    `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const goodParts = `${part('username', marketing.username)}${part('password', marketing.password)}--b--\r\n`;

  it('reads a hand-written multipart body with a quoted boundary', async () => {
    const res = await raw('multipart/form-data; boundary="b"', goodParts);
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(uuid);
  });

  it.each([
    ['a multipart body without a boundary parameter', 'multipart/form-data', goodParts],
    ['a multipart body with an invalid boundary', `multipart/form-data; boundary=${'b'.repeat(80)}`, goodParts],
    ['a multipart body that does not use its boundary', 'multipart/form-data; boundary=other', goodParts],
    ['a multipart body cut short', 'multipart/form-data; boundary=b', part('username', 'x')],
    ['malformed JSON', 'application/json', '{"username":'],
  ])('answers %s with 400 BAD_REQUEST, never a 500', async (_why, type, body) => {
    const res = await raw(type, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, code: 'BAD_REQUEST' });
  });

  it('refuses a multipart file part with 415', async () => {
    const file = `--b\r\nContent-Disposition: form-data; name="username"; filename="u.txt"\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n`;
    const res = await raw('multipart/form-data; boundary=b', file);
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ success: false, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('refuses a text/plain body with 415', async () => {
    const res = await raw('text/plain', 'username=x');
    expect(res.status).toBe(415);
  });
});

describe.each(doorNames)('TeleTracker configurable token lifetime through the %s door', (doorName) => {
  const door = openDoor(doorName, {
    providers: ['teletracker'],
    options: { teletracker: { tokenLifetimeSeconds: 600, refreshTokenLifetimeSeconds: 7200 } },
  });

  it('issues tokens with the configured lifetimes, and they end then', async () => {
    const now = door.mocks.clock.now();
    const set = await login(door);
    expect(set.tokenLifetime).toBe(600);
    expect(Math.abs(Date.parse(set.tokenExpiration) - (now + 600_000))).toBeLessThan(2000);
    expect(Math.abs(Date.parse(set.refreshTokenExpiration) - (now + 7_200_000))).toBeLessThan(2000);
    door.mocks.control.advanceClock(599);
    expect((await callData(door, { headers: bearer(set.token) })).status).toBe(200);
    door.mocks.control.advanceClock(1);
    const expired = await callData(door, { headers: bearer(set.token) });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
  });
});
