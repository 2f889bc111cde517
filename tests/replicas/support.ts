/**
 * Replicas for the store tests: real servers (`createMockServer({ store })`) on loopback sharing
 * one real Redis, and a `Door` per replica so the providers' own test helpers (authorize,
 * exchange, refresh) can be pointed at any of them.
 */
import { afterAll, beforeAll } from 'vitest';
import { createMockServer, type MockServer, type MockServerOptions } from '../../mocks/doors/http/index.js';
import { type CallInit, type Door, parseReply, type Reply } from '../support/doors.js';
import { hasRedis, type RedisServer, startRedis } from '../support/redis.js';

/** Redis is required, as Chromium and Docker are: missing, the tests fail, unless AUTHFLOW_SKIP_REDIS=1. */
export const skipRedis = process.env.AUTHFLOW_SKIP_REDIS === '1';
if (!skipRedis && !hasRedis()) {
  throw new Error(
    "redis-server is not installed: apt-get install redis-server (Debian's, as .ci/run does), or set AUTHFLOW_SKIP_REDIS=1 to skip the replica tests.",
  );
}

export interface Replica {
  mock: MockServer;
  url: string;
  door: Door;
}

/** Calls real provider URLs (`https://api.eventix.io/event`) on the server at `base`. */
export function doorAt(base: string, mock?: MockServer): Door {
  return {
    name: 'http',
    mocks: mock as MockServer,
    async call(url: string, init: CallInit = {}): Promise<Reply> {
      const u = new URL(url);
      const headers: [string, string][] = [];
      for (const [k, v] of Object.entries(init.headers ?? {})) {
        for (const value of Array.isArray(v) ? v : [v]) headers.push([k, value]);
      }
      let body: string | undefined;
      if (init.json !== undefined) {
        body = JSON.stringify(init.json);
        headers.push(['content-type', 'application/json']);
      } else if (init.form !== undefined) {
        body = new URLSearchParams(init.form).toString();
        headers.push(['content-type', 'application/x-www-form-urlencoded']);
      } else body = init.raw;
      const res = await fetch(`${base}/${u.host}${u.pathname}${u.search}`, {
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        redirect: 'manual',
        ...(body === undefined ? {} : { body }),
      });
      const text = await res.text();
      return { status: res.status, headers: Object.fromEntries(res.headers), body: parseReply(text), text };
    },
  };
}

export async function startReplica(store: string, options: MockServerOptions = {}): Promise<Replica> {
  const mock = createMockServer({ ...options, store });
  const { url } = await mock.listen(0);
  return { mock, url, door: doorAt(url, mock) };
}

export interface Cluster {
  redis: RedisServer;
  replicas: Replica[];
  /** A store URL with a prefix of its own (one per test file or test). */
  store(prefix: string): string;
}

/** One Redis for the file, and `count` replicas on the store `prefix` (started again per test by `fresh`). */
export function replicaCluster(): Cluster {
  const state = { replicas: [] as Replica[] } as Cluster;
  beforeAll(async () => {
    state.redis = await startRedis();
    state.store = (prefix) => `${state.redis.url}?prefix=${prefix}`;
  }, 30_000);
  afterAll(async () => {
    await Promise.allSettled(state.replicas.map((r) => r.mock.close()));
    await state.redis?.dispose();
  }, 30_000);
  return state;
}

/** JSON control calls. */
export async function control(
  base: string,
  path: string,
  init: { method?: string; json?: unknown } = {},
  // biome-ignore lint/suspicious/noExplicitAny: control answers are read field by field
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/__control/${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    ...(init.json === undefined
      ? {}
      : { body: JSON.stringify(init.json), headers: { 'content-type': 'application/json' } }),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** Polls every `everyMs` until `ok` holds (or fails after `ms`). */
export async function until(ok: () => Promise<boolean>, ms: number, everyMs = 100): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
