/** Every provider this package mocks, by id. Adding a provider means adding it here. */
import type { ProviderModule } from '../core/index.js';
import backops, { type BackOpsOptions } from './backops/index.js';
import eventbookings, { type EventBookingsOptions } from './eventbookings/index.js';

export interface ProviderOptions {
  eventbookings?: EventBookingsOptions;
  backops?: BackOpsOptions;
}

export const providerModules = [eventbookings, backops] as const satisfies readonly ProviderModule<never>[];

export type ProviderId = (typeof providerModules)[number]['id'];
export const providerIds: readonly string[] = providerModules.map((m) => m.id);
