/** A custom world per provider drives its flow with the user's own credentials, through both doors. */
import { describe, expect, it } from 'vitest';
import { eachDoor, openDoor } from '../support/doors.js';
import { exchange } from '../support/eventix.js';
import { bearer } from '../support/kit.js';
import { customWorld as w } from './worlds.js';

/** The ids of one list of `GET /__control/fixtures`. */
function ids(
  fixtures: Record<string, Record<string, unknown>>,
  provider: string,
  list: string,
  key: string,
): unknown[] {
  return ((fixtures[provider]?.[list] ?? []) as Record<string, unknown>[]).map((item) => item[key]);
}

eachDoor('a configured world through the %s door', { fixtures: w }, (door) => {
  it('eventbookings: client_credentials with the configured app, then its organisation’s events', async () => {
    const [app] = w.eventbookings.applications as [(typeof w.eventbookings.applications)[number]];
    const token = await door.call('https://identity.eventbookings.com/connect/token', {
      form: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret },
    });
    expect(token.status).toBe(200);
    const events = await door.call('https://api.eventbookings.com/orgs/org-acme/events', {
      headers: bearer(token.body.access_token),
    });
    expect(events.status).toBe(200);
    expect(JSON.stringify(events.body)).toContain('ev-acme-1');
    // The demo app is gone in replace mode.
    const demo = await door.call('https://identity.eventbookings.com/connect/token', {
      form: {
        grant_type: 'client_credentials',
        client_id: 'eb-demo-events',
        client_secret: 'ebs_7Kq2vN9xR4mT8wZ1pL6c',
      },
    });
    expect(demo.status).toBe(400);
    expect(demo.body.error).toBe('invalid_client');
  });

  it('eventix: authorize to the configured redirect URI, exchange, then the user and orders', async () => {
    const [client] = w.eventix.clients as [(typeof w.eventix.clients)[number]];
    const url = new URL('https://auth.eventix.io/tokens/authorize');
    url.searchParams.set('client_id', client.client_id);
    const [redirectUri] = client.redirect_uris as [string];
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('state', 's1');
    const authorize = await door.call(url.href);
    expect(authorize.status).toBe(302);
    const location = new URL(authorize.headers.location as string);
    expect(location.origin + location.pathname).toBe(redirectUri);
    const code = location.searchParams.get('code') as string;
    const token = await exchange(door, code, client, { redirect_uri: redirectUri });
    expect(token.status).toBe(200);
    const me = await door.call('https://auth.eventix.io/users/me', { headers: bearer(token.body.access_token) });
    expect(me.status).toBe(200);
    expect(me.body.guid).toBe(w.eventix.users[0]?.guid);
    const orders = await door.call('https://api.eventix.io/orders', { headers: bearer(token.body.access_token) });
    expect(orders.status).toBe(200);
    expect(JSON.stringify(orders.body)).toContain(w.eventix.orders[0]?.guid as string);
  });

  it('tracx: a session from the configured connect token sees only its event', async () => {
    const session = await door.call('https://api.tracx.events/v1/connect/session-token', {
      method: 'POST',
      headers: { accept: 'application/json', authorization: 'acme-connect-token-1' },
    });
    expect(session.status).toBe(200);
    const events = await door.call('https://api.tracx.events/v1/connect/events', {
      headers: { accept: 'application/json', authorization: session.body.data.token },
    });
    expect(events.status).toBe(200);
    expect(events.body.data.items.map((e: { id: number }) => e.id)).toEqual([7]);
  });

  it('backops: the configured key lists its organization’s events, archived included', async () => {
    const res = await door.call('https://api.backopslive.com/Organizations/org-b/events', {
      headers: bearer('acme-backops-key-1'),
    });
    expect(res.status).toBe(200);
    expect(res.body.map((e: { id: string; isArchived: boolean }) => [e.id, e.isArchived])).toEqual([
      ['ev-b1', false],
      ['ev-b2', true],
    ]);
    const token = await door.call('https://api.backopslive.com/Events/ev-b1/authorize', {
      headers: bearer('acme-backops-key-1'),
    });
    expect(token.status).toBe(200);
  });

  it('teletracker: the configured user logs in to its default account and reads its calls', async () => {
    const login = await door.call('https://api.teletracker.net/auth/login', {
      form: { username: 'ops@acme.example', password: 'acme-pass-1' },
    });
    expect(login.status).toBe(200);
    const calls = await door.call(
      'https://api.teletracker.net/reports/call-data?start_date=2025-03-01&end_date=2025-03-31',
      { headers: bearer(login.body.token) },
    );
    expect(calls.status).toBe(200);
    expect(calls.body.data.map((c: { call_id: string }) => c.call_id)).toEqual(['acme-call-1']);
  });

  it('GET /__control/fixtures and reset follow the configured world', async () => {
    await door.mocks.control.reset();
    const fixtures = door.mocks.control.fixtures();
    expect(ids(fixtures, 'eventix', 'clients', 'client_id')).toEqual(['acme-eventix']);
    expect(ids(fixtures, 'tracx', 'connect_tokens', 'id')).toEqual([1]);
  });
});

describe('merge mode', () => {
  const door = openDoor('http', {
    fixtures: {
      eventbookings: {
        applications: [
          { client_id: 'mine', client_secret: 'my-secret', org_uuid: '0b6f2c1e-6a39-4c1e-9f4a-2d1b7c9e5a10' },
        ],
      },
    },
  });

  it('keeps the demo world and adds the configured entities', async () => {
    const seen = ids(door.mocks.control.fixtures(), 'eventbookings', 'applications', 'client_id');
    expect(seen).toContain('eb-demo-events');
    expect(seen).toContain('mine');
  });
});
