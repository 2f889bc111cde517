/**
 * Every provider this package mocks. Adding a provider means adding its definition here (see
 * docs/adding-a-provider.md); ids, options and credential kinds follow from this list.
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

type Definition = (typeof providerDefinitions)[number];

/** `'eventbookings' | 'eventix' | 'tracx' | 'backops' | 'teletracker'`. */
export type ProviderId = Definition['id'];

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
