/**
 * EventBookings (IdentityServer) with client libraries nobody here wrote, used as against the
 * real server: discovery, client credentials, refresh, and each error path, through the
 * standalone server and in-process under setupMocks() (global fetch, @hapi/wreck, axios).
 */
import axios, { AxiosError } from 'axios';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { ClientCredentials } from 'simple-oauth2';
import { describe, expect, it } from 'vitest';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { type Target, targetNames, useTarget } from '../support/targets.js';

const [eventsApp] = applications as [(typeof applications)[0]];
const kiosk = applications.find((a) => a.client_id === 'eb-demo-kiosk') as (typeof applications)[0];
const identity = 'identity.eventbookings.com';
const api = 'api.eventbookings.com';
/** IdentityServer's refresh-token lifetime in the mock (30 days). */
const refreshTtl = 30 * 24 * 3600;

function o4w(t: Target) {
  const options = t.insecure ? { [oauth.allowInsecureRequests]: true } : {};
  return {
    options,
    async discover(): Promise<oauth.AuthorizationServer> {
      const issuer = new URL(t.base(identity));
      return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options));
    },
  };
}

function oidc(t: Target, app: { client_id: string; client_secret: string }, auth: 'basic' | 'post' = 'basic') {
  const method =
    auth === 'basic' ? client.ClientSecretBasic(app.client_secret) : client.ClientSecretPost(app.client_secret);
  return client.discovery(
    new URL(t.base(identity)),
    app.client_id,
    undefined,
    method,
    t.insecure ? { execute: [client.allowInsecureRequests] } : undefined,
  );
}

describe.each(targetNames)('EventBookings with oauth4webapi (%s)', (name) => {
  const t = useTarget(name);
  const { options, discover } = o4w(t);
  const app = { client_id: eventsApp.client_id };

  it('discovers the server, gets a token with Basic, calls the API, refreshes', async () => {
    const as = await discover();
    expect(as.issuer).toBe(t.base(identity));
    const auth = oauth.ClientSecretBasic(eventsApp.client_secret);
    const res = await oauth.clientCredentialsGrantRequest(as, app, auth, new URLSearchParams(), options);
    expect([res.headers.get('cache-control'), res.headers.get('pragma')]).toEqual(['no-store', 'no-cache']);
    const tokens = await oauth.processClientCredentialsResponse(as, app, res);
    expect(tokens.token_type).toBe('bearer');
    const me = await oauth.protectedResourceRequest(
      tokens.access_token,
      'GET',
      new URL(`${t.base(api)}/me`),
      new Headers(),
      null,
      options,
    );
    expect(me.status).toBe(200);
    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      app,
      await oauth.refreshTokenGrantRequest(as, app, auth, tokens.refresh_token as string, options),
    );
    expect(refreshed.access_token).not.toBe(tokens.access_token);
  });

  it('reads a wrong secret as invalid_client, via Basic and via the body alike', async () => {
    const as = await discover();
    for (const auth of [oauth.ClientSecretBasic('nope'), oauth.ClientSecretPost('nope')]) {
      const res = await oauth.clientCredentialsGrantRequest(as, app, auth, new URLSearchParams(), options);
      const error = await oauth.processClientCredentialsResponse(as, app, res).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(oauth.ResponseBodyError);
      expect(error).toMatchObject({ error: 'invalid_client', status: 400 });
    }
  });

  it('sends a secret with a space and a plus through Basic, form-encoded', async () => {
    const as = await discover();
    const kioskClient = { client_id: kiosk.client_id };
    const res = await oauth.clientCredentialsGrantRequest(
      as,
      kioskClient,
      oauth.ClientSecretBasic(kiosk.client_secret),
      new URLSearchParams(),
      options,
    );
    expect((await oauth.processClientCredentialsResponse(as, kioskClient, res)).access_token).toBeTruthy();
  });

  it('reads a reused and an expired refresh token as invalid_grant', async () => {
    const as = await discover();
    const auth = oauth.ClientSecretPost(eventsApp.client_secret);
    const refresh = async (token: string) =>
      oauth.processRefreshTokenResponse(as, app, await oauth.refreshTokenGrantRequest(as, app, auth, token, options));
    const first = await oauth.processClientCredentialsResponse(
      as,
      app,
      await oauth.clientCredentialsGrantRequest(as, app, auth, new URLSearchParams(), options),
    );
    const used = first.refresh_token as string;
    const second = await refresh(used);
    await expect(refresh(used)).rejects.toMatchObject({ error: 'invalid_grant', status: 400 });
    t.mocks.clock.advance(refreshTtl + 1);
    await expect(refresh(second.refresh_token as string)).rejects.toBeInstanceOf(oauth.ResponseBodyError);
  });
});

