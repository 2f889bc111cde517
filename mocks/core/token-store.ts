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

interface Held<T> extends TokenEntry<T> {
  /** Order of last use (a counter, so uses within one millisecond still order). */
  useOrder: number;
  /** Neighbours in its owner's use order (a doubly linked list: a use or an eviction is O(1)). */
  [older]: Held<T> | undefined;
  [newer]: Held<T> | undefined;
}

/** One owner's live entries, least recently used (`oldest`) to most recently used (`newest`). */
interface Owner<T> {
  oldest: Held<T> | undefined;
  newest: Held<T> | undefined;
  size: number;
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

interface HeapItem {
  expiresAt: number;
  value: string;
}

export function createTokenStore<T>(options: TokenStoreOptions<T>): TokenStore<T> {
  const { clock, ownerOf } = options;
  const tombstoneCap = options.tombstones ?? 10_000;
  const maxPerOwner = Math.max(1, options.maxPerOwner ?? defaultMaxTokensPerOwner);
  const bytes = options.bytes ?? 32;
  /** Every live entry, by value (in issue order; use order is kept per owner, see `Owner`). */
  const live = new Map<string, Held<T>>();
  const tombstones = new Map<string, TokenRefusal>();
  /**
   * The buried values in burial order, a ring of `tombstoneCap` slots: the oldest is forgotten by
   * index, not by iterating the map from its start (which, after many deletions at the front,
   * walks every hole V8 leaves there until the table is rebuilt).
   */
  const buried: (string | undefined)[] = [];
  let buriedNext = 0;
  /** Each owner's live entries, in use order. */
  const owners = new Map<string, Owner<T>>();
  let heap: HeapItem[] = [];
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
    const mine = owners.get(entry.owner);
    if (mine !== undefined) {
      unlink(mine, entry);
      if (mine.size === 0) owners.delete(entry.owner);
    }
    bury(entry.value, reason);
  }

  /** Makes room for one more token of `owner`: its own least recently used go first. */
  function makeRoom(owner: string, limit: number): void {
    const mine = owners.get(owner);
    if (mine === undefined) return;
    while (mine.size >= limit) {
      const oldest = mine.oldest;
      if (oldest === undefined) break;
      drop(oldest, 'token_evicted');
      options.onEvict?.(oldest);
    }
  }

  function bury(value: string, reason: TokenRefusal): void {
    if (tombstoneCap <= 0) return;
    tombstones.delete(value);
    tombstones.set(value, reason);
    const forgotten = buried[buriedNext];
    buried[buriedNext] = value;
    buriedNext = (buriedNext + 1) % tombstoneCap;
    if (forgotten !== undefined && forgotten !== value) tombstones.delete(forgotten);
  }

  function push(item: HeapItem): void {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as HeapItem;
      if (p.expiresAt <= item.expiresAt) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  }

  function pop(): HeapItem | undefined {
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const lc = heap[l] as HeapItem;
      const rc = r < n ? (heap[r] as HeapItem) : undefined;
      const child = rc !== undefined && rc.expiresAt < lc.expiresAt ? r : l;
      const c = heap[child] as HeapItem;
      if (last.expiresAt <= c.expiresAt) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }

  /** Drops every entry whose expiry has passed; keeps the heap no larger than needed. */
  function sweep(now: number): void {
    while (heap.length > 0 && (heap[0] as HeapItem).expiresAt <= now) {
      const item = pop() as HeapItem;
      const entry = live.get(item.value);
      if (entry !== undefined && entry.expiresAt === item.expiresAt) drop(entry, 'token_expired');
    }
    // Revoked long-lived tokens leave stale heap items behind: rebuild when they dominate.
    if (heap.length > 64 && heap.length > 2 * live.size) {
      heap = [];
      for (const entry of live.values()) push({ expiresAt: entry.expiresAt, value: entry.value });
    }
  }

  function check(value: string): TokenCheck<T> {
    const entry = live.get(value);
    if (entry === undefined) {
      return { ok: false, reason: tombstones.get(value) ?? 'token_unknown' };
    }
    const now = clock.now();
    if (now >= entry.expiresAt) {
      drop(entry, 'token_expired');
      return { ok: false, reason: 'token_expired' };
    }
    entry.lastUsedAt = now;
    entry.useOrder = ++uses;
    // Moved to its owner's most recent end; a token used over and over is already there.
    const mine = owners.get(entry.owner);
    if (mine !== undefined && mine.newest !== entry) {
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

  return {
    issue(data, { ttlSeconds, value, limit }) {
      const now = clock.now();
      sweep(now);
      const owner = ownerOf(data);
      makeRoom(owner, Math.max(1, Math.min(limit ?? maxPerOwner, maxPerOwner)));
      const token = value ?? randomToken(bytes);
      const previous = live.get(token);
      if (previous !== undefined) drop(previous, 'token_revoked');
      const entry: Held<T> = {
        value: token,
        data,
        issuedAt: now,
        expiresAt: now + Math.round(ttlSeconds * 1000),
        lastUsedAt: now,
        owner,
        useOrder: ++uses,
        [older]: undefined,
        [newer]: undefined,
      };
      live.set(token, entry);
      let mine = owners.get(owner);
      if (mine === undefined) {
        mine = { oldest: undefined, newest: undefined, size: 0 };
        owners.set(owner, mine);
      }
      append(mine, entry);
      tombstones.delete(token);
      push({ expiresAt: entry.expiresAt, value: token });
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
      if (recentRefusals > 0) {
        const all = [...tombstones];
        for (const [value, reason] of all.slice(-recentRefusals)) refused.push({ value, reason });
      }
      return { held: inUseOrder(), refused };
    },
    get size() {
      return live.size;
    },
    clear() {
      live.clear();
      owners.clear();
      tombstones.clear();
      heap = [];
      buried.length = 0;
      buriedNext = 0;
    },
  };
}
