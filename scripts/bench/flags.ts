/** Reading the benchmarks' numeric flags (`npm run bench`, `npm run bench:steady`). */

/** A flag's value as a non-negative number, `fallback` when absent; anything else throws, naming the flag. */
export function num(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got ${value}`);
  return n;
}
