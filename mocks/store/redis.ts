/**
 * The Redis store: replicas that serve one set of worlds by applying one log.
 *
 * Every request that changes a world (a provider operation, a control call, a world created or
 * deleted) is appended to one Redis stream (`XADD`), and every replica applies the stream's
 * entries in stream order to its own in-memory copy of the worlds; the replica that received the
 * request answers with what applying it gave. This is state-machine replication: the stream's
 * order is the one order all replicas agree on, and an entry carries everything its requests may
 * read besides the world (its time and a random seed, see `./turns.ts`), so every replica holds
 * the same worlds. What follows from it:
 *
 * - exact across replicas: single use of a code or refresh token (the first entry wins, on every
 *   replica), per-owner caps and their least-recently-used eviction, fault counts, revocations,
 *   clock moves, resets and fixtures (each in force for every later entry, on every replica);
 * - read-your-writes everywhere: a request is applied after every entry before it, so a token
 *   issued through one replica works on the next request to any other;
 * - nothing is lost when a replica dies, and a replica started later replays the stream;
 * - the cost: the calls a replica submits during one round trip to Redis go as one entry (one
 *   `XADD`; at once when the replica is quiet), and every replica reads every entry (batched).
 *
 * A successful read is answered from the replica's copy instead (`append`, `current`; the door's
 * `answerFromCopy`), and appended for its effects only. Redis unreachable, or not answering within
 * `timeoutMs`: the request is answered `503 store_unavailable` (the client reconnects by itself,
 * and service returns with Redis).
 */
import { randomBytes, randomFillSync } from 'node:crypto';
import type { createClient } from '@redis/client';
import { MockError } from '../core/index.js';
import { redactUrl } from './index.js';
import { inTurn } from './turns.js';

type Client = ReturnType<typeof createClient>;

export interface RedisLogOptions<Call, Answer> {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://`). */
  url: string;
  /** Prefix of this store's keys. Default `authflow`. */
  prefix?: string;
  /** Entries the log keeps (trimmed beyond, approximately). Default 200,000. */
  maxLength?: number;
  /**
   * What every replica of the store must be started with (a digest of the config): a replica
   * whose digest differs from the one the store was created with does not start.
   */
  digest: string;
  /** Called once, in the store's first turn (its genesis), before any entry: makes the default world. */
  genesis(): void;
  /**
   * Applies one entry on this replica, in log order, one at a time; `mine` when this replica
   * submitted it (and so answers it).
   */
  apply(call: Call, mine: boolean): Promise<Answer>;
  /**
   * Applies a call sent again with nothing between (the same JSON as the call before it in the
   * entry, so the same time and seed): given what the first answered. Default: `apply` again.
   */
  repeat?(call: Call, previous: Answer, mine: boolean): Promise<Answer> | Answer;
  /**
   * Whether two calls have the same JSON (for repeats, see `repeat`); a caller that knows its calls'
   * shape compares them without serialising. Default: compares `JSON.stringify` of both.
   */
  same?(a: Call, b: Call): boolean;
  /** Longest wait for Redis, and for one's own entry to be applied, before `503 store_unavailable`. Default 1500 ms. */
  timeoutMs?: number;
  /**
   * Longest time an entry may be on its way to Redis unacknowledged while this replica still
   * answers reads from its copy (`current`). Default 100 ms.
   */
  leaseMs?: number;
  /** Where the store reports a failure of its own (a lost connection, an entry that failed). */
  report?: (line: string) => void;
}

