/** Randomness from Web Crypto, so the same code runs in Node and in the browser worker. */
import { refuseInDryRun } from './dry-run.js';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const alphabetCodes = Uint8Array.from(alphabet, (c) => c.charCodeAt(0));

/** Fills a buffer with random bytes. */
export type RandomFill = (bytes: Uint8Array) => void;

/**
 * Where a request's randomness comes from when not from Web Crypto: set once per process by a
 * replicated store (`mocks/store/redis.ts`), whose replicas each apply the same request and must
 * mint the same token from it. It returns the current request's seeded stream, or `undefined`
 * outside a replicated request (then Web Crypto, through the pool). Not world state: every
 * world of the process draws from it the same way.
 */
let turnRandomness: (() => RandomFill | undefined) | undefined;

/** @internal Installed by a replicated store; see `turnRandomness`. `undefined` removes it. */
export function setTurnRandomness(source: (() => RandomFill | undefined) | undefined): void {
  turnRandomness = source;
}

/** `n` fresh random bytes: the replicated request's stream when there is one, else Web Crypto. */
export function randomBytes(n: number): Uint8Array {
  // A dry run draws nothing: what it would mint must be minted alike on every replica.
  refuseInDryRun('draw random bytes');
  const bytes = new Uint8Array(n);
  const fill = turnRandomness?.();
  if (fill === undefined) crypto.getRandomValues(bytes);
  else fill(bytes);
  return bytes;
}

/**
 * Random bytes drawn from Web Crypto 4 KiB at a time (one call per ~95 tokens, not one per token);
 * each byte is handed out once.
 */
const pool = new Uint8Array(4096);
let poolUsed = pool.length;

/** A reusable array of character codes per token length (`String.fromCharCode.apply` reads it). */
const scratch = new Map<number, number[]>();

function scratchOf(length: number): number[] {
  let codes = scratch.get(length);
  if (codes === undefined) {
    codes = new Array<number>(length).fill(0);
    scratch.set(length, codes);
  }
  return codes;
}

/** `n` bytes of the pool, at the returned offset (refilled from Web Crypto when short). */
function take(n: number): number {
  if (poolUsed + n > pool.length) {
    crypto.getRandomValues(pool);
    poolUsed = 0;
  }
  const at = poolUsed;
  poolUsed += n;
  return at;
}

/** An opaque, URL-safe token of `bytes` random bytes (256 bits by default). */
export function randomToken(bytes = 32): string {
  refuseInDryRun('draw random bytes');
  // 6 bits per character: add characters until the entropy covers `bytes * 8` bits.
  const length = Math.max(bytes, Math.ceil((bytes * 8) / 6));
  if (length > pool.length || (turnRandomness !== undefined && turnRandomness() !== undefined)) {
    const codes = randomBytes(length);
    for (let i = 0; i < length; i++) codes[i] = alphabetCodes[(codes[i] as number) & 63] as number;
    return new TextDecoder().decode(codes);
  }
  const at = take(length);
  const codes = scratchOf(length);
  for (let i = 0; i < length; i++) codes[i] = alphabetCodes[(pool[at + i] as number) & 63] as number;
  // One flat string and nothing else allocated: no typed array, no spread iterator. (Appending
  // character by character would build a rope of ~1 KiB per token, which a store would keep.)
  return String.fromCharCode.apply(null, codes);
}

const hexCodes = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * A random (version 4) UUID, RFC 9562 §5.4, lowercase. Drawn from the same pool as tokens into one
 * flat string: `crypto.randomUUID()` builds its 36 characters by concatenation (~600 bytes of
 * short-lived strings per call in Node 20).
 */
export function randomUuid(): string {
  refuseInDryRun('draw random bytes');
  const seeded = turnRandomness?.() === undefined ? undefined : randomBytes(16);
  const source = seeded ?? pool;
  const at = seeded === undefined ? take(16) : 0;
  const codes = scratchOf(36);
  let c = 0;
  for (let i = 0; i < 16; i++) {
    let byte = source[at + i] as number;
    if (i === 6) byte = 0x40 | (byte & 0x0f);
    else if (i === 8) byte = 0x80 | (byte & 0x3f);
    if (i === 4 || i === 6 || i === 8 || i === 10) codes[c++] = 45; // '-'
    codes[c++] = hexCodes[byte >> 4] as number;
    codes[c++] = hexCodes[byte & 15] as number;
  }
  return String.fromCharCode.apply(null, codes);
}

/**
 * A UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random bits. Providers whose ids
 * look like v7 GUIDs (BackOps) mint new ids with it; pass the shared clock's time.
 */
export function randomUuidV7(epochMs: number): string {
  const bytes = randomBytes(16);
  let ms = Math.max(0, Math.floor(epochMs));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
