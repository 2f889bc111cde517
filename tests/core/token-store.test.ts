import { describe, expect, it } from 'vitest';
import { createClock } from '../../mocks/core/clock.js';
import { createTokenStore, tokenStoreInternals } from '../../mocks/core/token-store.js';

/** Test data: `owner` names the tenant a token counts against (one shared owner by default). */
type Data = { who: string; owner?: string };
const ownerOf = (d: Data) => d.owner ?? 'tenant';

function setup(options: { tombstones?: number } = {}) {
  let real = 1_700_000_000_000;
  const clock = createClock({ source: () => real });
  const store = createTokenStore<Data>({ clock, ownerOf, ...options });
  return { clock, store, tick: (ms: number) => (real += ms) };
}

describe('token store', () => {
  it('issues distinct 256-bit URL-safe tokens', () => {
    const { store } = setup();
    const values = new Set(Array.from({ length: 1000 }, () => store.issue({ who: 'a' }, { ttlSeconds: 60 }).value));
    expect(values.size).toBe(1000);
    for (const v of values) expect(v).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('accepts a token until its expiry on the injected clock, then reports it expired', () => {
    const { store, clock } = setup();
    const { value } = store.issue({ who: 'a' }, { ttlSeconds: 60 });
    clock.advance(59.999);
    expect(store.check(value)).toMatchObject({ ok: true, entry: { data: { who: 'a' } } });
    clock.advance(0.001);
    expect(store.check(value)).toEqual({ ok: false, reason: 'token_expired' });
    expect(store.check(value)).toEqual({ ok: false, reason: 'token_expired' });
    expect(store.check('never-issued')).toEqual({ ok: false, reason: 'token_unknown' });
  });

  it('lets a single-use token be taken once', () => {
    const { store } = setup();
    const { value } = store.issue({ who: 'a' }, { ttlSeconds: 60 });
    expect(store.take(value).ok).toBe(true);
    expect(store.take(value)).toEqual({ ok: false, reason: 'token_revoked' });
  });

  it('revokes by predicate', () => {
    const { store } = setup();
    const a = store.issue({ who: 'a' }, { ttlSeconds: 60 });
    const b = store.issue({ who: 'b' }, { ttlSeconds: 60 });
    expect(store.revokeWhere((d) => d.who === 'a')).toBe(1);
    expect(store.check(a.value)).toEqual({ ok: false, reason: 'token_revoked' });
    expect(store.check(b.value).ok).toBe(true);
  });

  it('keeps memory bounded under sustained issuance of short-lived tokens', () => {
    const { store, tick } = setup({ tombstones: 100 });
    for (let i = 0; i < 50_000; i++) {
      store.issue({ who: 'a' }, { ttlSeconds: 1 });
      tick(10);
    }
    // 1 s lifetime at one issuance per 10 ms: about 100 live at any time.
    expect(store.size).toBeLessThanOrEqual(101);
  });

  it('keeps memory bounded when long-lived tokens are revoked as fast as they are issued', () => {
    const { store } = setup({ tombstones: 100 });
    let previous = store.issue({ who: 'a' }, { ttlSeconds: 365 * 86400 });
    for (let i = 0; i < 20_000; i++) {
      const next = store.issue({ who: 'a' }, { ttlSeconds: 365 * 86400 });
      store.take(previous.value);
      previous = next;
    }
    expect(store.size).toBe(1);
    expect(store.entries()).toHaveLength(1);
  });

  it('caps an owner below the store default: past the limit its least recently used token is evicted and reported', () => {
    let real = 1_700_000_000_000;
    const clock = createClock({ source: () => real });
    const evicted: string[] = [];
    const store = createTokenStore<Data>({ clock, ownerOf, onEvict: (e) => evicted.push(e.data.who) });
    const mine = (who: string) => store.issue({ who, owner: 'user/client' }, { ttlSeconds: 60, limit: 3 });
    const a = mine('a');
    const b = mine('b');
    const c = mine('c');
    // Another owner is not counted.
    const other = store.issue({ who: 'x', owner: 'other' }, { ttlSeconds: 60, limit: 3 });
    expect(store.check(a.value).ok).toBe(true); // a is now more recently used than b and c (same ms)
    const d = mine('d');
    expect(evicted).toEqual(['b']);
    expect(store.check(b.value)).toEqual({ ok: false, reason: 'token_evicted' });
    for (const t of [a, c, d, other]) expect(store.check(t.value).ok).toBe(true);
    // Revoked and expired members free their places without evicting anyone.
    store.revoke(c.value);
    mine('e');
    expect(evicted).toEqual(['b']);
    real += 61_000;
    mine('f');
    mine('g');
    mine('h');
    expect(evicted).toEqual(['b']);
    mine('i');
    expect(evicted).toEqual(['b', 'f']);
  });

  it('bounds each owner, never the store: one owner issuing past maxPerOwner evicts only its own tokens', () => {
    const clock = createClock({ source: () => 1_700_000_000_000 });
    const store = createTokenStore<Data>({ clock, ownerOf, maxPerOwner: 3 });
    const victim = [1, 2, 3].map((i) => store.issue({ who: `v${i}`, owner: 'victim' }, { ttlSeconds: 60 }));
    const a = store.issue({ who: 'a', owner: 'flood' }, { ttlSeconds: 60 });
    const b = store.issue({ who: 'b', owner: 'flood' }, { ttlSeconds: 60 });
    expect(store.check(a.value).ok).toBe(true); // a is in use: b is now the flood's least recently used
    for (let i = 0; i < 1000; i++) store.issue({ who: `f${i}`, owner: 'flood' }, { ttlSeconds: 60 });
    expect(store.size).toBe(6);
    expect(store.check(b.value)).toEqual({ ok: false, reason: 'token_evicted' });
    for (const t of victim) expect(store.check(t.value).ok).toBe(true);
    // The victim's own fourth token evicts its own least recently used one.
    store.issue({ who: 'v4', owner: 'victim' }, { ttlSeconds: 60 });
    expect(store.check((victim[0] as { value: string }).value)).toEqual({ ok: false, reason: 'token_evicted' });
    // Expired entries still leave through the heap sweep.
    clock.set(1_700_000_000_000 + 61_000);
    store.issue({ who: 'e', owner: 'victim' }, { ttlSeconds: 60 });
    expect(store.size).toBe(1);
  });

  it('forgets everything on clear', () => {
    const { store } = setup();
    const { value } = store.issue({ who: 'a' }, { ttlSeconds: 60 });
    store.clear();
    expect(store.check(value)).toEqual({ ok: false, reason: 'token_unknown' });
  });

  it('with short random tokens (bytes under 16), a repeated value replaces the older token', () => {
    const clock = createClock({ source: () => 1_700_000_000_000 });
    // 1 byte: two characters, 4,096 values, so 6,000 issuances repeat many; the cap evicts as it goes.
    const store = createTokenStore<Data>({ clock, ownerOf, bytes: 1, maxPerOwner: 1500 });
    const issued = Array.from({ length: 6000 }, () => store.issue({ who: 'a' }, { ttlSeconds: 60 }).value);
    expect(new Set(issued).size).toBeLessThan(issued.length);
    // Evicting an older token must never end a newer one that drew the same value.
    for (const value of issued.slice(-300)) expect(store.check(value).ok).toBe(true);
    expect(store.size).toBeLessThanOrEqual(1500);
  });

  it('sweeps tokens of mixed lifetimes in expiry order, whatever order they were issued in', () => {
    const { store, clock } = setup();
    // 300 lifetimes of 1 to 97 s in a scrambled order (a fixed permutation, so the test is repeatable).
    const lifetimes = Array.from({ length: 300 }, (_, i) => 1 + ((i * 37) % 97));
    for (const ttlSeconds of lifetimes) store.issue({ who: 'a' }, { ttlSeconds });
    for (let second = 1; second <= 100; second++) {
      clock.advance(1);
      // Issuing sweeps; the probe is long-lived and owned by someone else.
      store.issue({ who: 'probe', owner: 'probe' }, { ttlSeconds: 3600 });
      const unexpired = lifetimes.filter((ttl) => ttl > second).length;
      expect([second, store.size]).toEqual([second, unexpired + second]);
    }
  });

  it('sweeps a store whose only token has expired, and goes on issuing', () => {
    const { store, clock } = setup();
    store.issue({ who: 'a' }, { ttlSeconds: 1 });
    clock.advance(2);
    const next = store.issue({ who: 'b' }, { ttlSeconds: 1 });
    expect(store.size).toBe(1);
    clock.advance(2);
    store.issue({ who: 'c' }, { ttlSeconds: 1 });
    expect(store.size).toBe(1);
    expect(store.check(next.value)).toEqual({ ok: false, reason: 'token_expired' });
  });

  it('keeps the expiry heap bounded when long-lived tokens are revoked in floods', () => {
    const { store } = setup({ tombstones: 100 });
    const keep = store.issue({ who: 'keep' }, { ttlSeconds: 365 * 86400 });
    for (let round = 0; round < 20; round++) {
      const batch = Array.from({ length: 500 }, () => store.issue({ who: 'a' }, { ttlSeconds: 365 * 86400 }));
      for (const t of batch) store.revoke(t.value);
    }
    store.issue({ who: 'last' }, { ttlSeconds: 365 * 86400 });
    expect(store.size).toBe(2);
    // Revoked entries keep their heap slots only until they dominate (past 64 and twice the live count).
    expect(tokenStoreInternals(store).heapSlots).toBeLessThanOrEqual(600);
    expect(store.check(keep.value).ok).toBe(true);
  });

  it('keeps at most `tombstones` refusal reasons: the oldest refused token then reads as unknown', () => {
    const { store } = setup({ tombstones: 100 });
    const revoked = Array.from({ length: 1000 }, () => store.issue({ who: 'a' }, { ttlSeconds: 60 }).value);
    for (const value of revoked) store.revoke(value);
    expect(tokenStoreInternals(store).tombstones).toBe(100);
    expect(store.check(revoked[0] as string)).toEqual({ ok: false, reason: 'token_unknown' });
    expect(store.check(revoked[899] as string)).toEqual({ ok: false, reason: 'token_unknown' });
    expect(store.check(revoked[900] as string)).toEqual({ ok: false, reason: 'token_revoked' });
    expect(store.check(revoked[999] as string)).toEqual({ ok: false, reason: 'token_revoked' });
  });

  it('lists at most 256 recent refusals however many are asked for, newest last', () => {
    const { store } = setup();
    const revoked = Array.from({ length: 1000 }, () => store.issue({ who: 'a' }, { ttlSeconds: 60 }).value);
    for (const value of revoked) store.revoke(value);
    const { refused } = store.listing(10_000);
    expect(refused).toHaveLength(256);
    expect(refused.at(0)).toEqual({ value: revoked[744], reason: 'token_revoked' });
    expect(refused.at(-1)).toEqual({ value: revoked[999], reason: 'token_revoked' });
    expect(store.listing().refused).toHaveLength(50);
  });

  it('lists live entries least recently used first, and drops expired ones from the list before any sweep', () => {
    const { store, clock } = setup();
    const a = store.issue({ who: 'a' }, { ttlSeconds: 10 });
    const b = store.issue({ who: 'b' }, { ttlSeconds: 60 });
    const c = store.issue({ who: 'c' }, { ttlSeconds: 60 });
    const who = () => store.entries().map((e) => e.data.who);
    expect(who()).toEqual(['a', 'b', 'c']);
    store.check(a.value);
    store.check(b.value);
    expect(who()).toEqual(['c', 'a', 'b']);
    clock.advance(10);
    // Exactly at its expiry a is refused, so it is not live; it is still held until a sweep.
    expect(who()).toEqual(['c', 'b']);
    expect(store.listing().held.map((e) => e.data.who)).toEqual(['c', 'a', 'b']);
    expect(store.size).toBe(3);
    expect(store.check(c.value).ok).toBe(true);
    expect(who()).toEqual(['b', 'c']);
  });

  it('keeps no refusal reasons when told to keep none: a refused token reads as unknown and none are listed', () => {
    const { store } = setup({ tombstones: 0 });
    const { value } = store.issue({ who: 'a' }, { ttlSeconds: 60 });
    store.revoke(value);
    expect(store.check(value)).toEqual({ ok: false, reason: 'token_unknown' });
    expect(store.listing().refused).toEqual([]);
    expect(tokenStoreInternals(store).tombstones).toBe(0);
  });

  it('tells whether revoke ended a live token', () => {
    const { store } = setup();
    const { value } = store.issue({ who: 'a' }, { ttlSeconds: 60 });
    expect([store.revoke('never-issued'), store.revoke(value), store.revoke(value)]).toEqual([false, true, false]);
  });

  it('keeps the newer reason of a value refused twice when the ring forgets the older one', () => {
    const { store, clock } = setup({ tombstones: 3 });
    const fixed = (ttlSeconds = 60) => store.issue({ who: 'v' }, { ttlSeconds, value: 'fixed-value' });
    store.revoke(fixed().value); // buried as revoked
    store.revoke(store.issue({ who: 'a' }, { ttlSeconds: 60 }).value);
    fixed(1); // issued again: its old tombstone is forgotten
    expect(tokenStoreInternals(store).tombstones).toBe(1);
    clock.advance(1);
    expect(store.check('fixed-value')).toEqual({ ok: false, reason: 'token_expired' }); // buried again, as expired
    // A fourth burial overwrites the ring slot of the first (revoked) one; the newer reason stays.
    store.revoke(store.issue({ who: 'b' }, { ttlSeconds: 60 }).value);
    expect(store.check('fixed-value')).toEqual({ ok: false, reason: 'token_expired' });
  });

  it('lists a value refused twice once, and not at all while it is live again', () => {
    const { store } = setup();
    const fixed = () => store.issue({ who: 'v' }, { ttlSeconds: 60, value: 'fixed-value' });
    store.revoke(fixed().value);
    const other = store.issue({ who: 'a' }, { ttlSeconds: 60 });
    store.revoke(other.value);
    store.revoke(fixed().value);
    expect(store.listing().refused).toEqual([
      { value: other.value, reason: 'token_revoked' },
      { value: 'fixed-value', reason: 'token_revoked' },
    ]);
    fixed();
    expect(store.listing().refused).toEqual([{ value: other.value, reason: 'token_revoked' }]);
    expect(store.listing(0).refused).toEqual([]);
  });

  it("keeps each refused value's reason exactly while its burial lasts, through thousands of burials, re-issues and forgettings", () => {
    // A model of the tombstones (a reason per value; the ring forgets the oldest burial, and with it
    // the value's reason unless the value was buried since with another reason; a re-issue forgets it)
    // against the store, with fixed values so re-issues happen, and one owner per value so none is evicted.
    const cap = 200;
    const { store } = setup({ tombstones: cap });
    const reasons = ['token_unknown', 'token_expired', 'token_revoked', 'token_evicted'] as const;
    let seed = 0x2545f491;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const model = new Map<string, string>();
    const ring: [string, string][] = [];
    const live = new Set<string>();
    const bury = (value: string, reason: string) => {
      if (ring.length === cap) {
        const [old, oldReason] = ring.shift() as [string, string];
        if (model.get(old) === oldReason) model.delete(old);
      }
      ring.push([value, reason]);
      model.set(value, reason);
    };
    const issue = (value: string) => {
      if (live.has(value)) bury(value, 'token_revoked');
      model.delete(value);
      live.add(value);
      store.issue({ who: value, owner: value }, { ttlSeconds: 3600, value });
    };
    for (let step = 0; step < 20_000; step++) {
      const value = `value-${random(600)}`;
      const action = random(4);
      if (action === 0) issue(value);
      else if (action === 1 && live.has(value)) {
        const reason = reasons[random(4)] as (typeof reasons)[number];
        expect(store.revoke(value, reason)).toBe(true);
        live.delete(value);
        bury(value, reason);
      } else if (live.has(value)) expect(store.check(value).ok).toBe(true);
      else expect(store.check(value)).toEqual({ ok: false, reason: model.get(value) ?? 'token_unknown' });
      if (step % 1000 === 0) expect(tokenStoreInternals(store).tombstones).toBe(model.size);
    }
    for (let i = 0; i < 600; i++) {
      const value = `value-${i}`;
      if (!live.has(value))
        expect(store.check(value)).toEqual({ ok: false, reason: model.get(value) ?? 'token_unknown' });
    }
    expect(tokenStoreInternals(store).tombstones).toBe(model.size);
  });
});
