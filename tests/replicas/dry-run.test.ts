/**
 * Dry runs (mocks/core/dry-run.ts): how a replica of a Redis store answers a read from its own copy
 * of the world. Inside one nothing may change a world — the guards refuse — and `answerRead`
 * answers only a read-only operation's success, changing nothing; everything else goes through
 * the log. No Redis needed: this is the in-process half.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  collection,
  createClock,
  createTokenStore,
  DryRunWrite,
  type IncomingRequest,
  randomToken,
  randomUuid,
} from '../../mocks/core/index.js';
import { createMockServer, type MockServer } from '../../mocks/doors/http/index.js';
import { providerIds } from '../../mocks/providers/index.js';
import { inDryRun, inTurn } from '../../mocks/store/turns.js';
import type { BenchRequest } from '../../scripts/bench/scenario-kit.js';
import { credentialIn } from '../worlds/support.js';

/** The engine's view of a scenario's request (no body: the reads carry none). */
function incoming(r: BenchRequest): IncomingRequest {
  const headers = new Headers(r.headers);
  const q = r.path.indexOf('?');
  const search = q === -1 ? '' : r.path.slice(q + 1);
  return {
    method: r.method,
    host: r.host,
    path: q === -1 ? r.path : r.path.slice(0, q),
    search,
    query: new URLSearchParams(search),
    headers,
    readBody: () => Promise.resolve(new Uint8Array(0)),
  };
}

const dry = <T>(fn: () => Promise<T>): Promise<T> => {
  const running = inDryRun(fn);
  if (running === undefined) throw new Error('a dry run was refused');
  return running;
};

describe('inside a dry run nothing changes a world', () => {
  it('a token store looks without marking used or sweeping, and refuses every change', async () => {
    let now = 1_000;
    const clock = createClock({ source: () => now });
    const store = createTokenStore<{ who: string }>({ clock, ownerOf: (d) => d.who });
    const live = store.issue({ who: 'a' }, { ttlSeconds: 60 });
    const old = store.issue({ who: 'a' }, { ttlSeconds: 1 });
    now += 5_000;
    const before = store.entries().map((e) => [e.value, e.lastUsedAt]);
    await dry(async () => {
      expect(store.check(live.value).ok).toBe(true);
      expect(store.check(old.value)).toEqual({ ok: false, reason: 'token_expired' });
      expect(() => store.issue({ who: 'a' }, { ttlSeconds: 60 })).toThrow(DryRunWrite);
      expect(() => store.take(live.value)).toThrow(DryRunWrite);
      expect(() => store.revoke(live.value)).toThrow(DryRunWrite);
      expect(() => store.clear()).toThrow(DryRunWrite);
    });
    expect(store.entries().map((e) => [e.value, e.lastUsedAt])).toEqual(before);
    // Outside, the same check marks it used and drops the expired one.
    expect(store.check(live.value).ok).toBe(true);
    expect(store.check(old.value)).toEqual({ ok: false, reason: 'token_expired' });
    expect(store.listing().refused.map((r) => r.value)).toContain(old.value);
  });

  it('a collection refuses to create, update or delete, and random values are not drawn', async () => {
    const people = collection(z.object({ name: z.string() }));
    await people.create({ name: 'x' });
    await dry(async () => {
      expect(() => people.create({ name: 'y' })).toThrow(DryRunWrite);
      expect(() => people.delete((q) => q.where({ name: 'x' }))).toThrow(DryRunWrite);
      expect(() => people.clear()).toThrow(DryRunWrite);
      expect(people.findMany()).toHaveLength(1);
      expect(() => randomToken()).toThrow(DryRunWrite);
      expect(() => randomUuid()).toThrow(DryRunWrite);
    });
    expect(people.findMany()).toHaveLength(1);
    expect(randomToken()).toMatch(/^[\w-]{43}$/);
  });

  it('no dry run starts while a turn is applied, and a turn waits for the dry runs in progress', async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const reading = dry(() => new Promise<void>((resolve) => (release = resolve)).then(() => void order.push('read')));
    const turn = inTurn(new Uint8Array(32), 0, () => void order.push('turn'));
    expect(inDryRun(async () => 'late')).toBeUndefined();
    release();
    await Promise.all([reading, turn]);
    expect(order).toEqual(['read', 'turn']);
    expect(await dry(async () => 'after')).toBe('after');
  });
});

describe('answerRead: a read-only operation answered from the copy', () => {
  let server: MockServer;
  let url: string;
  beforeAll(async () => {
    server = createMockServer();
    ({ url } = await server.listen(0));
  });
  afterAll(() => server.close());

  it.each(providerIds)(
    '%s: the authorized GET is answered and changes nothing; outside, it is journaled',
    async (id) => {
      const get = await credentialIn(id, url);
      const { engine } = server;
      const provider = engine.providers.get(id);
      const before = { journal: engine.journal.size, state: provider?.snapshot() };
      const read = await dry(() => engine.answerRead(incoming(get)));
      expect(read?.response.status).toBe(200);
      expect(read?.record).toMatchObject({ provider: id, status: 200, outcome: 'ok' });
      expect({ journal: engine.journal.size, state: provider?.snapshot() }).toEqual(before);
      expect((await engine.answer(incoming(get)))?.status).toBe(200);
      expect(engine.journal.size).toBe(before.journal + 1);
    },
  );

  it('a refusal, a fault armed, or an operation that changes the world is left to the log', async () => {
    const get = await credentialIn('eventbookings', url);
    const { engine } = server;
    const refused = { ...get, headers: { authorization: 'Bearer not-a-token' } };
    expect(await dry(() => engine.answerRead(incoming(refused)))).toBeUndefined();
    const issue: BenchRequest = { method: 'GET', host: 'api.backopslive.com', path: '/Organizations/x/authorize' };
    expect(await dry(() => engine.answerRead(incoming(issue)))).toBeUndefined();
    engine.faults.add({ provider: 'teletracker', operationId: 'getCallData', status: 503, count: 1 });
    try {
      expect(await dry(() => engine.answerRead(incoming(get)))).toBeUndefined();
    } finally {
      engine.faults.clear();
    }
    expect((await dry(() => engine.answerRead(incoming(get))))?.response.status).toBe(200);
  });
});
