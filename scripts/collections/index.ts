/** Collection builders by provider id. */
import { backopsCollection } from './backops.js';
import { eventbookingsCollection } from './eventbookings.js';
import { eventixCollection } from './eventix.js';
import { teletrackerCollection } from './teletracker.js';
import { tracxCollection } from './tracx.js';

export interface BuiltCollection {
  collection: object;
  mock: object;
  live: object;
}

export const collections: Record<string, () => BuiltCollection> = {
  backops: backopsCollection,
  eventbookings: eventbookingsCollection,
  eventix: eventixCollection,
  teletracker: teletrackerCollection,
  tracx: tracxCollection,
};
