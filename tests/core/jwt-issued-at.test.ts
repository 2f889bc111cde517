/** A JWT whose `iat` is after the clock's now is refused, as tymon/jwt-auth refuses it. */
import { describe, expect, it } from 'vitest';
import { createClock } from '../../mocks/core/clock.js';
import { createJwtIssuer } from '../../mocks/core/jwt.js';

describe('JWT issued-at check', () => {
  it('refuses a token its own issuer signed while the clock is before its iat, and takes it again after', async () => {
    const clock = createClock();
    const jwt = createJwtIssuer({ clock, issuer: 'https://issuer.test' });
    const { token } = await jwt.sign({}, 600);
    clock.advance(-30);
    expect(await jwt.verify(token)).toEqual({ ok: false, reason: 'token_unknown' });
    clock.advance(30);
    expect(await jwt.verify(token)).toMatchObject({ ok: true });
  });

  it('refuses a future iat on a token it has not seen before (the full verification path)', async () => {
    const secret = new Uint8Array(32).fill(7);
    const signer = createJwtIssuer({ clock: createClock(), issuer: 'https://issuer.test', secret });
    const { token } = await signer.sign({}, 600);
    const behind = createClock();
    behind.advance(-30);
    const verifier = createJwtIssuer({ clock: behind, issuer: 'https://issuer.test', secret });
    expect(await verifier.verify(token)).toEqual({ ok: false, reason: 'token_unknown' });
    behind.advance(30);
    expect(await verifier.verify(token)).toMatchObject({ ok: true });
  });
});
