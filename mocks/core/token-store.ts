/**
 * The token store: every opaque credential a provider issues (access and refresh tokens,
 * authorization codes, session ids) lives here with its expiry, read from the shared clock.
 *
 * Memory stays bounded under sustained issuance, per tenant: every token has an owner (the
 * client, user, API key or connect token it was issued to) and each owner holds at most
 * `maxPerOwner` live tokens; past that, the owner's own least recently used token is evicted,
 * never another owner's. Entries are kept in a min-heap by expiry and swept on every issuance,
 * and a refused token leaves only a small tombstone (capped) so the journal can still say *why*
 * it was refused (expired, revoked, reused, evicted) rather than "unknown".
 */
import type { Clock } from './clock.js';
import type { MockErrorCode } from './errors.js';
import { hash53 } from './hash.js';
import { randomToken } from './random.js';

export interface TokenEntry<T> {
  readonly value: string;
  readonly data: T;
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** Last time the token was presented (clock ms). */
  lastUsedAt: number;
  /** The tenant the token counts against (a client, user, API key…; see `ownerOf`). */
  readonly owner: string;
}

/** Symbol keys, so an entry handed out still serialises to JSON (no cycle through its neighbours). */
const older: unique symbol = Symbol('older');
const newer: unique symbol = Symbol('newer');
const holder: unique symbol = Symbol('holder');
const ended: unique symbol = Symbol('ended');

/** One owner's live entries, least recently used (`oldest`) to most recently used (`newest`). */
interface Owner<T> {
  oldest: Held<T> | undefined;
  newest: Held<T> | undefined;
  size: number;
}

/**
 * An entry as the store holds it: a class, so every entry shares one hidden class (an object
 * literal with computed symbol keys is built property by property) and the links below stay off
 * `JSON.stringify`.
 */
class Held<T> implements TokenEntry<T> {
  lastUsedAt: number;
  /** Neighbours in its owner's use order (a doubly linked list: a use or an eviction is O(1)). */
  [older]: Held<T> | undefined = undefined;
  [newer]: Held<T> | undefined = undefined;
  /** Set once the entry leaves the store (its expiry-heap slot is then skipped, not searched for). */
  [ended] = false;
  /** Its owner's use-order list (an owner's list lives as long as it holds an entry). */
  readonly [holder]: Owner<T>;
  constructor(
    readonly value: string,
    readonly data: T,
    readonly issuedAt: number,
    readonly expiresAt: number,
    readonly owner: string,
    list: Owner<T>,
    /** Order of last use (a counter, so uses within one millisecond still order). */
    public useOrder: number,
  ) {
    this.lastUsedAt = issuedAt;
    this[holder] = list;
  }
}

export type TokenRefusal = Extract<
  MockErrorCode,
  'token_unknown' | 'token_expired' | 'token_revoked' | 'token_evicted'
>;

export type TokenCheck<T> = { ok: true; entry: TokenEntry<T> } | { ok: false; reason: TokenRefusal };

export interface IssueOptions {
  /** Lifetime in seconds. */
  ttlSeconds: number;
  /** Use this value instead of a random one (for example a UUID, as TeleTracker issues). */
  value?: string;
  /**
   * A lower cap for this owner than the store's `maxPerOwner` (for example Eventix's documented
   * token cap per user and client).
   */
  limit?: number;
}

export interface TokenStore<T> {
  /** Issues a token; past its owner's cap, that owner's least recently used token is evicted. */
  issue(data: T, options: IssueOptions): TokenEntry<T>;
  /** Looks a token up; an expired one is removed and reported as expired. Marks it used. */
  check(value: string): TokenCheck<T>;
  /** Single use: checks and revokes in one step, so only one of many concurrent takers wins. */
  take(value: string): TokenCheck<T>;
  revoke(value: string, reason?: TokenRefusal): boolean;
  /** Revokes every live token whose data matches; returns how many. */
  revokeWhere(predicate: (data: T) => boolean, reason?: TokenRefusal): number;
  /** Live (unexpired) entries, least recently used first. */
  entries(): TokenEntry<T>[];
  /**
   * A read-only view for the inspector: every entry held (expired but not yet swept included)
   * and the most recent refusals (newest last). Marks nothing used and sweeps nothing.
   */
  listing(recentRefusals?: number): TokenListing<T>;
  /** Number of entries held, live or expired-but-unswept. */
  readonly size: number;
  clear(): void;
}

