import type { Provider } from './provider.js';

/**
 * A provider's mutable state as plain JSON, so a test can prove that a refused request changed
 * nothing. Duck-typed over a provider's state object: @msw/data collections (anything with
 * `findMany`) contribute their records, token stores (anything with `entries`) their count of
 * live tokens. Which tokens were last used is not state a refusal must keep still.
 */
export function stateSnapshot(state: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const [name, part] of Object.entries(state).sort(([a], [b]) => a.localeCompare(b))) {
    if (part === null || typeof part !== 'object') continue;
    const candidate = part as { findMany?: unknown; entries?: unknown };
    if (typeof candidate.findMany === 'function') {
      out[name] = (candidate.findMany as () => unknown[])().map((r) => JSON.stringify(r));
    } else if (typeof candidate.entries === 'function' && 'size' in candidate) {
      out[name] = (candidate.entries as () => unknown[])().length;
    }
  }
  return JSON.stringify(out);
}

/** A provider's state object: seeded asynchronously (@msw/data), and again on reset. */
export interface SeededState {
  seed(): Promise<void>;
}

/**
 * The parts of a `Provider` that follow from its state object: `ready` (the seeding in
 * progress), `reset` (seed again) and `snapshot`. Providers give the rest.
 */
export function withSeededState<S extends SeededState>(
  state: S,
  provider: Omit<Provider, 'ready' | 'reset' | 'snapshot'>,
): Provider {
  let seeded = state.seed();
  return {
    ...provider,
    ready: () => seeded,
    reset() {
      seeded = state.seed();
      return seeded;
    },
    snapshot: () => stateSnapshot(state as unknown as Record<string, unknown>),
  };
}
