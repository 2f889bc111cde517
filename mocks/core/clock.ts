/**
 * The one clock every expiry decision reads. It runs in real time plus an offset, so after
 * `advance()` or `set()` time keeps flowing as it would for a real API, and `reset()` returns
 * to real time. Nothing else in the project may read `Date.now()` for an expiry decision.
 */
export interface Clock {
  /** Current time in milliseconds since the epoch. */
  now(): number;
  /** Moves the clock forward (or back, with a negative number) by whole or fractional seconds. */
  advance(seconds: number): void;
  /** Sets the clock to the given instant; it keeps running from there. */
  set(epochMs: number): void;
  /** Back to real time. */
  reset(): void;
  /** Milliseconds between this clock and real time. */
  offset(): number;
}

export interface ClockOptions {
  /** Where real time comes from; tests may pin it. Defaults to `Date.now`. */
  source?: () => number;
}

export function createClock(options: ClockOptions = {}): Clock {
  const source = options.source ?? Date.now;
  let offsetMs = 0;
  return {
    now: () => source() + offsetMs,
    advance(seconds) {
      if (!Number.isFinite(seconds)) throw new RangeError('advance() needs a finite number of seconds.');
      offsetMs += Math.round(seconds * 1000);
    },
    set(epochMs) {
      if (!Number.isFinite(epochMs)) throw new RangeError('set() needs a finite epoch time in milliseconds.');
      offsetMs = epochMs - source();
    },
    reset() {
      offsetMs = 0;
    },
    offset: () => offsetMs,
  };
}

/** Unix time in whole seconds, as tokens and JWTs carry it. */
export function epochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * Orders strings by UTF-16 code units, which for ISO 8601 timestamps of one format is time
 * order. (`localeCompare` loads ICU's collator on its first call, ~9 ms at start-up, and
 * collates by locale rules this never needs.)
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * ISO 8601 in whole seconds with `+00:00` (`2026-12-01T10:00:00+00:00`), as Eventix and TeleTracker
 * write timestamps. `toISOString` always ends in `.sssZ`.
 */
export function isoWithOffset(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, -5)}+00:00`;
}
