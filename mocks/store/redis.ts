/**
 * The Redis store: replicas that serve one set of worlds by applying one log.
 *
 * Every request that reads or changes a world (a provider operation, a control call, a world
 * created or deleted) is appended to one Redis stream (`XADD`), and every replica applies the
 * stream's entries in stream order to its own in-memory copy of the worlds; the replica that
 * received the request answers with what applying it gave. This is state-machine replication:
 * the stream's order is the one order all replicas agree on, and an entry carries everything its
 * request may read besides the world (its time and a random seed, see `./turns.ts`), so every
 * replica holds the same worlds. What follows from it:
 *
 * - exact across replicas: single use of a code or refresh token (the first entry wins, on every
 *   replica), per-owner caps and their least-recently-used eviction, fault counts, revocations,
 *   clock moves, resets and fixtures (each in force for every later entry, on every replica);
 * - read-your-writes everywhere: a request is applied after every entry before it, so a token
 *   issued through one replica works on the next request to any other;
 * - nothing is lost when a replica dies, and a replica started later replays the stream;
 * - the cost: one `XADD` per request and the stream read every replica makes (batched).
 *
 * Redis unreachable, or not answering within `timeoutMs`: the request is answered
 * `503 store_unavailable` (the client reconnects by itself, and service returns with Redis).
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
  /** Longest wait for Redis, and for one's own entry to be applied, before `503 store_unavailable`. Default 1500 ms. */
  timeoutMs?: number;
  /** Where the store reports a failure of its own (a lost connection, an entry that failed). */
  report?: (line: string) => void;
}

export interface RedisLog<Call, Answer> {
  /** This replica's id (random, per process). */
  readonly replica: string;
  /** Appends a request and resolves with this replica's answer to it, once applied here. */
  submit(call: Call): Promise<Answer>;
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
  timer: ReturnType<typeof setTimeout>;
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
  inTurn(stored.seed, stored.time, () => options.genesis());

  const pending = new Map<string, Pending<Answer>>();
  const nextSeed = seedSource();
  let sequence = 0;
  let lastId = '0-0';
  let closed = false;

  async function applyEntries(entries: [string, string[]][]): Promise<void> {
    for (const [id, fields] of entries) {
      lastId = id;
      // One field, `e`: the origin request id, the time, the seed and the call as JSON, a line each
      // (JSON.stringify writes no raw line break). One argument, not eight: node-redis writes each
      // argument as a chunk of its own, and the chunks were a third of a replica's time.
      const entry = fields[1] ?? '';
      const a = entry.indexOf('\n');
      const b = entry.indexOf('\n', a + 1);
      const c = entry.indexOf('\n', b + 1);
      const origin = entry.slice(0, a);
      const time = Number(entry.slice(a + 1, b));
      const seed = entry.slice(b + 1, c);
      const call = entry.slice(c + 1);
      const waiting = pending.get(origin);
      if (waiting !== undefined) pending.delete(origin);
      try {
        const parsed = JSON.parse(call) as Call;
        const response = await inTurn(seed, time, () => options.apply(parsed, waiting !== undefined));
        if (waiting !== undefined) {
          clearTimeout(waiting.timer);
          waiting.resolve(response);
        }
      } catch (error) {
        report(`authflow-mocks: store entry ${id} failed to apply: ${String(error).slice(0, 200)}`);
        if (waiting !== undefined) {
          clearTimeout(waiting.timer);
          waiting.reject(error);
        }
      }
    }
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
      const origin = `${replica}:${++sequence}`;
      const answer = new Promise<Answer>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(origin);
          reject(unavailable());
        }, timeoutMs);
        pending.set(origin, { resolve, reject, timer });
      });
      const entry = `${origin}\n${Date.now()}\n${nextSeed()}\n${JSON.stringify(call)}`;
      // The log is trimmed every 256 entries of this replica (approximately, as MAXLEN ~ does).
      if ((sequence & 255) === 0) writer.sendCommand(['XTRIM', logKey, 'MAXLEN', '~', maxLength]).catch(() => {});
      writer.sendCommand(['XADD', logKey, '*', 'e', entry]).catch(() => {
        const waiting = pending.get(origin);
        if (waiting === undefined) return;
        pending.delete(origin);
        clearTimeout(waiting.timer);
        waiting.reject(unavailable());
      });
      return answer;
    },
    async close() {
      closed = true;
      for (const [, waiting] of pending) {
        clearTimeout(waiting.timer);
        waiting.reject(unavailable());
      }
      pending.clear();
      await Promise.allSettled([writer.destroy(), reader.destroy()]);
      await following;
    },
  };
}
