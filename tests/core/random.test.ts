import { describe, expect, it } from 'vitest';
import { randomUuid, randomUuidV7 } from '../../mocks/core/index.js';

describe('randomUuidV7', () => {
  it('carries the given time in its first 48 bits, version 7 and the RFC 9562 variant', () => {
    const ms = Date.parse('2027-08-20T14:00:00.123Z');
    const id = randomUuidV7(ms);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });

  it('differs between two calls at the same millisecond', () => {
    expect(randomUuidV7(0)).not.toBe(randomUuidV7(0));
  });
});

describe('randomUuid', () => {
  it('is a lowercase version 4 UUID with the RFC 9562 variant, as crypto.randomUUID answers', () => {
    const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(crypto.randomUUID()).toMatch(shape);
    const ids = Array.from({ length: 5000 }, () => randomUuid());
    for (const id of ids) expect(id).toMatch(shape);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every hex digit in the random positions (no byte is dropped or repeated)', () => {
    const seen = Array.from({ length: 32 }, () => new Set<string>());
    for (let n = 0; n < 2000; n++) {
      const hex = randomUuid().replace(/-/g, '');
      for (let i = 0; i < 32; i++) seen[i]?.add(hex[i] as string);
    }
    // Fixed: the version nibble (12) and the variant's top bits (16 takes 8, 9, a or b).
    expect(seen[12]?.size).toBe(1);
    expect(seen[16]?.size).toBe(4);
    for (const [i, digits] of seen.entries()) if (i !== 12 && i !== 16) expect(digits.size, `position ${i}`).toBe(16);
  });
});
