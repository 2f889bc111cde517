/**
 * `authflow-mocks/http`: the standalone front door (`./server.ts`) on a mock world
 * (`createWorld()`). Loads no MSW. The CLI's `serve` starts exactly this.
 */
import { createWorld, type MocksOptions, type World } from '../../world.js';
import { createHttpDoor, type HttpDoor, type HttpDoorOptions } from './server.js';

export type { MocksOptions, World } from '../../world.js';
export type { HttpDoor, HttpDoorOptions, RequestLogEntry } from './server.js';
export { defaultHost, defaultPort, maxHeaderBytes } from './server.js';

export interface MockServerOptions extends MocksOptions, HttpDoorOptions {
  /** Serve an existing mock world (e.g. `createMocks()`'s, to share it with MSW) instead of creating one. */
  mocks?: World;
}

export interface MockServer extends World, HttpDoor {}

export function createMockServer(options: MockServerOptions = {}): MockServer {
  const world = options.mocks ?? createWorld(options);
  const { engine, control, clock } = world;
  return { engine, control, clock, ...createHttpDoor(world, options) };
}
