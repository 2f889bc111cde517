/** Eventix helpers shared by its tests: fixtures, the authorize → exchange dance, headers. */
import { clients, companies, users } from '../../mocks/providers/eventix/fixtures.js';
import type { Door, Reply } from './doors.js';

export const auth = 'https://auth.eventix.io';
export const api = 'https://api.eventix.io';
export const [demoApp, boxOffice] = clients as [(typeof clients)[0], (typeof clients)[0]];
export const [jane, sam, priya] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
export const [lowlands, noorderzon, elsewhere] = companies;
export const redirectUri = demoApp.redirect_uris[0] as string;

export interface AuthorizeInit {
  client?: { client_id: string; redirect_uris: string[] };
  redirect?: string | null;
  state?: string;
  loginHint?: string;
  responseType?: string;
  host?: string;
  path?: string;
}

export function authorizeUrl(init: AuthorizeInit = {}): string {
  const client = init.client ?? demoApp;
  const url = new URL(`${init.host ?? auth}${init.path ?? '/tokens/authorize'}`);
  url.searchParams.set('client_id', client.client_id);
  const redirect = init.redirect === undefined ? client.redirect_uris[0] : init.redirect;
  if (redirect !== null && redirect !== undefined) url.searchParams.set('redirect_uri', redirect);
  url.searchParams.set('response_type', init.responseType ?? 'code');
  url.searchParams.set('state', init.state ?? 'st-123');
  if (init.loginHint !== undefined) url.searchParams.set('login_hint', init.loginHint);
  return url.href;
}

/** The redirect's query parameters (`code`, `state`, or `error`). */
export function redirectParams(res: Reply): URLSearchParams {
  const location = res.headers.location;
  if (res.status !== 302 || typeof location !== 'string') throw new Error(`not a redirect: ${res.status} ${res.text}`);
  return new URL(location).searchParams;
}

export async function codeFor(door: Door, init: AuthorizeInit = {}): Promise<string> {
  const code = redirectParams(await door.call(authorizeUrl(init))).get('code');
  if (code === null) throw new Error('no code in the redirect');
  return code;
}

export function exchange(
  door: Door,
  code: string,
  client: { client_id: string; client_secret: string } = demoApp,
  /** Fields to add or replace; `undefined` leaves a field out. */
  extra: Record<string, string | undefined> = {},
  host = auth,
) {
  return door.call(`${host}/tokens`, {
    json: {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: client.client_id,
      client_secret: client.client_secret,
      ...extra,
    },
  });
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  refresh_token_expires_in: number;
  info: { companies: { guid: string; name: string }[] };
}

/** Authorize (as `loginHint`, default the client's default user) and exchange the code. */
export async function tokensFor(door: Door, init: AuthorizeInit = {}): Promise<Tokens> {
  const client = (init.client ?? demoApp) as typeof demoApp;
  const code = await codeFor(door, init);
  // league 9.x: the token request repeats the authorize request's redirect_uri, or sends none.
  const res = await exchange(door, code, client, {
    redirect_uri: init.redirect === null ? undefined : (init.redirect ?? (client.redirect_uris[0] as string)),
  });
  if (res.status !== 200) throw new Error(`exchange failed: ${res.status} ${res.text}`);
  return res.body as Tokens;
}

export function refreshAs(door: Door, refreshToken: string, client = demoApp) {
  return door.call(`${auth}/tokens`, {
    form: {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: client.client_id,
      client_secret: client.client_secret,
    },
  });
}

/** Authorization, plus `Company` headers when given (a list sends the header once per item). */
export function withToken(token: string, company?: string | string[]): Record<string, string | string[]> {
  return company === undefined ? { authorization: `Bearer ${token}` } : { authorization: `Bearer ${token}`, company };
}

export const guids = (res: Reply): string[] => (res.body as { company_id: string }[]).map((e) => e.company_id);
