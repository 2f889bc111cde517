/**
 * JWTs signed with jose (Web Crypto: runs in the browser worker too). Verification is pinned to
 * the one algorithm issued and reads the shared clock, so `alg: none`, a foreign key, a
 * tampered payload and an expired token are all refused with a stable code.
 */
import { errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Clock } from './clock.js';
import { epochSeconds } from './clock.js';
import type { TokenRefusal } from './token-store.js';

export interface JwtIssuer {
  sign(claims: JWTPayload, ttlSeconds: number): Promise<{ token: string; exp: number }>;
  verify(token: string): Promise<{ ok: true; payload: JWTPayload } | { ok: false; reason: TokenRefusal }>;
}

export interface JwtIssuerOptions {
  clock: Clock;
  issuer: string;
  audience?: string;
  /** HMAC key; a fresh random 256-bit key by default, so no two instances trust each other. */
  secret?: Uint8Array;
}

const alg = 'HS256';

export function createJwtIssuer(options: JwtIssuerOptions): JwtIssuer {
  const { clock, issuer, audience } = options;
  const key = options.secret ?? crypto.getRandomValues(new Uint8Array(32));
  return {
    async sign(claims, ttlSeconds) {
      const iat = epochSeconds(clock.now());
      const exp = iat + Math.round(ttlSeconds);
      let jwt = new SignJWT(claims)
        .setProtectedHeader({ alg, typ: 'JWT' })
        .setIssuer(issuer)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .setJti(crypto.randomUUID());
      if (audience !== undefined) jwt = jwt.setAudience(audience);
      return { token: await jwt.sign(key), exp };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [alg],
          issuer,
          ...(audience === undefined ? {} : { audience }),
          currentDate: new Date(clock.now()),
          clockTolerance: 0,
        });
        return { ok: true, payload };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, reason: 'token_expired' };
        return { ok: false, reason: 'token_unknown' };
      }
    },
  };
}
