/**
 * The provider contract: `defineProvider({...})` is what a provider folder's `index.ts` exports.
 * It keeps the literal id (so `ProviderId` is a union of names), the options beside their
 * defaults and docs (`OptionsOf` derives the option type), the credential kinds the provider adds
 * to the journal's generic ones, and a slot for its fixtures (a zod schema and the function that
 * seeds state from parsed fixtures). `create` merges options over the defaults and builds a fresh,
 * isolated instance; nothing happens on import.
 */
import type { ZodType } from 'zod';
import type { Provider, ProviderEnv } from './provider.js';

/** The option type of a defaults object: every option optional, with its doc comment. */
export type OptionsOf<D> = { -readonly [K in keyof D]?: D[K] };

/**
 * Fixtures a user may give instead of the seeded ones: their schema, and how parsed fixtures
 * become state. The seeded fixtures must parse with `schema`. `S` is the provider's state.
 */
export interface FixturesSlot<F = unknown, S = never> {
  readonly schema: ZodType<F>;
  /** Replaces the seeded records with `fixtures` (already parsed by `schema`). */
  seed?(state: S, fixtures: F): void | Promise<void>;
}

export interface ProviderDefinitionInput<Id extends string, D, K extends string, F> {
  readonly id: Id;
  readonly title: string;
  /** Every option with its default; document each option where it is defaulted. */
  readonly options: D;
  /** Credential kinds the journal records for this provider beyond the generic ones. */
  readonly credentialKinds: readonly K[];
  readonly fixtures?: FixturesSlot<F>;
  /** A fresh instance with `settings` (the options merged over their defaults). */
  create(env: ProviderEnv, settings: Required<OptionsOf<D>>): Omit<Provider, 'id' | 'title'>;
}

export interface ProviderDefinition<Id extends string = string, D = unknown, K extends string = string, F = unknown> {
  readonly id: Id;
  readonly title: string;
  /** The defaults of every option. */
  readonly defaults: Readonly<D>;
  readonly credentialKinds: readonly K[];
  readonly fixtures?: FixturesSlot<F>;
  /** A fresh, isolated instance. */
  create(env: ProviderEnv, options?: OptionsOf<D>): Provider;
}

/** Any provider definition, whatever its options: what a world accepts. */
export interface AnyProviderDefinition {
  readonly id: string;
  readonly title: string;
  readonly credentialKinds: readonly string[];
  readonly fixtures?: FixturesSlot<unknown>;
  create(env: ProviderEnv, options?: never): Provider;
}

export function defineProvider<const Id extends string, D extends object, const K extends string = never, F = unknown>(
  input: ProviderDefinitionInput<Id, D, K, F>,
): ProviderDefinition<Id, D, K, F> {
  const { id, title, options: defaults, credentialKinds, fixtures } = input;
  return {
    id,
    title,
    defaults,
    credentialKinds,
    ...(fixtures === undefined ? {} : { fixtures }),
    create(env, options = {}) {
      const settings = { ...defaults, ...options } as Required<OptionsOf<D>>;
      return { ...input.create(env, settings), id, title };
    },
  };
}