export interface TokenListing<T> {
  held: TokenEntry<T>[];
  /** Tokens refused since they were dropped, with why (the store keeps no data for them). */
  refused: { value: string; reason: TokenRefusal }[];
}

/** Live tokens one owner holds at most unless told otherwise (see `TokenStoreOptions.maxPerOwner`). */
export const defaultMaxTokensPerOwner = 1000;

export interface TokenStoreOptions<T = unknown> {
  clock: Clock;
  /**
   * The tenant a token belongs to: the client, user, API key or connect token it was issued to.
   * Caps apply per owner, so no tenant can evict another's tokens. Owners must come from
   * authenticated (or fixture) identities, never from unchecked input: memory is bounded by
   * owners × `maxPerOwner`.
   */
  ownerOf: (data: T) => string;
  /** How many refused tokens keep their refusal reason. Default 10,000. */
  tombstones?: number;
  /**
   * Most live tokens one owner holds; issuing past it evicts that owner's least recently used
   * token (refused afterwards as `token_evicted`). Default 1,000.
   */
  maxPerOwner?: number;
  /** Random bytes in a generated token. Default 32. */
  bytes?: number;
  /** Called for each token a cap evicts (e.g. to revoke the refresh token paired with it). */
  onEvict?: (entry: TokenEntry<T>) => void;
}

/** A tombstone's reason as two bits. */
const refusals: readonly TokenRefusal[] = ['token_unknown', 'token_expired', 'token_revoked', 'token_evicted'];
const refusalIndex: Readonly<Record<TokenRefusal, number>> = {
  token_unknown: 0,
  token_expired: 1,
  token_revoked: 2,
  token_evicted: 3,
};

/**
 * @internal Tests only, not exported from `core/index.ts`: how many slots the expiry heap and the
 * tombstones hold, so a test can show both stay bounded (neither is visible through the API).
 */
export interface TokenStoreInternals {
  heapSlots: number;
  tombstones: number;
}
const internals = new WeakMap<object, () => TokenStoreInternals>();

/** @internal Tests only (see `TokenStoreInternals`). */
export function tokenStoreInternals<T>(store: TokenStore<T>): TokenStoreInternals {
  const read = internals.get(store);
  if (read === undefined) throw new TypeError('Not a store made by createTokenStore.');
  return read();
}

