/**
 * `createWorld()`: one isolated mock world — fresh provider state, one clock, one journal — with
 * no front door attached. The one place a world is made: `createMocks()` (doors/msw) adds the
 * MSW handlers, `createMockServer()` (doors/http) the node:http server, which so loads no MSW.
 */

import { createFixturesHook } from './config/runtime.js';
import { type FixturesConfig, parseFixtures, seedsOf } from './config/schema.js';
import {
  type AnyProviderDefinition,
  type Clock,
  type ControlPlane,
  createClock,
  createEngine,
  type Engine,
  type ResponseValidator,
} from './core/index.js';
import { type ProviderId, type ProviderOptions, providerDefinitions } from './providers/index.js';

export interface MocksOptions {
  /**
   * Which providers to mock: ids of this package's providers, or definitions of your own
   * (`defineProvider`, see docs/adding-a-provider.md); all of this package's by default.
   */
  providers?: readonly (ProviderId | AnyProviderDefinition)[];
  /** Share a clock with other code; a fresh real-time clock by default. */
  clock?: Clock;
  /**
   * Where the world's fresh clock reads real time (`Date.now` by default). A replicated store
   * passes the time of the request being applied, so every replica computes the same expiry.
   */
  now?: () => number;
  /** See `EngineOptions.deferDelays` (a replicated store). */
  deferDelays?: boolean;
  /** Per-provider options, e.g. `{ eventbookings: { accessTokenTtlSeconds: 60 } }`. */
  options?: ProviderOptions & Readonly<Record<string, object | undefined>>;
  /** Check every response against the spec (see `authflow-mocks/contract`). */
  validator?: ResponseValidator;
  /** Journal size. Default 1000. */
  journalCapacity?: number;
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
  const clock = options.clock ?? createClock(options.now === undefined ? {} : { source: options.now });
  const definitions: readonly AnyProviderDefinition[] =
    options.providers === undefined
      ? providerDefinitions
      : options.providers.map((wanted) => {
          if (typeof wanted !== 'string') return wanted;
          const known = providerDefinitions.find((d) => d.id === wanted);
          if (known === undefined) throw new Error(`Unknown provider: ${String(wanted)}`);
          return known;
        });
  const ids = definitions.map((d) => d.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) throw new Error(`Provider(s) given twice: ${twice.join(', ')}`);
  const providerOptions: Record<string, unknown> = { ...options.options };
  // Configured fixtures and options (validated first: never a half-configured world).
  const seeds: Record<string, { fixtures: unknown; options: Record<string, unknown> } | undefined> =
    options.fixtures === undefined ? {} : seedsOf(parseFixtures(options.fixtures));
  const providers = definitions.map((d) => {
    const seed = seeds[d.id];
    const merged = { ...seed?.options, ...(providerOptions[d.id] as object | undefined) };
    return d.create({ clock }, merged, seed?.fixtures);
  });
  const engine = createEngine({
    providers,
    clock,
    fixtures: createFixturesHook(definitions, providers),
    ...(options.validator === undefined ? {} : { validator: options.validator }),
    ...(options.journalCapacity === undefined ? {} : { journalCapacity: options.journalCapacity }),
    ...(options.deferDelays === true ? { deferDelays: true } : {}),
  });
  return { engine, control: engine.control, clock };
}
