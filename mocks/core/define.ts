/**
 * The provider contract: `defineProvider({...})` is what a provider folder's `index.ts` exports.
 * It keeps the literal id (so `ProviderId` is a union of names), the options as one zod schema
 * (each option's type, default and description, written once: `OptionsOf`, the config file's
 * `options`, `--option`, the JSON Schema and the README tables all come from it), the credential
 * kinds the provider adds to the journal's generic ones, and a slot for its fixtures (the zod
 * schemas of its section of the config file, the demo fixture set, how a parsed section becomes
 * the fixture set its state seeds from, its starter section for `init` and the Postman variables
 * a fixture set names). `create` merges options over the defaults and builds a fresh, isolated
 * instance; nothing happens on import.
 */
import * as z from 'zod';
import type { Clock } from './clock.js';
import type { Provider, ProviderEnv } from './provider.js';
import { type SeededState, withSeededState } from './snapshot.js';

/**
 * The options of a provider: a `z.strictObject` whose every field has a `.default(…)` and a
 * `.describe('…')` (what it does and where its default comes from).
 *
 * @example
 * export const options = z.strictObject({
 *   tokenTtlSeconds: z.number().int().positive().default(3600).describe('Token lifetime in seconds. Documented: 3600.'),
 * });
 */
export type OptionsSchema = z.ZodObject<Record<string, z.ZodDefault<z.ZodType>>, z.core.$strict>;

/** The settings of an options schema: every option with its value. */
export type SettingsOf<S extends OptionsSchema> = z.output<S>;

/** The option type of an options schema: every option optional. */
export type OptionsOf<S extends OptionsSchema> = { [K in keyof z.output<S>]?: z.output<S>[K] };

/** One option as documentation and tools read it: name, JSON Schema of its values, default, description. */
export interface OptionInfo {
  readonly name: string;
  /** The JSON Schema of its values (`type`, `enum`, `minimum`, …), without description or default. */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly default: unknown;
  readonly description: string;
}

