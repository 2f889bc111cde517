/** Collection builders by provider id. */
import { backopsCollection } from './backops.js';
import { eventbookingsCollection } from './eventbookings.js';

export interface BuiltCollection {
  collection: object;
  mock: object;
  live: object;
}

export const collections: Record<string, () => BuiltCollection> = {
  eventbookings: eventbookingsCollection,
  backops: backopsCollection,
};
