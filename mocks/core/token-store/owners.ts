/**
 * Entries as the token store holds them, and each owner's live entries in use order: a doubly
 * linked list per owner, so a use (move to the most recent end) or an eviction (take the least
 * recently used) is O(1). The links are symbol-keyed fields (docs/decisions/0003-symbol-fields.md).
 */
import type { TokenEntry } from './index.js';

/** Symbol keys, so an entry handed out still serialises to JSON (no cycle through its neighbours). */
export const older: unique symbol = Symbol('older');
export const newer: unique symbol = Symbol('newer');
export const holder: unique symbol = Symbol('holder');
export const ended: unique symbol = Symbol('ended');

/** One owner's live entries, least recently used (`oldest`) to most recently used (`newest`). */
export interface Owner<T> {
  oldest: Held<T> | undefined;
  newest: Held<T> | undefined;
  size: number;
}

/**
 * An entry as the store holds it: a class, so every entry shares one hidden class (an object
 * literal with computed symbol keys is built property by property) and the links below stay off
 * `JSON.stringify`.
 */
export class Held<T> implements TokenEntry<T> {
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

export function unlink<T>(owner: Owner<T>, entry: Held<T>): void {
  if (entry[older] === undefined) owner.oldest = entry[newer];
  else entry[older][newer] = entry[newer];
  if (entry[newer] === undefined) owner.newest = entry[older];
  else entry[newer][older] = entry[older];
  entry[older] = undefined;
  entry[newer] = undefined;
  owner.size--;
}

export function append<T>(owner: Owner<T>, entry: Held<T>): void {
  entry[older] = owner.newest;
  entry[newer] = undefined;
  if (owner.newest === undefined) owner.oldest = entry;
  else owner.newest[newer] = entry;
  owner.newest = entry;
  owner.size++;
}
