/**
 * Reading credentials off a request, shared by every provider: the Authorization header and its
 * schemes, HTTP Basic, and constant-time comparison of secrets.
 */
import type { HeaderReader } from './provider.js';

export interface Authorization {
  /** Lower-case scheme word (`bearer`, `basic`, …), or `''` when the header has no scheme word. */
  scheme: string;
  credentials: string;
}

/**
 * Splits an Authorization-style header into scheme and credentials. A header with a single
 * word and no space has no scheme (Tracx sends its connect token that way).
 */
export function readAuthorization(headers: HeaderReader, name = 'authorization'): Authorization | null {
  const raw = headers.get(name)?.trim();
  if (raw === undefined || raw === '') return null;
  const space = raw.indexOf(' ');
  if (space === -1) return { scheme: '', credentials: raw };
  return { scheme: raw.slice(0, space).toLowerCase(), credentials: raw.slice(space + 1).trim() };
}

/** `user:password` from the credentials of a Basic (or Integrator) header, or null if malformed. */
export function decodeBasic(credentials: string): { user: string; password: string } | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credentials)) return null;
  let decoded: string;
  try {
    const binary = atob(credentials);
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  if (colon === -1) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Compares two secrets in time that depends only on the length of `expected`: every UTF-16 code
 * unit of `expected` is compared (no early exit), and a length difference counts as a mismatch.
 */
export function safeEqual(given: string, expected: string): boolean {
  const n = given.length;
  let diff = n ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (n === 0 ? 0 : given.charCodeAt(i % n)) ^ expected.charCodeAt(i);
  return diff === 0;
}

/**
 * The item whose secret matches, compared in constant time against every item (no early exit),
 * so the time taken does not tell which item matched or how much of the secret was right.
 */
export function findBySecret<T>(items: Iterable<T>, presented: string, secretOf: (item: T) => string): T | undefined {
  let found: T | undefined;
  for (const item of items) if (safeEqual(presented, secretOf(item))) found = item;
  return found;
}

/**
 * Form-decodes a value (`application/x-www-form-urlencoded`, RFC 6749 §2.3.1 for Basic client
 * credentials): `+` is a space and `%XX` sequences are bytes of UTF-8. Lenient as .NET's
 * `Uri.UnescapeDataString`, which IdentityServer uses: a `%` that starts no valid sequence stays
 * as it is, rather than failing the request.
 */
export function formDecode(value: string): string {
  const spaced = value.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Decode each run of valid escapes on its own; leave the rest literal.
    return spaced.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}
