/**
 * `createMocks()`: a mock world (`createWorld()`) with the MSW handlers that serve it, for
 * `setupServer` / `setupWorker`. `./node.ts` and `./browser.ts` start MSW on it.
 */
import type { HttpHandler } from 'msw';
import { createWorld, type MocksOptions, type World } from '../../world.js';
import { createHandlers, type MswDoorOptions } from './handlers.js';

export type { MocksOptions } from '../../world.js';
export type { MswDoorOptions } from './handlers.js';

/** Options of a mock world served through MSW. */
export interface MswMocksOptions extends MocksOptions, MswDoorOptions {}

export interface Mocks extends World {
  /** MSW handlers for `setupServer` / `setupWorker`. */
  readonly handlers: HttpHandler[];
}

export function createMocks(options: MswMocksOptions = {}): Mocks {
  const world = createWorld(options);
  return { ...world, handlers: createHandlers(world.engine, options) };
}