export function createTokenStore<T>(options: TokenStoreOptions<T>): TokenStore<T> {
  const { clock, ownerOf, onEvict } = options;
  const tombstoneCap = options.tombstones ?? 10_000;
  const maxPerOwner = Math.max(1, options.maxPerOwner ?? defaultMaxTokensPerOwner);
  const bytes = options.bytes ?? 32;
  /** Every live entry, by value (in issue order; use order is kept per owner, see `Owner`). */
  const live = new Map<string, Held<T>>();
  /**
   * Refused values with why, by a 53-bit hash of the value (`hash53`), never the value itself: a map
   * of ten thousand token strings keeps each string alive through young-generation collections and
   * into the old one (measured: ~1.5 µs of GC work per refusal). The key is the hash's low 30 bits
   * (a small integer); the entry holds its other 23 bits and the reason, so a value never buried
   * reads as unknown but for a 1 in 2^23 chance when its key is taken. Another value with the same
   * key overwrites the entry (the older one then reads as unknown: a 1 in 2^30 chance per pair).
   * Never holds a live value: a value is buried only when it leaves `live`.
   */
  const tombstones = new Map<number, number>();
  /** The buried keys and entries in burial order, a ring of `tombstoneCap` pairs. */
  const buried = new Int32Array(2 * Math.max(0, tombstoneCap));
  let buriedNext = 0;
  let buriedCount = 0;
  /** The most recent refusals with their values, for the inspector (`listing`). */
  const recentCap = Math.min(Math.max(0, tombstoneCap), 256);
  const recent: string[] = [];
  let recentNext = 0;

  /** Each owner's live entries, in use order. */
  const owners = new Map<string, Owner<T>>();
  /**
   * Entries by expiry, a binary min-heap. An entry that leaves early (used up, revoked, evicted)
   * keeps its slot, marked `ended`, until it reaches the top or the heap is rebuilt.
   */
  let heap: Held<T>[] = [];
  let uses = 0;

  function unlink(owner: Owner<T>, entry: Held<T>): void {
    if (entry[older] === undefined) owner.oldest = entry[newer];
    else entry[older][newer] = entry[newer];
    if (entry[newer] === undefined) owner.newest = entry[older];
    else entry[newer][older] = entry[older];
    entry[older] = undefined;
    entry[newer] = undefined;
    owner.size--;
  }

  function append(owner: Owner<T>, entry: Held<T>): void {
    entry[older] = owner.newest;
    entry[newer] = undefined;
    if (owner.newest === undefined) owner.oldest = entry;
    else owner.newest[newer] = entry;
    owner.newest = entry;
    owner.size++;
  }

  /** Live entries, least recently used first (only the inspector and `entries()` ask). */
  const inUseOrder = () => [...live.values()].sort((a, b) => a.useOrder - b.useOrder);

  /** Removes a live entry, leaving a tombstone with the reason. */
  function drop(entry: Held<T>, reason: TokenRefusal): void {
    live.delete(entry.value);
    entry[ended] = true;
    // An owner's list stays when it empties: owners come from fixtures and authenticated identities
    // (a bounded set), and a client whose one token rotates would otherwise rebuild it every time.
    unlink(entry[holder], entry);
    bury(entry.value, reason);
  }

  function bury(value: string, reason: TokenRefusal): void {
    if (tombstoneCap <= 0) return;
    const h = hash53(value);
    const key = h % 1073741824;
    const stone = ((Math.floor(h / 1073741824) & 0x7fffff) << 2) | refusalIndex[reason];
    if (buriedCount === tombstoneCap) {
      // The oldest is forgotten, unless its key was buried again since.
      const oldKey = buried[2 * buriedNext] as number;
      if (tombstones.get(oldKey) === buried[2 * buriedNext + 1]) tombstones.delete(oldKey);
    } else buriedCount++;
    tombstones.set(key, stone);
    buried[2 * buriedNext] = key;
    buried[2 * buriedNext + 1] = stone;
    buriedNext = buriedNext + 1 === tombstoneCap ? 0 : buriedNext + 1;
    if (recentCap > 0) {
      if (recent.length < recentCap) recent.push(value);
      else recent[recentNext] = value;
      recentNext = recentNext + 1 === recentCap ? 0 : recentNext + 1;
    }
  }

  /** Why a dropped value was refused, while its tombstone lasts. */
  function buriedReason(value: string): TokenRefusal | undefined {
    if (tombstones.size === 0) return undefined;
    const h = hash53(value);
    const stone = tombstones.get(h % 1073741824);
    return stone !== undefined && stone >>> 2 === (Math.floor(h / 1073741824) & 0x7fffff)
      ? refusals[stone & 3]
      : undefined;
  }

  /** Forgets a value's tombstone (a value issued again, as a fixed value can be). */
  function unbury(value: string): void {
    if (buriedReason(value) !== undefined) tombstones.delete(hash53(value) % 1073741824);
  }

  function push(entry: Held<T>): void {
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Held<T>;
      if (p.expiresAt <= entry.expiresAt) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  function pop(): Held<T> | undefined {
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const lc = heap[l] as Held<T>;
      const rc = r < n ? (heap[r] as Held<T>) : undefined;
      const child = rc !== undefined && rc.expiresAt < lc.expiresAt ? r : l;
      const c = heap[child] as Held<T>;
      if (last.expiresAt <= c.expiresAt) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }

  /** Drops every entry whose expiry has passed; keeps the heap no larger than needed. */
  function sweep(now: number): void {
    while (heap.length > 0 && (heap[0] as Held<T>).expiresAt <= now) {
      const entry = pop() as Held<T>;
      if (!entry[ended]) drop(entry, 'token_expired');
    }
    // Entries that left early keep their slots: rebuild when they dominate.
    if (heap.length > 64 && heap.length > 2 * live.size) {
      heap = [];
      for (const entry of live.values()) push(entry);
    }
  }

  function check(value: string): TokenCheck<T> {
    const entry = live.get(value);
    if (entry === undefined) {
      return { ok: false, reason: buriedReason(value) ?? 'token_unknown' };
    }
    const now = clock.now();
    if (now >= entry.expiresAt) {
      drop(entry, 'token_expired');
      return { ok: false, reason: 'token_expired' };
    }
    entry.lastUsedAt = now;
    entry.useOrder = ++uses;
    // Moved to its owner's most recent end; a token used over and over is already there.
    const mine = entry[holder];
    if (mine.newest !== entry) {
      unlink(mine, entry);
      append(mine, entry);
    }
    return { ok: true, entry };
  }

  function revoke(value: string, reason: TokenRefusal = 'token_revoked'): boolean {
    const entry = live.get(value);
    if (entry === undefined) return false;
    drop(entry, reason);
    return true;
  }

  const store: TokenStore<T> = {
    issue(data, { ttlSeconds, value, limit }) {
      const now = clock.now();
      sweep(now);
      const owner = ownerOf(data);
      let mine = owners.get(owner);
      if (mine === undefined) {
        mine = { oldest: undefined, newest: undefined, size: 0 };
        owners.set(owner, mine);
      } else {
        // Room for one more: the owner's own least recently used go first.
        const cap = limit === undefined ? maxPerOwner : Math.max(1, Math.min(limit, maxPerOwner));
        while (mine.size >= cap) {
          const oldest = mine.oldest as Held<T>;
          drop(oldest, 'token_evicted');
          onEvict?.(oldest);
        }
      }
      let token: string;
      if (value === undefined && bytes >= 16) {
        // 128 random bits or more (256 by default): never a live value and never a tombstone.
        token = randomToken(bytes);
      } else {
        token = value ?? randomToken(bytes);
        const previous = live.get(token);
        if (previous !== undefined) drop(previous, 'token_revoked');
        unbury(token);
      }
      const entry = new Held<T>(token, data, now, now + Math.round(ttlSeconds * 1000), owner, mine, ++uses);
      live.set(token, entry);
      append(mine, entry);
      push(entry);
      return entry;
    },
    check,
    take(value) {
      const result = check(value);
      if (result.ok) revoke(value);
      return result;
    },
    revoke,
    revokeWhere(predicate, reason = 'token_revoked') {
      let n = 0;
      for (const entry of [...live.values()]) {
        if (predicate(entry.data) && revoke(entry.value, reason)) n++;
      }
      return n;
    },
    entries() {
      const now = clock.now();
      return inUseOrder().filter((e) => e.expiresAt > now);
    },
    listing(recentRefusals = 50) {
      const refused: { value: string; reason: TokenRefusal }[] = [];
      const seen = new Set<string>();
      // Newest first round the ring, each value once and only while its tombstone lasts.
      for (let i = 1; i <= recent.length && refused.length < recentRefusals; i++) {
        const value = recent[(recentNext - i + recent.length) % recent.length] as string;
        if (seen.has(value)) continue;
        seen.add(value);
        const reason = live.has(value) ? undefined : buriedReason(value);
        if (reason !== undefined) refused.push({ value, reason });
      }
      return { held: inUseOrder(), refused: refused.reverse() };
    },
    get size() {
      return live.size;
    },
    clear() {
      live.clear();
      owners.clear();
      tombstones.clear();
      heap = [];
      buriedNext = 0;
      buriedCount = 0;
      recent.length = 0;
      recentNext = 0;
    },
  };
  internals.set(store, () => ({ heapSlots: heap.length, tombstones: tombstones.size }));
  return store;
}
