/**
 * Concurrency: single-use credentials have exactly one winner, and the Eventix token cap and
 * secret rotation stay consistent while requests run at the same time.
 */
import { expect, it } from 'vitest';
import { authHosts } from '../../mocks/providers/eventix/operations.js';
import { eachDoor } from '../support/doors.js';
import { refreshAs as refreshEventBookings, tokenFor } from '../support/eventbookings.js';
import {
  api,
  codeFor,
  demoApp,
  exchange,
  refreshAs as refreshEventix,
  tokensFor,
  withToken,
} from '../support/eventix.js';
import { login, refresh as refreshTeleTracker } from '../support/teletracker.js';

const many = 24;
const winners = (statuses: number[]) => statuses.filter((s) => s === 200).length;

eachDoor('races (%s door)', (door) => {
  it('EventBookings: one refresh token refreshed concurrently has exactly one winner', async () => {
    const { refresh_token } = await tokenFor(door);
    const results = await Promise.all(Array.from({ length: many }, () => refreshEventBookings(door, refresh_token)));
    expect(winners(results.map((r) => r.status))).toBe(1);
    expect(results.filter((r) => r.status === 400).every((r) => r.body.error === 'invalid_grant')).toBe(true);
  });

  it('Eventix: one code exchanged concurrently on every auth host has exactly one winner', async () => {
    const code = await codeFor(door);
    const results = await Promise.all(
      Array.from({ length: many }, (_, i) =>
        exchange(door, code, demoApp, {}, `https://${authHosts[i % authHosts.length] as string}`),
      ),
    );
    expect(winners(results.map((r) => r.status))).toBe(1);
  });

  it('Eventix: one refresh token refreshed concurrently has exactly one winner', async () => {
    const { refresh_token } = await tokensFor(door);
    const results = await Promise.all(Array.from({ length: many }, () => refreshEventix(door, refresh_token)));
    expect(winners(results.map((r) => r.status))).toBe(1);
  });

  it('TeleTracker: one refresh token refreshed concurrently has exactly one winner', async () => {
    const { refreshToken } = await login(door);
    const results = await Promise.all(Array.from({ length: many }, () => refreshTeleTracker(door, refreshToken)));
    expect(winners(results.map((r) => r.status))).toBe(1);
  });
});

eachDoor('Eventix cap and rotation under concurrency (%s door)', { options: { eventix: { tokenCap: 3 } } }, (door) => {
  const works = async (token: string) =>
    (await door.call(`${api}/event`, { headers: withToken(token) })).status === 200;

  it('issuing many tokens at once for one user/client pair leaves exactly the cap alive', async () => {
    const codes = await Promise.all(Array.from({ length: 12 }, () => codeFor(door)));
    const issued = await Promise.all(codes.map((code) => exchange(door, code)));
    expect(issued.every((r) => r.status === 200)).toBe(true);
    const alive = await Promise.all(issued.map((r) => works(r.body.access_token)));
    expect(alive.filter(Boolean)).toHaveLength(3);
    // The survivors are the three most recently issued (none was used in between).
    expect(alive.slice(-3)).toEqual([true, true, true]);
  });

  it('a secret rotated while exchanges run: no token issued with the old secret survives', async () => {
    const codes = await Promise.all(Array.from({ length: 10 }, () => codeFor(door)));
    const [results, rotated] = await Promise.all([
      Promise.all(codes.map((code) => exchange(door, code))),
      door.mocks.control.action('eventix', 'rotate-secret', { client_id: demoApp.client_id }),
    ]);
    const tokens = results.filter((r) => r.status === 200).map((r) => r.body.access_token as string);
    for (const token of tokens) expect(await works(token)).toBe(false);
    expect(
      results.every((r) => r.status === 200 || r.body.error === 'invalid_client' || r.body.error === 'invalid_grant'),
    ).toBe(true);
    // The new secret works at once.
    const fresh = await exchange(door, await codeFor(door), {
      ...demoApp,
      client_secret: (rotated as { client_secret: string }).client_secret,
    });
    expect(fresh.status).toBe(200);
    expect(await works(fresh.body.access_token)).toBe(true);
  });
});
