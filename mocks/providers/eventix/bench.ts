/**
 * The benchmark scenario of this provider (Eventix: authorization code; issuance measured as
 * refresh-token rotation): which request is the authorized GET, which the token issuance, and how
 * to obtain the credentials they need. `scripts/bench/scenarios.ts` finds it through the registry;
 * the built package leaves it out.
 */
import { expectJson, fixed, json, type Scenario } from '../../../scripts/bench/scenario-kit.js';
import { clients, companies, users } from './fixtures.js';

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

export default eventix;
