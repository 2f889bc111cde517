import { describe, expect, it } from 'vitest';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { runCollections } from '../../mocks/tools/newman.js';
import { verifyCollection } from '../../mocks/tools/verify.js';
import { call, listeningServer, newWorld } from './support.js';

const demo = applications[0] as (typeof applications)[0];
const tokenBody = { grant_type: 'client_credentials', client_id: demo.client_id, client_secret: demo.client_secret };

/** What a shared server's default world holds that a run must not change. */
async function snapshot(url: string) {
  const [clock, faults, tokens, journal, worlds] = await Promise.all(
    ['clock', 'faults', 'tokens', 'journal', 'worlds'].map((p) => call(`${url}/__control/${p}`)),
  );
  return {
    offsetSeconds: Math.round(clock?.body.offsetSeconds),
    faults: faults?.body.faults,
    tokens: tokens?.body.tokens.map((t: { id: string; state: string }) => `${t.id}:${t.state}`),
    journal: journal?.body.entries.length,
    worlds: worlds?.body.worlds.map((w: { id: string }) => w.id),
  };
}

describe('newman and verify leave a shared server as they found it', () => {
  const server = listeningServer();

  /** Someone else's state in the default world: a token, a fault waiting, a moved clock. */
  async function stage() {
    const token = await call(`${server.url}/identity.eventbookings.com/connect/token`, {
      method: 'POST',
      json: tokenBody,
    });
    await call(`${server.url}/__control/faults`, {
      method: 'POST',
      json: { provider: 'teletracker', status: 418, count: 5 },
    });
    await call(`${server.url}/__control/clock`, { method: 'POST', json: { advanceSeconds: 100 } });
    return token.body.access_token as string;
  }

  it('runCollections against a server’s root runs in fresh worlds and deletes them', async () => {
    const token = await stage();
    const before = await snapshot(server.url);
    const runs = await runCollections({ providers: ['eventbookings', 'teletracker'], baseUrl: server.url });
    for (const run of runs) {
      expect(run.world).toBe('new');
      expect(run.failedAssertions).toBe(0);
      expect(run.assertions).toBeGreaterThan(10);
    }
    expect(await snapshot(server.url)).toEqual(before);
    const me = await call(`${server.url}/api.eventbookings.com/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
  }, 60_000);

  it('verify against a server’s root reports no drift and leaves the default world as it was', async () => {
    await stage();
    const before = await snapshot(server.url);
    const report = await verifyCollection({ provider: 'teletracker', baseUrl: server.url });
    expect(report.world).toBe('new');
    expect(report.ok).toBe(true);
    expect(report.assertions.failed).toBe(0);
    expect(await snapshot(server.url)).toEqual(before);
  }, 60_000);

  it('verify in a world’s own URL runs there as it is: a fault staged there shows up as drift', async () => {
    const w = await newWorld(server.url);
    await call(`${w.base}/__control/faults`, {
      method: 'POST',
      json: { provider: 'eventbookings', operationId: 'getMe', status: 418, count: 100 },
    });
    const report = await verifyCollection({ provider: 'eventbookings', baseUrl: w.base });
    expect(report.world).toBe(w.id);
    expect(report.ok).toBe(false);
    const getMe = report.operations.find((o) => o.operationId === 'getMe');
    expect(getMe?.statuses).toContain(418);
    expect(getMe?.verdict).toBe('drifts');
    // No reset: the fault is still there, and the world still exists.
    expect((await call(`${w.base}/__control/faults`)).body.faults).toHaveLength(1);
  }, 60_000);

  it('world: default runs in the server’s own world, without its reset unless asked', async () => {
    await stage();
    const before = await snapshot(server.url);
    const [run] = await runCollections({ providers: ['eventbookings'], baseUrl: server.url, world: 'default' });
    expect(run?.world).toBe('default');
    const after = await snapshot(server.url);
    expect(after.journal).toBeGreaterThan(before.journal);
    // Not reset: the fault waiting for TeleTracker is still there.
    expect(after.faults).toEqual(before.faults);
  }, 60_000);
});
