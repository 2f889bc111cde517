import { decodeProtectedHeader, jwtVerify, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createClock } from '../../mocks/core/clock.js';
import { createJwtIssuer } from '../../mocks/core/jwt.js';

describe('clock', () => {
  it('runs in real time plus an offset that advance, set and reset move', () => {
    let real = 1_000_000;
    const clock = createClock({ source: () => real });
    clock.advance(10);
    expect(clock.now()).toBe(1_010_000);
    real += 500;
    expect(clock.now()).toBe(1_010_500);
    clock.set(5_000_000);
    expect(clock.now()).toBe(5_000_000);
    clock.reset();
    expect(clock.now()).toBe(real);
  });

  it('refuses a non-finite move and keeps its time', () => {
    const clock = createClock({ source: () => 1_000_000 });
    expect(() => clock.set(Number.NaN)).toThrow(RangeError);
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(clock.now()).toBe(1_000_000);
  });
});

describe('JWT issuer', () => {
  const setup = () => {
    const clock = createClock();
    return { clock, jwt: createJwtIssuer({ clock, issuer: 'https://issuer.test' }) };
  };

  it('signs HS256 tokens whose exp follows the clock, and verifies them', async () => {
    const { clock, jwt } = setup();
    const { token, exp } = await jwt.sign({ permissions: ['events.list'] }, 600);
    expect(exp).toBe(Math.floor(clock.now() / 1000) + 600);
    const result = await jwt.verify(token);
    expect(result).toMatchObject({ ok: true, payload: { permissions: ['events.list'], exp } });
  });

  it('refuses an expired token once the clock passes exp', async () => {
    const { clock, jwt } = setup();
    const { token } = await jwt.sign({}, 600);
    clock.advance(601);
    expect(await jwt.verify(token)).toEqual({ ok: false, reason: 'token_expired' });
  });

  it('a token verified before still expires with the clock, and never outlives its issuer', async () => {
    const { clock, jwt } = setup();
    const { token } = await jwt.sign({ permissions: ['events.list'] }, 600);
    for (let i = 0; i < 2; i++) expect(await jwt.verify(token)).toMatchObject({ ok: true });
    const first = await jwt.verify(token);
    if (first.ok) (first.payload.permissions as string[]).length = 0;
    expect(await jwt.verify(token)).toMatchObject({ ok: true, payload: { permissions: ['events.list'] } });
    clock.advance(599);
    expect(await jwt.verify(token)).toMatchObject({ ok: true });
    clock.advance(1);
    expect(await jwt.verify(token)).toEqual({ ok: false, reason: 'token_expired' });
    clock.advance(-600);
    expect(await jwt.verify(token)).toMatchObject({ ok: true });
    // Another issuer (a reset makes a new one) has another key and has verified nothing.
    const other = createJwtIssuer({ clock, issuer: 'https://issuer.test' });
    expect(await other.verify(token)).toEqual({ ok: false, reason: 'token_unknown' });
  });

  it('refuses tampered, foreign-key and alg:none tokens', async () => {
    const { jwt } = setup();
    const { token } = await jwt.sign({ role: 'user' }, 600);
    expect(await jwt.verify(token)).toMatchObject({ ok: true });
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ role: 'admin', iss: 'https://issuer.test' })).toString('base64url')}.${s}`;
    const foreign = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://issuer.test')
      .setExpirationTime('1h')
      .sign(new Uint8Array(32).fill(7));
    const none = new UnsecuredJWT({}).setIssuer('https://issuer.test').setExpirationTime('1h').encode();
    for (const bad of [forged, foreign, none, 'not.a.jwt', '']) {
      expect(await jwt.verify(bad)).toEqual({ ok: false, reason: 'token_unknown' });
    }
  });

  it("signs the same compact JWS with Node's HMAC as with Web Crypto, and jose verifies both", async () => {
    const clock = createClock({ source: () => 1_700_000_000_000 });
    const secret = new Uint8Array(32).fill(3);
    const options = { clock, issuer: 'https://issuer.test', audience: 'aud.test', secret };
    const byNode = await createJwtIssuer(options).sign({ sub: 'u1', permissions: ['a'] }, 600);
    const byWebCrypto = await createJwtIssuer({ ...options, webCrypto: true }).sign(
      { sub: 'u1', permissions: ['a'] },
      600,
    );
    for (const { token, exp } of [byNode, byWebCrypto]) {
      expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
      const { payload } = await jwtVerify(token, secret, {
        algorithms: ['HS256'],
        issuer: 'https://issuer.test',
        audience: 'aud.test',
        currentDate: new Date(clock.now()),
      });
      expect(payload).toMatchObject({ sub: 'u1', permissions: ['a'], iat: 1_700_000_000, exp });
      expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
      // Another issuer with the same key has remembered nothing: it verifies through jose.
      expect(await createJwtIssuer(options).verify(token)).toMatchObject({ ok: true, payload: { sub: 'u1' } });
    }
    expect(Object.keys(JSON.parse(Buffer.from(byNode.token.split('.')[1] as string, 'base64url').toString()))).toEqual(
      Object.keys(JSON.parse(Buffer.from(byWebCrypto.token.split('.')[1] as string, 'base64url').toString())),
    );
  });

  describe('time-bound claims, whether the issuer remembers the token or verifies it afresh', () => {
    const secret = new Uint8Array(32).fill(5);
    const at = (now: { ms: number }) => createClock({ source: () => now.ms });
    const issuers = (now: { ms: number }) => {
      const clock = at(now);
      const options = { clock, issuer: 'https://issuer.test', audience: 'aud.test', secret };
      return { signer: createJwtIssuer(options), fresh: () => createJwtIssuer(options) };
    };

    it.each(['remembered', 'fresh'] as const)(
      'a %s token is refused before nbf and at exp, accepted between',
      async (path) => {
        const now = { ms: 1_700_000_000_000 };
        const { signer, fresh } = issuers(now);
        const { token, exp } = await signer.sign({ nbf: 1_700_000_100 }, 600);
        expect(exp).toBe(1_700_000_600);
        const verify = () => (path === 'remembered' ? signer : fresh()).verify(token);
        expect(await verify()).toEqual({ ok: false, reason: 'token_unknown' });
        now.ms = 1_700_000_100_000;
        expect(await verify()).toMatchObject({ ok: true, payload: { nbf: 1_700_000_100, aud: 'aud.test' } });
        now.ms = 1_700_000_599_999;
        expect(await verify()).toMatchObject({ ok: true });
        now.ms = 1_700_000_600_000;
        expect(await verify()).toEqual({ ok: false, reason: 'token_expired' });
      },
    );

    it('rounds a fractional lifetime to whole seconds', async () => {
      const { signer } = issuers({ ms: 1_700_000_000_400 });
      expect((await signer.sign({}, 599.6)).exp).toBe(1_700_000_600);
      expect((await signer.sign({}, 599.4)).exp).toBe(1_700_000_599);
    });

    it('refuses a token for another audience or from another issuer signed with the same key', async () => {
      const clock = at({ ms: 1_700_000_000_000 });
      const mine = createJwtIssuer({ clock, issuer: 'https://issuer.test', audience: 'aud.test', secret });
      for (const other of [
        createJwtIssuer({ clock, issuer: 'https://issuer.test', audience: 'other.test', secret }),
        createJwtIssuer({ clock, issuer: 'https://other.test', audience: 'aud.test', secret }),
        createJwtIssuer({ clock, issuer: 'https://issuer.test', secret }),
      ]) {
        const { token } = await other.sign({}, 600);
        expect(await mine.verify(token)).toEqual({ ok: false, reason: 'token_unknown' });
      }
    });

    it('still verifies, and still expires, the first of more tokens than it remembers', async () => {
      const now = { ms: 1_700_000_000_000 };
      const { signer } = issuers(now);
      const first = await signer.sign({ n: 0 }, 600);
      for (let i = 1; i <= 1100; i++) await signer.sign({ n: i }, 600);
      expect(await signer.verify(first.token)).toMatchObject({ ok: true, payload: { n: 0 } });
      now.ms += 600_000;
      expect(await signer.verify(first.token)).toEqual({ ok: false, reason: 'token_expired' });
    });
  });
});