export interface RedisLog<Call, Answer> {
  /** This replica's id (random, per process). */
  readonly replica: string;
  /** Appends a request and resolves with this replica's answer to it, once applied here. */
  submit(call: Call): Promise<Answer>;
  /**
   * Appends a request this replica has already answered (a read from its copy), for its effects
   * on every replica. Sent at once when nothing else is on its way to Redis: then it answers the
   * promise of Redis holding it (`store_unavailable` when Redis does not answer in time), and the
   * answer should wait for it. Else it goes with the next entry, within one round trip, and
   * answers `undefined`: the replica is busy and Redis answered less than `leaseMs` ago.
   */
  append(call: Call): Promise<void> | undefined;
  /**
   * Whether a read may be answered from this replica's copy now: it has applied everything it has
   * read of the log, Redis is connected, and Redis acknowledged what this replica last sent, or
   * it was sent less than `leaseMs` ago (so a hung Redis stops such reads within that time).
   */
  readonly current: boolean;
  /** Whether the connection to Redis is up. */
  readonly ready: boolean;
  /** Pings Redis (bounded by the timeout). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Thrown by `openRedisLog` when this replica cannot join the store: `store_config_mismatch` (it
 * was started with another config), `store_log_trimmed` (the log no longer holds the beginning).
 */
export class StoreRefusedError extends Error {
  constructor(
    readonly code: 'store_config_mismatch' | 'store_log_trimmed',
    message: string,
  ) {
    super(message);
  }
}

interface Pending<Answer> {
  resolve(answer: Answer): void;
  reject(error: unknown): void;
  /** When it was submitted (`performance.now()`). */
  at: number;
}

const unavailable = () => new MockError('store_unavailable', 'The store (Redis) did not answer in time; retry later.');

/** XREAD's reply: `{key: [[id, [field, value, …]], …]}` (RESP3), `[[key, [...]]]` (RESP2), or null. */
type XReadReply = Record<string, [string, string[]][]> | [string, [string, string[]][]][] | null;

/** The entries of an XREAD reply, whichever protocol answered. */
function entriesOf(reply: XReadReply): [string, string[]][] {
  if (reply === null) return [];
  const streams = Array.isArray(reply) ? reply.map(([, entries]) => entries) : Object.values(reply);
  return streams.flat();
}

/** Seeds of 32 random bytes (hex), drawn from the OS 4 KiB at a time rather than one call each. */
function seedSource(): () => string {
  const pool = Buffer.alloc(4096);
  let used = pool.length;
  return () => {
    if (used + 32 > pool.length) {
      randomFillSync(pool);
      used = 0;
    }
    used += 32;
    return pool.toString('hex', used - 32, used);
  };
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function rejectAfter<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(unavailable()), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function openRedisLog<Call, Answer>(
  options: RedisLogOptions<Call, Answer>,
): Promise<RedisLog<Call, Answer>> {
  const { createClient } = await import('@redis/client');
  const prefix = options.prefix ?? 'authflow';
  const logKey = `${prefix}:log`;
  const genesisKey = `${prefix}:genesis`;
  const timeoutMs = options.timeoutMs ?? 1500;
  const leaseMs = options.leaseMs ?? 100;
  const maxLength = String(options.maxLength ?? 200_000);
  const report = options.report ?? ((line: string) => process.stderr.write(`${line}\n`));
  const replica = randomBytes(9).toString('base64url');
  const reconnectStrategy = (retries: number) => Math.min(50 * 2 ** retries, 500);
  const writer: Client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: { connectTimeout: timeoutMs, reconnectStrategy },
  });
  const reader: Client = writer.duplicate();
  let lostReported = false;
  for (const client of [writer, reader]) {
    client.on('error', (error: Error) => {
      if (lostReported) return;
      lostReported = true;
      report(
        `authflow-mocks: store ${redactUrl(options.url)} unavailable (${error.message}); requests answer 503 until it is back`,
      );
    });
    client.on('ready', () => {
      if (lostReported) report(`authflow-mocks: store ${redactUrl(options.url)} is back`);
      lostReported = false;
    });
  }
  try {
    await rejectAfter(Promise.all([writer.connect(), reader.connect()]), timeoutMs * 2);
  } catch (error) {
    await Promise.allSettled([writer.destroy(), reader.destroy()]);
    throw new Error(`cannot reach the store at ${redactUrl(options.url)}: ${(error as Error).message}`);
  }

  // The genesis: the first replica of the store writes its seed and config digest; every later
  // replica adopts the seed (its default world is made from it) or refuses a different config.
  const mine = JSON.stringify({ seed: randomBytes(32).toString('hex'), time: Date.now(), digest: options.digest });
  await writer.sendCommand(['SET', genesisKey, mine, 'NX']);
  const stored = JSON.parse(String(await writer.sendCommand(['GET', genesisKey]))) as {
    seed: string;
    time: number;
    digest: string;
  };
  if (stored.digest !== options.digest) {
    await Promise.allSettled([writer.destroy(), reader.destroy()]);
    throw new StoreRefusedError(
      'store_config_mismatch',
      `the store at ${redactUrl(options.url)} (key prefix ${prefix}) serves worlds made from another config; start every replica with the same config and options, or give this one another store (a database number or ?prefix=)`,
    );
  }
  // A log trimmed since the store began cannot be replayed: this replica would hold another world.
  const info = (await writer.sendCommand(['XINFO', 'STREAM', logKey]).catch(() => null)) as
    | Record<string, unknown>
    | unknown[]
    | null;
  if (info !== null) {
    const field = (name: string) =>
      Array.isArray(info) ? info[info.indexOf(name) + 1] : (info as Record<string, unknown>)[name];
    if (Number(field('entries-added')) > Number(field('length'))) {
      await Promise.allSettled([writer.destroy(), reader.destroy()]);
      throw new StoreRefusedError(
        'store_log_trimmed',
        `the store at ${redactUrl(options.url)} (key prefix ${prefix}) has trimmed its log (over ?maxlen= requests), so a new replica cannot replay it; start replicas together, raise ?maxlen=, or give this one another store`,
      );
    }
  }
  await inTurn(Buffer.from(stored.seed, 'hex'), stored.time, () => options.genesis());

