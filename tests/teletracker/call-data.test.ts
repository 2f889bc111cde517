import { describe, expect, it } from 'vitest';
import { calls } from '../../mocks/providers/teletracker/fixtures.js';
import { doorNames, eachDoor, openDoor } from '../support/doors.js';
import { lastEntry } from '../support/kit.js';
import {
  accountsIn,
  api,
  basic,
  bearer,
  callData,
  downtown,
  integrator,
  lakeside,
  lakesideUser,
  lastReason,
  login,
  marketing,
  northShore,
} from '../support/teletracker.js';

eachDoor('TeleTracker call-data with a bearer token through the %s door', { providers: ['teletracker'] }, (door) => {
  it("answers {success, data} with the token's account's calls in the range, oldest first", async () => {
    const { token } = await login(door);
    const res = await callData(door, { headers: bearer(token) });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    const want = calls.filter((c) => c.account_id === downtown.account_id).map((c) => c.call_id);
    expect(res.body.data.map((c: { call_id: string }) => c.call_id)).toEqual(want);
  });

  it('includes both end days and leaves out calls outside the range', async () => {
    const { token } = await login(door);
    const res = await callData(door, { headers: bearer(token) }, { start_date: '2025-03-03', end_date: '2025-03-05' });
    expect(res.body.data.map((c: { started_at: string }) => c.started_at.slice(0, 10))).toEqual([
      '2025-03-03',
      '2025-03-03',
      '2025-03-05',
    ]);
  });

  it("accepts account_id naming the token's own account", async () => {
    const { token } = await login(door);
    const res = await callData(door, { headers: bearer(token) }, { account_id: downtown.account_id });
    expect(res.status).toBe(200);
    expect(accountsIn(res)).toEqual([downtown.account_id]);
  });

  it.each([
    ["another of the user's accounts", northShore.account_id],
    ["another user's account", lakeside.account_id],
  ])('refuses account_id naming %s with 403 ACCOUNT_NOT_ACCESSIBLE', async (_why, accountId) => {
    const { token } = await login(door);
    const res = await callData(door, { headers: bearer(token) }, { account_id: accountId });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ success: false, code: 'ACCOUNT_NOT_ACCESSIBLE' });
  });

  it("accepts the docs' Authentication: Bearer spelling", async () => {
    const { token } = await login(door);
    const res = await callData(door, { headers: { Authentication: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(accountsIn(res)).toEqual([downtown.account_id]);
  });

  it('is valid a second before the expiration and 401 TOKEN_EXPIRED from it (the docs allow 401 or 403)', async () => {
    const { token } = await login(door);
    door.mocks.control.advanceClock(3599);
    expect((await callData(door, { headers: bearer(token) })).status).toBe(200);
    door.mocks.control.advanceClock(1);
    const res = await callData(door, { headers: bearer(token) });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, code: 'TOKEN_EXPIRED' });
    expect(lastReason(door)).toBe('token_expired');
  });

  it.each([
    ['no credentials', {}, 'credentials_missing'],
    ['an unknown token', bearer('00000000-0000-4000-8000-000000000000'), 'token_unknown'],
    ['Bearer with nothing after it', { authorization: 'Bearer' }, 'credentials_missing'],
    ['an unknown scheme', { authorization: 'Token abc' }, 'credentials_missing'],
  ])('refuses %s with 401 UNAUTHORIZED', async (_why, headers, reason) => {
    const res = await callData(door, { headers });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, code: 'UNAUTHORIZED' });
    expect(lastReason(door)).toBe(reason);
  });

  it.each([
    ['no dates', { start_date: '', end_date: '' }, ['start_date', 'end_date']],
    ['no end_date', { end_date: '' }, ['end_date']],
  ])('answers %s with 400 MISSING_PARAMETERS listing them', async (_why, query, missing) => {
    const { token } = await login(door);
    const res = await callData(door, { headers: bearer(token) }, query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, code: 'MISSING_PARAMETERS', missing });
  });

  it.each([
    ['a date that is not YYYY-MM-DD', { start_date: '03/01/2025' }, 'start_date'],
    ['an impossible date', { end_date: '2025-02-30' }, 'end_date'],
    ['an account_id that is not an integer', { account_id: 'x' }, 'account_id'],
    ['a negative account_id', { account_id: '-5' }, 'account_id'],
    ['an account_id of 0', { account_id: '0' }, 'account_id'],
  ])('answers %s with 400 INVALID_PARAMETERS', async (_why, query, field) => {
    const { token } = await login(door);
    const res = await callData(door, { headers: bearer(token) }, query);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_PARAMETERS');
    expect(Object.keys(res.body.errors)).toEqual([field]);
  });
});

