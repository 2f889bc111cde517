/**
 * JWTs signed with jose (Web Crypto: runs in the browser worker too). Verification is pinned to
 * the one algorithm issued and reads the shared clock, so `alg: none`, a foreign key, a
 * tampered payload and an expired token are all refused with a stable code.
 *
 * Two things keep this off the standalone server's critical paths: jose is imported on first use
 * (not at start-up), and a token whose signature and claims have been verified once is
 * remembered, so presenting it again re-checks only the time-bound claims (`exp`, `nbf`) against
 * the clock instead of running Web Crypto's HMAC again.
 */
import type { JWTPayload } from 'jose';
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

let jose: Promise<typeof import('jose')> | undefined;
const loadJose = () => {
  jose ??= import('jose');
  return jose;
};

/** How many verified tokens an issuer remembers (the oldest is forgotten first). */
const verifiedCapacity = 1024;

export function createJwtIssuer(options: JwtIssuerOptions): JwtIssuer {
  const { clock, issuer, audience } = options;
  const key = options.secret ?? crypto.getRandomValues(new Uint8Array(32));
  /** Verified token → its time-bound claims and its payload as JSON (each caller gets a fresh copy). */
  const verified = new Map<string, { exp: number | undefined; nbf: number | undefined; json: string }>();
  return {
    async sign(claims, ttlSeconds) {
      const { SignJWT } = await loadJose();
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
      const known = verified.get(token);
      if (known !== undefined) {
        // The same checks jose makes of the time-bound claims (clockTolerance 0).
        const now = epochSeconds(clock.now());
        if (known.nbf !== undefined && known.nbf > now) return { ok: false, reason: 'token_unknown' };
        if (known.exp !== undefined && known.exp <= now) return { ok: false, reason: 'token_expired' };
        return { ok: true, payload: JSON.parse(known.json) as JWTPayload };
      }
      const { errors, jwtVerify } = await loadJose();
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [alg],
          issuer,
          ...(audience === undefined ? {} : { audience }),
          currentDate: new Date(clock.now()),
          clockTolerance: 0,
        });
        if (verified.size >= verifiedCapacity) verified.delete(verified.keys().next().value as string);
        verified.set(token, { exp: payload.exp, nbf: payload.nbf, json: JSON.stringify(payload) });
        return { ok: true, payload };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, reason: 'token_expired' };
        return { ok: false, reason: 'token_unknown' };
      }
    },
  };
}