  const pending = new Map<string, Pending<Answer>>();
  const nextSeed = seedSource();
  let sequence = 0;
  let calls = 0;
  let lastId = '0-0';
  let closed = false;
  /** This replica's calls sent or queued and not yet applied, by origin (so not parsed back). */
  const sentCalls = new Map<string, Call>();
  /** Calls waiting for the entry on its way to Redis to be acknowledged: they go as the next one (`flush`). */
  let queued: string[] = [];
  let queuedOrigins: string[] = [];
  /** The queued call when it is an appended one (`append`), for repeats. */
  let lastAppended: Call | undefined;
  /** An entry batch is being applied. */
  let applying = false;

  /** Settles a call this replica is waiting for, if it still is. */
  function settle(origin: string, outcome: { answer: Answer } | { error: unknown }): void {
    const waiting = pending.get(origin);
    if (waiting === undefined) return;
    pending.delete(origin);
    if ('answer' in outcome) waiting.resolve(outcome.answer);
    else waiting.reject(outcome.error);
  }

  /**
   * Applies entries in log order. An entry is one field, `e`: its time, its seed, then each call's
   * origin (the submitting replica and a number) and JSON, a line each (JSON.stringify writes no
   * raw line break). One argument, not one per part: node-redis writes each argument as a chunk of
   * its own. The calls of one entry are applied in order, each with its own random stream of the
   * entry's seed (its place in the entry).
   */
  async function applyEntries(entries: [string, string[]][]): Promise<void> {
    applying = true;
    try {
      await applyEach(entries);
    } finally {
      applying = false;
    }
  }

  async function applyEach(entries: [string, string[]][]): Promise<void> {
    for (const [id, fields] of entries) {
      lastId = id;
      const entry = fields[1] ?? '';
      const a = entry.indexOf('\n');
      const b = entry.indexOf('\n', a + 1);
      const time = Number(entry.slice(0, a));
      const seed = Buffer.from(entry.slice(a + 1, b), 'hex');
      let at = b + 1;
      /** The call before, and what applying it answered (for a repeat, `=`). */
      let previous: { call: Call; answer: Answer } | undefined;
      for (let stream = 0; at > 0 && at < entry.length; stream++) {
        const c = entry.indexOf('\n', at);
        const d = entry.indexOf('\n', c + 1);
        const origin = entry.slice(at, c);
        const sent = d === -1 ? entry.length : d;
        at = d + 1;
        const mine = pending.has(origin);
        try {
          if (sent === c + 2 && entry.charCodeAt(c + 1) === 61 /* = */) {
            // The call it repeats failed to apply (on every replica alike): so does the repeat.
            if (previous === undefined) continue;
            const { call, answer: before } = previous;
            const again = options.repeat ?? ((repeated: Call) => options.apply(repeated, mine));
            const answer = await inTurn(seed, time, () => again(call, before, mine), stream);
            previous = { call, answer };
            if (mine) settle(origin, { answer });
            continue;
          }
          // This replica's own call is applied from the object it sent (the same JSON value), unparsed.
          const own = sentCalls.get(origin);
          if (own !== undefined) sentCalls.delete(origin);
          const parsed = own ?? (JSON.parse(entry.slice(c + 1, sent)) as Call);
          const answer = await inTurn(seed, time, () => options.apply(parsed, mine), stream);
          previous = { call: parsed, answer };
          if (mine) settle(origin, { answer });
        } catch (error) {
          previous = undefined;
          report(`authflow-mocks: store entry ${id} failed to apply: ${String(error).slice(0, 200)}`);
          if (mine) settle(origin, { error });
        }
      }
    }
  }

  /**
   * A submitted call not applied within the timeout (Redis hung, or this replica far behind) is
   * answered 503; one still queued behind an entry on its way is dropped, so it never applies
   * later. Checked every 100 ms, oldest first (the map keeps submission order).
   */
  function expire(): void {
    const now = performance.now();
    const dropped = new Set<string>();
    for (const [origin, waiting] of pending) {
      if (now - waiting.at < timeoutMs) break;
      pending.delete(origin);
      waiting.reject(unavailable());
      dropped.add(origin);
    }
    if (dropped.size === 0 || queued.length === 0) return;
    const keep = queuedOrigins.map((origin) => !dropped.has(origin));
    queued = queued.filter((_, i) => keep[i]);
    queuedOrigins = queuedOrigins.filter((_, i) => keep[i]);
    for (const origin of dropped) sentCalls.delete(origin);
    lastAppended = undefined;
  }
  /** Whether an entry is on its way to Redis (sent, not yet acknowledged), and since when. */
  let sending = false;
  let sentAt = 0;

