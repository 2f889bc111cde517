import { compareCodeUnits } from './clock.js';
import type { Provider } from './provider.js';

/** What a state part shows in a snapshot: its records, or a count (of live tokens, say). */
export type SnapshotParts = Record<string, readonly unknown[] | number>;

/**
 * The snapshot parts of a state: every record of each collection, and how many entries each
 * token store holds (`{ users }, { accessTokens }` → `{ users: [...], accessTokens: 2 }`).
 */
export function snapshotParts(
  collections: Readonly<Record<string, { findMany(): readonly unknown[] }>>,
  stores: Readonly<Record<string, { entries(): readonly unknown[] }>> = {},
): SnapshotParts {
  const parts: Record<string, readonly unknown[] | number> = {};
  for (const [name, collection] of Object.entries(collections)) parts[name] = collection.findMany();
  for (const [name, store] of Object.entries(stores)) parts[name] = store.entries().length;
  return parts;
}

/**
 * A provider's mutable state as plain JSON, so a test can prove that a refused request changed
 * nothing: the parts its state lists (`SeededState.snapshot`), in name order, each record as JSON.
 * Which tokens were last used is not state a refusal must keep still.
 */
export function stateSnapshot(parts: SnapshotParts): string {
  const out: Record<string, unknown> = {};
  for (const [name, part] of Object.entries(parts).sort(([a], [b]) => compareCodeUnits(a, b))) {
    out[name] = typeof part === 'number' ? part : part.map((r) => JSON.stringify(r));
  }
  return JSON.stringify(out);
}

/** A provider's state object: seeded (perhaps asynchronously), again on reset, and shown by `snapshot`. */
export interface SeededState {
  seed(): Promise<void>;
  snapshot(): SnapshotParts;
}

/**
 * The parts of a `Provider` that follow from its state object: `ready` (the seeding in
 * progress), `reset` (seed again) and `snapshot`. Providers give the rest.
 */
export function withSeededState<S extends SeededState>(
  state: S,
  provider: Omit<Provider, 'id' | 'title' | 'ready' | 'reset' | 'snapshot'>,
): Omit<Provider, 'id' | 'title'> {
  let seeded = state.seed();
  return {
    ...provider,
    ready: () => seeded,
    reset() {
      seeded = state.seed();
      return seeded;
    },
    snapshot: () => stateSnapshot(state.snapshot()),
  };
}
