import { expect, it } from 'vitest';
import { eachDoor } from '../support/doors.js';
import {
  api,
  bearer,
  eventsApp,
  harbour,
  northside,
  reportingApp,
  tokenFor,
  tokenUrl,
} from '../support/eventbookings.js';
import { lastEntry, lastReason } from '../support/kit.js';

/** The vendor's nested create-event body (Events POST API Documentation). */
const newEvent = (name: unknown, startsOn: unknown = '2027-04-01 19:00:00', extra: Record<string, unknown> = {}) => ({
  event: {
    name,
    occurrence: { type: 'single', attributes: { starts_on: startsOn, event_duration: '04:00' } },
    ...extra,
  },
});

eachDoor('EventBookings API through the %s door', { providers: ['eventbookings'] }, (door) => {
  const events = `${api}/orgs/${harbour.org_uuid}/events`;

  it.each([
    ['getMe', `${api}/me`],
    ['listOrgEvents', `${api}/orgs/${harbour.org_uuid}/events`],
  ])(
    "%s refuses a token sent in the vendor page's misspelled Authorisation header with 401, naming it",
    async (_op, url) => {
      const { access_token } = await tokenFor(door);
      const res = await door.call(url, { headers: { Authorisation: `Bearer ${access_token}` } });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('invalid_request');
      expect(res.body.error_description).toContain("'Authorisation'");
      expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
      expect(lastReason(door)).toBe('header_misspelled');
      // With the right spelling the same token works, and a missing header is the plain reason.
      expect((await door.call(url, { headers: bearer(access_token) })).status).toBe(200);
      await door.call(url);
      expect(lastReason(door)).toBe('credentials_missing');
    },
  );

  it('records what the misspelled header carried (a Bearer token or not), and ignores it next to Authorization', async () => {
    const { access_token } = await tokenFor(door);
    for (const [value, credential] of [
      [`bearer ${access_token}`, 'bearer'],
      [access_token, 'none'],
      [`Token bearer ${access_token}`, 'none'],
    ] as const) {
      const res = await door.call(`${api}/me`, { headers: { Authorisation: value } });
      expect(res.status).toBe(401);
      expect([lastReason(door), lastEntry(door)?.credential]).toEqual(['header_misspelled', credential]);
    }
    const both = await door.call(`${api}/me`, {
      headers: { ...bearer(access_token), Authorisation: `Bearer ${access_token}` },
    });
    expect(both.status).toBe(200);
  });

  it('getMe returns the application the token was issued to', async () => {
    const { access_token } = await tokenFor(door, reportingApp);
    const res = await door.call(`${api}/me`, { headers: bearer(access_token) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      client_id: reportingApp.client_id,
      name: reportingApp.name,
      org_uuid: reportingApp.org_uuid,
      scopes: ['event.read'],
    });
  });

  it.each([
    ['no Authorization header', {}, 'invalid_request', 'credentials_missing'],
    ['an unknown token', { authorization: 'Bearer nope' }, 'invalid_token', 'token_unknown'],
    ['a Basic header', { authorization: 'Basic Zm9vOmJhcg==' }, 'invalid_request', 'credentials_missing'],
  ])('getMe rejects %s with 401', async (_name, headers, error, reason) => {
    const res = await door.call(`${api}/me`, { headers });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe(error);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm=/);
    expect(lastReason(door)).toBe(reason);
  });

  it('rejects an access token once the clock passes its expiry, and not a second before', async () => {
    const { access_token } = await tokenFor(door);
    door.mocks.control.advanceClock(3599);
    expect((await door.call(`${api}/me`, { headers: bearer(access_token) })).status).toBe(200);
    door.mocks.control.advanceClock(1);
    const res = await door.call(`${api}/me`, { headers: bearer(access_token) });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_token');
    expect(lastReason(door)).toBe('token_expired');
  });

  it('rejects a refresh token presented as an access token', async () => {
    const { refresh_token } = await tokenFor(door);
    const res = await door.call(`${api}/me`, { headers: bearer(refresh_token) });
    expect(res.status).toBe(401);
    expect(lastReason(door)).toBe('token_wrong_kind');
  });

  it('listOrgEvents returns only the organisation’s events', async () => {
    const { access_token } = await tokenFor(door);
    const res = await door.call(events, { headers: bearer(access_token) });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((e: { org_uuid: string }) => e.org_uuid === harbour.org_uuid)).toBe(true);
  });

  it('listOrgEvents refuses another organisation with 403 and an unknown one with 404', async () => {
    const { access_token } = await tokenFor(door);
    const foreign = await door.call(`${api}/orgs/${northside.org_uuid}/events`, { headers: bearer(access_token) });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toBe('access_denied');
    const unknown = await door.call(`${api}/orgs/00000000-0000-0000-0000-000000000000/events`, {
      headers: bearer(access_token),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('not_found');
  });

  it('createOrgEvent creates an event that the list then shows', async () => {
    const { access_token } = await tokenFor(door);
    const res = await door.call(events, {
      headers: bearer(access_token),
      json: newEvent('Spring Gala', '2027-04-01 19:00:00', {
        description: 'By the harbour',
        timezone: 'Australia/Melbourne',
        banner: [],
        configuration: { type: 'venue', attributes: [] },
        listing: { enabled: true, categories: [] },
        resources: [],
      }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Spring Gala',
      org_uuid: harbour.org_uuid,
      starts_at: '2027-04-01T19:00:00Z',
      status: 'draft',
      ends_at: null,
    });
    expect(res.headers.location).toContain(res.body.event_uuid);
    const list = await door.call(events, { headers: bearer(access_token) });
    expect(list.body.data.map((e: { event_uuid: string }) => e.event_uuid)).toContain(res.body.event_uuid);
  });

  it('createOrgEvent needs the scope event.create: 403 insufficient_scope without it', async () => {
    const { access_token } = await tokenFor(door, reportingApp);
    const res = await door.call(events, {
      headers: bearer(access_token),
      json: newEvent('Nope'),
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('insufficient_scope');
    expect(res.headers['www-authenticate']).toContain('scope="event.create"');
    const list = await door.call(events, { headers: bearer(access_token) });
    expect(list.body.data.some((e: { name: string }) => e.name === 'Nope')).toBe(false);
  });

  it.each([
    ['the old flat body', { name: 'X', starts_at: '2027-04-01T19:00:00Z' }, ['event']],
    ['no name', newEvent(undefined), ['event.name']],
    ['a bad starts_on', newEvent('X', 'tomorrow'), ['event.occurrence.attributes.starts_on']],
    ['no occurrence', { event: { name: 'X' } }, ['event.occurrence']],
    [
      'wrong types',
      newEvent(5, 7, { listing: [], resources: {} }),
      ['event.listing', 'event.name', 'event.occurrence.attributes.starts_on', 'event.resources'],
    ],
  ])('createOrgEvent rejects %s with 400 and the failing fields', async (_name, json, fields) => {
    const { access_token } = await tokenFor(door);
    const res = await door.call(events, { headers: bearer(access_token), json });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect(Object.keys(res.body.errors).sort()).toEqual(fields);
  });

  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{"name":', 400],
    ['a JSON array', { 'content-type': 'application/json' }, '[]', 400],
    ['a wrong content type', { 'content-type': 'text/plain' }, 'hello', 415],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, 'name=x', 415],
    ['no body', { 'content-type': 'application/json' }, '', 400],
  ])('createOrgEvent answers %s with %i', async (_name, headers, raw, status) => {
    const { access_token } = await tokenFor(door);
    const res = await door.call(events, { method: 'POST', headers: { ...headers, ...bearer(access_token) }, raw });
    expect(res.status).toBe(status);
    expect(res.body.error).toBe('invalid_request');
  });

  it('createOrgEvent answers a body over 1 MiB with 413', async () => {
    const { access_token } = await tokenFor(door);
    const res = await door.call(events, {
      headers: bearer(access_token),
      json: newEvent('x'.repeat(1024 * 1024 + 1)),
    });
    expect(res.status).toBe(413);
  });

  it('answers an unknown API path with 404 and a wrong method with 405', async () => {
    expect((await door.call(`${api}/nothing/here`)).status).toBe(404);
    const res = await door.call(`${api}/me`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
  });

  it('revoking a client ends every token issued to it', async () => {
    const { access_token, refresh_token } = await tokenFor(door);
    await door.mocks.control.action('eventbookings', 'revoke-client', { client_id: eventsApp.client_id });
    expect((await door.call(`${api}/me`, { headers: bearer(access_token) })).status).toBe(401);
    const refreshed = await door.call(tokenUrl, {
      form: {
        grant_type: 'refresh_token',
        refresh_token,
        client_id: eventsApp.client_id,
        client_secret: eventsApp.client_secret,
      },
    });
    expect(refreshed.body.error).toBe('invalid_grant');
  });

  it('keeps secrets and tokens out of the journal', async () => {
    const { access_token, refresh_token } = await tokenFor(door);
    await door.call(`${api}/me`, { headers: bearer(access_token) });
    await door.call(`${api}/me?access_token=${access_token}`);
    const journal = JSON.stringify(door.mocks.control.journal());
    for (const secret of [eventsApp.client_secret, access_token, refresh_token]) expect(journal).not.toContain(secret);
    expect(door.mocks.control.journal().entries.map((e) => e.credential)).toEqual(['client_secret', 'bearer', 'none']);
  });
});
