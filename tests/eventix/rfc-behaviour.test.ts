/**
 * Eventix token-endpoint conformance (issue: real clients, unmodified): PKCE (RFC 7636),
 * client authentication as league/oauth2-server answers it, Basic credentials taken raw,
 * companies chosen at token time, RFC 8414 metadata, and no-store on every credential answer.
 */
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { eachDoor } from '../support/doors.js';
import {
  api,
  auth,
  authorizeUrl,
  boxOffice,
  codeFor,
  demoApp,
  exchange,
  guids,
  lowlands,
  noorderzon,
  redirectParams,
  refreshAs,
  tokensFor,
  withToken,
} from '../support/eventix.js';
import { basic } from '../support/kit.js';

const verifier = 'dBjftJeZ4CVP-mJ92K9.yR_m1Xo6u~ExampleVerifier0123';
const s256 = (v: string) => createHash('sha256').update(v).digest('base64url');

function withPkce(challenge: string, method?: string): string {
  const url = new URL(authorizeUrl());
  url.searchParams.set('code_challenge', challenge);
  if (method !== undefined) url.searchParams.set('code_challenge_method', method);
  return url.href;
}

eachDoor('eventix PKCE (%s door)', (door) => {
  const codeWith = async (challenge: string, method?: string) =>
    redirectParams(await door.call(withPkce(challenge, method))).get('code') as string;

  it('exchanges an S256 code only with the matching verifier', async () => {
    const code = await codeWith(s256(verifier), 'S256');
    const wrong = await exchange(door, code, demoApp, { code_verifier: `${verifier}x` });
    expect([wrong.status, wrong.body.error]).toEqual([400, 'invalid_grant']);
    const missing = await exchange(door, code);
    expect([missing.status, missing.body.error]).toEqual([400, 'invalid_request']);
    const malformed = await exchange(door, code, demoApp, { code_verifier: 'short' });
    expect([malformed.status, malformed.body.error]).toEqual([400, 'invalid_request']);
    // The refusals above did not spend the code.
    const right = await exchange(door, code, demoApp, { code_verifier: verifier });
    expect(right.status).toBe(200);
  });

  it('takes plain, the default method, with the verifier equal to the challenge', async () => {
    const plain = await codeWith(verifier);
    expect((await exchange(door, plain, demoApp, { code_verifier: s256(verifier) })).body.error).toBe('invalid_grant');
    expect((await exchange(door, plain, demoApp, { code_verifier: verifier })).status).toBe(200);
    const named = await codeWith(verifier, 'plain');
    expect((await exchange(door, named, demoApp, { code_verifier: verifier })).status).toBe(200);
  });

  it('refuses a verifier for a code issued without a challenge (a PKCE downgrade)', async () => {
    const code = await codeFor(door);
    const res = await exchange(door, code, demoApp, { code_verifier: verifier });
    expect([res.status, res.body.error]).toEqual([400, 'invalid_request']);
    expect((await exchange(door, code)).status).toBe(200);
  });

  it('answers an unknown method or a malformed challenge with 400 invalid_request, without redirecting (league 9.x)', async () => {
    for (const url of [withPkce(s256(verifier), 'S512'), withPkce('too-short', 'S256')]) {
      const res = await door.call(url);
      expect([res.status, res.body.error, res.headers.location]).toEqual([400, 'invalid_request', undefined]);
    }
  });

  it('marks the redirect that carries a code as not cacheable', async () => {
    const res = await door.call(withPkce(s256(verifier), 'S256'));
    expect([res.headers['cache-control'], res.headers.pragma]).toEqual(['no-store', 'no-cache']);
  });
});

eachDoor('eventix redirect_uri at the token endpoint (%s door)', (door) => {
  // RFC 6749 §4.1.3 and league 9.x AuthCodeGrant::validateAuthorizationCode: required only when
  // the authorize request named one, and then identical.
  const only = boxOffice.redirect_uris[0] as string;

  it('refuses an exchange without redirect_uri when the authorize request named one, and keeps the code', async () => {
    const code = await codeFor(door, { client: boxOffice, redirect: only });
    const missing = await exchange(door, code, boxOffice, { redirect_uri: undefined });
    expect([missing.status, missing.body.error, missing.body.hint]).toEqual([
      400,
      'invalid_request',
      'Check the `redirect_uri` parameter',
    ]);
    const empty = await exchange(door, code, boxOffice, { redirect_uri: '' });
    expect([empty.status, empty.body.error, empty.body.hint]).toEqual([400, 'invalid_request', 'Invalid redirect URI']);
    expect((await exchange(door, code, boxOffice, { redirect_uri: only })).status).toBe(200);
  });

  it('exchanges a code without redirect_uri when the authorize request named none', async () => {
    const code = await codeFor(door, { client: boxOffice, redirect: null });
    const res = await exchange(door, code, boxOffice, { redirect_uri: undefined });
    expect(res.status).toBe(200);
    expect(typeof res.body.access_token).toBe('string');
  });

  it('refuses a redirect_uri sent for a code whose authorize request named none, and keeps the code', async () => {
    const code = await codeFor(door, { client: boxOffice, redirect: null });
    const sent = await exchange(door, code, boxOffice, { redirect_uri: only });
    expect([sent.status, sent.body.error, sent.body.hint]).toEqual([400, 'invalid_request', 'Invalid redirect URI']);
    expect((await exchange(door, code, boxOffice, { redirect_uri: undefined })).status).toBe(200);
  });
});

