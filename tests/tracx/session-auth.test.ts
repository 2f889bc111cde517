import { decodeJwt, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createClock } from '../../mocks/core/clock.js';
import { doorNames, eachDoor, openDoor } from '../support/doors.js';
import { lastEntry } from '../support/kit.js';
import {
  auth,
  events,
  eventsUrl,
  fullToken,
  lastReason,
  listOnlyToken,
  participant,
  participantUrl,
  raceOf,
  sessionFor,
} from '../support/tracx.js';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

eachDoor('session tokens on protected calls through the %s door', { providers: ['tracx'] }, (door) => {
  it('accepts the session token with and without Bearer', async () => {
    const { token } = await sessionFor(door);
    expect((await door.call(eventsUrl, { headers: auth(token) })).status).toBe(200);
    expect((await door.call(eventsUrl, { headers: auth(`Bearer ${token}`) })).status).toBe(200);
    expect(lastEntry(door)?.credential).toBe('session_token');
  });

  it.each([
    ['no Authorization header', undefined, 'credentials_missing'],
    ['a Basic header', 'Basic Zm9vOmJhcg==', 'credentials_missing'],
    ['garbage', 'not-a-jwt', 'token_unknown'],
  ])('refuses %s with 401 {"message":"Unauthenticated."}', async (_name, authorization, reason) => {
    const headers = authorization === undefined ? {} : { authorization };
    const res = await door.call(eventsUrl, { headers });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Unauthenticated.' });
    expect(lastReason(door)).toBe(reason);
  });

  it('refuses a connect token where a session token is needed, bare or with Bearer, with a message that differs from the plain refusal', async () => {
    const plain = await door.call(eventsUrl, { headers: { authorization: 'not-a-jwt' } });
    for (const authorization of [fullToken.connect_token, `Bearer ${fullToken.connect_token}`]) {
      const res = await door.call(eventsUrl, { headers: { authorization } });
      expect(res.status).toBe(401);
      // Laravel's shape; the message says a session token was expected (the pages' examples send the connect token).
      expect(Object.keys(res.body)).toEqual(['message']);
      expect(res.body.message).not.toBe(plain.body.message);
      expect(lastReason(door)).toBe('token_wrong_kind');
    }
  });

  it('records a connect token presented where a session token is needed as a connect token', async () => {
    await door.call(eventsUrl, { headers: auth(fullToken.connect_token) });
    expect([lastReason(door), lastEntry(door)?.credential]).toEqual(['token_wrong_kind', 'connect_token']);
  });

  it('refuses a session token without the permission the call needs with 403 scope_missing', async () => {
    const { token } = await sessionFor(door, listOnlyToken);
    const res = await door.call(participantUrl, {
      method: 'POST',
      headers: auth(token),
      json: participant(raceOf(events[0]?.id as number)),
    });
    expect([res.status, lastReason(door)]).toEqual([403, 'scope_missing']);
    expect((await door.call(eventsUrl, { headers: auth(token) })).status).toBe(200);
  });

  it('answers POST on List Events (as its cURL example sends it) with 405 naming GET in Allow', async () => {
    const { token } = await sessionFor(door);
    const res = await door.call(eventsUrl, { method: 'POST', headers: auth(token), json: {} });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toContain('GET');
    expect(Object.keys(res.body)).toEqual(['message']);
    expect(lastReason(door)).toBe('method_not_allowed');
  });

  it('refuses a session token while the mock clock is before its iat with 401, as tymon/jwt-auth does', async () => {
    const { token } = await sessionFor(door);
    expect((await door.call(eventsUrl, { headers: auth(token) })).status).toBe(200);
    door.mocks.clock.set(door.mocks.clock.now() - 60_000);
    const early = await door.call(eventsUrl, { headers: auth(token) });
    expect([early.status, early.body]).toEqual([401, { message: 'Unauthenticated.' }]);
    expect(lastReason(door)).toBe('token_unknown');
    door.mocks.clock.set(door.mocks.clock.now() + 60_000);
    expect((await door.call(eventsUrl, { headers: auth(token) })).status).toBe(200);
  });

  it('refuses a tampered JWT: the list-only token’s payload granted participants.store', async () => {
    const { token } = await sessionFor(door, listOnlyToken);
    const [header, payload, signature] = token.split('.');
    const claims = decodeJwt(token);
    const forged = b64url({ ...claims, permissions: [...(claims.permissions as string[]), 'participants.store'] });
    expect(forged).not.toBe(payload);
    const res = await door.call(participantUrl, {
      headers: auth(`${header}.${forged}.${signature}`),
      json: participant(raceOf(1)),
    });
    expect(res.status).toBe(401);
    expect(lastReason(door)).toBe('token_unknown');
  });

  it('refuses a JWT with the right claims signed with another key', async () => {
    const claims = decodeJwt((await sessionFor(door)).token);
    const foreign = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(crypto.getRandomValues(new Uint8Array(32)));
    const res = await door.call(eventsUrl, { headers: auth(foreign) });
    expect(res.status).toBe(401);
    expect(lastReason(door)).toBe('token_unknown');
  });

  it('refuses alg:none JWTs, from jose and built by hand', async () => {
    const claims = decodeJwt((await sessionFor(door)).token);
    const fromJose = new UnsecuredJWT(claims).encode();
    const byHand = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
    const noneWithSig = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.c2ln`;
    for (const token of [fromJose, byHand, noneWithSig]) {
      const res = await door.call(eventsUrl, { headers: auth(token) });
      expect(res.status).toBe(401);
      expect(lastReason(door)).toBe('token_unknown');
    }
  });

  it('refuses a session token from before a reset (a fresh signing key)', async () => {
    const { token } = await sessionFor(door);
    await door.mocks.control.reset();
    expect((await door.call(eventsUrl, { headers: auth(token) })).status).toBe(401);
  });

  it('ends the session tokens of a revoked connect token (default), and no other', async () => {
    const listSession = await sessionFor(door, listOnlyToken);
    const fullSession = await sessionFor(door);
    const result = await door.mocks.control.action('tracx', 'revoke-connect-token', { id: listOnlyToken.id });
    expect(result).toEqual({ id: listOnlyToken.id, revoked: true, sessions_ended: true });
    const res = await door.call(eventsUrl, { headers: auth(listSession.token) });
    expect(res.status).toBe(401);
    expect(lastReason(door)).toBe('token_revoked');
    expect((await door.call(eventsUrl, { headers: auth(fullSession.token) })).status).toBe(200);
  });

  it('keeps secrets and tokens out of the journal', async () => {
    const { token } = await sessionFor(door);
    await door.call(eventsUrl, { headers: auth(token) });
    await door.call(`${eventsUrl}?token=${token}`);
    const journal = JSON.stringify(door.mocks.control.journal());
    expect(journal).not.toContain(fullToken.connect_token);
    expect(journal).not.toContain(token);
    expect(door.mocks.control.journal().entries.map((e) => e.credential)).toEqual([
      'connect_token',
      'session_token',
      'none',
    ]);
  });
});

describe.each(doorNames)('session token expiry on a pinned clock through the %s door', (doorName) => {
  const fixed = Date.UTC(2027, 2, 14, 10, 0, 0, 250);
  const door = openDoor(doorName, { providers: ['tracx'], clock: createClock({ source: () => fixed }) });

  it('accepts the session token until expires_at and refuses it from then on with 401', async () => {
    const { token, expires_at } = await sessionFor(door);
    door.mocks.control.setClock(new Date(expires_at * 1000 - 1));
    expect((await door.call(eventsUrl, { headers: auth(token) })).status).toBe(200);
    door.mocks.control.setClock(new Date(expires_at * 1000));
    const res = await door.call(eventsUrl, { headers: auth(token) });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Unauthenticated.' });
    expect(lastReason(door)).toBe('token_expired');
    const fresh = await sessionFor(door);
    expect((await door.call(eventsUrl, { headers: auth(fresh.token) })).status).toBe(200);
  });
});

describe.each(doorNames)('revocation with revokeEndsSessions: false through the %s door', (doorName) => {
  const door = openDoor(doorName, { providers: ['tracx'], options: { tracx: { revokeEndsSessions: false } } });

  it('stops new session tokens but lets live ones run to expires_at, as a stateless verifier would', async () => {
    const { token } = await sessionFor(door, listOnlyToken);
    const result = await door.mocks.control.action('tracx', 'revoke-connect-token', {
      connect_token: listOnlyToken.connect_token,
    });
    expect(result).toMatchObject({ sessions_ended: false });
    expect((await door.call(eventsUrl, { headers: auth(token) })).status).toBe(200);
    const again = await door.call(`https://api.tracx.events/v1/connect/session-token`, {
      method: 'POST',
      headers: auth(listOnlyToken.connect_token),
    });
    expect(again.status).toBe(401);
    door.mocks.control.advanceClock(3600);
    expect((await door.call(eventsUrl, { headers: auth(token) })).status).toBe(401);
  });
});
