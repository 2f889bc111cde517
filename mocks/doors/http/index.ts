/**
 * `authflow-mocks/http`: the standalone front door on a full mock world. The door itself is in
 * `./http-door.ts`; see there.
 */

import { createMocks, type Mocks, type MocksOptions } from '../msw/mocks.js';
import { createHttpDoor, type HttpDoor, type HttpDoorOptions } from './server.js';

export type { RequestLogEntry } from './server.js';
export { defaultHost, defaultPort, maxHeaderBytes } from './server.js';

export interface MockServerOptions extends MocksOptions, HttpDoorOptions {
  /** Serve an existing mock world instead of creating one. */
  mocks?: Mocks;
}

export interface MockServer extends Mocks, HttpDoor {}

export function createMockServer(options: MockServerOptions = {}): MockServer {
  const mocks = options.mocks ?? createMocks(options);
  return { ...mocks, ...createHttpDoor(mocks, options) };
}