eachDoor('eventix client authentication (%s door)', (door) => {
  it('answers a wrong Basic secret with 401 and a Basic challenge, a wrong body secret with 401 and none', async () => {
    const viaBasic = await door.call(`${auth}/tokens`, {
      form: { grant_type: 'authorization_code', code: await codeFor(door) },
      headers: basic(demoApp.client_id, 'nope'),
    });
    expect([viaBasic.status, viaBasic.body.error]).toEqual([401, 'invalid_client']);
    expect(viaBasic.headers['www-authenticate']).toBe('Basic realm="OAuth"');
    const viaBody = await exchange(door, await codeFor(door), { ...demoApp, client_secret: 'nope' });
    expect([viaBody.status, viaBody.body.error]).toEqual([401, 'invalid_client']);
    expect(viaBody.headers['www-authenticate']).toBeUndefined();
  });

  it('takes Basic credentials as they are after base64: no URL-decoding', async () => {
    const secret = 'exs with space+plus';
    await door.mocks.control.action('eventix', 'rotate-secret', {
      client_id: demoApp.client_id,
      client_secret: secret,
    });
    const call = async (user: string, password: string) =>
      door.call(`${auth}/tokens`, {
        form: {
          grant_type: 'authorization_code',
          code: await codeFor(door),
          redirect_uri: demoApp.redirect_uris[0] as string,
        },
        headers: basic(user, password),
      });
    expect((await call(demoApp.client_id, secret)).status).toBe(200);
    const formEncoded = await call(demoApp.client_id, new URLSearchParams({ s: secret }).toString().slice(2));
    expect([formEncoded.status, formEncoded.body.error]).toEqual([401, 'invalid_client']);
  });

  it('prefers body credentials over Basic, as league reads the body first', async () => {
    const res = await door.call(`${auth}/tokens`, {
      form: {
        grant_type: 'authorization_code',
        code: await codeFor(door),
        redirect_uri: demoApp.redirect_uris[0] as string,
        client_id: demoApp.client_id,
        client_secret: demoApp.client_secret,
      },
      headers: basic(demoApp.client_id, 'nope'),
    });
    expect(res.status).toBe(200);
    // Each parameter falls back to Basic on its own: client_id in the body, the secret in Basic.
    const mixed = await door.call(`${auth}/tokens`, {
      form: {
        grant_type: 'authorization_code',
        code: await codeFor(door),
        redirect_uri: demoApp.redirect_uris[0] as string,
        client_id: demoApp.client_id,
      },
      headers: basic('someone-else', demoApp.client_secret),
    });
    expect(mixed.status).toBe(200);
  });
});

eachDoor('eventix companies at token time (%s door)', (door) => {
  it('narrows the token to the companies the request names; absent → all of the user', async () => {
    const all = await tokensFor(door);
    expect(all.info.companies.map((c) => c.guid)).toEqual([lowlands.guid, noorderzon.guid]);
    const one = await exchange(door, await codeFor(door), demoApp, { companies: noorderzon.guid.toUpperCase() });
    expect(one.status).toBe(200);
    expect(one.body.info.companies).toEqual([{ guid: noorderzon.guid, name: noorderzon.name }]);
    const events = await door.call(`${api}/event`, { headers: withToken(one.body.access_token) });
    expect(new Set(guids(events))).toEqual(new Set([noorderzon.guid]));
    const foreign = await door.call(`${api}/event`, { headers: withToken(one.body.access_token, lowlands.guid) });
    expect([foreign.status, foreign.body.error]).toEqual([401, 'invalid_token']);
  });

  it('refuses a company the user cannot grant with invalid_scope, without spending the code', async () => {
    const code = await codeFor(door);
    const res = await exchange(door, code, demoApp, {
      companies: `${lowlands.guid},0b9b7c1e-4f2a-4d3b-8c5e-6a7f8e9d0c12`,
    });
    expect([res.status, res.body.error]).toEqual([400, 'invalid_scope']);
    expect((await exchange(door, code)).status).toBe(200);
  });

  it('narrows on refresh within the refreshed token, never widens', async () => {
    const first = await tokensFor(door);
    const narrowed = await door.call(`${auth}/tokens`, {
      form: {
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
        client_id: demoApp.client_id,
        client_secret: demoApp.client_secret,
        companies: lowlands.guid,
      },
    });
    expect(narrowed.body.info.companies.map((c: { guid: string }) => c.guid)).toEqual([lowlands.guid]);
    const widen = await door.call(`${auth}/tokens`, {
      form: {
        grant_type: 'refresh_token',
        refresh_token: narrowed.body.refresh_token,
        client_id: demoApp.client_id,
        client_secret: demoApp.client_secret,
        companies: `${lowlands.guid} ${noorderzon.guid}`,
      },
    });
    expect([widen.status, widen.body.error]).toEqual([400, 'invalid_scope']);
    // Refused before it was spent: the refresh token still works.
    expect((await refreshAs(door, narrowed.body.refresh_token)).status).toBe(200);
  });
});

eachDoor('eventix authorization server metadata (%s door)', (door, name) => {
  it('serves RFC 8414 metadata whose URLs are the host the request reached', async () => {
    const res = await door.call(`${auth}/.well-known/oauth-authorization-server`);
    expect(res.status).toBe(200);
    const base = name === 'msw' ? auth : new URL(res.body.issuer).href.replace(/\/$/, '');
    expect(res.body.issuer).toBe(base);
    expect(res.body.token_endpoint).toBe(`${base}/tokens`);
    expect(res.body.authorization_endpoint).toBe(`${base}/tokens/authorize`);
    expect(res.body.code_challenge_methods_supported).toEqual(['S256', 'plain']);
    if (name === 'http') expect(res.body.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth\.eventix\.io$/);
  });
});
