/**
 * TeleTracker behaviour taken from the vendor's pages: the refresh field names, call-data
 * parameters in a request body, per-user permissions, and the 401-or-403 choice for an expired
 * token.
 */
import { describe, expect, it } from 'vitest';
import { type CallInit, doorNames, eachDoor, openDoor } from '../support/doors.js';
import {
  accountsIn,
  api,
  basic,
  bearer,
  callData,
  downtown,
  frontDesk,
  lastReason,
  login,
  march,
  northShore,
} from '../support/teletracker.js';

eachDoor('TeleTracker vendor-page behaviour through the %s door', { providers: ['teletracker'] }, (door) => {
  it.each([
    ['refresh_token (documented on the refresh page)', 'refresh_token'],
    ['refreshToken (the login page: "pass the refreshToken value")', 'refreshToken'],
  ])('refreshes with %s', async (_why, field) => {
    const first = await login(door);
    const res = await door.call(`${api}/auth/refresh`, { json: { [field]: first.refreshToken } });
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).not.toBe(first.refreshToken);
    expect((await callData(door, { headers: bearer(res.body.token) })).status).toBe(200);
  });

  it('still answers 400 MISSING_PARAMETERS naming refresh_token when neither field is sent', async () => {
    const res = await door.call(`${api}/auth/refresh`, { json: {} });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'MISSING_PARAMETERS', missing: ['refresh_token'] });
  });

  it('refuses call-data to a user without report access with 403 FORBIDDEN, by token and by Basic', async () => {
    const { token } = await login(door, {}, frontDesk);
    const byToken = await callData(door, { headers: bearer(token) });
    expect(byToken.status).toBe(403);
    expect(byToken.body).toMatchObject({ success: false, code: 'FORBIDDEN' });
    expect(lastReason(door)).toBe('forbidden');
    const byBasic = await callData(door, { headers: { authorization: basic(frontDesk.username, frontDesk.password) } });
    expect(byBasic.status).toBe(403);
  });

  it('answers 401 TOKEN_EXPIRED for an expired token by default', async () => {
    const { token } = await login(door);
    door.mocks.control.advanceClock(3600);
    const res = await callData(door, { headers: bearer(token) });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
  });
});

describe.each(doorNames)('TeleTracker expiredTokenStatus 403 through the %s door', (doorName) => {
  const door = openDoor(doorName, {
    providers: ['teletracker'],
    options: { teletracker: { expiredTokenStatus: 403 } },
  });

  it('answers 403 TOKEN_EXPIRED for an expired token, and still 401 for an unknown one', async () => {
    const { token } = await login(door);
    door.mocks.control.advanceClock(3600);
    const res = await callData(door, { headers: bearer(token) });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ success: false, code: 'TOKEN_EXPIRED' });
    const unknown = await callData(door, { headers: bearer('00000000-0000-4000-8000-000000000000') });
    expect(unknown.status).toBe(401);
  });
});

// A GET with a body cannot be sent through fetch (MSW's door), so only the node:http door.
describe('TeleTracker call-data parameters in a request body (node:http door)', () => {
  const door = openDoor('http', { providers: ['teletracker'] });
  const get = (token: string, init: Omit<CallInit, 'method' | 'headers'>) =>
    door.call(`${api}/reports/call-data`, { method: 'GET', headers: bearer(token), ...init });

  it.each([
    ['JSON', { json: march }],
    ['form-encoded', { form: march }],
  ])('reads start_date and end_date from a %s body', async (_kind, init) => {
    const { token } = await login(door);
    const res = await get(token, init);
    expect(res.status).toBe(200);
    expect(accountsIn(res)).toEqual([downtown.account_id]);
  });

  it('refuses account_id from the body when it names another account than the token', async () => {
    const { token } = await login(door);
    const res = await get(token, { json: { ...march, account_id: northShore.account_id } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ACCOUNT_NOT_ACCESSIBLE');
  });

  it('still answers 400 MISSING_PARAMETERS when neither the query nor the body names the dates', async () => {
    const { token } = await login(door);
    const res = await get(token, {});
    expect(res.status).toBe(400);
    expect(res.body.missing).toEqual(['start_date', 'end_date']);
  });
});
