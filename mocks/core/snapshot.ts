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
