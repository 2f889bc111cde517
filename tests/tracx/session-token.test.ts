import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { createClock } from '../../mocks/core/clock.js';
import { doorNames, eachDoor, openDoor } from '../support/doors.js';
import { lastEntry } from '../support/kit.js';
import {
  auth,
  eventsUrl,
  fullToken,
  lastReason,
  listOnlyToken,
  scopedEventId,
  sessionFor,
  sessionUrl,
  singleEventToken,
} from '../support/tracx.js';

eachDoor('createSessionToken through the %s door', { providers: ['tracx'] }, (door) => {
  const post = (authorization?: string) =>
    door.call(sessionUrl, {
      method: 'POST',
      headers: authorization === undefined ? { accept: 'application/json' } : auth(authorization),
    });

  it('exchanges a connect token sent with no scheme word for {data:{token, expires_at}}', async () => {
    const before = Math.floor(door.mocks.clock.now() / 1000);
    const res = await post(fullToken.connect_token);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['data']);
    expect(Object.keys(res.body.data).sort()).toEqual(['expires_at', 'token']);
    expect(res.body.data.expires_at - before).toBeGreaterThanOrEqual(3600);
    expect(res.body.data.expires_at - before).toBeLessThanOrEqual(3601);
    expect(lastEntry(door)?.credential).toBe('connect_token');
    expect(decodeJwt(res.body.data.token)).toMatchObject({ sub: String(fullToken.id), exp: res.body.data.expires_at });
  });

  it('accepts Bearer <connect token> too, with a session token for that connect token that opens the API', async () => {
    const res = await post(`Bearer ${fullToken.connect_token}`);
    expect(res.status).toBe(200);
    const { token, expires_at } = res.body.data;
    expect(decodeJwt(token)).toMatchObject({ sub: String(fullToken.id), exp: expires_at });
    expect((await door.call(eventsUrl, { headers: auth(token) })).status).toBe(200);
  });

  it('signs an HS256 JWT whose exp equals expires_at and which carries the connect token’s permissions', async () => {
    const { token, expires_at } = await sessionFor(door, listOnlyToken);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims.exp).toBe(expires_at);
    expect(claims.iss).toBe('https://api.tracx.events');
    expect(claims.sub).toBe(String(listOnlyToken.id));
    expect(claims.permissions).toEqual(listOnlyToken.permissions);
    expect(claims.event_ids).toBeUndefined();
    expect(token).not.toContain(listOnlyToken.connect_token);
  });

  it('puts the event scope of a limited connect token in the JWT', async () => {
    const claims = decodeJwt((await sessionFor(door, singleEventToken)).token);
    expect(claims.event_ids).toEqual([scopedEventId]);
  });

  it('has no refresh: each request gives a new session token and the earlier one stays valid', async () => {
    const first = await sessionFor(door);
    door.mocks.control.advanceClock(10);
    const second = await sessionFor(door);
    expect(second.token).not.toBe(first.token);
    expect(second.expires_at).toBeGreaterThan(first.expires_at);
    expect((await door.call(eventsUrl, { headers: auth(first.token) })).status).toBe(200);
  });

  it.each([
    ['no Authorization header', undefined, 'credentials_missing'],
    ['an unknown connect token', 'tcx_ct_nope', 'token_unknown'],
    ['a Basic header', 'Basic Zm9vOmJhcg==', 'credentials_missing'],
    ['an empty Bearer', 'Bearer ', 'token_unknown'],
  ])('refuses %s with 401 {"message":"Unauthenticated."}', async (_name, authorization, reason) => {
    const res = await post(authorization);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Unauthenticated.' });
    expect(lastReason(door)).toBe(reason);
  });

  it('refuses a session token presented as a connect token with 401', async () => {
    const { token } = await sessionFor(door);
    const res = await post(token);
    expect(res.status).toBe(401);
    expect([lastReason(door), lastEntry(door)?.credential]).toEqual(['token_wrong_kind', 'session_token']);
  });

  it('refuses a revoked connect token with 401, and only that one', async () => {
    await door.mocks.control.action('tracx', 'revoke-connect-token', { connect_token: listOnlyToken.connect_token });
    const res = await post(listOnlyToken.connect_token);
    expect(res.status).toBe(401);
    expect(lastReason(door)).toBe('token_revoked');
    expect((await post(fullToken.connect_token)).status).toBe(200);
  });

  it('answers a method the endpoint does not take with 405 and Allow, an unknown path with 404', async () => {
    const wrong = await door.call(sessionUrl, { method: 'GET' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    expect(typeof wrong.body.message).toBe('string');
    const unknown = await door.call('https://api.tracx.events/v1/connect/nothing');
    expect(unknown.status).toBe(404);
    expect(typeof unknown.body.message).toBe('string');
  });
});

describe.each(doorNames)('createSessionToken options through the %s door', (doorName) => {
  const fixed = Date.UTC(2027, 2, 14, 10, 0, 0, 250);
  const door = openDoor(doorName, {
    providers: ['tracx'],
    clock: createClock({ source: () => fixed }),
    options: { tracx: { sessionTokenTtlSeconds: 60 } },
  });

  it('issues session tokens with the configured lifetime', async () => {
    const { token, expires_at } = await sessionFor(door);
    expect(expires_at).toBe(Math.floor(fixed / 1000) + 60);
    expect(decodeJwt(token).exp).toBe(expires_at);
    expect(door.mocks.control.fixtures().tracx?.session_token_ttl_seconds).toBe(60);
  });
});
