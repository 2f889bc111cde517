import { describe, expect, it } from 'vitest';
import { createClock } from '../../mocks/core/clock.js';
import { createTokenStore } from '../../mocks/core/token-store.js';

function setup(options: { tombstones?: number } = {}) {
  let real = 1_700_000_000_000;
  const clock = createClock({ source: () => real });
  const store = createTokenStore<{ who: string }>({ clock, ...options });
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

  it('caps a group: issuing past the limit revokes the least recently used token and reports it', () => {
    let real = 1_700_000_000_000;
    const clock = createClock({ source: () => real });
    const evicted: string[] = [];
    const store = createTokenStore<{ who: string }>({ clock, onEvict: (e) => evicted.push(e.data.who) });
    const cap = { group: 'user/client', limit: 3 };
    const a = store.issue({ who: 'a' }, { ttlSeconds: 60, cap });
    const b = store.issue({ who: 'b' }, { ttlSeconds: 60, cap });
    const c = store.issue({ who: 'c' }, { ttlSeconds: 60, cap });
    // Another group is not counted.
    const other = store.issue({ who: 'x' }, { ttlSeconds: 60, cap: { group: 'other', limit: 3 } });
    expect(store.check(a.value).ok).toBe(true); // a is now more recently used than b and c (same ms)
    const d = store.issue({ who: 'd' }, { ttlSeconds: 60, cap });
    expect(evicted).toEqual(['b']);
    expect(store.check(b.value)).toEqual({ ok: false, reason: 'token_revoked' });
    for (const t of [a, c, d, other]) expect(store.check(t.value).ok).toBe(true);
    // Revoked and expired members free their places without evicting anyone.
    store.revoke(c.value);
    store.issue({ who: 'e' }, { ttlSeconds: 60, cap });
    expect(evicted).toEqual(['b']);
    real += 61_000;
    store.issue({ who: 'f' }, { ttlSeconds: 60, cap });
    store.issue({ who: 'g' }, { ttlSeconds: 60, cap });
    store.issue({ who: 'h' }, { ttlSeconds: 60, cap });
    expect(evicted).toEqual(['b']);
    store.issue({ who: 'i' }, { ttlSeconds: 60, cap });
    expect(evicted).toEqual(['b', 'f']);
  });

  it('holds at most maxLive tokens: past it, the least recently used one goes', () => {
    const clock = createClock({ source: () => 1_700_000_000_000 });
    const store = createTokenStore<{ who: string }>({ clock, maxLive: 3 });
    const a = store.issue({ who: 'a' }, { ttlSeconds: 60 });
    const b = store.issue({ who: 'b' }, { ttlSeconds: 60 });
    const c = store.issue({ who: 'c' }, { ttlSeconds: 60 });
    expect(store.check(a.value).ok).toBe(true); // a is in use: b is now the least recently used
    const d = store.issue({ who: 'd' }, { ttlSeconds: 60 });
    expect(store.size).toBe(3);
    expect(store.check(b.value)).toEqual({ ok: false, reason: 'token_revoked' });
    for (const t of [a, c, d]) expect(store.check(t.value).ok).toBe(true);
    // Expired entries still leave through the heap sweep.
    clock.set(1_700_000_000_000 + 61_000);
    store.issue({ who: 'e' }, { ttlSeconds: 60 });
    expect(store.size).toBe(1);
  });

  it('forgets everything on clear', () => {
    const { store } = setup();
    const { value } = store.issue({ who: 'a' }, { ttlSeconds: 60 });
    store.clear();
    expect(store.check(value)).toEqual({ ok: false, reason: 'token_unknown' });
  });
});
