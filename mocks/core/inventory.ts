/**
 * The credential inventory behind `GET /__control/tokens` and the inspector's Tokens view: each
 * provider describes the credentials it holds (`Provider.credentials`), the control plane masks
 * them to a short prefix before they leave the process. Reading the inventory changes nothing:
 * no token is marked used, nothing is swept.
 */
import { hash53 } from './hash.js';
import type { TokenRefusal, TokenStore } from './token-store.js';

export type CredentialState = 'live' | 'expired' | 'revoked' | 'used';

/** One credential as a provider describes it (in-process: `value` is the whole secret). */
export interface HeldCredential {
  /** What it is, in the provider's words: `access_token`, `refresh_token`, `authorization_code`, … */
  kind: string;
  /** The whole value. The control plane never lets it out: only `prefixLength` characters. */
  value: string;
  /** Whose it is: a client id, a user, an API key, a connect token's name. */
  whose: string | null;
  scopes?: readonly string[];
  companies?: readonly string[];
  permissions?: readonly string[];
  event?: string;
  /** Clock milliseconds; null when the provider does not know (e.g. a seeded key). */
  issuedAt: number | null;
  /** Clock milliseconds; null when it never expires. */
  expiresAt: number | null;
  state: CredentialState;
  /** Ends it, as the vendor's dashboard would; absent when it can no longer be revoked. */
  revoke?: () => unknown;
}

/** What a provider says about the data a token carries. */
export type CredentialFields = Pick<HeldCredential, 'whose' | 'scopes' | 'companies' | 'permissions' | 'event'>;

/** Characters of a value the control plane shows. */
export const prefixLength = 6;

function refusedState(reason: TokenRefusal, singleUse: boolean): CredentialState {
  if (reason === 'token_expired') return 'expired';
  return singleUse ? 'used' : 'revoked';
}

/**
 * The credentials of one token store: held ones (live, or expired but not yet swept) with what
 * `describe` says of their data, then recently refused ones (revoked, expired, or — for a
 * single-use store such as authorization codes — used), which the store keeps without data.
 */
export function storeCredentials<T>(
  store: TokenStore<T>,
  now: number,
  kind: string,
  describe: (data: T) => CredentialFields,
  options: { singleUse?: boolean } = {},
): HeldCredential[] {
  const { held, refused } = store.listing();
  const out: HeldCredential[] = [];
  for (const entry of held) {
    const live = now < entry.expiresAt;
    out.push({
      kind,
      value: entry.value,
      ...describe(entry.data),
      issuedAt: entry.issuedAt,
      expiresAt: entry.expiresAt,
      state: live ? 'live' : 'expired',
      ...(live ? { revoke: () => store.revoke(entry.value) } : {}),
    });
  }
  for (const { value, reason } of refused) {
    if (reason === 'token_unknown') continue;
    out.push({
      kind,
      value,
      whose: null,
      issuedAt: null,
      expiresAt: null,
      state: refusedState(reason, options.singleUse === true),
    });
  }
  return out;
}

/** A short, stable handle for a credential (not reversible to its value). */
export function credentialId(provider: string, kind: string, value: string): string {
  // 53 bits are plenty to tell a few thousand tokens apart.
  return `tok_${hash53(`${provider}\u0000${kind}\u0000${value}`).toString(36)}`;
}
