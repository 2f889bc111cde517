/**
 * Worlds of the standalone server: many isolated mock worlds behind one port, so parallel test
 * runs (Playwright workers, Vitest files, CI jobs) share a server without sharing tokens, clocks,
 * faults or journals. The server's own world is `default` and is what every URL without a world
 * reaches; others are created with `POST /__control/worlds`, addressed as `/w/<id>/…` or with the
 * `X-Authflow-World` header, and removed with `DELETE /__control/worlds/<id>` or after their idle
 * time-to-live. Nothing here knows HTTP: `./server.ts` routes to the world this registry names.
 */
import { MockError, randomToken } from '../../core/index.js';
import type { World } from '../../world.js';

/** The id of the server's own world, which always exists and cannot be deleted. */
export const defaultWorldId = 'default';

/** 22 URL-safe characters: 132 bits, drawn from Web Crypto. */
const worldIdBytes = 16;
const worldIdPattern = /^[A-Za-z0-9_-]{22}$/;

export const defaultWorldTtlSeconds = 3600;
export const defaultMaxWorlds = 100;
/** The longest idle time a world may ask for: a week. */
export const maxWorldTtlSeconds = 7 * 24 * 3600;
const maxNameLength = 100;

export interface WorldEntry {
  readonly id: string;
  readonly name: string | null;
  readonly world: World;
  /** Wall-clock milliseconds (the registry's `now`), not the world's mock clock. */
  readonly created: number;
  lastUsed: number;
  requests: number;
  readonly ttlMs: number | null;
  /** Called when the world is removed (its open journal streams end). */
  readonly disposers: Set<() => void>;
}

/** What `GET /__control/worlds` lists: ids and counts, never a token or a journal entry. */
export interface WorldSummary {
  id: string;
  name: string | null;
  default: boolean;
  /** ISO 8601, wall clock. */
  created: string;
  lastUsed: string;
  requests: number;
  /** Idle seconds after which the world is removed; null for the default world. */
  ttlSeconds: number | null;
}

export interface CreateWorldInput {
  /** A config file's content (what `PUT /__control/fixtures` takes); the server's own by default. */
  config?: unknown;
  name?: unknown;
  ttlSeconds?: unknown;
}

export interface WorldsOptions {
  /** Idle seconds before a world is removed. Default 3600. */
  ttlSeconds?: number;
  /** Most worlds besides the default one. Default 100. */
  max?: number;
  /** Makes a world: from the given config, or like the server's own when none is given. */
  create: (config: unknown) => World;
  /** Wall clock for idle times (tests pass their own). Default `Date.now`. */
  now?: () => number;
}

export interface Worlds {
  readonly defaultEntry: WorldEntry;
  /** The live world with that id (`default` included), or undefined; an idle-expired one is removed first. */
  get(id: string): WorldEntry | undefined;
  /** Throws `MockError`: `control_invalid`, `fixtures_invalid` (every problem), `too_many_worlds`. */
  create(input: CreateWorldInput): WorldEntry;
  list(): WorldSummary[];
  /** Counts a request to a world and restarts its idle time. */
  touch(entry: WorldEntry): void;
  /** Removes a world; false when there is none. Throws `control_invalid` for the default world. */
  delete(id: string): boolean;
  /** Removes the worlds idle past their time-to-live. */
  sweep(): void;
  /** Worlds besides the default one. */
  readonly size: number;
  /** Removes every world but the default one (the server closes). */
  clear(): void;
}

function problemsOfError(error: unknown): readonly { path: string; message: string }[] | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const problems = (error as { problems?: unknown }).problems;
  return Array.isArray(problems) ? (problems as { path: string; message: string }[]) : undefined;
}

