/**
 * The token store's expiry order: a binary min-heap of entries by `expiresAt`. An entry that
 * leaves the store early (used up, revoked, evicted) keeps its slot until it reaches the top or
 * the heap is rebuilt; the store marks it and skips it (see `sweep` in `index.ts`).
 */
export class ExpiryHeap<E extends { readonly expiresAt: number }> {
  private slots: E[] = [];

  /** Slots held, entries that already left the store included. */
  get length(): number {
    return this.slots.length;
  }

  /** The entry that expires first, without removing it. */
  peek(): E | undefined {
    return this.slots[0];
  }

  push(entry: E): void {
    const heap = this.slots;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as E;
      if (p.expiresAt <= entry.expiresAt) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  pop(): E | undefined {
    const heap = this.slots;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const lc = heap[l] as E;
      const rc = r < n ? (heap[r] as E) : undefined;
      const child = rc !== undefined && rc.expiresAt < lc.expiresAt ? r : l;
      const c = heap[child] as E;
      if (last.expiresAt <= c.expiresAt) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }

  /** Starts over with exactly these entries, pushed in the order given. */
  rebuild(entries: Iterable<E>): void {
    this.slots = [];
    for (const entry of entries) this.push(entry);
  }

  clear(): void {
    this.slots = [];
  }
}
