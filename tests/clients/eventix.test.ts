/**
 * Eventix (league/oauth2-server) with client libraries nobody here wrote, used as against the
 * real server: RFC 8414 metadata, the authorization-code grant with and without PKCE, refresh,
 * and each error path, through the standalone server and in-process under setupMocks().
 * The authorize endpoint is a 302: followed by hand with `redirect: 'manual'`, as a browser
 * would hand the callback URL to the app.
 */
import axios, { AxiosError } from 'axios';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { AuthorizationCode } from 'simple-oauth2';
import { describe, expect, it } from 'vitest';
import { clients } from '../../mocks/providers/eventix/fixtures.js';
import { targetNames, useTarget } from '../support/targets.js';

const [demoApp] = clients as [(typeof clients)[0]];
const redirectUri = demoApp.redirect_uris[0] as string;
const authHost = 'auth.eventix.io';
const apiHost = 'api.eventix.io';
/** Refresh-token lifetime in the mock (365 days). */
const refreshTtl = 365 * 24 * 3600;

/** Follows the authorize redirect by hand: the callback URL the browser would land on. */
async function callback(url: URL | string): Promise<URL> {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') as string);
}

describe.each(targetNames)('Eventix with oauth4webapi (%s)', (name) => {
  const t = useTarget(name);
  const app: oauth.Client = { client_id: demoApp.client_id };
  const options = () => (t.insecure ? { [oauth.allowInsecureRequests]: true } : {});

  async function discover(): Promise<oauth.AuthorizationServer> {
    const issuer = new URL(t.base(authHost));
    return oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...options() }),
    );
  }

  async function authorize(as: oauth.AuthorizationServer, pkce?: { challenge: string; method: string }) {
    const url = new URL(as.authorization_endpoint as string);
    const state = oauth.generateRandomState();
    url.searchParams.set('client_id', app.client_id);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('state', state);
    if (pkce !== undefined) {
      url.searchParams.set('code_challenge', pkce.challenge);
      url.searchParams.set('code_challenge_method', pkce.method);
    }
    return oauth.validateAuthResponse(as, app, await callback(url), state);
  }

  const exchange = async (
    as: oauth.AuthorizationServer,
    params: URLSearchParams,
    verifier: string | typeof oauth.nopkce,
    auth = oauth.ClientSecretPost(demoApp.client_secret),
  ) =>
    oauth.processAuthorizationCodeResponse(
      as,
      app,
      await oauth.authorizationCodeGrantRequest(as, app, auth, params, redirectUri, verifier, options()),
    );

  it('reads the RFC 8414 metadata, runs the code grant with S256 PKCE, calls the API, refreshes', async () => {
    const as = await discover();
    expect(as.code_challenge_methods_supported).toContain('S256');
    const verifier = oauth.generateRandomCodeVerifier();
    const params = await authorize(as, { challenge: await oauth.calculatePKCECodeChallenge(verifier), method: 'S256' });
    const tokens = await exchange(as, params, verifier);
    const events = await oauth.protectedResourceRequest(
      tokens.access_token,
      'GET',
      new URL(`${t.base(apiHost)}/event`),
      new Headers(),
      null,
      options(),
    );
    expect(events.status).toBe(200);
    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      app,
      await oauth.refreshTokenGrantRequest(
        as,
        app,
        oauth.ClientSecretPost(demoApp.client_secret),
        tokens.refresh_token as string,
        options(),
      ),
    );
    expect(refreshed.access_token).not.toBe(tokens.access_token);
  });

  it("refuses oauth4webapi's Basic for this client, as league would: it form-encodes '-' and '_', league decodes nothing", async () => {
    // RFC 6749 §2.3.1 form-encoding turns `ex-demo-app` into `ex%2Ddemo%2Dapp`; league only
    // base64-decodes, so the client id no longer matches. Body credentials work (above).
    const as = await discover();
    const error = await exchange(
      as,
      await authorize(as),
      oauth.nopkce,
      oauth.ClientSecretBasic(demoApp.client_secret),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
  });

  it('runs the code grant without PKCE', async () => {
    const as = await discover();
    const tokens = await exchange(as, await authorize(as), oauth.nopkce);
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('fails a wrong verifier with invalid_grant, and a reused code with invalid_grant', async () => {
    const as = await discover();
    const verifier = oauth.generateRandomCodeVerifier();
    const params = await authorize(as, { challenge: await oauth.calculatePKCECodeChallenge(verifier), method: 'S256' });
    await expect(exchange(as, params, oauth.generateRandomCodeVerifier())).rejects.toMatchObject({
      error: 'invalid_grant',
      status: 400,
    });
    await exchange(as, params, verifier);
    await expect(exchange(as, params, verifier)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('meets a wrong Basic secret with a Basic challenge, a wrong body secret with a 401 invalid_client', async () => {
    const as = await discover();
    const viaBasic = await exchange(as, await authorize(as), oauth.nopkce, oauth.ClientSecretBasic('nope')).catch(
      (e: unknown) => e,
    );
    expect(viaBasic).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    expect((viaBasic as oauth.WWWAuthenticateChallengeError).status).toBe(401);
    expect((viaBasic as oauth.WWWAuthenticateChallengeError).cause[0]?.scheme).toBe('basic');
    const viaBody = await exchange(as, await authorize(as), oauth.nopkce, oauth.ClientSecretPost('nope')).catch(
      (e: unknown) => e,
    );
    expect(viaBody).toBeInstanceOf(oauth.ResponseBodyError);
    expect(viaBody).toMatchObject({ error: 'invalid_client', status: 401 });
  });

  it('fails a reused, an expired and a revoked refresh token with invalid_grant', async () => {
    const as = await discover();
    const auth = oauth.ClientSecretPost(demoApp.client_secret);
    const refresh = async (token: string) =>
      oauth.processRefreshTokenResponse(as, app, await oauth.refreshTokenGrantRequest(as, app, auth, token, options()));
    const first = await exchange(as, await authorize(as), oauth.nopkce);
    const second = await refresh(first.refresh_token as string);
    await expect(refresh(first.refresh_token as string)).rejects.toMatchObject({ error: 'invalid_grant' });
    await t.mocks.control.action('eventix', 'rotate-secret', {
      client_id: demoApp.client_id,
      client_secret: demoApp.client_secret,
    });
    await expect(refresh(second.refresh_token as string)).rejects.toMatchObject({ error: 'invalid_grant' });
    const third = await exchange(as, await authorize(as), oauth.nopkce);
    t.mocks.clock.advance(refreshTtl + 1);
    await expect(refresh(third.refresh_token as string)).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});

describe.each(targetNames)('Eventix with openid-client (%s)', (name) => {
  const t = useTarget(name);
  const configure = (secret = demoApp.client_secret, auth: 'basic' | 'post' = 'post') =>
    client.discovery(
      new URL(t.base(authHost)),
      demoApp.client_id,
      undefined,
      auth === 'basic' ? client.ClientSecretBasic(secret) : client.ClientSecretPost(secret),
      { algorithm: 'oauth2', ...(t.insecure ? { execute: [client.allowInsecureRequests] } : {}) },
    );

  async function signIn(config: client.Configuration, pkceCodeVerifier?: string) {
    const state = client.randomState();
    const parameters: Record<string, string> = { redirect_uri: redirectUri, state };
    if (pkceCodeVerifier !== undefined) {
      parameters.code_challenge = await client.calculatePKCECodeChallenge(pkceCodeVerifier);
      parameters.code_challenge_method = 'S256';
    }
    return { url: await callback(client.buildAuthorizationUrl(config, parameters)), state };
  }

  it('runs the code grant with and without PKCE, and refreshes', async () => {
    const config = await configure();
    const verifier = client.randomPKCECodeVerifier();
    const withPkce = await signIn(config, verifier);
    const tokens = await client.authorizationCodeGrant(config, withPkce.url, {
      pkceCodeVerifier: verifier,
      expectedState: withPkce.state,
    });
    expect(tokens.expires_in).toBe(259_200);
    const plain = await signIn(config);
    const more = await client.authorizationCodeGrant(config, plain.url, { expectedState: plain.state });
    const refreshed = await client.refreshTokenGrant(config, more.refresh_token as string);
    expect(refreshed.access_token).not.toBe(more.access_token);
    expect(tokens.access_token).not.toBe(more.access_token);
  });

  it('fails a missing verifier (invalid_request), a wrong one and a reused code (invalid_grant)', async () => {
    const config = await configure();
    const verifier = client.randomPKCECodeVerifier();
    const { url, state } = await signIn(config, verifier);
    await expect(client.authorizationCodeGrant(config, url, { expectedState: state })).rejects.toMatchObject({
      error: 'invalid_request',
    });
    await expect(
      client.authorizationCodeGrant(config, url, {
        expectedState: state,
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    await client.authorizationCodeGrant(config, url, { expectedState: state, pkceCodeVerifier: verifier });
    await expect(
      client.authorizationCodeGrant(config, url, { expectedState: state, pkceCodeVerifier: verifier }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('sees a wrong secret as league answers it: a Basic challenge, or a 401 invalid_client body', async () => {
    const basic = await configure('nope', 'basic');
    const a = await signIn(basic);
    const viaBasic = await client
      .authorizationCodeGrant(basic, a.url, { expectedState: a.state })
      .catch((e: unknown) => e);
    expect(viaBasic).toBeInstanceOf(client.WWWAuthenticateChallengeError);
    const post = await configure('nope', 'post');
    const b = await signIn(post);
    const viaBody = await client
      .authorizationCodeGrant(post, b.url, { expectedState: b.state })
      .catch((e: unknown) => e);
    expect(viaBody).toBeInstanceOf(client.ResponseBodyError);
    expect(viaBody).toMatchObject({ error: 'invalid_client', status: 401 });
  });
});

describe.each(targetNames)('Eventix with simple-oauth2 (%s)', (name) => {
  const t = useTarget(name);
  const grant = (secret = demoApp.client_secret) => {
    const { origin, prefix } = t.split(authHost);
    return new AuthorizationCode({
      client: { id: demoApp.client_id, secret },
      auth: {
        tokenHost: origin,
        tokenPath: `${prefix}/tokens`,
        authorizeHost: origin,
        authorizePath: `${prefix}/tokens/authorize`,
      },
      options: { authorizationMethod: 'body' },
    });
  };
  const codeOf = async (g: AuthorizationCode, extra: Record<string, string> = {}) =>
    (await callback(g.authorizeURL({ redirect_uri: redirectUri, state: 'st', ...extra }))).searchParams.get(
      'code',
    ) as string;

  it('runs the code grant with S256 PKCE and refreshes', async () => {
    const g = grant();
    const verifier = client.randomPKCECodeVerifier();
    const code = await codeOf(g, {
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    // simple-oauth2 passes extra token parameters through; its types do not list code_verifier.
    const params = { code, redirect_uri: redirectUri, code_verifier: verifier };
    const token = await g.getToken(params);
    expect(token.token.token_type).toBe('Bearer');
    const refreshed = await token.refresh();
    expect(refreshed.token.access_token).not.toBe(token.token.access_token);
    await expect(token.refresh()).rejects.toMatchObject({ data: { payload: { error: 'invalid_grant' } } });
  });

  it('reports a wrong secret as 401 invalid_client and a bad verifier as invalid_grant', async () => {
    const wrong = await grant('nope')
      .getToken({ code: await codeOf(grant()), redirect_uri: redirectUri })
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ output: { statusCode: 401 }, data: { payload: { error: 'invalid_client' } } });
    const g = grant();
    const code = await codeOf(g, { code_challenge: client.randomPKCECodeVerifier(), code_challenge_method: 'plain' });
    const params = { code, redirect_uri: redirectUri, code_verifier: client.randomPKCECodeVerifier() };
    await expect(g.getToken(params)).rejects.toMatchObject({ data: { payload: { error: 'invalid_grant' } } });
  });
});

describe.each(targetNames)('Eventix with axios (%s)', (name) => {
  const t = useTarget(name);

  it('follows the authorize redirect by hand and exchanges the code', async () => {
    const authorize = await axios.get(`${t.base(authHost)}/tokens/authorize`, {
      params: { client_id: demoApp.client_id, redirect_uri: redirectUri, response_type: 'code', state: 's' },
      maxRedirects: 0,
      validateStatus: (status) => status === 302,
    });
    expect(authorize.headers['cache-control']).toBe('no-store');
    const code = new URL(authorize.headers.location as string).searchParams.get('code') as string;
    const token = await axios.post(
      `${t.base(authHost)}/tokens`,
      new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
      { auth: { username: demoApp.client_id, password: demoApp.client_secret } },
    );
    expect(token.status).toBe(200);
    expect([token.headers['cache-control'], token.headers.pragma]).toEqual(['no-store', 'no-cache']);
    const again = await axios
      .post(
        `${t.base(authHost)}/tokens`,
        new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
        { auth: { username: demoApp.client_id, password: demoApp.client_secret } },
      )
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AxiosError);
    expect((again as AxiosError<{ error: string }>).response?.data.error).toBe('invalid_grant');
  });
});
