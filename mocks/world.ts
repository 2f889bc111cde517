/**
 * `createWorld()`: one isolated mock world — fresh provider state, one clock, one journal — with
 * no front door attached. `createMocks()` adds the MSW handlers; the CLI's `serve` puts the
 * node:http door on a world directly, so starting the server never loads MSW.
 */

import { createFixturesHook } from './config/runtime.js';
import { type FixturesConfig, parseFixtures, seedsOf } from './config/schema.js';
import {
  type Clock,
  type ControlPlane,
  createClock,
  createEngine,
  type Engine,
  type ResponseValidator,
} from './core/index.js';
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
  /**
   * Your own world, per provider: `mode` (merge into the demo world, the default, or replace
   * it), `options` and fixtures, as in the config file. Invalid input throws one `ConfigError`
   * listing every problem with its path.
   */
  fixtures?: FixturesConfig;
}

export interface World {
  readonly engine: Engine;
  /** The control plane as an object: reset, clock, fixtures, journal. */
  readonly control: ControlPlane;
  readonly clock: Clock;
}

export function createWorld(options: MocksOptions = {}): World {
  const clock = options.clock ?? createClock();
  const wanted = options.providers;
  if (wanted !== undefined) {
    const unknown = wanted.filter((id) => !providerModules.some((m) => m.id === id));
    if (unknown.length > 0) throw new Error(`Unknown provider(s): ${unknown.join(', ')}`);
  }
  const providerOptions: Record<string, unknown> = { ...options.options };
  // Configured fixtures and options (validated first: never a half-configured world).
  const seeds: Record<string, { fixtures: unknown; options: Record<string, unknown> } | undefined> =
    options.fixtures === undefined ? {} : seedsOf(parseFixtures(options.fixtures));
  const providers = providerModules
    .filter((m) => wanted === undefined || wanted.includes(m.id))
    .map((m) => {
      const seed = seeds[m.id];
      const merged = { ...seed?.options, ...(providerOptions[m.id] as object | undefined) };
      return m.create({ clock }, merged as never, seed?.fixtures as never);
    });
  const engine = createEngine({
    providers,
    clock,
    fixtures: createFixturesHook(providers),
    ...(options.validator === undefined ? {} : { validator: options.validator }),
    ...(options.journalCapacity === undefined ? {} : { journalCapacity: options.journalCapacity }),
  });
  return { engine, control: engine.control, clock };
}
