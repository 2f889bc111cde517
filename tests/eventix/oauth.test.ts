import { describe, expect, it } from 'vitest';
import { authHosts } from '../../mocks/providers/eventix/operations.js';
import { doorNames, eachDoor, openDoor } from '../support/doors.js';
import {
  api,
  auth,
  authorizeUrl,
  boxOffice,
  codeFor,
  demoApp,
  exchange,
  jane,
  lowlands,
  noorderzon,
  redirectParams,
  redirectUri,
  refreshAs,
  sam,
  tokensFor,
  withToken,
} from '../support/eventix.js';
import { basic, lastReason } from '../support/kit.js';

eachDoor('eventix authorize (%s door)', (door) => {
  it.each([
    ...authHosts.map((h) => [`https://${h}`, '/tokens/authorize'] as const),
    [auth, '/token/authorize'] as const,
  ])('redirects (302) from %s%s to the registered URI with a code and the state', async (host, path) => {
    const res = await door.call(authorizeUrl({ host, path, state: 'a b&c' }));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('a b&c');
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('signs in the client default user, or the fixture user a login_hint names by guid or email', async () => {
    const asDefault = await tokensFor(door);
    const asSamByEmail = await tokensFor(door, { loginHint: sam.email.toUpperCase() });
    const asSamByGuid = await tokensFor(door, { loginHint: sam.guid });
    const me = async (token: string) => (await door.call(`${auth}/users/me`, { headers: withToken(token) })).body.guid;
    expect(await me(asDefault.access_token)).toBe(jane.guid);
    expect(await me(asSamByEmail.access_token)).toBe(sam.guid);
    expect(await me(asSamByGuid.access_token)).toBe(sam.guid);
  });

  it('signs in the client default user when login_hint is empty', async () => {
    const url = new URL(authorizeUrl());
    url.searchParams.set('login_hint', '');
    const code = redirectParams(await door.call(url.href)).get('code') as string;
    const tokens = (await exchange(door, code)).body;
    const me = await door.call(`${auth}/users/me`, { headers: withToken(tokens.access_token) });
    expect(me.body.guid).toBe(jane.guid);
  });

  it("answers each refusal before the redirect with league's hint, which tells the checks apart", async () => {
    const noType = await door.call(
      `${auth}/tokens/authorize?client_id=${demoApp.client_id}&redirect_uri=${redirectUri}`,
    );
    expect([noType.body.error, noType.body.hint]).toEqual(['invalid_request', 'Check the `response_type` parameter']);
    const otherType = await door.call(authorizeUrl({ responseType: 'token' }));
    expect([otherType.body.error, otherType.body.hint]).toEqual([
      'unsupported_grant_type',
      'Check that all required parameters have been provided',
    ]);
  });

  it('redirects an unknown login_hint back with error=access_denied and the state', async () => {
    const params = redirectParams(await door.call(authorizeUrl({ loginHint: 'nobody@example.com' })));
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe('st-123');
    expect(params.get('code')).toBeNull();
  });

  it('answers a response_type other than code with 400 unsupported_grant_type and none with 400 invalid_request, without redirecting', async () => {
    const other = await door.call(authorizeUrl({ responseType: 'token' }));
    const none = await door.call(`${auth}/tokens/authorize?client_id=${demoApp.client_id}&redirect_uri=${redirectUri}`);
    // league/oauth2-server 9.x AuthorizationServer::validateAuthorizationRequest.
    for (const [res, code] of [
      [other, 'unsupported_grant_type'],
      [none, 'invalid_request'],
    ] as const) {
      expect([res.status, res.body.error, res.headers.location]).toEqual([400, code, undefined]);
      expect(typeof res.body.hint).toBe('string');
    }
  });

  it('answers an unknown client or an unregistered redirect URI with 401 invalid_client and a missing client_id with 400, without redirecting', async () => {
    const unknown = await door.call(authorizeUrl({ client: { client_id: 'nope', redirect_uris: [redirectUri] } }));
    const missing = await door.call(`${auth}/tokens/authorize?response_type=code&redirect_uri=${redirectUri}`);
    const foreign = await door.call(authorizeUrl({ redirect: 'https://attacker.example/cb' }));
    const otherClients = await door.call(authorizeUrl({ redirect: boxOffice.redirect_uris[0] as string }));
    // league/oauth2-server 9.x: validateRedirectUri fails client authentication; without a
    // client_id no grant can answer (unsupported_grant_type).
    for (const [res, status, code] of [
      [unknown, 401, 'invalid_client'],
      [missing, 400, 'unsupported_grant_type'],
      [foreign, 401, 'invalid_client'],
      [otherClients, 401, 'invalid_client'],
    ] as const) {
      expect(res.status).toBe(status);
      expect(res.headers.location).toBeUndefined();
      expect(res.body.error).toBe(code);
    }
  });

  it('uses the only registered URI when redirect_uri is left out, and refuses with 401 invalid_client when there are several', async () => {
    const single = await door.call(authorizeUrl({ client: boxOffice, redirect: null }));
    expect(single.status).toBe(302);
    expect(single.headers.location).toMatch(/^https:\/\/boxoffice\.example\.org\/oauth\/eventix\?code=/);
    const several = await door.call(authorizeUrl({ redirect: null }));
    expect([several.status, several.body.error]).toEqual([401, 'invalid_client']);
  });
});

eachDoor('eventix token endpoint (%s door)', (door) => {
  it('exchanges a code (JSON body) for the documented token response', async () => {
    const res = await exchange(door, await codeFor(door));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 259200,
      refresh_token_expires_in: 31536000,
      info: { companies: [{ guid: lowlands.guid }, { guid: noorderzon.guid }] },
    });
    expect(res.body.access_token).not.toBe(res.body.refresh_token);
  });

  it('exchanges a code sent as a form, on the older /token path, on another brand host (one state)', async () => {
    const code = await codeFor(door, { host: 'https://auth.weeztix.com' });
    const res = await door.call('https://auth.openticket.tech/token', {
      form: {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: demoApp.client_id,
        client_secret: demoApp.client_secret,
      },
    });
    expect(res.status).toBe(200);
    const events = await door.call('https://api.weeztix.com/event', { headers: withToken(res.body.access_token) });
    expect(events.status).toBe(200);
  });

  it('takes the client credentials as HTTP Basic too; a wrong Basic secret is 401 with a Basic challenge', async () => {
    const ok = await door.call(`${auth}/tokens`, {
      headers: basic(demoApp.client_id, demoApp.client_secret),
      form: { grant_type: 'authorization_code', code: await codeFor(door), redirect_uri: redirectUri },
    });
    expect(ok.status).toBe(200);
    const bad = await door.call(`${auth}/tokens`, {
      headers: basic(demoApp.client_id, 'wrong-secret'),
      form: { grant_type: 'authorization_code', code: await codeFor(door), redirect_uri: redirectUri },
    });
    expect(bad.status).toBe(401);
    expect(bad.headers['www-authenticate']).toMatch(/^Basic /);
    expect(bad.body.error).toBe('invalid_client');
  });

  it('lets a code be used once: the second exchange is invalid_grant', async () => {
    const code = await codeFor(door);
    expect((await exchange(door, code)).status).toBe(200);
    const again = await exchange(door, code);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('gives exactly one token pair to concurrent exchanges of one code', async () => {
    const code = await codeFor(door);
    const results = await Promise.all(Array.from({ length: 8 }, () => exchange(door, code)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400 && r.body.error === 'invalid_grant')).toHaveLength(7);
  });

  it('expires a code after 60 s on the mock clock', async () => {
    const fresh = await codeFor(door);
    const stale = await codeFor(door);
    door.mocks.clock.advance(59);
    expect((await exchange(door, fresh)).status).toBe(200);
    door.mocks.clock.advance(1);
    const res = await exchange(door, stale);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });

  it('refuses a wrong secret with 401 invalid_client, and a code of another client or a missing or other redirect_uri with 400 invalid_request', async () => {
    const wrongSecret = await exchange(door, await codeFor(door), { ...demoApp, client_secret: 'nope' });
    // league/oauth2-server: 401 invalid_client, and no challenge for body credentials.
    expect([wrongSecret.status, wrongSecret.body.error]).toEqual([401, 'invalid_client']);
    expect(wrongSecret.headers['www-authenticate']).toBeUndefined();
    // league 9.x AuthCodeGrant::validateAuthorizationCode: invalidRequest, not invalidGrant.
    const foreignClient = await exchange(door, await codeFor(door), boxOffice);
    expect([foreignClient.status, foreignClient.body.error]).toEqual([400, 'invalid_request']);
    const otherUri = await exchange(door, await codeFor(door), demoApp, {
      redirect_uri: demoApp.redirect_uris[1] as string,
    });
    expect([otherUri.status, otherUri.body.error]).toEqual([400, 'invalid_request']);
    const code = await codeFor(door);
    const noUri = await exchange(door, code, demoApp, { redirect_uri: undefined });
    expect([noUri.status, noUri.body.error]).toEqual([400, 'invalid_request']);
    // One sent although the authorize request named none.
    const unnamed = await exchange(door, await codeFor(door, { client: boxOffice, redirect: null }), boxOffice, {
      redirect_uri: boxOffice.redirect_uris[0] as string,
    });
    expect([unnamed.status, unnamed.body.error]).toEqual([400, 'invalid_request']);
    // A refused exchange does not use the code up.
    expect((await exchange(door, code)).status).toBe(200);
  });

  it('answers a known client without client_secret with 400 invalid_request and an unknown one with 401 invalid_client', async () => {
    const known = await exchange(door, await codeFor(door), { client_id: demoApp.client_id, client_secret: '' });
    expect([known.status, known.body.error]).toEqual([400, 'invalid_request']);
    const viaBasicUser = await door.call(`${auth}/tokens`, {
      headers: basic(demoApp.client_id, ''),
      form: { grant_type: 'authorization_code', code: await codeFor(door), redirect_uri: redirectUri },
    });
    expect([viaBasicUser.status, viaBasicUser.body.error]).toEqual([400, 'invalid_request']);
    const unknown = await exchange(door, await codeFor(door), { client_id: 'nope', client_secret: '' });
    expect([unknown.status, unknown.body.error]).toEqual([401, 'invalid_client']);
  });

  it("answers in league's payload: its fixed error_description, and a hint for every error but invalid_client", async () => {
    const used = await codeFor(door);
    await exchange(door, used);
    const again = await exchange(door, used);
    expect(Object.keys(again.body).sort()).toEqual(['error', 'error_description', 'hint']);
    const otherUri = await exchange(door, await codeFor(door), demoApp, { redirect_uri: 'https://x.example/cb' });
    expect(Object.keys(otherUri.body).sort()).toEqual(['error', 'error_description', 'hint']);
    // The description is the one text league has per error type; the hint tells the cases apart.
    expect(otherUri.body.error_description).not.toBe(again.body.error_description);
    expect(otherUri.body.hint).not.toBe(again.body.hint);
    const wrongSecret = await exchange(door, await codeFor(door), { ...demoApp, client_secret: 'nope' });
    expect(Object.keys(wrongSecret.body).sort()).toEqual(['error', 'error_description']);
  });

  it("answers each refused exchange with league's hint, which tells the checks apart", async () => {
    const noGrant = await door.call(`${auth}/tokens`, {
      json: { client_id: demoApp.client_id, client_secret: demoApp.client_secret },
    });
    expect([noGrant.body.error, noGrant.body.hint]).toEqual([
      'unsupported_grant_type',
      'Check that all required parameters have been provided',
    ]);
    const noCode = await exchange(door, await codeFor(door), demoApp, { code: undefined });
    expect([noCode.body.error, noCode.body.hint]).toEqual(['invalid_request', 'Check the `code` parameter']);
    const foreignClient = await exchange(door, await codeFor(door), boxOffice);
    expect([foreignClient.body.error, foreignClient.body.hint]).toEqual([
      'invalid_request',
      'Authorization code was not issued to this client',
    ]);
    const tokens = await tokensFor(door);
    const noRefresh = await door.call(`${auth}/tokens`, {
      json: { grant_type: 'refresh_token', client_id: demoApp.client_id, client_secret: demoApp.client_secret },
    });
    expect([noRefresh.body.error, noRefresh.body.hint]).toEqual([
      'invalid_request',
      'Check the `refresh_token` parameter',
    ]);
    const foreignRefresh = await refreshAs(door, tokens.refresh_token, boxOffice);
    expect([foreignRefresh.status, foreignRefresh.body.error, foreignRefresh.body.hint]).toEqual([
      400,
      'invalid_grant',
      'Token is not linked to client',
    ]);
  });

  it('answers bad token requests with OAuth2 errors, never a 5xx', async () => {
    const cases = [
      // league picks the grant by grant_type first: none is unsupported_grant_type.
      [{ json: { client_id: demoApp.client_id, client_secret: demoApp.client_secret } }, 'unsupported_grant_type'],
      [
        {
          json: {
            grant_type: 'client_credentials',
            client_id: demoApp.client_id,
            client_secret: demoApp.client_secret,
          },
        },
        'unsupported_grant_type',
      ],
      [
        {
          json: {
            grant_type: 'authorization_code',
            client_id: demoApp.client_id,
            client_secret: demoApp.client_secret,
          },
        },
        'invalid_request',
      ],
      [{ raw: '{"grant_type": ', headers: { 'content-type': 'application/json' } }, 'invalid_request'],
      [{ raw: 'grant_type=x', headers: { 'content-type': 'text/plain' } }, 'invalid_request'],
      [{ json: ['not', 'an', 'object'] }, 'invalid_request'],
    ] as const;
    for (const [init, code] of cases) {
      const res = await door.call(`${auth}/tokens`, init);
      expect(res.status, JSON.stringify(init)).toBe(400);
      expect(res.body.error).toBe(code);
    }
    // league: invalidRequest('client_id').
    const noClient = await door.call(`${auth}/tokens`, { json: { grant_type: 'authorization_code', code: 'x' } });
    expect([noClient.status, noClient.body.error]).toEqual([400, 'invalid_request']);
  });
});

eachDoor('eventix refresh and expiry (%s door)', (door) => {
  it('refreshes into a new pair; the old refresh token and the old access token stop working', async () => {
    const first = await tokensFor(door);
    const res = await refreshAs(door, first.refresh_token);
    expect(res.status).toBe(200);
    expect(res.body.access_token).not.toBe(first.access_token);
    expect(res.body.refresh_token).not.toBe(first.refresh_token);
    expect(res.body.info.companies).toEqual([
      { guid: lowlands.guid, name: lowlands.name },
      { guid: noorderzon.guid, name: noorderzon.name },
    ]);
    const reused = await refreshAs(door, first.refresh_token);
    expect([reused.status, reused.body.error]).toEqual([400, 'invalid_grant']);
    const oldAccess = await door.call(`${api}/event`, { headers: withToken(first.access_token) });
    expect([oldAccess.status, oldAccess.body.error]).toEqual([401, 'invalid_token']);
    expect((await door.call(`${api}/event`, { headers: withToken(res.body.access_token) })).status).toBe(200);
  });

  it('gives exactly one new pair to concurrent refreshes of one refresh token', async () => {
    const { refresh_token } = await tokensFor(door);
    const results = await Promise.all(Array.from({ length: 8 }, () => refreshAs(door, refresh_token)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('refuses a refresh token presented by another client, without using it up', async () => {
    const { refresh_token } = await tokensFor(door);
    const foreign = await refreshAs(door, refresh_token, boxOffice);
    expect([foreign.status, foreign.body.error]).toEqual([400, 'invalid_grant']);
    expect((await refreshAs(door, refresh_token)).status).toBe(200);
  });

  it('expires the access token after 259200 s on the mock clock; the refresh token still works', async () => {
    const tokens = await tokensFor(door);
    door.mocks.clock.advance(259_199);
    expect((await door.call(`${auth}/users/me`, { headers: withToken(tokens.access_token) })).status).toBe(200);
    door.mocks.clock.advance(1);
    const expired = await door.call(`${auth}/users/me`, { headers: withToken(tokens.access_token) });
    expect([expired.status, expired.body.error]).toEqual([401, 'invalid_token']);
    expect(expired.headers['www-authenticate']).toMatch(/^Bearer .*error="invalid_token"/);
    const refreshed = await refreshAs(door, tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    expect((await door.call(`${auth}/users/me`, { headers: withToken(refreshed.body.access_token) })).status).toBe(200);
  });

  it('expires the refresh token after 365 days', async () => {
    const tokens = await tokensFor(door);
    door.mocks.clock.advance(365 * 24 * 3600);
    const res = await refreshAs(door, tokens.refresh_token);
    expect([res.status, res.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('does not take a refresh token as an access token, and the journal says it is the wrong kind', async () => {
    const tokens = await tokensFor(door);
    const res = await door.call(`${api}/event`, { headers: withToken(tokens.refresh_token) });
    expect([res.status, res.body.error, lastReason(door)]).toEqual([401, 'invalid_token', 'token_wrong_kind']);
  });
});

eachDoor('eventix token cap (%s door, cap 3)', { options: { eventix: { tokenCap: 3 } } }, (door) => {
  const works = async (token: string) => (await door.call(`${api}/event`, { headers: withToken(token) })).status;

  it('past the cap, ends the least recently used token of the user/client pair, with its refresh token', async () => {
    const [a, b, c] = [await tokensFor(door), await tokensFor(door), await tokensFor(door)];
    expect(await works(a.access_token)).toBe(200); // a is now more recently used than b
    const samsToken = await tokensFor(door, { loginHint: sam.guid }); // another pair: not counted
    const d = await tokensFor(door);
    expect(await works(b.access_token)).toBe(401);
    for (const t of [a, c, d, samsToken]) expect(await works(t.access_token)).toBe(200);
    const refresh = await refreshAs(door, b.refresh_token);
    expect([refresh.status, refresh.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('counts a refresh as a replacement, not an extra token', async () => {
    const [a, b, c] = [await tokensFor(door), await tokensFor(door), await tokensFor(door)];
    const refreshed = await refreshAs(door, a.refresh_token);
    expect(refreshed.status).toBe(200);
    for (const t of [b, c]) expect(await works(t.access_token)).toBe(200);
    expect(await works(refreshed.body.access_token)).toBe(200);
  });
});

eachDoor('eventix secret rotation (%s door)', (door) => {
  it('ends every code and token of the client; the old secret stops working, the new one works', async () => {
    const tokens = await tokensFor(door);
    const pendingCode = await codeFor(door);
    const other = await tokensFor(door, { client: boxOffice });
    const rotated = (await door.mocks.control.action('eventix', 'rotate-secret', {
      client_id: demoApp.client_id,
    })) as { client_secret: string; revoked: number };
    expect(rotated.client_secret).not.toBe(demoApp.client_secret);
    expect(rotated.revoked).toBe(3);
    const api401 = await door.call(`${api}/event`, { headers: withToken(tokens.access_token) });
    expect([api401.status, api401.body.error]).toEqual([401, 'invalid_token']);
    const refresh = await refreshAs(door, tokens.refresh_token, { ...demoApp, client_secret: rotated.client_secret });
    expect([refresh.status, refresh.body.error]).toEqual([400, 'invalid_grant']);
    const code = await exchange(door, pendingCode, { ...demoApp, client_secret: rotated.client_secret });
    expect([code.status, code.body.error]).toEqual([400, 'invalid_grant']);
    const oldSecret = await exchange(door, await codeFor(door));
    expect([oldSecret.status, oldSecret.body.error]).toEqual([401, 'invalid_client']);
    const newSecret = await exchange(door, await codeFor(door), { ...demoApp, client_secret: rotated.client_secret });
    expect(newSecret.status).toBe(200);
    expect((await door.call(`${api}/event`, { headers: withToken(other.access_token) })).status).toBe(200);
    const listed = door.mocks.control.fixtures().eventix?.clients as { client_id: string; client_secret: string }[];
    expect(listed.find((c) => c.client_id === demoApp.client_id)?.client_secret).toBe(rotated.client_secret);
  });

  it('takes a chosen secret, and refuses an unknown client or a too-short secret', async () => {
    const chosen = await door.mocks.control.action('eventix', 'rotate-secret', {
      client_id: demoApp.client_id,
      client_secret: 'exs_chosen_secret',
    });
    expect(chosen).toMatchObject({ client_secret: 'exs_chosen_secret' });
    await expect(door.mocks.control.action('eventix', 'rotate-secret', { client_id: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      door.mocks.control.action('eventix', 'rotate-secret', { client_id: demoApp.client_id, client_secret: 'short' }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe.each(doorNames)('eventix as league/oauth2-server 8.x (%s door, leagueVersion 8.x)', (name) => {
  const door = openDoor(name, { options: { eventix: { leagueVersion: '8.x' } } });

  it('answers an expired or used code with 400 invalid_request, not invalid_grant', async () => {
    const used = await codeFor(door);
    expect((await exchange(door, used)).status).toBe(200);
    const again = await exchange(door, used);
    expect([again.status, again.body.error]).toEqual([400, 'invalid_request']);
    const stale = await codeFor(door);
    door.mocks.clock.advance(61);
    const expired = await exchange(door, stale);
    expect([expired.status, expired.body.error]).toEqual([400, 'invalid_request']);
    const unknown = await exchange(door, 'no-such-code');
    expect([unknown.status, unknown.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('keeps the journal reason of an expired or used code, and league 8.x hint, behind its invalid_request', async () => {
    const used = await codeFor(door);
    await exchange(door, used);
    const again = await exchange(door, used);
    expect([again.body.error, lastReason(door)]).toEqual(['invalid_request', 'token_revoked']);
    expect(again.body.hint).toBe('Authorization code has been revoked');
    const stale = await codeFor(door);
    door.mocks.clock.advance(61);
    const expired = await exchange(door, stale);
    expect([expired.body.error, lastReason(door)]).toEqual(['invalid_request', 'token_expired']);
    expect(expired.body.hint).toBe('Authorization code has expired');
  });

  it('answers a known client without a secret, or an unregistered redirect_uri, with 401 invalid_client', async () => {
    const noSecret = await exchange(door, await codeFor(door), { client_id: demoApp.client_id, client_secret: '' });
    expect([noSecret.status, noSecret.body.error]).toEqual([401, 'invalid_client']);
    const foreignUri = await exchange(door, await codeFor(door), demoApp, { redirect_uri: 'https://x.example/cb' });
    expect([foreignUri.status, foreignUri.body.error]).toEqual([401, 'invalid_client']);
  });

  it('still refreshes, and answers a used refresh token with 400 invalid_grant', async () => {
    const tokens = await tokensFor(door);
    expect((await refreshAs(door, tokens.refresh_token)).status).toBe(200);
    const reused = await refreshAs(door, tokens.refresh_token);
    expect([reused.status, reused.body.error]).toEqual([400, 'invalid_grant']);
  });
});
