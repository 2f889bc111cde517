/**
 * JWTs signed with jose (Web Crypto: runs in the browser worker too). Verification is pinned to
 * the one algorithm issued and reads the shared clock, so `alg: none`, a foreign key, a
 * tampered payload, an expired token and one issued after the clock's now (a future `iat`, which
 * tymon/jwt-auth refuses) are all refused with a stable code.
 *
 * Three things keep this off the standalone server's critical paths: jose is imported on first
 * use (not at start-up); a token whose signature and claims have been verified once (or that this
 * issuer signed) is remembered, so presenting it again re-checks only the time-bound claims
 * (`exp`, `nbf`) against the clock instead of running the HMAC again; and where Node's own crypto
 * is at hand (`process.getBuiltinModule`, Node 20.16+), signing is one synchronous HMAC-SHA256
 * (~5 µs) instead of Web Crypto's asynchronous one (~90 µs per token on Node 20, where every
 * `subtle.sign` is a job on the thread pool). The token is the same compact JWS either way
 * (`tests/core/clock-and-jwt.test.ts` verifies both with jose).
 */
import type * as NodeCrypto from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { Clock } from './clock.js';
import { epochSeconds } from './clock.js';
import { randomBytes, randomUuid } from './random.js';
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
  /** Sign with Web Crypto (through jose) even on Node, as in a browser. Default false. */
  webCrypto?: boolean;
}

const alg = 'HS256';

let jose: Promise<typeof import('jose')> | undefined;
const loadJose = () => {
  jose ??= import('jose');
  return jose;
};

/** How many verified tokens an issuer remembers (the oldest is forgotten first). */
const verifiedCapacity = 1024;

/**
 * Node's crypto module when running on Node (without an import a browser bundle would trip on);
 * undefined in a browser (or a bundler's `process` shim), where Web Crypto through jose signs.
 */
function nodeCrypto(): typeof NodeCrypto | undefined {
  const proc = (globalThis as { process?: Partial<NodeJS.Process> }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return undefined;
  return proc.getBuiltinModule('node:crypto') as typeof NodeCrypto | undefined;
}

/** `{"alg":"HS256","typ":"JWT"}` as base64url: the protected header of every token issued. */
const protectedHeader = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';

export function createJwtIssuer(options: JwtIssuerOptions): JwtIssuer {
  const { clock, issuer, audience } = options;
  const key = options.secret ?? randomBytes(32);
  /** Verified token → its time-bound claims and its payload as JSON (each caller gets a fresh copy). */
  const verified = new Map<
    string,
    { exp: number | undefined; nbf: number | undefined; iat: number | undefined; json: string }
  >();
  /** The remembered tokens in the order they were added: the oldest is forgotten first. */
  const order: (string | undefined)[] = new Array(verifiedCapacity);
  let added = 0;
  const remember = (
    token: string,
    exp: number | undefined,
    nbf: number | undefined,
    iat: number | undefined,
    json: string,
  ) => {
    const slot = added++ % verifiedCapacity;
    const oldest = order[slot];
    if (oldest !== undefined) verified.delete(oldest);
    order[slot] = token;
    verified.set(token, { exp, nbf, iat, json });
  };
  const node = options.webCrypto === true ? undefined : nodeCrypto();
  return {
    async sign(claims, ttlSeconds) {
      const iat = epochSeconds(clock.now());
      const exp = iat + Math.round(ttlSeconds);
      if (node !== undefined) {
        // The payload jose's SignJWT writes for the same calls, in the same order.
        const payload: JWTPayload = { ...claims, iss: issuer, iat, exp, jti: randomUuid() };
        if (audience !== undefined) payload.aud = audience;
        const json = JSON.stringify(payload);
        const input = `${protectedHeader}.${Buffer.from(json).toString('base64url')}`;
        const token = `${input}.${node.createHmac('sha256', key).update(input).digest('base64url')}`;
        remember(token, exp, payload.nbf, iat, json);
        return { token, exp };
      }
      const { SignJWT } = await loadJose();
      let jwt = new SignJWT(claims)
        .setProtectedHeader({ alg, typ: 'JWT' })
        .setIssuer(issuer)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .setJti(randomUuid());
      if (audience !== undefined) jwt = jwt.setAudience(audience);
      return { token: await jwt.sign(key), exp };
    },
    async verify(token) {
      const known = verified.get(token);
      if (known !== undefined) {
        // The same checks jose makes of the time-bound claims (clockTolerance 0), and iat.
        const now = epochSeconds(clock.now());
        if (known.nbf !== undefined && known.nbf > now) return { ok: false, reason: 'token_unknown' };
        if (known.iat !== undefined && known.iat > now) return { ok: false, reason: 'token_unknown' };
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
        // jose leaves a future iat alone; tymon/jwt-auth refuses it ("Issued At (iat) timestamp
        // cannot be in the future"), say when the mock clock is moved back.
        if (payload.iat !== undefined && payload.iat > epochSeconds(clock.now()))
          return { ok: false, reason: 'token_unknown' };
        remember(token, payload.exp, payload.nbf, payload.iat, JSON.stringify(payload));
        return { ok: true, payload };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, reason: 'token_expired' };
        return { ok: false, reason: 'token_unknown' };
      }
    },
  };
}
