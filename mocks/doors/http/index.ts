/**
 * `authflow-mocks/http`: the standalone front door (`./server.ts`) on a mock world
 * (`createWorld()`). Loads no MSW. The CLI's `serve` starts exactly this.
 */
import { fixturesOf, parseConfig } from '../../config/schema.js';
import { createWorld, type MocksOptions, type World } from '../../world.js';
import { createHttpDoor, type HttpDoor, type HttpDoorOptions } from './server.js';

export type { MocksOptions, World } from '../../world.js';
export type { HttpDoor, HttpDoorOptions, RequestLogEntry } from './server.js';
export { defaultHost, defaultPort, maxHeaderBytes } from './server.js';
export type { WorldSummary, Worlds } from './worlds.js';
export { defaultMaxWorlds, defaultWorldTtlSeconds } from './worlds.js';

export interface MockServerOptions extends MocksOptions, HttpDoorOptions {
  /** Serve an existing mock world (e.g. `createMocks()`'s, to share it with MSW) instead of creating one. */
  mocks?: World;
}

export interface MockServer extends World, HttpDoor {}

export function createMockServer(options: MockServerOptions = {}): MockServer {
  const world = options.mocks ?? createWorld(options);
  const { engine, control, clock } = world;
  const { mocks: _mocks, clock: _clock, ...worldOptions } = options;
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
  const door = createHttpDoor(world, { ...options, worlds: { create, ...options.worlds } });
  return { engine, control, clock, ...door };
}
