/**
 * The benchmark's per-provider table: which request is the authorized GET, which is the token
 * issuance, and how to obtain the credentials they need. The benchmark walks `providerIds` and
 * skips (with a printed note) any provider that has no entry here, so adding a provider never
 * breaks `npm run bench`; add an entry to measure it.
 *
 * Requests name the real host and path; each target maps them to its own URL (the standalone
 * server and the MSW door take `/<host><path>`, Prism takes `<path>` on the provider's spec).
 */

import { apiKeys, events as backopsEvents } from '../../mocks/providers/backops/fixtures.js';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { clients, companies, users } from '../../mocks/providers/eventix/fixtures.js';
import { users as ttUsers } from '../../mocks/providers/teletracker/fixtures.js';
import { connectTokens } from '../../mocks/providers/tracx/fixtures.js';

export interface BenchRequest {
  method: 'GET' | 'POST';
  host: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends one request to the target under test (used to obtain credentials). */
export type Caller = (request: BenchRequest) => Promise<Reply>;

/** What one connection sends, in a loop; `onResponse` may carry state (a rotated token) forward. */
export interface ConnectionLoad {
  next(): BenchRequest;
  onResponse?(status: number, body: string): void;
}

export interface BenchOperation<C> {
  /** Shown in the table. */
  label: string;
  /** The request's method: the ceiling it is compared with is the bare server's GET or POST. */
  method: 'GET' | 'POST';
  /** The issuance signs a JWT (its target ratio is lower than an opaque token's). */
  jwt?: boolean;
  /** The status a correct answer has; anything else is counted as an error. */
  expect: number;
  /** A load for connection `index` (0-based) of `connections`. */
  load(ctx: C, index: number): ConnectionLoad;
}

export interface Scenario<C = unknown> {
  /** Obtains the credentials the operations need, on a freshly reset target. */
  prepare(call: Caller, connections: number): Promise<C>;
  /** An authorized GET (a resource read with a valid credential). */
  get: BenchOperation<C>;
  /** A token issuance. */
  issue: BenchOperation<C>;
}

/** Each entry's context type matters only inside the entry. */
const erase = <C>(scenario: Scenario<C>) => scenario as unknown as Scenario;

const json = { 'content-type': 'application/json', accept: 'application/json' };
const fixed = (request: BenchRequest) => () => ({ next: () => request });

async function expectJson(reply: Promise<Reply>, what: string): Promise<Record<string, unknown>> {
  const r = await reply;
  if (r.status !== 200) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 200)}`);
  return JSON.parse(r.text) as Record<string, unknown>;
}

// ---- EventBookings: client_credentials ----
const ebApp = applications[0] as (typeof applications)[0];
const ebTokenRequest: BenchRequest = {
  method: 'POST',
  host: 'identity.eventbookings.com',
  path: '/connect/token',
  headers: json,
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: ebApp.client_id,
    client_secret: ebApp.client_secret,
  }),
};

const eventbookings: Scenario<{ accessToken: string }> = {
  async prepare(call) {
    const body = await expectJson(call(ebTokenRequest), 'eventbookings token');
    return { accessToken: body.access_token as string };
  },
  get: {
    label: 'GET /me',
    method: 'GET',
    expect: 200,
    load: (ctx) =>
      fixed({
        method: 'GET',
        host: 'api.eventbookings.com',
        path: '/me',
        headers: { authorization: `Bearer ${ctx.accessToken}` },
      })(),
  },
  issue: {
    label: 'POST /connect/token (client_credentials)',
    method: 'POST',
    expect: 200,
    load: fixed(ebTokenRequest),
  },
};

// ---- Eventix: authorization code; issuance measured as refresh-token rotation ----
const exAuth = 'auth.eventix.io';
const exClients = clients.slice(0, 2);
const exUsers = users.slice(0, 3);

const eventix: Scenario<{ accessToken: string; refreshTokens: string[] }> = {
  /**
   * One refresh token per connection (a refresh token works once, so connections cannot share
   * one), spread over every client × user pair so no pair passes the live-token cap (10).
   */
  async prepare(call, connections) {
    const refreshTokens: string[] = [];
    let accessToken = '';
    for (let i = 0; i < Math.max(connections, 1); i++) {
      const client = exClients[i % exClients.length] as (typeof clients)[0];
      const user = exUsers[Math.floor(i / exClients.length) % exUsers.length] as (typeof users)[0];
      const query = new URLSearchParams({
        client_id: client.client_id,
        redirect_uri: client.redirect_uris[0] as string,
        response_type: 'code',
        state: 'bench',
        login_hint: user.email,
      });
      const redirect = await call({ method: 'GET', host: exAuth, path: `/tokens/authorize?${query}` });
      const code = new URL(redirect.headers.get('location') ?? 'x:').searchParams.get('code') ?? 'placeholder-code';
      const body = await expectJson(
        call({
          method: 'POST',
          host: exAuth,
          path: '/tokens',
          headers: json,
          body: JSON.stringify({
            grant_type: 'authorization_code',
            code,
            redirect_uri: client.redirect_uris[0],
            client_id: client.client_id,
            client_secret: client.client_secret,
          }),
        }),
        'eventix code exchange',
      );
      if (i === 0) accessToken = body.access_token as string;
      refreshTokens.push(body.refresh_token as string);
    }
    return { accessToken, refreshTokens };
  },
  get: {
    label: 'GET /event (Company header)',
    method: 'GET',
    expect: 200,
    load: (ctx) =>
      fixed({
        method: 'GET',
        host: 'api.eventix.io',
        path: '/event',
        headers: {
          authorization: `Bearer ${ctx.accessToken}`,
          company: (companies[0] as (typeof companies)[0]).guid,
        },
      })(),
  },
  issue: {
    label: 'POST /tokens (refresh_token rotation)',
    method: 'POST',
    expect: 200,
    load(ctx, index) {
      const client = exClients[index % exClients.length] as (typeof clients)[0];
      let refresh = ctx.refreshTokens[index % ctx.refreshTokens.length] as string;
      return {
        next: () => ({
          method: 'POST',
          host: exAuth,
          path: '/tokens',
          headers: json,
          body: JSON.stringify({
            grant_type: 'refresh_token',
            refresh_token: refresh,
            client_id: client.client_id,
            client_secret: client.client_secret,
          }),
        }),
        onResponse(status, body) {
          if (status !== 200) return;
          const next = (JSON.parse(body) as { refresh_token?: string }).refresh_token;
          if (typeof next === 'string') refresh = next;
        },
      };
    },
  },
};

// ---- Tracx: connect token → HS256 session JWT ----
const tcxHost = 'api.tracx.events';
const tcxConnect = (connectTokens[0] as (typeof connectTokens)[0]).connect_token;
const tcxSession: BenchRequest = {
  method: 'POST',
  host: tcxHost,
  path: '/v1/connect/session-token',
  headers: { accept: 'application/json', authorization: tcxConnect },
};

const tracx: Scenario<{ session: string }> = {
  async prepare(call) {
    const body = await expectJson(call(tcxSession), 'tracx session token');
    return { session: (body.data as { token: string }).token };
  },
  get: {
    label: 'GET /v1/connect/events',
    method: 'GET',
    expect: 200,
    load: (ctx) =>
      fixed({
        method: 'GET',
        host: tcxHost,
        path: '/v1/connect/events',
        headers: { accept: 'application/json', authorization: ctx.session },
      })(),
  },
  issue: {
    label: 'POST /v1/connect/session-token (HS256 JWT)',
    method: 'POST',
    jwt: true,
    expect: 200,
    load: fixed(tcxSession),
  },
};

// ---- BackOps: API key → event token ----
const boHost = 'api.backopslive.com';
const boKey = (apiKeys[0] as (typeof apiKeys)[0]).api_key;
const boEvent = (backopsEvents[0] as (typeof backopsEvents)[0]).id;
const boAuthorize: BenchRequest = {
  method: 'GET',
  host: boHost,
  path: `/Events/${boEvent}/authorize`,
  headers: { accept: 'application/json', authorization: `Bearer ${boKey}` },
};

const backops: Scenario<{ eventToken: string }> = {
  async prepare(call) {
    const body = await expectJson(call(boAuthorize), 'backops event token');
    return { eventToken: body.token as string };
  },
  get: {
    label: 'GET /Events/{eventId}',
    method: 'GET',
    expect: 200,
    load: (ctx) =>
      fixed({
        method: 'GET',
        host: boHost,
        path: `/Events/${boEvent}`,
        headers: { accept: 'application/json', authorization: `Bearer ${boKey}`, 'x-event-token': ctx.eventToken },
      })(),
  },
  issue: {
    label: 'GET /Events/{eventId}/authorize (event token)',
    method: 'GET',
    expect: 200,
    load: fixed(boAuthorize),
  },
};

// ---- TeleTracker: username/password login → UUID token bound to one account ----
const ttUser = ttUsers[0] as (typeof ttUsers)[0];
const ttLogin: BenchRequest = {
  method: 'POST',
  host: 'api.teletracker.net',
  path: '/auth/login',
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
  body: new URLSearchParams({ username: ttUser.username, password: ttUser.password }).toString(),
};

const teletracker: Scenario<{ token: string }> = {
  async prepare(call) {
    const body = await expectJson(call(ttLogin), 'teletracker login');
    return { token: body.token as string };
  },
  get: {
    label: 'GET /reports/call-data',
    method: 'GET',
    expect: 200,
    load: (ctx) =>
      fixed({
        method: 'GET',
        host: 'api.teletracker.net',
        path: `/reports/call-data?start_date=2025-03-01&end_date=2025-03-31&account_id=${ttUser.default_account_id}`,
        headers: { authorization: `Bearer ${ctx.token}` },
      })(),
  },
  issue: {
    label: 'POST /auth/login (form)',
    method: 'POST',
    expect: 200,
    load: fixed(ttLogin),
  },
};

/** Provider id → its benchmark entry. A provider missing here is skipped with a note. */
export const scenarios: Readonly<Record<string, Scenario>> = {
  eventbookings: erase(eventbookings),
  eventix: erase(eventix),
  tracx: erase(tracx),
  backops: erase(backops),
  teletracker: erase(teletracker),
};

/** The 401 row: an unknown bearer token on EventBookings' `GET /me`. */
export const unauthorized: BenchRequest = {
  method: 'GET',
  host: 'api.eventbookings.com',
  path: '/me',
  headers: { authorization: 'Bearer not-a-token-this-mock-issued' },
};
