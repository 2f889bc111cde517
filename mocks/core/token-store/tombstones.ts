/**
 * What the token store remembers of a refused token: a small tombstone with why it was refused
 * (expired, revoked, used up, evicted), so the journal can say so rather than "unknown". Capped,
 * forgotten in burial order; the most recent refusals also keep their values, for the inspector.
 */
import type { MockErrorCode } from '../errors.js';
import { hash53 } from '../hash.js';

export type TokenRefusal = Extract<
  MockErrorCode,
  'token_unknown' | 'token_expired' | 'token_revoked' | 'token_evicted'
>;

/** A tombstone's reason as two bits. */
const refusals: readonly TokenRefusal[] = ['token_unknown', 'token_expired', 'token_revoked', 'token_evicted'];
const refusalIndex: Readonly<Record<TokenRefusal, number>> = {
  token_unknown: 0,
  token_expired: 1,
  token_revoked: 2,
  token_evicted: 3,
};

/**
 * A map from 30-bit keys to stones (small non-negative integers): open addressing with linear
 * probing in two typed arrays, grown by doubling, never shrunk. It replaces a `Map<number, number>`
 * that, at the tombstone cap, took a set, a get and a delete per burial and rebuilt its table
 * (a fresh ~400 KB array for 10,000 entries) every few thousand burials as deleted slots piled up;
 * here a delete shifts the entries after it back, so no slot is ever left deleted. Keys are the
 * low bits of a well-mixed hash, so a key's own low bits are its home slot.
 */
class StoneTable {
  /** key + 1 per slot (0: empty). */
  private keys = new Int32Array(16);
  private stones = new Int32Array(16);
  private mask = 15;
  size = 0;

  /** The slot holding `key`, or -1. */
  private find(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    const wanted = key + 1;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const k = keys[i] as number;
      if (k === wanted) return i;
      if (k === 0) return -1;
    }
  }

  get(key: number): number | undefined {
    const i = this.find(key);
    return i === -1 ? undefined : this.stones[i];
  }

  set(key: number, stone: number): void {
    // At most half full, so a probe always ends on an empty slot.
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = this.mask;
    const wanted = key + 1;
    let i = key & mask;
    for (;;) {
      const k = keys[i] as number;
      if (k === wanted) break;
      if (k === 0) {
        keys[i] = wanted;
        this.size++;
        break;
      }
      i = (i + 1) & mask;
    }
    this.stones[i] = stone;
  }

  delete(key: number): void {
    let i = this.find(key);
    if (i === -1) return;
    const keys = this.keys;
    const stones = this.stones;
    const mask = this.mask;
    // Every later entry of the probe run whose home does not lie cyclically in (i, j] moves back to i.
    for (let j = (i + 1) & mask; keys[j] !== 0; j = (j + 1) & mask) {
      const home = ((keys[j] as number) - 1) & mask;
      if (i <= j ? i < home && home <= j : i < home || home <= j) continue;
      keys[i] = keys[j] as number;
      stones[i] = stones[j] as number;
      i = j;
    }
    keys[i] = 0;
    this.size--;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldStones = this.stones;
    this.keys = new Int32Array(2 * oldKeys.length);
    this.stones = new Int32Array(2 * oldKeys.length);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i] as number;
      if (k !== 0) this.set(k - 1, oldStones[i] as number);
    }
  }

  clear(): void {
    this.keys.fill(0);
    this.size = 0;
  }
}

export class Tombstones {
  /**
   * Refused values with why, by a 53-bit hash of the value (`hash53`), never the value itself: a map
   * of ten thousand token strings keeps each string alive through young-generation collections and
   * into the old one (measured: ~1.5 µs of GC work per refusal). The key is the hash's low 30 bits
   * (a small integer); the entry holds its other 23 bits and the reason, so a value never buried
   * reads as unknown but for a 1 in 2^23 chance when its key is taken. Another value with the same
   * key overwrites the entry (the older one then reads as unknown: a 1 in 2^30 chance per pair).
   * Never holds a live value: the store buries a value only when it leaves its live entries.
   */
  private readonly stones = new StoneTable();
  /** The buried keys and entries in burial order, a ring of `cap` pairs. */
  private readonly buried: Int32Array;
  private buriedNext = 0;
  private buriedCount = 0;
  /** The most recent refusals with their values, for the inspector (`recentRefusals`). */
  private readonly recentCap: number;
  private readonly recent: string[] = [];
  private recentNext = 0;

  /** `cap`: how many refused values keep their reason (0: none). */
  constructor(private readonly cap: number) {
    this.buried = new Int32Array(2 * Math.max(0, cap));
    this.recentCap = Math.min(Math.max(0, cap), 256);
  }

  /** Tombstones held. */
  get size(): number {
    return this.stones.size;
  }

  bury(value: string, reason: TokenRefusal): void {
    const cap = this.cap;
    if (cap <= 0) return;
    const h = hash53(value);
    const key = h % 1073741824;
    const stone = ((Math.floor(h / 1073741824) & 0x7fffff) << 2) | refusalIndex[reason];
    const buried = this.buried;
    const next = this.buriedNext;
    if (this.buriedCount === cap) {
      // The oldest is forgotten, unless its key was buried again since.
      const oldKey = buried[2 * next] as number;
      if (this.stones.get(oldKey) === buried[2 * next + 1]) this.stones.delete(oldKey);
    } else this.buriedCount++;
    this.stones.set(key, stone);
    buried[2 * next] = key;
    buried[2 * next + 1] = stone;
    this.buriedNext = next + 1 === cap ? 0 : next + 1;
    const recentCap = this.recentCap;
    if (recentCap > 0) {
      if (this.recent.length < recentCap) this.recent.push(value);
      else this.recent[this.recentNext] = value;
      this.recentNext = this.recentNext + 1 === recentCap ? 0 : this.recentNext + 1;
    }
  }

  /** Why a dropped value was refused, while its tombstone lasts. */
  reason(value: string): TokenRefusal | undefined {
    if (this.stones.size === 0) return undefined;
    const h = hash53(value);
    const stone = this.stones.get(h % 1073741824);
    return stone !== undefined && stone >>> 2 === (Math.floor(h / 1073741824) & 0x7fffff)
      ? refusals[stone & 3]
      : undefined;
  }

  /** Forgets a value's tombstone (a value issued again, as a fixed value can be). */
  unbury(value: string): void {
    if (this.reason(value) !== undefined) this.stones.delete(hash53(value) % 1073741824);
  }

  /**
   * The most recent refusals, at most `count`, oldest first: newest first round the ring, each
   * value once and only while its tombstone lasts and it is not live again.
   */
  recentRefusals(count: number, isLive: (value: string) => boolean): { value: string; reason: TokenRefusal }[] {
    const refused: { value: string; reason: TokenRefusal }[] = [];
    const seen = new Set<string>();
    const recent = this.recent;
    for (let i = 1; i <= recent.length && refused.length < count; i++) {
      const value = recent[(this.recentNext - i + recent.length) % recent.length] as string;
      if (seen.has(value)) continue;
      seen.add(value);
      const reason = isLive(value) ? undefined : this.reason(value);
      if (reason !== undefined) refused.push({ value, reason });
    }
    return refused.reverse();
  }

  clear(): void {
    this.stones.clear();
    this.buriedNext = 0;
    this.buriedCount = 0;
    this.recent.length = 0;
    this.recentNext = 0;
  }
}
