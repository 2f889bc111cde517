/**
 * Long work in slices: a loop that may run over many items calls `slice()` after each one; once
 * the slice has run for `budgetMs` it awaits the next event-loop turn, so other requests (and the
 * control plane) are answered in between. Keeps any single turn well under 50 ms.
 */
export interface Slicer {
  /** Resolves at once while the slice has budget left, else after the next event-loop turn. */
  slice(): Promise<void> | undefined;
}

const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });

export function createSlicer(budgetMs = 8): Slicer {
  let start = performance.now();
  let count = 0;
  return {
    slice() {
      // Read the time every 64 items only: performance.now() is cheap, not free.
      if ((++count & 63) !== 0 || performance.now() - start < budgetMs) return undefined;
      return nextTurn().then(() => {
        start = performance.now();
      });
    },
  };
}
