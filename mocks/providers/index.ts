/**
 * The registry: every provider this package mocks. Adding a provider means adding its
 * definition here (see docs/adding-a-provider.md); everything else that lists providers — ids,
 * options and `--option`, credential kinds, the config file's sections and JSON Schema, `init`,
 * the Postman environments, the collections, the benchmark and the fuzzer — iterates this list.
 */
import type { AnyProviderDefinition, CredentialKind as CoreCredentialKind } from '../core/index.js';
import backops from './backops/index.js';
import eventbookings from './eventbookings/index.js';
import eventix from './eventix/index.js';
import teletracker from './teletracker/index.js';
import tracx from './tracx/index.js';

export const providerDefinitions = [
  eventbookings,
  eventix,
  tracx,
  backops,
  teletracker,
] as const satisfies readonly AnyProviderDefinition[];

/** One of the package's provider definitions. */
export type Definition = (typeof providerDefinitions)[number];

/** `'eventbookings' | 'eventix' | 'tracx' | 'backops' | 'teletracker'`. */
export type ProviderId = Definition['id'];

/** The definition of a provider id. */
export type DefinitionOf<Id extends ProviderId> = Extract<Definition, { id: Id }>;

/** Per-provider options, e.g. `{ eventbookings: { accessTokenTtlSeconds: 60 } }`. */
export type ProviderOptions = {
  [D in Definition as D['id']]?: NonNullable<Parameters<D['create']>[1]>;
};

/** Every kind of credential the journal may record: the generic ones and each provider's own. */
export type CredentialKind = CoreCredentialKind<Definition['credentialKinds'][number]>;

export const providerIds: readonly ProviderId[] = providerDefinitions.map((d) => d.id);

export function isProviderId(value: string): value is ProviderId {
  return (providerIds as readonly string[]).includes(value);
}

/**
 * A list of provider definitions the tools read (`init`, `--option`, the config file's JSON
 * Schema, the Postman environments, `collections`, `newman`, `verify`): the package's own
 * (`registry`), or the package's plus providers of your own (`createRegistry([...providerDefinitions, acme])`).
 */
export interface Registry {
  readonly definitions: readonly AnyProviderDefinition[];
  readonly ids: readonly string[];
  /** The definition of `id`, or undefined. */
  get(id: string): AnyProviderDefinition | undefined;
  has(id: string): boolean;
}

export function createRegistry(definitions: readonly AnyProviderDefinition[]): Registry {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  if (byId.size !== definitions.length) throw new Error('Two provider definitions share an id.');
  return {
    definitions,
    ids: [...byId.keys()],
    get: (id) => byId.get(id),
    has: (id) => byId.has(id),
  };
}

/** The package's providers. */
export const registry: Registry = createRegistry(providerDefinitions);