// The node:http door only: fetch (and so MSW's door) cannot send a body with GET.
describe('TeleTracker call-data parameters in a body through the http door', () => {
  const door = openDoor('http', { providers: ['teletracker'] });

  it('takes start_date and end_date from a JSON or form body alone, with none in the query string', async () => {
    const { token } = await login(door);
    const url = `${api}/reports/call-data`;
    const dates = { start_date: '2025-03-01', end_date: '2025-03-31' };
    for (const init of [{ json: dates }, { form: dates }]) {
      const res = await door.call(url, { method: 'GET', headers: bearer(token), ...init });
      expect(res.status).toBe(200);
      expect(accountsIn(res)).toEqual([downtown.account_id]);
    }
  });

  it('answers a body of an unsupported type with 415, as its spec declares', async () => {
    const { token } = await login(door);
    const res = await door.call(`${api}/reports/call-data`, {
      method: 'GET',
      headers: { ...bearer(token), 'content-type': 'text/plain' },
      raw: 'start_date=2025-03-01',
    });
    expect([res.status, res.body.success]).toEqual([415, false]);
  });
});

eachDoor('TeleTracker call-data account_id through the %s door', { providers: ['teletracker'] }, (door) => {
  it('answers an end before the start as an empty range: 200 with no calls', async () => {
    const { token } = await login(door);
    const res = await callData(door, { headers: bearer(token) }, { start_date: '2025-03-10', end_date: '2025-03-01' });
    expect([res.status, res.body.data]).toEqual([200, []]);
  });

  it('says what is wrong with an account_id: not an integer, or not 1 or more', async () => {
    const { token } = await login(door);
    const notInteger = await callData(door, { headers: bearer(token) }, { account_id: '1.5' });
    const negative = await callData(door, { headers: bearer(token) }, { account_id: '-5' });
    expect([notInteger.status, negative.status]).toEqual([400, 400]);
    expect(negative.body.errors.account_id).not.toEqual(notInteger.body.errors.account_id);
  });
});

describe.each(doorNames)('TeleTracker call-data with Basic and Integrator through the %s door', (doorName) => {
  const door = openDoor(doorName, { providers: ['teletracker'] });
  const asBasic = { authorization: basic(marketing.username, marketing.password) };
  const asIntegrator = { authorization: integrator(marketing.username, marketing.password) };

  it("Basic answers the user's default account without account_id", async () => {
    const res = await callData(door, { headers: asBasic });
    expect(res.status).toBe(200);
    expect(accountsIn(res)).toEqual([marketing.default_account_id]);
    expect(lastEntry(door)?.credential).toBe('basic');
  });

  it("Basic answers another of the user's accounts named by account_id", async () => {
    const res = await callData(door, { headers: asBasic }, { account_id: northShore.account_id });
    expect(accountsIn(res)).toEqual([northShore.account_id]);
  });

  it('Integrator answers the account named by account_id', async () => {
    const res = await callData(door, { headers: asIntegrator }, { account_id: northShore.account_id });
    expect(res.status).toBe(200);
    expect(accountsIn(res)).toEqual([northShore.account_id]);
    expect(lastEntry(door)?.credential).toBe('integrator');
  });

  it('Integrator without account_id is a 400 MISSING_PARAMETERS naming it', async () => {
    const res = await callData(door, { headers: asIntegrator });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, code: 'MISSING_PARAMETERS', missing: ['account_id'] });
  });

  it.each([
    ['Basic', asBasic],
    ['Integrator', asIntegrator],
  ])("%s refuses another user's account with 403", async (_scheme, headers) => {
    const res = await callData(door, { headers }, { account_id: lakeside.account_id });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ACCOUNT_NOT_ACCESSIBLE');
  });

  it.each([
    ['Basic with a wrong password', basic(marketing.username, 'wrong')],
    ['Integrator with a wrong password', integrator(marketing.username, 'wrong')],
    ["Basic with another user's password", basic(marketing.username, lakesideUser.password)],
    ['Basic that is not base64', 'Basic !!!'],
    ['Integrator without a colon', `Integrator ${Buffer.from('nocolon').toString('base64')}`],
  ])('refuses %s with 401 INVALID_CREDENTIALS', async (_why, authorization) => {
    const res = await callData(door, { headers: { authorization } }, { account_id: downtown.account_id });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, code: 'INVALID_CREDENTIALS' });
  });

  it('answers the single-account user its own account with Basic', async () => {
    const res = await callData(door, {
      headers: { authorization: basic(lakesideUser.username, lakesideUser.password) },
    });
    expect(accountsIn(res)).toEqual([lakeside.account_id]);
  });

  it('refuses a route the provider does not serve with a {success:false} 404', async () => {
    const res = await door.call(`${api}/reports/nothing`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ success: false, code: 'NOT_FOUND' });
  });
});
