/**
 * The calls a replica appends to the log: two calls count as the same (and the second goes as a
 * repeat, `=`) exactly when they would serialise alike, whatever fields differ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReplicatedCall, sameCall } from '../../mocks/doors/http/replicated.js';

const small = (values: readonly string[]) => fc.constantFrom(...values);
const call: fc.Arbitrary<ReplicatedCall> = fc
  .record({
    k: fc.constantFrom('p' as const, 'c' as const),
    w: fc.option(small(['w1', 'w2']), { nil: null }),
    ip: fc.boolean(),
    m: small(['GET', 'HEAD']),
    f: small(['api.eventbookings.com', 'api.eventix.io']),
    r: small(['/me', '/event']),
    s: small(['', 'page=2']),
    o: small(['http://127.0.0.1:1', 'http://127.0.0.1:2']),
    px: fc.boolean(),
    h: fc.dictionary(small(['host', 'authorization', 'company', 'accept']), small(['a', 'b']), { maxKeys: 4 }),
    b: fc.option(small(['eA==', 'eQ==']), { nil: undefined }),
    big: fc.option(fc.constant(true as const), { nil: undefined }),
    j: fc.option(fc.record({ time: fc.constantFrom(1, 2), status: fc.constantFrom(200, 204) }), { nil: undefined }),
  })
  .map((c) => {
    // As callOf builds it: optional fields absent rather than undefined.
    const out = { ...c } as Record<string, unknown>;
    for (const key of ['b', 'big', 'j']) if (out[key] === undefined) delete out[key];
    return out as unknown as ReplicatedCall;
  });

/** `a` with one field taken from `other` (or its headers in reverse order): a near miss, or the same. */
const fields = ['k', 'w', 'ip', 'm', 'f', 'r', 's', 'o', 'px', 'h', 'b', 'big', 'j', 'order'] as const;
const nearMiss = fc.tuple(call, call, fc.constantFrom(...fields)).map(([a, other, field]) => {
  const b = structuredClone(a) as unknown as Record<string, unknown>;
  if (field === 'order') b.h = Object.fromEntries(Object.entries(a.h).reverse());
  else if ((other as unknown as Record<string, unknown>)[field] === undefined) delete b[field];
  else b[field] = (other as unknown as Record<string, unknown>)[field];
  return [a, b as unknown as ReplicatedCall] as const;
});

describe('sameCall', () => {
  it('holds exactly when the two calls serialise alike', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(call, call), nearMiss), ([a, b]) => {
        expect(sameCall(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 3000 },
    );
  });
});
