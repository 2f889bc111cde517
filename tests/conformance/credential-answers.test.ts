/**
 * Across the five providers: every answer that carries a credential says `Cache-Control:
 * no-store` and `Pragma: no-cache` (RFC 6749 §5.1), and refusals describe the problem in words
 * while the stable code stays in the journal.
 */
import { expect, it } from 'vitest';
import * as backops from '../support/backops.js';
import { eachDoor, type Reply } from '../support/doors.js';
import * as eventbookings from '../support/eventbookings.js';
import * as eventix from '../support/eventix.js';
import { lastReason } from '../support/kit.js';
import * as teletracker from '../support/teletracker.js';
import * as tracx from '../support/tracx.js';

const noStore = (res: Reply) => [res.status, res.headers['cache-control'], res.headers.pragma];
/** An internal code such as `token_expired` shown to the client. */
const codeInText = /\b(token|credentials|tenant)_[a-z_]+\b/;

eachDoor('credential answers are never cached (%s door)', (door) => {
  it('EventBookings and Eventix tokens, and the Eventix redirect carrying a code', async () => {
    const eb = await door.call(eventbookings.tokenUrl, {
      form: {
        grant_type: 'client_credentials',
        client_id: eventbookings.eventsApp.client_id,
        client_secret: eventbookings.eventsApp.client_secret,
      },
    });
    expect(noStore(eb)).toEqual([200, 'no-store', 'no-cache']);
    const redirect = await door.call(eventix.authorizeUrl());
    expect(noStore(redirect)).toEqual([302, 'no-store', 'no-cache']);
    const code = eventix.redirectParams(redirect).get('code') as string;
    expect(noStore(await eventix.exchange(door, code))).toEqual([200, 'no-store', 'no-cache']);
  });

  it('the Tracx session token', async () => {
    const res = await door.call(tracx.sessionUrl, {
      method: 'POST',
      headers: { accept: 'application/json', authorization: tracx.fullToken.connect_token },
    });
    expect(noStore(res)).toEqual([200, 'no-store', 'no-cache']);
  });

  it('TeleTracker login, refresh and masquerade', async () => {
    const login = await door.call(`${teletracker.api}/auth/login`, {
      form: { username: teletracker.marketing.username, password: teletracker.marketing.password },
    });
    expect(noStore(login)).toEqual([200, 'no-store', 'no-cache']);
    const refreshed = await teletracker.refresh(door, login.body.refreshToken);
    expect(noStore(refreshed)).toEqual([200, 'no-store', 'no-cache']);
    const masked = await teletracker.masquerade(door, refreshed.body.token, teletracker.northShore.account_id);
    expect(noStore(masked)).toEqual([200, 'no-store', 'no-cache']);
  });

  it('BackOps organization, event, area and collaborator tokens', async () => {
    const key = backops.adminKey.api_key;
    const organization = await door.call(`${backops.api}/Organizations/${backops.northern.id}/authorize`, {
      headers: backops.creds({ key }),
    });
    expect(noStore(organization)).toEqual([200, 'no-store', 'no-cache']);
    const event = await door.call(`${backops.api}/Events/${backops.aurora.id}/authorize`, {
      headers: backops.creds({ key }),
    });
    expect(noStore(event)).toEqual([200, 'no-store', 'no-cache']);
    const area = await door.call(`${backops.api}/Areas/${backops.mainStage.id}/authorize`, {
      headers: backops.creds({ key, event: event.body.token }),
    });
    expect(noStore(area)).toEqual([200, 'no-store', 'no-cache']);
    const collaborator = await door.call(`${backops.api}/Collaborators/${backops.sam.id}/authorize`, {
      headers: backops.creds({ key, event: event.body.token }),
    });
    expect(noStore(collaborator)).toEqual([200, 'no-store', 'no-cache']);
  });
});

eachDoor('refusals in words, codes in the journal (%s door)', (door) => {
  it('an expired or unknown token is described without its internal code, in every provider', async () => {
    const eb = await eventbookings.tokenFor(door, eventbookings.eventsApp);
    const ex = await eventix.tokensFor(door);
    const session = await tracx.sessionFor(door);
    door.mocks.clock.advance(400 * 24 * 3600);
    const refusals: [Reply, string][] = [];
    refusals.push([
      await door.call('https://api.eventbookings.com/me', { headers: eventbookings.bearer(eb.access_token) }),
      'token_expired',
    ]);
    refusals.push([
      await door.call(`${eventix.api}/event`, { headers: eventix.withToken(ex.access_token) }),
      'token_expired',
    ]);
    refusals.push([await door.call(tracx.eventsUrl, { headers: tracx.auth(session.token) }), 'token_expired']);
    refusals.push([await teletracker.refresh(door, 'not-a-refresh-token'), 'token_unknown']);
    refusals.push([
      await door.call(`${backops.api}/Areas/${backops.mainStage.id}/authorize`, {
        headers: backops.creds({ key: backops.adminKey.api_key, event: 'not-an-event-token' }),
      }),
      'token_unknown',
    ]);
    for (const [res] of refusals) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.text.length).toBeGreaterThan(0);
      expect(res.text).not.toMatch(codeInText);
      expect(res.headers['www-authenticate'] ?? '').not.toMatch(codeInText);
    }
    const reasons = door.mocks.control
      .journal()
      .entries.slice(-refusals.length)
      .map((e) => e.reason);
    expect(reasons).toEqual(refusals.map(([, code]) => code));
    expect(lastReason(door)).toBe('token_unknown');
  });
});
