/** TeleTracker helpers shared by its tests: fixture users and accounts, login, call-data calls. */
import { accounts, users } from '../../mocks/providers/teletracker/fixtures.js';
import type { CallInit, Door, Reply } from './doors.js';
import { bearer, schemeValue } from './kit.js';

export { bearer, lastReason } from './kit.js';

export const api = 'https://api.teletracker.net';
/**
 * marketing: accounts downtown (default) and northShore. lakeside: the lakeside account only.
 * frontDesk: the downtown account, without report access.
 */
export const [marketing, lakesideUser, frontDesk] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
export const [downtown, northShore, lakeside] = accounts;

export const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const march = { start_date: '2025-03-01', end_date: '2025-03-31' };

export const basic = (user: string, password: string) => schemeValue('Basic', user, password);
export const integrator = (user: string, password: string) => schemeValue('Integrator', user, password);

/** A 200 token set, as the body of `/auth/login`, `/auth/refresh` or `/auth/masquerade`. */
export interface TokenSet {
  success: true;
  guid: string;
  token: string;
  tokenExpiration: string;
  tokenLifetime: number;
  refreshToken: string;
  refreshTokenExpiration: string;
}

export async function login(door: Door, fields: Record<string, string> = {}, user = marketing): Promise<TokenSet> {
  const res = await door.call(`${api}/auth/login`, {
    form: { username: user.username, password: user.password, ...fields },
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return res.body as TokenSet;
}

export const refresh = (door: Door, refreshToken: string) =>
  door.call(`${api}/auth/refresh`, { form: { refresh_token: refreshToken } });

export const masquerade = (door: Door, token: string, accountId: number) =>
  door.call(`${api}/auth/masquerade`, { headers: bearer(token), form: { account_id: String(accountId) } });

/** `GET /reports/call-data` for March 2025 with the given query and request options. */
export function callData(door: Door, init: CallInit = {}, query: Record<string, string | number> = {}): Promise<Reply> {
  const q = new URLSearchParams(Object.entries({ ...march, ...query }).map(([k, v]) => [k, String(v)]));
  return door.call(`${api}/reports/call-data?${q}`, init);
}

/** The accounts of the calls in a call-data answer. */
export const accountsIn = (res: Reply) => [
  ...new Set((res.body.data as { account_id: number }[]).map((c) => c.account_id)),
];

/** The stable refusal code the journal recorded for the last request. */
