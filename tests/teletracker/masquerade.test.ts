import { expect, it } from 'vitest';
import { eachDoor } from '../support/doors.js';
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
  lastReason,
  login,
  marketing,
  masquerade,
  northShore,
  refresh,
  uuid,
} from '../support/teletracker.js';

eachDoor('TeleTracker masquerade (inferred) through the %s door', { providers: ['teletracker'] }, (door) => {
  it("issues a new token set bound to another of the user's accounts", async () => {
    const first = await login(door);
    const res = await masquerade(door, first.token, northShore.account_id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, guid: marketing.guid, tokenLifetime: 3600 });
    expect(res.body.token).toMatch(uuid);
    expect(res.body.refreshToken).toMatch(uuid);
    const calls = await callData(door, { headers: bearer(res.body.token) });
    expect(accountsIn(calls)).toEqual([northShore.account_id]);
    const old = await callData(door, { headers: bearer(res.body.token) }, { account_id: downtown.account_id });
    expect(old.status).toBe(403);
    expect(old.body.code).toBe('ACCOUNT_NOT_ACCESSIBLE');
  });

  it('ends the session’s old token and refresh token (the session moves)', async () => {
    const first = await login(door);
    await masquerade(door, first.token, northShore.account_id);
    expect((await callData(door, { headers: bearer(first.token) })).status).toBe(401);
    expect((await refresh(door, first.refreshToken)).status).toBe(401);
  });

  it('the new refresh token keeps the new account', async () => {
    const first = await login(door);
    const moved = await masquerade(door, first.token, northShore.account_id);
    const refreshed = await refresh(door, moved.body.refreshToken);
    expect(accountsIn(await callData(door, { headers: bearer(refreshed.body.token) }))).toEqual([
      northShore.account_id,
    ]);
  });

  it('refuses an account the user does not have with 403, and the token keeps working', async () => {
    const first = await login(door);
    const res = await masquerade(door, first.token, lakeside.account_id);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ success: false, code: 'ACCOUNT_NOT_ACCESSIBLE' });
    expect((await callData(door, { headers: bearer(first.token) })).status).toBe(200);
  });

  it('answers a request without account_id with 400 MISSING_PARAMETERS', async () => {
    const first = await login(door);
    const res = await door.call(`${api}/auth/masquerade`, { headers: bearer(first.token), form: {} });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'MISSING_PARAMETERS', missing: ['account_id'] });
  });

  it('takes a JSON integer account_id and the seed’s Authentication header', async () => {
    const first = await login(door);
    const res = await door.call(`${api}/auth/masquerade`, {
      headers: { authentication: `Bearer ${first.token}` },
      json: { account_id: northShore.account_id },
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['no credentials', {}],
    ['an unknown token', bearer('00000000-0000-4000-8000-000000000000')],
    ['Basic credentials', { authorization: basic(marketing.username, marketing.password) }],
  ])('refuses %s with 401', async (_why, headers) => {
    const res = await door.call(`${api}/auth/masquerade`, {
      headers,
      form: { account_id: String(northShore.account_id) },
    });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, code: 'UNAUTHORIZED' });
  });

  it('needs a bearer token, and records what was presented instead', async () => {
    for (const [authorization, credential] of [
      [basic(marketing.username, marketing.password), 'basic'],
      [integrator(marketing.username, marketing.password), 'integrator'],
      ['Token abc', 'none'],
    ] as const) {
      const res = await door.call(`${api}/auth/masquerade`, {
        headers: { authorization },
        form: { account_id: String(northShore.account_id) },
      });
      expect(res.status).toBe(401);
      expect([lastReason(door), lastEntry(door)?.credential]).toEqual(['credentials_missing', credential]);
    }
    const { token } = await login(door);
    expect((await masquerade(door, token, northShore.account_id)).status).toBe(200);
    expect(lastEntry(door)?.credential).toBe('bearer');
  });

  it('refuses an expired token with 401 TOKEN_EXPIRED', async () => {
    const first = await login(door);
    door.mocks.control.advanceClock(3600);
    const res = await masquerade(door, first.token, northShore.account_id);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
  });
});
