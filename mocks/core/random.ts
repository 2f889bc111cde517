/** Randomness from Web Crypto, so the same code runs in Node and in the browser worker. */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const alphabetCodes = Uint8Array.from(alphabet, (c) => c.charCodeAt(0));

/**
 * Random bytes drawn from Web Crypto 4 KiB at a time (one call per ~95 tokens, not one per token);
 * each byte is handed out once.
 */
const pool = new Uint8Array(4096);
let poolUsed = pool.length;

/** A reusable array of character codes per token length (`String.fromCharCode.apply` reads it). */
const scratch = new Map<number, number[]>();

/** An opaque, URL-safe token of `bytes` random bytes (256 bits by default). */
export function randomToken(bytes = 32): string {
  // 6 bits per character: add characters until the entropy covers `bytes * 8` bits.
  const length = Math.max(bytes, Math.ceil((bytes * 8) / 6));
  if (length > pool.length) {
    const codes = crypto.getRandomValues(new Uint8Array(length));
    for (let i = 0; i < length; i++) codes[i] = alphabetCodes[(codes[i] as number) & 63] as number;
    return new TextDecoder().decode(codes);
  }
  if (poolUsed + length > pool.length) {
    crypto.getRandomValues(pool);
    poolUsed = 0;
  }
  let codes = scratch.get(length);
  if (codes === undefined) {
    codes = new Array<number>(length).fill(0);
    scratch.set(length, codes);
  }
  for (let i = 0; i < length; i++) codes[i] = alphabetCodes[(pool[poolUsed + i] as number) & 63] as number;
  poolUsed += length;
  // One flat string and nothing else allocated: no typed array, no spread iterator. (Appending
  // character by character would build a rope of ~1 KiB per token, which a store would keep.)
  return String.fromCharCode.apply(null, codes);
}

export function randomUuid(): string {
  return crypto.randomUUID();
}

/**
 * A UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random bits. Providers whose ids
 * look like v7 GUIDs (BackOps) mint new ids with it; pass the shared clock's time.
 */
export function randomUuidV7(epochMs: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
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
