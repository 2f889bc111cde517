/**
 * Three replicas, one Redis: what one replica does is in force on the others, exactly — single
 * use, caps, faults, clock, fixtures, imports, worlds — and nothing is lost when one goes.
 */
import { describe, expect, it } from 'vitest';
import { providerIds } from '../../mocks/providers/index.js';
import { tokenFor as eventBookingsToken, harbour, refreshAs } from '../support/eventbookings.js';
import { codeFor, api as eventixApi, exchange, tokensFor } from '../support/eventix.js';
import { auth, eventParticipantsUrl, participant, raceOf, sessionFor } from '../support/tracx.js';
import { credentialIn, send } from '../worlds/support.js';
import { control, type Replica, replicaCluster, skipRedis, startReplica, until } from './support.js';

const cluster = replicaCluster();
let stores = 0;

/** Three replicas on a store of their own (so each test starts from a fresh world). */
async function three(options: Parameters<typeof startReplica>[1] = {}): Promise<Replica[]> {
  const store = cluster.store(`exact${++stores}`);
  const replicas: Replica[] = [];
  for (let i = 0; i < 3; i++) replicas.push(await startReplica(store, options));
  cluster.replicas.push(...replicas);
  return replicas;
}

const withToken = (token: string) => ({ authorization: `Bearer ${token}` });

