/**
 * Redis going away: every request that needs the store answers `503 store_unavailable` within a
 * second or two (never a hang, never a 500), and service returns by itself when Redis is back.
 */
import { describe, expect, it } from 'vitest';
import { credentialIn, send } from '../worlds/support.js';
import { control, type Replica, replicaCluster, skipRedis, startReplica, until } from './support.js';

const cluster = replicaCluster();
let stores = 0;

async function two(): Promise<[Replica, Replica]> {
  const store = cluster.store(`avail${++stores}`);
  const replicas = [await startReplica(store), await startReplica(store)] as [Replica, Replica];
  cluster.replicas.push(...replicas);
  return replicas;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe.skipIf(skipRedis)('when Redis goes away', () => {
  it('stopped: 503 store_unavailable within two seconds, /healthz says so; back by itself after a restart', async () => {
    const [a, b] = await two();
    const get = await credentialIn('eventbookings', a.url);
    const health = async (r: Replica) => (await fetch(`${r.url}/healthz`)).status;
    expect(await health(a)).toBe(200);
    await cluster.redis.stop();
    try {
      for (const replica of [a, b]) {
        const { value, ms } = await timed(() => send(replica.url, get));
        expect(value.status).toBe(503);
        expect(JSON.parse(value.text).error).toBe('store_unavailable');
        expect(ms).toBeLessThan(2500);
        const refused = await timed(() => control(replica.url, 'clock'));
        expect([refused.value.status, refused.value.body.error]).toEqual([503, 'store_unavailable']);
        expect(refused.ms).toBeLessThan(2500);
        expect(await health(replica)).toBe(503);
      }
    } finally {
      await cluster.redis.start();
    }
    // Back without a restart of the replicas, with the world they held.
    for (const replica of [a, b]) {
      await until(async () => (await send(replica.url, get)).status === 200, 10_000);
      expect(await health(replica)).toBe(200);
    }
  });

  it('hung (SIGSTOP): 503 within two seconds rather than a hang; back when it resumes', async () => {
    const [a, b] = await two();
    const get = await credentialIn('teletracker', b.url);
    cluster.redis.pause();
    try {
      const answers = await Promise.all([a, b].map((r) => timed(() => send(r.url, get))));
      for (const { value, ms } of answers) {
        expect(value.status).toBe(503);
        expect(JSON.parse(value.text).error).toBe('store_unavailable');
        expect(ms).toBeLessThan(2500);
      }
    } finally {
      cluster.redis.resume();
    }
    for (const replica of [a, b]) await until(async () => (await send(replica.url, get)).status === 200, 10_000);
  });

  it('a replica cannot start without its store: listen() rejects, nothing listens', async () => {
    const { freePortOnLoopback } = await import('../support/ports.js');
    const port = await freePortOnLoopback();
    const started = performance.now();
    await expect(startReplica(`redis://127.0.0.1:${port}/0`)).rejects.toThrow(/cannot reach the store/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("a fault's delay holds its own request only, not the log the other replicas apply", async () => {
    const [a, b] = await two();
    const get = await credentialIn('eventbookings', a.url);
    const fault = await control(a.url, 'faults', {
      json: { provider: 'eventbookings', operationId: 'getMe', delayMs: 1500, count: 1 },
    });
    expect(fault.status).toBe(201);
    const slow = timed(() => send(a.url, get));
    await new Promise((r) => setTimeout(r, 100));
    const quick = await timed(() => control(b.url, 'clock'));
    expect(quick.value.status).toBe(200);
    expect(quick.ms).toBeLessThan(1000);
    const delayed = await slow;
    expect(delayed.value.status).toBe(200);
    expect(delayed.ms).toBeGreaterThanOrEqual(1400);
  });
});
