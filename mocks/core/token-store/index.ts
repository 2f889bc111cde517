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
 *
 * The parts: `owners.ts` (the entries and each owner's use order), `heap.ts` (the expiry order),
 * `tombstones.ts` (what is kept of a refused token); this file puts them together.
 */
import type { Clock } from '../clock.js';
import { isDryRun, refuseInDryRun } from '../dry-run.js';
import { randomToken } from '../random.js';
import { ExpiryHeap } from './heap.js';
import { append, ended, Held, holder, type Owner, unlink } from './owners.js';
import { type TokenRefusal, Tombstones } from './tombstones.js';

export type { TokenRefusal } from './tombstones.js';

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
  const maxPerOwner = Math.max(1, options.maxPerOwner ?? defaultMaxTokensPerOwner);
  const bytes = options.bytes ?? 32;
  /** Every live entry, by value (in issue order; use order is kept per owner, see `Owner`). */
  const live = new Map<string, Held<T>>();
  /** What is kept of refused values. Never holds a live value: a value is buried only when it leaves `live`. */
  const tombstones = new Tombstones(options.tombstones ?? 10_000);
  /** Each owner's live entries, in use order. */
  const owners = new Map<string, Owner<T>>();
  /**
   * Entries by expiry. An entry that leaves early (used up, revoked, evicted) keeps its slot,
   * marked `ended`, until it reaches the top or the heap is rebuilt.
   */
  const heap = new ExpiryHeap<Held<T>>();
  let uses = 0;

  /** Live entries, least recently used first (only the inspector and `entries()` ask). */
  const inUseOrder = () => [...live.values()].sort((a, b) => a.useOrder - b.useOrder);

  /** Removes a live entry, leaving a tombstone with the reason. */
  function drop(entry: Held<T>, reason: TokenRefusal): void {
    live.delete(entry.value);
    entry[ended] = true;
    // An owner's list stays when it empties: owners come from fixtures and authenticated identities
    // (a bounded set), and a client whose one token rotates would otherwise rebuild it every time.
    unlink(entry[holder], entry);
    tombstones.bury(entry.value, reason);
  }

  /** Drops every entry whose expiry has passed; keeps the heap no larger than needed. */
  function sweep(now: number): void {
    for (let top = heap.peek(); top !== undefined && top.expiresAt <= now; top = heap.peek()) {
      heap.pop();
      if (!top[ended]) drop(top, 'token_expired');
    }
    // Entries that left early keep their slots: rebuild when they dominate.
    if (heap.length > 64 && heap.length > 2 * live.size) heap.rebuild(live.values());
  }

  function check(value: string): TokenCheck<T> {
    const entry = live.get(value);
    if (entry === undefined) {
      return { ok: false, reason: tombstones.reason(value) ?? 'token_unknown' };
    }
    const now = clock.now();
    // A dry run only looks: the check is made again, with its effects, when the log applies it.
    const dry = isDryRun();
    if (now >= entry.expiresAt) {
      if (!dry) drop(entry, 'token_expired');
      return { ok: false, reason: 'token_expired' };
    }
    if (dry) return { ok: true, entry };
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
    refuseInDryRun('revoke a token');
    const entry = live.get(value);
    if (entry === undefined) return false;
    drop(entry, reason);
    return true;
  }

  const store: TokenStore<T> = {
    issue(data, { ttlSeconds, value, limit }) {
      refuseInDryRun('issue a token');
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
        tombstones.unbury(token);
      }
      const entry = new Held<T>(token, data, now, now + Math.round(ttlSeconds * 1000), owner, mine, ++uses);
      live.set(token, entry);
      append(mine, entry);
      heap.push(entry);
      return entry;
    },
    check,
    take(value) {
      refuseInDryRun('use up a token');
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
      return {
        held: inUseOrder(),
        refused: tombstones.recentRefusals(recentRefusals, (value) => live.has(value)),
      };
    },
    get size() {
      return live.size;
    },
    clear() {
      refuseInDryRun('clear a token store');
      live.clear();
      owners.clear();
      tombstones.clear();
      heap.clear();
    },
  };
  internals.set(store, () => ({ heapSlots: heap.length, tombstones: tombstones.size }));
  return store;
}
