/** Collection builders by provider id. */
import { eventbookingsCollection } from './eventbookings.js';
import { tracxCollection } from './tracx.js';

export interface BuiltCollection {
  collection: object;
  mock: object;
  live: object;
}

export const collections: Record<string, () => BuiltCollection> = {
  eventbookings: eventbookingsCollection,
  tracx: tracxCollection,
};
