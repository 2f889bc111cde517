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

  it('hung under load: a busy replica stops answering reads from its copy, and answers 503 within two seconds', async () => {
    const [a] = await two();
    const get = await credentialIn('eventbookings', a.url);
    // Eight clients reading back to back: the replica always has an entry on its way to Redis.
    let paused = 0;
    let firstRefusal = 0;
    let slowest = 0;
    const statuses = new Set<number>();
    const client = async () => {
      while (firstRefusal === 0 || performance.now() - firstRefusal < 500) {
        // A request not answered within 3 s counts as a hang (status 0), and fails the test below.
        const hang = new Promise<{ status: number }>((r) => setTimeout(() => r({ status: 0 }), 3000).unref());
        const { value, ms } = await timed(() => Promise.race([send(a.url, get), hang]));
        statuses.add(value.status);
        if (paused > 0) slowest = Math.max(slowest, ms);
        if (value.status === 503 && firstRefusal === 0) firstRefusal = performance.now();
        if (paused > 0 && performance.now() - paused > 5000) break;
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((r) => setTimeout(r, 300));
    cluster.redis.pause();
    paused = performance.now();
    try {
      await Promise.all(clients);
    } finally {
      cluster.redis.resume();
    }
    expect(firstRefusal).toBeGreaterThan(0);
    expect(firstRefusal - paused).toBeLessThan(2500);
    expect(slowest).toBeLessThan(2500);
    expect([...statuses].sort()).toEqual([200, 503]);
    await until(async () => (await send(a.url, get)).status === 200, 10_000);
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
