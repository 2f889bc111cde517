/**
 * `authflow-mocks/http`: the standalone front door (`./server.ts`) on a mock world
 * (`createWorld()`). Loads no MSW. The CLI's `serve` starts exactly this.
 */
import { createHash } from 'node:crypto';
import { fixturesOf, parseConfig } from '../../config/schema.js';
import { parseStoreSpec } from '../../store/index.js';
import { turnTime } from '../../store/turns.js';
import { createWorld, type MocksOptions, type World } from '../../world.js';
import { createHttpDoor, type HttpDoor, type HttpDoorOptions } from './server.js';

export type { MocksOptions, World } from '../../world.js';
export type { HttpDoor, HttpDoorOptions, RequestLogEntry } from './server.js';
export { defaultHost, defaultPort, maxHeaderBytes } from './server.js';
export type { WorldSummary, Worlds } from './worlds.js';
export { defaultMaxWorlds, defaultWorldTtlSeconds } from './worlds.js';

export interface MockServerOptions extends MocksOptions, Omit<HttpDoorOptions, 'replication'> {
  /** Serve an existing mock world (e.g. `createMocks()`'s, to share it with MSW) instead of creating one. */
  mocks?: World;
  /**
   * Where the worlds live: `memory` (the default: this process) or `redis://host:6379/0`
   * (`?prefix=name` for keys of its own). Every server started with the same Redis store and the
   * same options serves the same worlds: a token one issues works on all, a code or refresh token
   * is used once over all of them, one clock, one set of faults, one journal (docs/architecture.md,
   * "The store seam"). `listen()` connects (and replays what the store holds) before it listens.
   * Change a replicated world over HTTP (`/__control`, `authflow-mocks/remote`): `control` here is
   * this replica's copy.
   */
  store?: string;
}

export interface MockServer extends World, HttpDoor {}

export function createMockServer(options: MockServerOptions = {}): MockServer {
  const store = parseStoreSpec(options.store);
  const replicated = store.kind === 'redis';
  if (replicated && (options.mocks !== undefined || options.clock !== undefined)) {
    throw new TypeError('A Redis store makes its own worlds and clocks: `mocks` and `clock` cannot be given with it.');
  }
  const { mocks: _mocks, clock: _clock, store: _store, ...given } = options;
  // Replicated worlds read the applied request's time, and leave a fault's delay to the door.
  const worldOptions: MocksOptions = replicated ? { ...given, now: turnTime, deferDelays: true } : given;
  const world = options.mocks ?? createWorld(replicated ? worldOptions : options);
  /**
   * A new world (`POST /__control/worlds`) is made like the server's own: its providers, options
   * and configured fixtures, each with a clock of its own; a given config (a config file's
   * content, validated like `PUT /__control/fixtures`) replaces the configured fixtures and adds
   * its options.
   */
  const create = (config: unknown): World => {
    if (config === undefined || config === null) return createWorld(worldOptions);
    const parsed = parseConfig(config);
    return createWorld({
      ...worldOptions,
      ...(parsed.providers === undefined ? {} : { providers: parsed.providers }),
      fixtures: fixturesOf(parsed),
    });
  };
  const door = createHttpDoor(world, {
    ...given,
    worlds: { create, ...options.worlds },
    ...(store.kind === 'redis'
      ? { replication: { store, digest: digestOf(options), makeDefault: () => createWorld(worldOptions) } }
      : {}),
  });
  // The default world's parts, read through the door: a replicated store replaces it on listen().
  const current = () => door.worlds.defaultEntry.world;
  return {
    get engine() {
      return current().engine;
    },
    get control() {
      return current().control;
    },
    get clock() {
      return current().clock;
    },
    httpServer: door.httpServer,
    get worlds() {
      return door.worlds;
    },
    listen: door.listen,
    close: door.close,
  };
}

/** What replicas of one store must agree on: the providers, their options and the configured fixtures. */
function digestOf(options: MockServerOptions): string {
  const providers = options.providers?.map((p) => (typeof p === 'string' ? p : p.id)) ?? null;
  const config = JSON.stringify({ providers, options: options.options ?? null, fixtures: options.fixtures ?? null });
  return createHash('sha256').update(config).digest('hex');
}
