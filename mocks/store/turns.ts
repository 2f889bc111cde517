/**
 * A turn: one entry of the replicated log being applied. Every replica applies the same entry to
 * its own copy of the world, so everything an entry's request may read besides the request itself
 * comes from the entry: the time it was submitted (the mock clock, idle times, journal times) and
 * a seed from which all its randomness is drawn (tokens, codes, ids, JWT keys). Two replicas that
 * apply the same entries in the same order so hold the same world, byte for byte.
 *
 * The turn is carried by `AsyncLocalStorage`, so the awaits inside a request (its body, a signed
 * JWT) keep it, and code running between them for another purpose never draws from it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Cipher, createCipheriv } from 'node:crypto';
import { type RandomFill, setTurnRandomness } from '../core/random.js';

interface Turn {
  readonly time: number;
  readonly fill: RandomFill;
}

const turns = new AsyncLocalStorage<Turn>();

/** A deterministic random stream: ChaCha20 of zeros under the seed (32 bytes), as a CSPRNG would. */
function seededFill(seed: Uint8Array): RandomFill {
  let cipher: Cipher | undefined;
  return (bytes) => {
    cipher ??= createCipheriv('chacha20', seed, new Uint8Array(16));
    bytes.set(cipher.update(new Uint8Array(bytes.length)));
  };
}

/** The time: the applied entry's inside a turn, else the wall clock's. Worlds of a replicated store read it. */
export function turnTime(): number {
  const turn = turns.getStore();
  return turn === undefined ? Date.now() : turn.time;
}

let installed = false;

/** Runs `fn` as the turn of the entry with this seed (64 hex characters) and submission time. */
export function inTurn<T>(seed: string, time: number, fn: () => T): T {
  if (!installed) {
    installed = true;
    setTurnRandomness(() => turns.getStore()?.fill);
  }
  return turns.run({ time, fill: seededFill(Buffer.from(seed, 'hex')) }, fn);
}
