/**
 * `createMocks()`: one isolated mock world — fresh provider state, one clock, one journal —
 * and the MSW handlers that serve it. Every front door starts here.
 */
import type { HttpHandler } from 'msw';
import {
  type Clock,
  type ControlPlane,
  createClock,
  createEngine,
  type Engine,
  type ResponseValidator,
} from './core/index.js';
import { createHandlers } from './handlers.js';
import { type ProviderOptions, providerModules } from './providers/index.js';

export interface MocksOptions {
  /** Which providers to mock (ids); all by default. */
  providers?: readonly string[];
  /** Share a clock with other code; a fresh real-time clock by default. */
  clock?: Clock;
  /** Per-provider options, e.g. `{ eventbookings: { accessTokenTtlSeconds: 60 } }`. */
  options?: ProviderOptions;
  /** Check every response against the spec (see `authflow-mocks/contract`). */
  validator?: ResponseValidator;
  /** Journal size. Default 1000. */
  journalCapacity?: number;
  /** Largest accepted request body in bytes. Default 1 MiB. */
  bodyLimit?: number;
}

export interface Mocks {
  readonly engine: Engine;
  /** The control plane as an object: reset, clock, fixtures, journal. */
  readonly control: ControlPlane;
  readonly clock: Clock;
  /** MSW handlers for `setupServer` / `setupWorker`. */
  readonly handlers: HttpHandler[];
}

export function createMocks(options: MocksOptions = {}): Mocks {
  const clock = options.clock ?? createClock();
  const wanted = options.providers;
  if (wanted !== undefined) {
    const unknown = wanted.filter((id) => !providerModules.some((m) => m.id === id));
    if (unknown.length > 0) throw new Error(`Unknown provider(s): ${unknown.join(', ')}`);
  }
  const providerOptions: Record<string, unknown> = { ...options.options };
  const providers = providerModules
    .filter((m) => wanted === undefined || wanted.includes(m.id))
    .map((m) => m.create({ clock }, providerOptions[m.id] as never));
  const engine = createEngine({
    providers,
    clock,
    ...(options.validator === undefined ? {} : { validator: options.validator }),
    ...(options.journalCapacity === undefined ? {} : { journalCapacity: options.journalCapacity }),
  });
  return {
    engine,
    control: engine.control,
    clock,
    handlers: createHandlers(engine, options.bodyLimit),
  };
}
