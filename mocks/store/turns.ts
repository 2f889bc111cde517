/**
 * A turn: one entry of the replicated log being applied. Every replica applies the same entry to
 * its own copy of the world, so everything an entry's request may read besides the request itself
 * comes from the entry: the time it was submitted (the mock clock, idle times, journal times) and
 * a seed from which all its randomness is drawn (tokens, codes, ids, JWT keys). Two replicas that
 * apply the same entries in the same order so hold the same world, byte for byte.
 *
 * The turn is one variable of the process, not an `AsyncLocalStorage`: in Node 20 that turns on
 * async hooks for every promise and socket of the process, which cost a replica about a third of
 * its time. One variable is exact because the log (`./redis.ts`) never lets two turns overlap:
 * it applies one entry at a time, awaits included, and lets dry runs (reads answered from the
 * replica's copy, which only look) run only while no entry is being applied. Code that runs
 * between a turn's awaits for another purpose (a socket read, a timer) reads the world's time of
 * the turn and draws nothing from it.
 */
import { type Cipher, createCipheriv } from 'node:crypto';
import { setDryRunProbe } from '../core/dry-run.js';
import { type RandomFill, setTurnRandomness } from '../core/random.js';

interface Turn {
  readonly time: number;
  readonly fill: RandomFill | undefined;
  /** A read answered from this replica's copy of the world, changing nothing (`core/dry-run.ts`). */
  readonly dry?: boolean;
}

/** The turn being applied, or the dry runs in progress; none outside. */
let current: Turn | undefined;
/** Dry runs in progress (they share one turn: they only look). */
let dryRuns = 0;

/**
 * A deterministic random stream: ChaCha20 of zeros under the seed (32 bytes), as a CSPRNG would;
 * `stream` picks one of 2^32 independent streams of one seed (it is the nonce), so the calls of one
 * log entry each draw their own from the entry's one seed.
 */
function seededFill(seed: Uint8Array, stream: number): RandomFill {
  let cipher: Cipher | undefined;
  return (bytes) => {
    if (cipher === undefined) {
      // The IV: a 32-bit block counter (0), then the 96-bit nonce.
      const iv = new Uint8Array(16);
      new DataView(iv.buffer).setUint32(4, stream, true);
      cipher = createCipheriv('chacha20', seed, iv);
    }
    bytes.set(cipher.update(new Uint8Array(bytes.length)));
  };
}

/** The time: the applied entry's inside a turn, else the wall clock's. Worlds of a replicated store read it. */
export function turnTime(): number {
  return current === undefined ? Date.now() : current.time;
}

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  setTurnRandomness(() => current?.fill);
  setDryRunProbe(() => current?.dry === true);
}

/** A turn waits for the dry runs in progress; none starts once it waits. */
let turnAhead = false;
let dryRunsDone: (() => void) | undefined;

/**
 * Runs `fn` as the turn of a call with this seed (32 bytes), stream (its place in its log entry)
 * and submission time, until what it returns settles; once the dry runs in progress are done. The
 * caller applies one entry at a time.
 */
export async function inTurn<T>(seed: Uint8Array, time: number, fn: () => T | Promise<T>, stream = 0): Promise<T> {
  install();
  turnAhead = true;
  try {
    if (dryRuns > 0) await new Promise<void>((resolve) => (dryRunsDone = resolve));
    current = { time, fill: seededFill(seed, stream) };
    return await fn();
  } finally {
    current = undefined;
    turnAhead = false;
  }
}

/**
 * Runs `fn` as a dry run: a read this replica answers from its own copy of the world at the
 * current time, which may look but not change it (`core/dry-run.ts`); its effects are applied from
 * the log. Dry runs may overlap one another, never a turn: `undefined` (and `fn` not called) while
 * a turn is applied or waits.
 */
export function inDryRun<T>(fn: () => Promise<T>): Promise<T> | undefined {
  if (turnAhead) return undefined;
  install();
  dryRuns++;
  current = { time: Date.now(), fill: undefined, dry: true };
  let running: Promise<T>;
  try {
    running = fn();
  } catch (error) {
    running = Promise.reject(error);
  }
  return running.finally(() => {
    if (--dryRuns > 0) return;
    current = undefined;
    const done = dryRunsDone;
    dryRunsDone = undefined;
    done?.();
  });
}
