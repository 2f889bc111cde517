/**
 * Tenants cannot evict each other's credentials: every token store caps live tokens per owner
 * (client, user and client, API key), at the real default of 1,000. One tenant issuing past it
 * loses only its own least recently used tokens, refused afterwards as `token_evicted`; another
 * tenant's live tokens keep working.
 */
import { describe, expect, it } from 'vitest';
import { defaultMaxTokensPerOwner } from '../../mocks/core/token-store.js';
import * as bo from '../support/backops.js';
import { eachDoor, openDoor } from '../support/doors.js';
import * as eb from '../support/eventbookings.js';
import * as ex from '../support/eventix.js';
import { lastEntry } from '../support/kit.js';

/** Runs `count` calls, `width` at a time. */
async function flood(count: number, call: () => Promise<unknown>, width = 16): Promise<void> {
  for (let done = 0; done < count; done += width) {
    await Promise.all(Array.from({ length: Math.min(width, count - done) }, call));
  }
}

const past = defaultMaxTokensPerOwner + 1;

describe('tenants through the http door', () => {
  const door = openDoor('http');

  it('EventBookings: one client issuing past its cap breaks no other organisation’s tokens', async () => {
    const victim = await eb.tokenFor(door, eb.northsideApp);
    const first = await eb.tokenFor(door, eb.eventsApp);
    await flood(past, () => eb.tokenFor(door, eb.eventsApp));

    expect((await door.call(`${eb.api}/me`, { headers: eb.bearer(victim.access_token) })).status).toBe(200);
    const refreshed = await eb.refreshAs(door, victim.refresh_token, eb.northsideApp);
    expect(refreshed.status).toBe(200);

    // The flooding client lost its own oldest tokens, and is told why.
    const evicted = await door.call(`${eb.api}/me`, { headers: eb.bearer(first.access_token) });
    expect(evicted.status).toBe(401);
    expect(evicted.body.error).toBe('invalid_token');
    expect(evicted.body.error_description).toMatch(/evicted/i);
    expect(lastEntry(door)?.reason).toBe('token_evicted');
    const stale = await eb.refreshAs(door, first.refresh_token, eb.eventsApp);
    expect(stale.status).toBe(400);
    expect(stale.body.error).toBe('invalid_grant');
    expect(stale.body.error_description).toMatch(/evicted/i);
    expect(lastEntry(door)?.reason).toBe('token_evicted');
  }, 120_000);

  it('BackOps: one API key issuing past its cap cannot evict another key’s event tokens', async () => {
    const victim = await bo.eventToken(door, bo.aurora.id, bo.adminKey.api_key);
    const first = await bo.eventToken(door, bo.surf.id, bo.coastlineKey.api_key);
    await flood(past, () => bo.eventToken(door, bo.surf.id, bo.coastlineKey.api_key));

    const ok = await door.call(`${bo.api}/Events/${bo.aurora.id}`, {
      headers: bo.creds({ key: bo.adminKey.api_key, event: victim }),
    });
    expect(ok.status).toBe(200);
    const evicted = await door.call(`${bo.api}/Events/${bo.surf.id}`, {
      headers: bo.creds({ key: bo.coastlineKey.api_key, event: first }),
    });
    expect(evicted.status).toBe(401);
    expect(evicted.body.code).toBe('UNAUTHORIZED');
    expect(evicted.body.message).toMatch(/evicted/i);
    expect(lastEntry(door)?.reason).toBe('token_evicted');
  }, 120_000);
});

eachDoor('Eventix authorize flood through the %s door', (door) => {
  it('cannot evict another user’s pending code; the flooding pair loses only its own', async () => {
    const victimCode = await ex.codeFor(door, { loginHint: ex.sam.email });
    const first = await ex.codeFor(door);
    // The authorize endpoint takes no credentials: each call is a pending code of jane/demo app.
    await flood(past, () => ex.codeFor(door));

    const exchanged = await ex.exchange(door, victimCode);
    expect(exchanged.status).toBe(200);
    const evicted = await ex.exchange(door, first);
    expect(evicted.status).toBe(400);
    expect(evicted.body.error).toBe('invalid_grant');
    // league's payload: a fixed error_description; the reason is in `hint`.
    expect(evicted.body.hint).toMatch(/evicted/i);
    expect(lastEntry(door)?.reason).toBe('token_evicted');
  }, 120_000);
});
