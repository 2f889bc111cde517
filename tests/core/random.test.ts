import { describe, expect, it } from 'vitest';
import { randomUuidV7 } from '../../mocks/core/index.js';

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
