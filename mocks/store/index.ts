/**
 * Where a server keeps its worlds: `memory` (the default: this process only, the fastest) or a
 * Redis URL (`redis://host:6379/0`): replicas that name the same store serve the same worlds
 * (see `./redis.ts` for how, and docs/architecture.md "The store seam").
 */

export type StoreSpec = { kind: 'memory' } | { kind: 'redis'; url: string; prefix: string; maxLength: number };

/** Entries the Redis store's log keeps by default (about 460 bytes each in Redis). */
export const defaultLogLength = 200_000;

/** Why a store setting cannot be used; the CLI reports it as a usage error. */
export class StoreSpecError extends Error {
  readonly code = 'store_invalid';
}

const prefixPattern = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * Reads `--store`, `AUTHFLOW_STORE` or the config file's `store`: `memory`, or
 * `redis://[user:password@]host[:port][/db][?prefix=name&maxlen=N]` (`rediss://` for TLS).
 * `prefix` names the store's keys (default `authflow`), so several stores can share one Redis
 * database; `maxlen` is how many entries its log keeps (default 200,000; an entry holds the
 * requests one replica received during one round trip to Redis): past it the oldest are trimmed, and a replica started afterwards cannot replay the store (it refuses to start).
 */
export function parseStoreSpec(value: string | undefined): StoreSpec {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'memory') return { kind: 'memory' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StoreSpecError(
      `the store must be memory or redis://host:port[/db], got ${JSON.stringify(text.slice(0, 80))}`,
    );
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new StoreSpecError(`the store must be memory or a redis:// (or rediss://) URL, got ${url.protocol}//…`);
  }
  if (url.hostname === '') throw new StoreSpecError('the store URL names no host: redis://host:port[/db]');
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d{1,2}$/.test(db)) {
    throw new StoreSpecError(
      `the store URL's path is a database number (redis://host:port/0), got /${db.slice(0, 20)}`,
    );
  }
  const prefix = url.searchParams.get('prefix') ?? 'authflow';
  if (!prefixPattern.test(prefix)) {
    throw new StoreSpecError('the store prefix is 1-64 letters, digits, and _ . : -');
  }
  const rawLength = url.searchParams.get('maxlen');
  const maxLength = rawLength === null ? defaultLogLength : Number(rawLength);
  if (!Number.isInteger(maxLength) || maxLength < 1000 || maxLength > 100_000_000) {
    throw new StoreSpecError('the store maxlen (entries its log keeps) is a whole number from 1000 to 100000000');
  }
  for (const key of url.searchParams.keys()) {
    if (key !== 'prefix' && key !== 'maxlen') {
      throw new StoreSpecError(`the store URL takes ?prefix= and ?maxlen=, not ?${key.slice(0, 20)}=`);
    }
  }
  url.search = '';
  return { kind: 'redis', url: url.toString(), prefix, maxLength };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://…';
  }
}
