/** Randomness from Web Crypto, so the same code runs in Node and in the browser worker. */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** An opaque, URL-safe token of `bytes` random bytes (256 bits by default). */
export function randomToken(bytes = 32): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  let out = '';
  for (const b of buf) out += alphabet[b & 63];
  // 6 bits per character: add characters until the entropy covers `bytes * 8` bits.
  const extra = Math.ceil((bytes * 8) / 6) - bytes;
  if (extra > 0) {
    const more = crypto.getRandomValues(new Uint8Array(extra));
    for (const b of more) out += alphabet[b & 63];
  }
  return out;
}

export function randomUuid(): string {
  return crypto.randomUUID();
}