describe.skipIf(skipRedis)('three replicas on one Redis', () => {
  it.each(providerIds)('%s: a credential issued by one replica works on the others', async (provider) => {
    const [a, b, c] = (await three()) as [Replica, Replica, Replica];
    const get = await credentialIn(provider, a.url);
    for (const replica of [a, b, c]) expect((await send(replica.url, get)).status).toBe(200);
  });

  it('50 concurrent uses of one refresh token over three replicas: exactly one succeeds, no 5xx', async () => {
    const replicas = await three();
    const tokens = await eventBookingsToken((replicas[0] as Replica).door);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => refreshAs((replicas[i % 3] as Replica).door, tokens.refresh_token)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    for (const refused of answers.filter((r) => r.status !== 200)) expect(refused.body.error).toBe('invalid_grant');
  });

  it('50 concurrent exchanges of one authorization code over three replicas: exactly one succeeds', async () => {
    const replicas = await three();
    const code = await codeFor((replicas[1] as Replica).door);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => exchange((replicas[i % 3] as Replica).door, code)),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.status >= 500)).toEqual([]);
    for (const refused of answers.filter((r) => r.status !== 200)) expect(refused.body.error).toBe('invalid_grant');
  });

  it('the per-owner cap evicts the least recently used token, as one process does', async () => {
    const [a, b, c] = (await three({ options: { eventix: { tokenCap: 3 } } })) as [Replica, Replica, Replica];
    const works = async (replica: Replica, token: string) =>
      (await replica.door.call(`${eventixApi}/event`, { headers: withToken(token) })).status;
    const first = await tokensFor(a.door);
    const second = await tokensFor(b.door);
    const third = await tokensFor(c.door);
    expect(await works(b, first.access_token)).toBe(200); // first is now more recently used than second
    const fourth = await tokensFor(c.door);
    for (const replica of [a, b, c]) {
      expect(await works(replica, second.access_token)).toBe(401);
      for (const t of [first, third, fourth]) expect(await works(replica, t.access_token)).toBe(200);
    }
    const journal = await control(a.url, 'journal?limit=100');
    const reasons = (journal.body.entries as { reason?: string }[]).map((e) => e.reason).filter(Boolean);
    expect(reasons).toEqual(['token_evicted', 'token_evicted', 'token_evicted']);
  });

  it('a fault with count 10 fires exactly 10 times over all replicas', async () => {
    const replicas = await three();
    const added = await control((replicas[0] as Replica).url, 'faults', {
      json: { provider: 'eventbookings', operationId: 'getMe', status: 503, count: 10 },
    });
    expect(added.status).toBe(201);
    const tokens = await eventBookingsToken((replicas[1] as Replica).door);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (replicas[i % 3] as Replica).door.call('https://api.eventbookings.com/me', {
          headers: withToken(tokens.access_token),
        }),
      ),
    );
    expect(answers.filter((r) => r.status === 503)).toHaveLength(10);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(20);
    for (const replica of replicas) expect((await control(replica.url, 'faults')).body.faults).toEqual([]);
  });

  it('a clock move, a reset and a fixtures change through one replica hold on the others', async () => {
    const [a, b, c] = (await three()) as [Replica, Replica, Replica];
    const tokens = await eventBookingsToken(a.door);
    const me = (replica: Replica) =>
      replica.door.call('https://api.eventbookings.com/me', { headers: withToken(tokens.access_token) });
    expect((await me(c)).status).toBe(200);
    expect((await control(b.url, 'clock', { json: { advanceSeconds: 30 * 86_400 } })).status).toBe(200);
    for (const replica of [a, b, c]) {
      expect((await control(replica.url, 'clock')).body.offsetSeconds).toBe(30 * 86_400);
      expect((await me(replica)).status).toBe(401);
    }
    expect((await control(c.url, 'reset', { method: 'POST' })).status).toBeLessThan(300);
    for (const replica of [a, b, c]) expect((await control(replica.url, 'clock')).body.offsetSeconds).toBe(0);
    // Fixtures: a client of the user's own, through one replica; a token for it from another.
    const put = await fetch(`${a.url}/__control/fixtures`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        eventbookings: {
          applications: [
            {
              client_id: 'replica-app',
              client_secret: 'replica-secret-0123456789',
              org_uuid: harbour?.org_uuid,
              scopes: ['event.read'],
            },
          ],
        },
      }),
    });
    expect(put.status).toBeLessThan(300);
    const issued = await c.door.call('https://identity.eventbookings.com/connect/token', {
      form: { grant_type: 'client_credentials', client_id: 'replica-app', client_secret: 'replica-secret-0123456789' },
    });
    expect(issued.status).toBe(200);
  });

  it('a Tracx import queued through one replica settles exactly once, seen alike on all', async () => {
    const [a, b, c] = (await three()) as [Replica, Replica, Replica];
    const { token } = await sessionFor(a.door);
    const race = raceOf(1);
    const batch = [participant(race, { unique_id: 'r-1' }), participant(race, { unique_id: 'r-2' })];
    expect((await a.door.call(eventParticipantsUrl(1), { headers: auth(token), json: batch })).status).toBe(202);
    await control(b.url, 'clock', { json: { advanceSeconds: 10 } });
    const lists = await Promise.all(
      [a, b, c, a, b, c].map((r) => r.door.call(eventParticipantsUrl(1), { headers: auth(token) })),
    );
    for (const list of lists) {
      const ids = (list.body.data.items as { unique_id: string }[]).map((p) => p.unique_id).sort();
      expect(ids).toEqual(['r-1', 'r-2']);
    }
    const state = await control(c.url, 'tracx/participants', { json: {} });
    expect(state.body.participants).toHaveLength(2);
    expect(state.body.queued).toEqual([]);
  });

  it('the journal reads the same on every replica', async () => {
    const replicas = await three();
    for (const replica of replicas) await eventBookingsToken(replica.door);
    const journals = await Promise.all(replicas.map((r) => control(r.url, 'journal?limit=50')));
    expect(journals[0]?.body.entries).toHaveLength(3);
    expect(journals[1]?.body).toEqual(journals[0]?.body);
    expect(journals[2]?.body).toEqual(journals[0]?.body);
  });

  it("reads answered from a replica's copy, many at once, are journaled alike on every replica", async () => {
    const [a, b, c] = (await three()) as [Replica, Replica, Replica];
    const get = await credentialIn('eventbookings', a.url);
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => send((i % 4 === 0 ? b : a).url, get)));
    expect(answers.map((r) => r.status)).toEqual(Array(60).fill(200));
    // A read answered while its replica had an entry on its way to Redis goes with the next one:
    // in every journal within one round trip to Redis (the bound is 100 ms).
    type Entry = { operationId: string; status: number; outcome: string };
    const readsIn = async (r: Replica) =>
      ((await control(r.url, 'journal?limit=100')).body.entries as Entry[]).filter((e) => e.operationId === 'getMe');
    await until(async () => (await readsIn(c)).length === 60, 100, 5);
    const journals = await Promise.all([a, b, c].map((r) => control(r.url, 'journal?limit=100')));
    const entries = (journals[0]?.body.entries ?? []) as Entry[];
    const reads = entries.filter((e) => e.operationId === 'getMe');
    expect(reads).toHaveLength(60);
    expect(reads.every((e) => e.status === 200 && e.outcome === 'ok')).toBe(true);
    expect(journals[1]?.body).toEqual(journals[0]?.body);
    expect(journals[2]?.body).toEqual(journals[0]?.body);
  });

  it('a world created through one replica is served by the others, and its deletion too', async () => {
    const [a, b, c] = (await three()) as [Replica, Replica, Replica];
    const created = await control(a.url, 'worlds', { json: { name: 'shared' } });
    expect(created.status).toBe(201);
    const { id } = created.body;
    const get = await credentialIn('eventbookings', `${b.url}/w/${id}`);
    expect((await send(`${c.url}/w/${id}`, get)).status).toBe(200);
    expect((await send(c.url, get)).status).toBe(401); // not in the default world
    expect((await control(c.url, `worlds/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await control(a.url, `worlds/${id}`)).status).toBe(404);
    expect((await send(`${b.url}/w/${id}`, get)).status).toBe(404);
  });

  it('a replica that stops loses nothing; one started later serves the same world', async () => {
    const [a, b] = (await three()) as [Replica, Replica, Replica];
    const store = cluster.store(`exact${stores}`);
    const get = await credentialIn('eventix', b.url);
    const world = await control(a.url, 'worlds', { json: {} });
    await b.mock.close();
    expect((await send(a.url, get)).status).toBe(200);
    const late = await startReplica(store);
    cluster.replicas.push(late);
    expect((await send(late.url, get)).status).toBe(200);
    expect((await control(late.url, `worlds/${world.body.id}`)).status).toBe(200);
    const journals = await Promise.all([a, late].map((r) => control(r.url, 'journal?limit=100')));
    expect(journals[1]?.body).toEqual(journals[0]?.body);
  });

  it('a replica started with another config does not join the store', async () => {
    const [a] = (await three()) as [Replica, Replica, Replica];
    expect(a).toBeDefined();
    const store = cluster.store(`exact${stores}`);
    await expect(startReplica(store, { options: { eventix: { tokenCap: 2 } } })).rejects.toMatchObject({
      code: 'store_config_mismatch',
    });
  });

  it('a replica cannot join a store whose log was trimmed (?maxlen=): it refuses rather than serve another world', async () => {
    const store = `${cluster.store(`exact${++stores}`)}&maxlen=1000`;
    const first = await startReplica(store);
    cluster.replicas.push(first);
    // One at a time: requests that arrive together share one entry of the log, and maxlen counts entries.
    for (let i = 0; i < 1300; i++) await control(first.url, 'clock');
    await expect(startReplica(store)).rejects.toMatchObject({ code: 'store_log_trimmed' });
  });
});
