/**
 * 4. The state: records and token stores seeded from the current fixture set (read at every
 * seed: a configured world can change at run time), `seed()` and what a snapshot shows.
 */
import { type Clock, createTokenStore, snapshotParts } from 'authflow-mocks/provider';
import type { TinyFixtures } from './config.js';

export function createState(clock: Clock, world: () => TinyFixtures) {
  const tokens = createTokenStore<{ name: string }>({ clock, ownerOf: (d) => d.name });
  const state = {
    keys: world().keys,
    tokens,
    seed: async () => {
      tokens.clear();
      state.keys = world().keys;
    },
    snapshot: () => snapshotParts({}, { tokens }),
  };
  return state;
}

export type State = ReturnType<typeof createState>;
