/** Every provider this package mocks, by id. Adding a provider means adding it here. */
import type { ProviderModule } from '../core/index.js';
import backops, { type BackOpsOptions } from './backops/index.js';
import eventbookings, { type EventBookingsOptions } from './eventbookings/index.js';
import eventix, { type EventixOptions } from './eventix/index.js';
import teletracker, { type TeleTrackerOptions } from './teletracker/index.js';
import tracx, { type TracxOptions } from './tracx/index.js';

export interface ProviderOptions {
  backops?: BackOpsOptions;
  eventbookings?: EventBookingsOptions;
  eventix?: EventixOptions;
  teletracker?: TeleTrackerOptions;
  tracx?: TracxOptions;
}

export const providerModules = [
  eventbookings,
  eventix,
  tracx,
  backops,
  teletracker,
] as const satisfies readonly ProviderModule<never>[];

export type ProviderId = (typeof providerModules)[number]['id'];
export const providerIds: readonly string[] = providerModules.map((m) => m.id);