export function createWorlds(defaultWorld: World, options: WorldsOptions): Worlds {
  const now = options.now ?? Date.now;
  const defaultTtlMs = (options.ttlSeconds ?? defaultWorldTtlSeconds) * 1000;
  const max = options.max ?? defaultMaxWorlds;
  const entries = new Map<string, WorldEntry>();
  const started = now();
  const defaultEntry: WorldEntry = {
    id: defaultWorldId,
    name: null,
    world: defaultWorld,
    created: started,
    lastUsed: started,
    requests: 0,
    ttlMs: null,
    disposers: new Set(),
  };

  const expired = (entry: WorldEntry, at: number) => entry.ttlMs !== null && at - entry.lastUsed > entry.ttlMs;

  function remove(entry: WorldEntry): void {
    entries.delete(entry.id);
    for (const dispose of entry.disposers) dispose();
    entry.disposers.clear();
  }

  const summary = (entry: WorldEntry): WorldSummary => ({
    id: entry.id,
    name: entry.name,
    default: entry === defaultEntry,
    created: new Date(entry.created).toISOString(),
    lastUsed: new Date(entry.lastUsed).toISOString(),
    requests: entry.requests,
    ttlSeconds: entry.ttlMs === null ? null : entry.ttlMs / 1000,
  });

  const worlds: Worlds = {
    defaultEntry,
    get(id) {
      if (id === defaultWorldId) return defaultEntry;
      // Only well-formed ids are looked up: anything else is unknown without touching the map.
      if (!worldIdPattern.test(id)) return undefined;
      const entry = entries.get(id);
      if (entry === undefined) return undefined;
      if (expired(entry, now())) {
        remove(entry);
        return undefined;
      }
      return entry;
    },
    create(input) {
      const { name, ttlSeconds } = input;
      if (name !== undefined && name !== null && (typeof name !== 'string' || name.length > maxNameLength)) {
        throw new MockError('control_invalid', `name must be a string of at most ${maxNameLength} characters.`);
      }
      if (
        ttlSeconds !== undefined &&
        (typeof ttlSeconds !== 'number' ||
          !Number.isInteger(ttlSeconds) ||
          ttlSeconds < 1 ||
          ttlSeconds > maxWorldTtlSeconds)
      ) {
        throw new MockError('control_invalid', `ttlSeconds must be a whole number from 1 to ${maxWorldTtlSeconds}.`);
      }
      worlds.sweep();
      if (entries.size >= max) {
        throw new MockError(
          'too_many_worlds',
          `This server keeps at most ${max} worlds (--max-worlds); DELETE /__control/worlds/<id> removes one.`,
        );
      }
      let world: World;
      try {
        world = options.create(input.config);
      } catch (error) {
        const problems = problemsOfError(error);
        if (problems === undefined) throw error;
        throw new MockError('fixtures_invalid', 'The config does not validate; no world was created.', { problems });
      }
      let id = randomToken(worldIdBytes);
      while (entries.has(id)) id = randomToken(worldIdBytes);
      const at = now();
      const entry: WorldEntry = {
        id,
        name: typeof name === 'string' && name !== '' ? name : null,
        world,
        created: at,
        lastUsed: at,
        requests: 0,
        ttlMs: ttlSeconds === undefined ? defaultTtlMs : (ttlSeconds as number) * 1000,
        disposers: new Set(),
      };
      entries.set(id, entry);
      return entry;
    },
    list() {
      worlds.sweep();
      return [summary(defaultEntry), ...[...entries.values()].map(summary)];
    },
    touch(entry) {
      entry.requests++;
      if (entry.ttlMs !== null) entry.lastUsed = now();
    },
    delete(id) {
      if (id === defaultWorldId) throw new MockError('control_invalid', 'The default world cannot be deleted.');
      const entry = worlds.get(id);
      if (entry === undefined) return false;
      remove(entry);
      return true;
    },
    sweep() {
      const at = now();
      for (const entry of entries.values()) if (expired(entry, at)) remove(entry);
    },
    get size() {
      return entries.size;
    },
    clear() {
      for (const entry of [...entries.values()]) remove(entry);
    },
  };
  return worlds;
}
