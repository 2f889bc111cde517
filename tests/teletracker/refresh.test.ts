import { expect, it } from 'vitest';
import { eachDoor } from '../support/doors.js';
import { lastEntry } from '../support/kit.js';
import {
  accountsIn,
  api,
  bearer,
  callData,
  lastReason,
  login,
  marketing,
  northShore,
  refresh,
  uuid,
} from '../support/teletracker.js';

const refreshLifetime = 29 * 86_400 + 3600;

eachDoor('TeleTracker refresh through the %s door', { providers: ['teletracker'] }, (door) => {
  it('answers a new token and a new refresh token in the login shape; the new token works', async () => {
    const first = await login(door);
    const res = await refresh(door, first.refreshToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, guid: marketing.guid, tokenLifetime: 3600 });
    expect(res.body.token).toMatch(uuid);
    expect(res.body.refreshToken).toMatch(uuid);
    expect(res.body.token).not.toBe(first.token);
    expect(res.body.refreshToken).not.toBe(first.refreshToken);
    expect((await callData(door, { headers: bearer(res.body.token) })).status).toBe(200);
  });

  it('refuses the old refresh token afterwards with 401, while the new one refreshes again', async () => {
    const first = await login(door);
    const second = await refresh(door, first.refreshToken);
    const again = await refresh(door, first.refreshToken);
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ success: false, code: 'UNAUTHORIZED' });
    expect((await refresh(door, second.body.refreshToken)).status).toBe(200);
  });

  it('keeps the token issued with the old refresh token valid until it expires (inferred)', async () => {
    const first = await login(door);
    await refresh(door, first.refreshToken);
    expect((await callData(door, { headers: bearer(first.token) })).status).toBe(200);
  });

  it('keeps the account of the session', async () => {
    const first = await login(door, { account_id: String(northShore.account_id) });
    const res = await refresh(door, first.refreshToken);
    const calls = await callData(door, { headers: bearer(res.body.token) });
    expect(accountsIn(calls)).toEqual([northShore.account_id]);
  });

  it('refreshes after the token expired, and refuses an expired refresh token with 401 TOKEN_EXPIRED', async () => {
    const first = await login(door);
    door.mocks.control.advanceClock(3600);
    expect((await callData(door, { headers: bearer(first.token) })).status).toBe(401);
    const second = await refresh(door, first.refreshToken);
    expect(second.status).toBe(200);
    door.mocks.control.advanceClock(refreshLifetime - 1);
    expect((await refresh(door, second.body.refreshToken)).status).toBe(200);
    const third = await login(door);
    door.mocks.control.advanceClock(refreshLifetime);
    const expired = await refresh(door, third.refreshToken);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ success: false, code: 'TOKEN_EXPIRED' });
  });

  it('refuses a token presented as a refresh token, and a refresh token presented as a token, with 401', async () => {
    const set = await login(door);
    const wrong = await refresh(door, set.token);
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('UNAUTHORIZED');
    const asBearer = await callData(door, { headers: bearer(set.refreshToken) });
    expect(asBearer.status).toBe(401);
    expect(asBearer.body.code).toBe('UNAUTHORIZED');
    // Neither mistake used anything up.
    expect((await refresh(door, set.refreshToken)).status).toBe(200);
  });

  it('refuses an unknown refresh token with 401', async () => {
    const res = await refresh(door, '00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
  });

  it('answers a request without refresh_token with 400 MISSING_PARAMETERS', async () => {
    const res = await door.call(`${api}/auth/refresh`, { form: {} });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, code: 'MISSING_PARAMETERS', missing: ['refresh_token'] });
  });

  it("takes the login response's own name, refreshToken, and records a refresh token", async () => {
    const { refreshToken } = await login(door);
    const res = await door.call(`${api}/auth/refresh`, { form: { refreshToken } });
    expect(res.status).toBe(200);
    expect(lastEntry(door)?.credential).toBe('refresh_token');
    const empty = await door.call(`${api}/auth/refresh`, { form: { refreshToken: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'MISSING_PARAMETERS', missing: ['refresh_token'] });
  });

  it('journals a token presented as a refresh token as the wrong kind', async () => {
    const set = await login(door);
    await refresh(door, set.token);
    expect(lastReason(door)).toBe('token_wrong_kind');
    await refresh(door, '00000000-0000-4000-8000-000000000000');
    expect(lastReason(door)).toBe('token_unknown');
  });

  it.each([['JSON'], ['multipart']])('takes a %s body', async (kind) => {
    const { refreshToken } = await login(door);
    const body = { refresh_token: refreshToken };
    const res = await door.call(`${api}/auth/refresh`, kind === 'JSON' ? { json: body } : { multipart: body });
    expect(res.status).toBe(200);
  });

  it('lets only one of two concurrent refreshes with the same refresh token win', async () => {
    const { refreshToken } = await login(door);
    const results = await Promise.all([refresh(door, refreshToken), refresh(door, refreshToken)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });
});
