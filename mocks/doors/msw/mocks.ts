/**
 * `createMocks()`: one isolated mock world — fresh provider state, one clock, one journal —
 * and the MSW handlers that serve it. Every front door starts here.
 */
import type { HttpHandler } from 'msw';
import { createWorld, type MocksOptions, type World } from '../../world.js';
import { createHandlers } from './handlers.js';

export type { MocksOptions } from '../../world.js';

export interface Mocks extends World {
  /** MSW handlers for `setupServer` / `setupWorker`. */
  readonly handlers: HttpHandler[];
}

export function createMocks(options: MocksOptions = {}): Mocks {
  const world = createWorld(options);
  return { ...world, handlers: createHandlers(world.engine, options.bodyLimit) };
}
