/**
 * The provider contract: `defineProvider({...})` is what a provider folder's `index.ts` exports.
 * It keeps the literal id (so `ProviderId` is a union of names), the options beside their
 * defaults and docs (`OptionsOf` derives the option type), the credential kinds the provider adds
 * to the journal's generic ones, and a slot for its fixtures (the zod schemas of its section of
 * the config file, the demo fixture set, and how a parsed section becomes the fixture set its
 * state seeds from). `create` merges options over the defaults and builds a fresh, isolated
 * instance; nothing happens on import.
 */
import type { RefinementCtx, ZodType } from 'zod';
import type { Provider, ProviderEnv } from './provider.js';

/** The option type of a defaults object: every option optional, with its doc comment. */
export type OptionsOf<D> = { -readonly [K in keyof D]?: D[K] };

/**
 * Fixtures a user may give instead of the seeded ones (a `providers/<id>/config.ts` module fits
 * it): the provider's section of the config file and `setupMocks({ fixtures })` as zod schemas,
 * the demo fixture set, and how a parsed section becomes the fixture set the state seeds from.
 * `F` is that fixture set (`create` receives a getter of the current one), `S` the parsed section
 * (what `sectionSchema` outputs, what `toFixtureSet` and `crossCheck` take): typed once, in the
 * provider's `config.ts`, and inferred from it.
 */
export interface FixturesSlot<F = unknown, S extends Record<string, unknown> = Record<string, unknown>> {
  /** The section (`mode`, `options` and the fixtures), cross-references checked against the demo world. */
  readonly configSchema: ZodType;
  /** The section before the cross-reference checks (additions are checked against another base). */
  readonly sectionSchema: ZodType<S>;
  /** The provider's options, as the config file writes them. */
  readonly optionsSchema: ZodType;
  /** The demo world: what the state seeds from when no config names another. */
  readonly demoFixtures: F;
  /** The fixture set of a parsed section: `base` (the demo world) plus it (`merge`) or it alone (`replace`). */
  toFixtureSet(section: S, base?: F): F;
  /** Reports broken cross-references and duplicate ids of a parsed section over `base`. */
  crossCheck(section: S, ctx: RefinementCtx, base?: F): void;
}

export interface ProviderDefinitionInput<Id extends string, D, K extends string, F, S extends Record<string, unknown>> {
  readonly id: Id;
  readonly title: string;
  /** Every option with its default; document each option where it is defaulted. */
  readonly options: D;
  /** Credential kinds the journal records for this provider beyond the generic ones. */
  readonly credentialKinds: readonly K[];
  readonly fixtures?: FixturesSlot<F, S>;
  /**
   * A fresh instance with `settings` (the options merged over their defaults). `world` returns
   * the fixture set to seed from (read it at every seed: a configured world can change at run time).
   */
  create(
    env: ProviderEnv,
    settings: Required<OptionsOf<D>>,
    world: () => F,
  ): Omit<Provider, 'id' | 'title' | 'fixtureSet' | 'useFixtures'>;
}

export interface ProviderDefinition<
  Id extends string = string,
  D = unknown,
  K extends string = string,
  F = unknown,
  S extends Record<string, unknown> = Record<string, unknown>,
> {
  readonly id: Id;
  readonly title: string;
  /** The defaults of every option. */
  readonly defaults: Readonly<D>;
  readonly credentialKinds: readonly K[];
  readonly fixtures?: FixturesSlot<F, S>;
  /** A fresh, isolated instance, seeded from `fixtures` (the slot's demo world when omitted). */
  create(env: ProviderEnv, options?: OptionsOf<D>, fixtures?: F): Provider;
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
  readonly credentialKinds: readonly string[];
  readonly fixtures?: FixturesSlot;
  create(env: ProviderEnv, options?: object, fixtures?: unknown): Provider;
}

export function defineProvider<
  const Id extends string,
  D extends object,
  const K extends string = never,
  F = unknown,
  S extends Record<string, unknown> = Record<string, unknown>,
>(input: ProviderDefinitionInput<Id, D, K, F, S>): ProviderDefinition<Id, D, K, F, S> {
  const { id, title, options: defaults, credentialKinds, fixtures } = input;
  return {
    id,
    title,
    defaults,
    credentialKinds,
    ...(fixtures === undefined ? {} : { fixtures }),
    create(env, options = {}, initial) {
      const settings = { ...defaults, ...options } as Required<OptionsOf<D>>;
      let current = (initial ?? fixtures?.demoFixtures) as F;
      const provider = { ...input.create(env, settings, () => current), id, title };
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
