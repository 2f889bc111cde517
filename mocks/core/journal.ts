/**
 * The request journal: a ring buffer of recent requests and their auth outcome. It never holds a
 * header value or a body: only which kind of credential was presented, and the query string
 * with the values of secret-looking parameters redacted.
 */
import type { MockErrorCode } from './errors.js';

/** Credential kinds every provider may present; a provider declares its own beside them (`defineProvider`). */
export type GenericCredentialKind =
  | 'none'
  | 'bearer'
  | 'basic'
  | 'client_secret'
  | 'api_key'
  | 'refresh_token'
  | 'authorization_code'
  | 'password'
  | 'control';

/**
 * Which kind of credential a request presented (never the credential itself): a generic kind or
 * one a provider declared (`K`; `mocks/providers` gives the union of all of them).
 */
export type CredentialKind<K extends string = string> = GenericCredentialKind | K;

export interface JournalEntry {
  seq: number;
  /** ISO 8601, on the shared clock. */
  time: string;
  provider: string | null;
  operationId: string | null;
  method: string;
  host: string;
  path: string;
  /** Query string with secret values replaced by `[redacted]`. */
  query: string;
  status: number;
  credential: CredentialKind;
  /** `fault`: an injected fault answered instead of the operation (`status` 0: dropped). */
  outcome: 'ok' | 'refused' | 'fault';
  /** Stable code of the refusal, when refused. */
  reason?: MockErrorCode;
  /** The id of the injected fault that took this request. */
  fault?: string;
}

/** What the engine records: `time` may be clock milliseconds, formatted only when the journal is read. */
export type JournalRecord = Omit<JournalEntry, 'seq' | 'time'> & { time: string | number };

export interface Journal {
  record(entry: JournalRecord): void;
  /** Oldest first. */
  entries(): JournalEntry[];
  clear(): void;
  /**
   * Calls `listener` with each entry as it is recorded (time formatted), and with `null` when the
   * journal is cleared; returns the function that stops it. Every listener gets the same entry
   * object for one recording: read it, do not change it.
   */
  subscribe(listener: (entry: JournalEntry | null) => void): () => void;
  readonly size: number;
  readonly capacity: number;
}

export function createJournal(capacity = 1000): Journal {
  const ring: ((JournalRecord & { seq: number }) | undefined)[] = new Array(capacity);
  let seq = 0;
  const listeners = new Set<(entry: JournalEntry | null) => void>();
  return {
    record(entry) {
      if (capacity <= 0) return;
      // Recording is on every request's path; formatting the time waits until someone reads.
      // Held as given (no copy): the engine builds a fresh record per request.
      const held = entry as JournalRecord & { seq: number };
      held.seq = seq;
      ring[seq % capacity] = held;
      seq++;
      if (listeners.size > 0) {
        if (typeof held.time === 'number') held.time = new Date(held.time).toISOString();
        // One copy for every listener (they only read it), so a listener can cache per entry:
        // the journal streams serialise each entry once, not once per reader.
        const shared = { ...(held as JournalEntry) };
        for (const listener of listeners) listener(shared);
      }
    },
    entries() {
      const n = Math.min(seq, capacity);
      const out: JournalEntry[] = [];
      for (let i = seq - n; i < seq; i++) {
        const e = ring[i % capacity];
        if (e === undefined) continue;
        if (typeof e.time === 'number') e.time = new Date(e.time).toISOString();
        out.push(e as JournalEntry);
      }
      return out;
    },
    clear() {
      ring.fill(undefined);
      seq = 0;
      for (const listener of listeners) listener(null);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    get size() {
      return Math.min(seq, capacity);
    },
    capacity,
  };
}

/**
 * The one list of secret-looking words in query parameter names: a parameter whose name (any
 * case) has one of these as a whole word (`client_secret`, `accessToken`, `X-Api-Key`, `sig`) has
 * its value redacted in the journal; a word merely containing one keeps its value (`design`,
 * `postcode`, `monkey`). Over-redacting is fine; missing a secret is not, hence the suffixes below
 * for names written as one word (`accesstoken`, `apikey`).
 */
export const secretQueryNames: readonly string[] = [
  'token', // access_token, id_token, refresh_token, connect_token, …
  'tokens',
  'secret', // client_secret
  'pass',
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'code', // code, code_verifier, auth codes
  'verifier',
  'key', // api_key, apiKey
  'apikey',
  'assertion',
  'signature',
  'sig',
  'session',
  'sessionid',
  'auth',
  'authorization',
  'jwt',
  'bearer',
  'credential',
  'credentials',
  'cookie',
  'ticket',
  'otp',
  'nonce',
];

const secretWords = new Set(secretQueryNames);
/** Words of a name: `client_secret`, `clientSecret`, `CLIENT-SECRET` → client, secret. */
const wordsOf = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;
/** Names written as one word that end in a secret one (`accesstoken`, `xapikey`, `authcode`). */
const secretEnding =
  /(token|tokens|secret|password|passwd|passphrase|apikey|signature|sessionid|credentials?|authcode)$/;

/** Whether a query parameter's value is redacted in the journal. */
export function isSecretQueryName(name: string): boolean {
  for (const word of name.match(wordsOf) ?? []) if (secretWords.has(word.toLowerCase())) return true;
  return secretEnding.test(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/** Raw query strings redacted before (a client repeats the same few): search → journal text. */
const redactedCache = new Map<string, string>();

/**
 * `redactQuery` of a raw query string (without `?`), remembered per string (strings up to 256
 * characters, 512 of them, then started over), so a repeated query is neither parsed nor
 * serialised again for the journal.
 */
export function redactSearch(search: string, parsed: () => URLSearchParams): string {
  if (search === '') return '';
  if (search.length > 256) return redactQuery(parsed());
  let out = redactedCache.get(search);
  if (out === undefined) {
    out = redactQuery(parsed());
    if (redactedCache.size >= 512) redactedCache.clear();
    redactedCache.set(search, out);
  }
  return out;
}

/** The query string with every secret-looking value redacted. */
export function redactQuery(query: URLSearchParams): string {
  if (query.size === 0) return '';
  const out = new URLSearchParams();
  for (const [k, v] of query) out.append(k, isSecretQueryName(k) ? '[redacted]' : v);
  return out.toString();
}