  /**
   * Appends the queued calls as one entry, unless one is already on its way: then they go when it
   * is acknowledged. So a call is written at once when the replica is quiet, and the calls that
   * arrive during one round trip to Redis go together when it is busy: one write to Redis, and
   * one entry for every replica to read, per round trip rather than per request.
   */
  function flush(): Promise<unknown> | undefined {
    if (sending || queued.length === 0) return undefined;
    const calls = queued;
    const origins = queuedOrigins;
    queued = [];
    queuedOrigins = [];
    lastAppended = undefined;
    const entry = `${Date.now()}\n${nextSeed()}\n${calls.join('\n')}`;
    const failed = () => {
      for (const origin of origins) settle(origin, { error: unavailable() });
    };
    // The log is trimmed every 256 entries of this replica (approximately, as MAXLEN ~ does).
    if ((++sequence & 255) === 0) writer.sendCommand(['XTRIM', logKey, 'MAXLEN', '~', maxLength]).catch(() => {});
    sending = true;
    sentAt = Date.now();
    const added = writer.sendCommand(['XADD', logKey, '*', 'e', entry]);
    added
      .catch(() => {
        // Not in the log: nothing will apply these.
        for (const origin of origins) sentCalls.delete(origin);
        failed();
      })
      .finally(() => {
        sending = false;
        flush();
      });
    return added;
  }

  // Catch up: every entry so far, before this replica serves anything.
  for (;;) {
    const reply = (await writer.sendCommand(['XREAD', 'COUNT', '1000', 'STREAMS', logKey, lastId])) as XReadReply;
    const entries = entriesOf(reply);
    if (entries.length === 0) break;
    await applyEntries(entries);
  }

  // Then follow the stream, on a connection of its own. The next read is sent as soon as a batch
  // arrives, before the batch is applied: its round trip overlaps the applying (a batch is applied
  // whole before the next one, so the order holds).
  const read = (from: string) =>
    reader.sendCommand(['XREAD', 'COUNT', '1000', 'BLOCK', '1000', 'STREAMS', logKey, from]) as Promise<XReadReply>;
  const following = (async () => {
    let readTo = lastId;
    let next = read(readTo);
    next.catch(() => {});
    while (!closed) {
      let entries: [string, string[]][];
      try {
        entries = entriesOf(await next);
      } catch {
        if (closed) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
        next = read(readTo);
        next.catch(() => {});
        continue;
      }
      const last = entries[entries.length - 1];
      if (last !== undefined) readTo = last[0];
      next = read(readTo);
      next.catch(() => {});
      await applyEntries(entries);
    }
  })();

  const expiring = setInterval(expire, 100);
  expiring.unref();

  return {
    replica,
    get ready() {
      return writer.isReady;
    },
    async ping() {
      try {
        await rejectAfter(writer.sendCommand(['PING']), timeoutMs);
        return true;
      } catch {
        return false;
      }
    },
    submit(call) {
      if (closed || !writer.isReady) return Promise.reject(unavailable());
      const origin = `${replica}:${++calls}`;
      const answer = new Promise<Answer>((resolve, reject) => {
        pending.set(origin, { resolve, reject, at: performance.now() });
      });
      sentCalls.set(origin, call);
      queued.push(`${origin}\n${JSON.stringify(call)}`);
      queuedOrigins.push(origin);
      lastAppended = undefined;
      flush();
      return answer;
    },
    append(call) {
      if (closed) return Promise.reject(unavailable());
      // Nobody waits for it: every replica applies it for its effects. The same call as the one
      // queued just before it (a client polling with one token) is sent as `=`.
      const origin = `${replica}:${++calls}`;
      if (lastAppended !== undefined && (options.same ?? sameJson)(lastAppended, call)) {
        queued.push(`${origin}\n=`);
      } else {
        sentCalls.set(origin, call);
        queued.push(`${origin}\n${JSON.stringify(call)}`);
        lastAppended = call;
      }
      queuedOrigins.push(origin);
      const added = flush();
      return added === undefined ? undefined : rejectAfter(added, timeoutMs).then(() => {});
    },
    get current() {
      return !applying && !closed && writer.isReady && reader.isReady && (!sending || Date.now() - sentAt < leaseMs);
    },
    async close() {
      closed = true;
      clearInterval(expiring);
      for (const [, waiting] of pending) waiting.reject(unavailable());
      pending.clear();
      sentCalls.clear();
      await Promise.allSettled([writer.destroy(), reader.destroy()]);
      await following;
    },
  };
}
