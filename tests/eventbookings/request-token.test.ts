import { describe, expect, it } from 'vitest';
import { eachDoor, openDoor } from '../support/doors.js';
import {
  bearer,
  eventsApp,
  northsideApp,
  refreshAs,
  reportingApp,
  tokenFor,
  tokenUrl,
} from '../support/eventbookings.js';

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

eachDoor('requestToken through the %s door', { providers: ['eventbookings'] }, (door) => {
  const creds = { client_id: eventsApp.client_id, client_secret: eventsApp.client_secret };

  it('issues the documented response for a JSON client_credentials request', async () => {
    const res = await door.call(tokenUrl, { json: { grant_type: 'client_credentials', ...creds } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ expires_in: 3600, token_type: 'Bearer', scope: 'event.read event.create' });
    expect(res.body.access_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.body.refresh_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('accepts a form-encoded body, as IdentityServer takes it', async () => {
    const res = await door.call(tokenUrl, { form: { grant_type: 'client_credentials', ...creds } });
    expect(res.status).toBe(200);
    expect(typeof res.body.access_token).toBe('string');
  });

  it('accepts client credentials sent with HTTP Basic', async () => {
    const res = await door.call(tokenUrl, {
      form: { grant_type: 'client_credentials' },
      headers: { authorization: basic(creds.client_id, creds.client_secret) },
    });
    expect(res.status).toBe(200);
  });

  it('rejects a wrong secret with 400 invalid_client and no challenge, via Basic or the body (IdentityServer)', async () => {
    const viaBasic = await door.call(tokenUrl, {
      form: { grant_type: 'client_credentials' },
      headers: { authorization: basic(creds.client_id, 'nope') },
    });
    const viaBody = await door.call(tokenUrl, {
      form: { grant_type: 'client_credentials', client_id: creds.client_id, client_secret: 'nope' },
    });
    for (const res of [viaBasic, viaBody]) {
      expect([res.status, res.body.error]).toEqual([400, 'invalid_client']);
      expect(res.headers['www-authenticate']).toBeUndefined();
    }
  });

  it('takes Basic over body credentials when both are sent, as IdentityServer parses Basic first', async () => {
    const res = await door.call(tokenUrl, {
      form: { grant_type: 'client_credentials', client_id: creds.client_id, client_secret: creds.client_secret },
      headers: { authorization: basic(creds.client_id, 'nope') },
    });
    expect([res.status, res.body.error]).toEqual([400, 'invalid_client']);
  });

  it('form-decodes Basic credentials (RFC 6749 §2.3.1), as IdentityServer does', async () => {
    const kiosk = { id: 'eb-demo-kiosk', secret: 'ebs 5Jr+8Pw 2Lx' };
    const form = (v: string) => new URLSearchParams({ v }).toString().slice(2);
    const encoded = await door.call(tokenUrl, {
      form: { grant_type: 'client_credentials' },
      headers: { authorization: basic(form(kiosk.id), form(kiosk.secret)) },
    });
    expect(encoded.status).toBe(200);
    expect(form(kiosk.secret)).toBe('ebs+5Jr%2B8Pw+2Lx');
    const percentSpaces = await door.call(tokenUrl, {
      form: { grant_type: 'client_credentials' },
      headers: { authorization: basic(kiosk.id, encodeURIComponent(kiosk.secret)) },
    });
    expect(percentSpaces.status).toBe(200);
    // Sent raw, the '+' reads as a space: the secret no longer matches.
    const raw = await door.call(tokenUrl, {
      form: { grant_type: 'client_credentials' },
      headers: { authorization: basic(kiosk.id, kiosk.secret) },
    });
    expect([raw.status, raw.body.error]).toEqual([400, 'invalid_client']);
    // A '%' that starts no escape stays as it is rather than failing the request.
    const stray = await door.call(tokenUrl, {
      form: { grant_type: 'client_credentials' },
      headers: { authorization: basic(creds.client_id, `${creds.client_secret}%zz`) },
    });
    expect([stray.status, stray.body.error]).toEqual([400, 'invalid_client']);
  });

  it('sends Cache-Control: no-store and Pragma: no-cache with every token', async () => {
    const first = await door.call(tokenUrl, { form: { grant_type: 'client_credentials', ...creds } });
    const refreshed = await door.call(tokenUrl, {
      form: { grant_type: 'refresh_token', refresh_token: first.body.refresh_token, ...creds },
    });
    for (const res of [first, refreshed]) {
      expect(res.status).toBe(200);
      expect([res.headers['cache-control'], res.headers.pragma]).toEqual(['no-store', 'no-cache']);
    }
  });

  it('sends Cache-Control: no-store and Pragma: no-cache with every token error too, as IdentityServer does', async () => {
    const errors = [
      await door.call(tokenUrl, { form: { grant_type: 'client_credentials', ...creds, client_secret: 'nope' } }),
      await door.call(tokenUrl, { form: { grant_type: 'password', ...creds } }),
      await door.call(tokenUrl, { form: { grant_type: 'refresh_token', refresh_token: 'nope', ...creds } }),
      await door.call(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, raw: '{' }),
    ];
    for (const res of errors) {
      expect(res.status).toBe(400);
      expect([res.headers['cache-control'], res.headers.pragma]).toEqual(['no-store', 'no-cache']);
    }
  });

  it('narrows the token to the requested scope', async () => {
    const token = await tokenFor(door, eventsApp, { scope: 'event.create' });
    expect(token.scope).toBe('event.create');
    const me = await door.call('https://api.eventbookings.com/me', { headers: bearer(token.access_token) });
    expect(me.status).toBe(403);
    expect(me.body.error).toBe('insufficient_scope');
  });

  it('takes a blank scope as all the client scopes, and scopes separated by any run of whitespace', async () => {
    expect((await tokenFor(door, eventsApp, { scope: '  ' })).scope).toBe('event.read event.create');
    expect((await tokenFor(door, eventsApp, { scope: ' event.create ' })).scope).toBe('event.create');
    expect((await tokenFor(door, eventsApp, { scope: 'event.create \t event.read' })).scope).toBe(
      'event.create event.read',
    );
  });

  it.each([
    [
      'a wrong secret',
      { grant_type: 'client_credentials', client_id: eventsApp.client_id, client_secret: 'x' },
      400,
      'invalid_client',
    ],
    [
      'an unknown client',
      { grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' },
      400,
      'invalid_client',
    ],
    ['no client_id', { grant_type: 'client_credentials', client_secret: 'x' }, 400, 'invalid_client'],
    ['no client_secret', { grant_type: 'client_credentials', client_id: eventsApp.client_id }, 400, 'invalid_client'],
    [
      'no grant_type',
      { client_id: eventsApp.client_id, client_secret: eventsApp.client_secret },
      400,
      'invalid_request',
    ],
    ['an unknown grant', { grant_type: 'password', ...creds }, 400, 'unsupported_grant_type'],
    [
      'a scope the client lacks',
      { grant_type: 'client_credentials', ...creds, scope: 'event.delete' },
      400,
      'invalid_scope',
    ],
    ['a refresh grant without refresh_token', { grant_type: 'refresh_token', ...creds }, 400, 'invalid_request'],
    [
      'an unknown refresh token',
      { grant_type: 'refresh_token', refresh_token: 'nope', ...creds },
      400,
      'invalid_grant',
    ],
  ])('rejects %s', async (_name, body, status, error) => {
    const res = await door.call(tokenUrl, { form: body as Record<string, string> });
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(error);
  });

  it('rotates refresh tokens: the new pair works and the used refresh token fails', async () => {
    const first = await tokenFor(door);
    const refresh = (token: string) => refreshAs(door, token);
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    const reused = await refresh(first.refresh_token);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
    expect((await refresh(second.body.refresh_token)).status).toBe(200);
    const journal = door.mocks.control.journal().entries.filter((e) => e.operationId === 'requestToken');
    expect(journal.map((e) => e.reason ?? 'ok')).toEqual(['ok', 'ok', 'invalid_grant', 'ok']);
  });

  it('keeps the access token valid after a refresh until it expires', async () => {
    const first = await tokenFor(door);
    await refreshAs(door, first.refresh_token);
    expect((await door.call('https://api.eventbookings.com/me', { headers: bearer(first.access_token) })).status).toBe(
      200,
    );
  });

  it('refuses a refresh token presented by another client', async () => {
    const first = await tokenFor(door);
    const res = await refreshAs(door, first.refresh_token, reportingApp);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
    // A refusal does not consume the token: its owner can still use it.
    const owner = await refreshAs(door, first.refresh_token);
    expect(owner.status).toBe(200);
  });

  it('refuses a refresh token after its 30-day lifetime', async () => {
    const first = await tokenFor(door, northsideApp);
    door.mocks.control.advanceClock(30 * 24 * 3600 + 1);
    const res = await refreshAs(door, first.refresh_token, northsideApp);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });

  it('lets exactly one of many concurrent refreshes with the same token succeed', async () => {
    const first = await tokenFor(door);
    const results = await Promise.all(Array.from({ length: 12 }, () => refreshAs(door, first.refresh_token)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400 && r.body.error === 'invalid_grant')).toHaveLength(11);
  });
});

eachDoor('requestToken bad input through the %s door', { providers: ['eventbookings'] }, (door) => {
  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{"grant_type": ', 400, 'invalid_request'],
    ['a JSON array', { 'content-type': 'application/json' }, '[1,2]', 400, 'invalid_request'],
    ['a wrong content type', { 'content-type': 'text/plain' }, 'grant_type=client_credentials', 400, 'invalid_request'],
    ['an empty body', { 'content-type': 'application/json' }, '', 400, 'invalid_request'],
    ['non-string JSON fields', { 'content-type': 'application/json' }, '{"grant_type": 5}', 400, 'invalid_request'],
  ])('answers %s with the OAuth2 error shape', async (_name, headers, raw, status, error) => {
    const res = await door.call(tokenUrl, { method: 'POST', headers, raw });
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(error);
  });

  it('answers a body over 1 MiB with 413', async () => {
    const raw = `{"grant_type":"${'x'.repeat(1024 * 1024)}"}`;
    const res = await door.call(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, raw });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('invalid_request');
  });

  it('answers a method the endpoint does not take with a bare 405 and Allow, as ASP.NET Core does', async () => {
    const res = await door.call(tokenUrl, { method: 'GET' });
    expect([res.status, res.text, res.headers.allow]).toEqual([405, '', 'POST']);
  });

  it('answers an unknown path with a bare 404, as ASP.NET Core does, not an OAuth error', async () => {
    const res = await door.call('https://identity.eventbookings.com/connect/authorize-nothing');
    expect([res.status, res.text]).toEqual([404, '']);
  });
});

describe('requestToken options', () => {
  const door = openDoor('http', {
    providers: ['eventbookings'],
    options: { eventbookings: { issueRefreshToken: false, accessTokenTtlSeconds: 60 } },
  });

  it('can follow IdentityServer and issue no refresh token for client_credentials', async () => {
    const token = await tokenFor(door);
    expect(token.refresh_token).toBeUndefined();
    expect(token.expires_in).toBe(60);
  });
});