/** Every option of an options schema, in declaration order. */
export function optionInfos(options: OptionsSchema): OptionInfo[] {
  const defaults = options.parse({}) as Record<string, unknown>;
  return Object.entries(options.shape).map(([name, field]) => {
    const {
      $schema: _s,
      description: _d,
      default: _v,
      ...schema
    } = z.toJSONSchema(field.unwrap(), {
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    return { name, schema, default: defaults[name], description: field.description ?? '' };
  });
}

/**
 * The options as the config file (and `setupMocks`, `--option`) write them: every option
 * optional, no default filled in (the provider merges over its defaults), the description and
 * default kept for the JSON Schema.
 */
export function configOptions<S extends OptionsSchema>(options: S): z.ZodType<OptionsOf<S>, OptionsOf<S>> {
  const defaults = options.parse({}) as Record<string, unknown>;
  const shape = Object.fromEntries(
    Object.entries(options.shape).map(([name, field]) => [
      name,
      field
        .unwrap()
        .optional()
        .meta({ description: field.description ?? '', default: defaults[name] }),
    ]),
  );
  return z.strictObject(shape) as unknown as z.ZodType<OptionsOf<S>, OptionsOf<S>>;
}

/** Postman environment variables a fixture set names (`client_id`, `org_uuid`, …). */
export type PostmanVariables = Record<string, string | number | undefined>;

/**
 * Fixtures a user may give instead of the seeded ones (a `providers/<id>/config.ts` module fits
 * it): the provider's section of the config file and `setupMocks({ fixtures })` as zod schemas,
 * the demo fixture set, and how a parsed section becomes the fixture set the state seeds from.
 * `F` is that fixture set (`create` receives a getter of the current one); `C` the section's schema;
 * `P` the parsed section (what `sectionSchema` outputs, what `toFixtureSet` and `crossCheck` take):
 * typed once, in the provider's `config.ts`, and inferred from it.
 */
export interface FixturesSlot<
  F = unknown,
  C extends z.ZodType = z.ZodType,
  P extends Record<string, unknown> = Record<string, unknown>,
> {
  /** The section (`mode`, `options` and the fixtures), cross-references checked against the demo world. */
  readonly configSchema: C;
  /** The section before the cross-reference checks (additions are checked against another base). */
  readonly sectionSchema: z.ZodType<P>;
  /** The demo world: what the state seeds from when no config names another. */
  readonly demoFixtures: F;
  /** The fixture set of a parsed section: `base` (the demo world) plus it (`merge`) or it alone (`replace`). */
  toFixtureSet(section: P, base?: F): F;
  /** Reports broken cross-references and duplicate ids of a parsed section over `base`. */
  crossCheck(section: P, ctx: z.RefinementCtx, base?: F): void;
  /** The demo world as a section of the config file (`mode: 'replace'`): what `init` writes. */
  starterSection(): z.input<C>;
  /** The Postman environment variables a fixture set names (`collections --config`). */
  postmanVariables(set: F): PostmanVariables;
}

/** What a provider's `create` builds: the provider but for what the definition adds. */
export type ProviderParts = Omit<Provider, 'id' | 'title' | 'fixtureSet' | 'useFixtures'>;

/** What `create` builds when the definition names its `state`: `ready`, `reset` and `snapshot` come from the state. */
export type ProviderPartsOnState = Omit<ProviderParts, 'ready' | 'reset' | 'snapshot'>;

export interface ProviderDefinitionInput<
  Id extends string,
  S extends OptionsSchema,
  K extends string,
  F,
  C extends z.ZodType,
  P extends Record<string, unknown>,
  St extends SeededState | undefined = undefined,
> {
  readonly id: Id;
  readonly title: string;
  /** Every option: its type, default and description (see `OptionsSchema`). */
  readonly options: S;
  /** Credential kinds the journal records for this provider beyond the generic ones. */
  readonly credentialKinds: readonly K[];
  readonly fixtures?: FixturesSlot<F, C, P>;
  /**
   * The state of an instance, seeded from `world` (a `SeededState`): given, each instance gets a
   * fresh one, `create` receives it, and the instance is ready once it has seeded, seeds it again
   * on reset and shows its snapshot (see `withSeededState`).
   */
  readonly state?: (clock: Clock, world: () => F) => St;
  /**
   * A fresh instance with `settings` (the options merged over their defaults). `world` returns
   * the fixture set to seed from (read it at every seed: a configured world can change at run time);
   * `state` is the instance's state when the definition names one.
   */
  create(
    env: ProviderEnv,
    settings: SettingsOf<S>,
    world: () => F,
    state: St,
  ): St extends SeededState ? ProviderPartsOnState : ProviderParts;
}

export interface ProviderDefinition<
  Id extends string = string,
  S extends OptionsSchema = OptionsSchema,
  K extends string = string,
  F = unknown,
  C extends z.ZodType = z.ZodType,
  P extends Record<string, unknown> = Record<string, unknown>,
> {
  readonly id: Id;
  readonly title: string;
  /** The options schema, with defaults and descriptions. */
  readonly options: S;
  /** The options as a config file writes them (see `configOptions`). */
  readonly optionsSchema: z.ZodType<OptionsOf<S>, OptionsOf<S>>;
  /** The defaults of every option. */
  readonly defaults: Readonly<SettingsOf<S>>;
  readonly credentialKinds: readonly K[];
  readonly fixtures?: FixturesSlot<F, C, P>;
  /** A fresh, isolated instance, seeded from `fixtures` (the slot's demo world when omitted). */
  create(env: ProviderEnv, options?: OptionsOf<S>, fixtures?: F): Provider;
}

/**
 * Any provider definition, whatever its options and fixtures: what a world accepts. The types a
 * definition is made with are erased to what a world holds (options an object, a fixture set and
 * a section `unknown` / any record); a world hands each definition only what its own schemas
 * parsed, so it needs no casts.
 */
export interface AnyProviderDefinition {
  readonly id: string;
  readonly title: string;
  readonly options: OptionsSchema;
  readonly optionsSchema: z.ZodType;
  readonly credentialKinds: readonly string[];
  readonly fixtures?: FixturesSlot;
  create(env: ProviderEnv, options?: object, fixtures?: unknown): Provider;
}

export function defineProvider<
  const Id extends string,
  S extends OptionsSchema,
  const K extends string = never,
  F = unknown,
  C extends z.ZodType = z.ZodType,
  P extends Record<string, unknown> = Record<string, unknown>,
  St extends SeededState | undefined = undefined,
>(input: ProviderDefinitionInput<Id, S, K, F, C, P, St>): ProviderDefinition<Id, S, K, F, C, P> {
  const { id, title, options, credentialKinds, fixtures } = input;
  const defaults = options.parse({}) as SettingsOf<S>;
  return {
    id,
    title,
    options,
    optionsSchema: configOptions(options),
    defaults,
    credentialKinds,
    ...(fixtures === undefined ? {} : { fixtures }),
    create(env, given = {}, initial) {
      const settings = { ...defaults, ...given } as SettingsOf<S>;
      let current = (initial ?? fixtures?.demoFixtures) as F;
      const world = () => current;
      const state = input.state?.(env.clock, world) as St;
      const parts = input.create(env, settings, world, state);
      const provider = {
        ...(state === undefined ? (parts as ProviderParts) : withSeededState(state, parts as ProviderPartsOnState)),
        id,
        title,
      };
      if (fixtures === undefined) return provider;
      return {
        ...provider,
        fixtureSet: () => current,
        useFixtures: (set: unknown) => {
          current = set as F;
        },
      };
    },
  };
}