describe.each(targetNames)('EventBookings with openid-client (%s)', (name) => {
  const t = useTarget(name);

  it('discovers the issuer and runs client credentials and refresh', async () => {
    const config = await oidc(t, eventsApp);
    expect(config.serverMetadata().token_endpoint).toBe(`${t.base(identity)}/connect/token`);
    const tokens = await client.clientCredentialsGrant(config, { scope: 'event.read' });
    expect(tokens.scope).toBe('event.read');
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token as string);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
  });

  it('throws ResponseBodyError invalid_client for a wrong secret, Basic or body', async () => {
    for (const auth of ['basic', 'post'] as const) {
      const config = await oidc(t, { ...eventsApp, client_secret: 'nope' }, auth);
      const error = await client.clientCredentialsGrant(config).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(client.ResponseBodyError);
      expect(error).toMatchObject({ error: 'invalid_client', status: 400 });
    }
  });

  it('throws invalid_grant for a reused refresh token', async () => {
    const config = await oidc(t, eventsApp);
    const tokens = await client.clientCredentialsGrant(config);
    await client.refreshTokenGrant(config, tokens.refresh_token as string);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token as string)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });
});

describe.each(targetNames)('EventBookings with simple-oauth2 (%s)', (name) => {
  const t = useTarget(name);
  const grant = (app: { client_id: string; client_secret: string }, authorizationMethod: 'header' | 'body') => {
    const { origin, prefix } = t.split(identity);
    return new ClientCredentials({
      client: { id: app.client_id, secret: app.client_secret },
      auth: { tokenHost: origin, tokenPath: `${prefix}/connect/token` },
      options: { authorizationMethod },
    });
  };

  it('gets and refreshes a token with header and body authentication', async () => {
    for (const method of ['header', 'body'] as const) {
      const token = await grant(eventsApp, method).getToken({ scope: 'event.read event.create' });
      expect(token.token.token_type).toBe('Bearer');
      const refreshed = await token.refresh();
      expect(refreshed.token.access_token).not.toBe(token.token.access_token);
    }
    // simple-oauth2 form-encodes Basic credentials (RFC 6749 §2.3.1); IdentityServer decodes them.
    expect((await grant(kiosk, 'header').getToken({})).token.access_token).toBeTruthy();
  });

  it('reports a wrong secret as a 400 invalid_client, header or body', async () => {
    for (const method of ['header', 'body'] as const) {
      const error = await grant({ ...eventsApp, client_secret: 'nope' }, method)
        .getToken({})
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ output: { statusCode: 400 }, data: { payload: { error: 'invalid_client' } } });
    }
  });

  it('reports a reused refresh token as invalid_grant', async () => {
    const token = await grant(eventsApp, 'body').getToken({});
    await token.refresh();
    await expect(token.refresh()).rejects.toMatchObject({ data: { payload: { error: 'invalid_grant' } } });
  });
});

describe.each(targetNames)('EventBookings with axios and fetch (%s)', (name) => {
  const t = useTarget(name);
  const tokenUrl = () => `${t.base(identity)}/connect/token`;

  it('gets a token with axios (Basic) and with fetch (body), and reads the discovery document', async () => {
    const viaAxios = await axios.post(tokenUrl(), new URLSearchParams({ grant_type: 'client_credentials' }), {
      auth: { username: eventsApp.client_id, password: eventsApp.client_secret },
    });
    expect(viaAxios.status).toBe(200);
    expect(viaAxios.headers['cache-control']).toBe('no-store');
    expect(viaAxios.headers.pragma).toBe('no-cache');
    const viaFetch = await fetch(tokenUrl(), {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: eventsApp.client_id,
        client_secret: eventsApp.client_secret,
      }),
    });
    expect(viaFetch.status).toBe(200);
    const doc = await axios.get(`${t.base(identity)}/.well-known/openid-configuration`);
    expect(doc.data.token_endpoint).toBe(tokenUrl());
  });

  it('sees a wrong secret as 400 invalid_client without a challenge', async () => {
    const error = await axios
      .post(tokenUrl(), new URLSearchParams({ grant_type: 'client_credentials' }), {
        auth: { username: eventsApp.client_id, password: 'nope' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    const response = (error as AxiosError<{ error: string; error_description: string }>).response;
    expect([response?.status, response?.data.error]).toEqual([400, 'invalid_client']);
    expect(response?.headers['www-authenticate']).toBeUndefined();
    expect(response?.data.error_description).not.toMatch(/\(\w+_\w+\)/);
  });
});
