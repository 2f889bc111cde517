/** EventBookings' OpenID discovery document, through both doors and with openid-client. */
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { eachDoor } from '../support/doors.js';
import { openIdMetadataProblems } from '../support/oidc-metadata.js';
import { targetNames, useTarget } from '../support/targets.js';

const discoveryUrl = 'https://identity.eventbookings.com/.well-known/openid-configuration';
const [eventsApp] = applications as [(typeof applications)[0]];

eachDoor('EventBookings discovery (%s door)', { providers: ['eventbookings'] }, (door, name) => {
  it('serves the document with the URLs of the host the request reached', async () => {
    const res = await door.call(discoveryUrl);
    expect(res.status).toBe(200);
    const issuer = res.body.issuer as string;
    if (name === 'msw') expect(issuer).toBe('https://identity.eventbookings.com');
    else expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/identity\.eventbookings\.com$/);
    expect(res.body.token_endpoint).toBe(`${issuer}/connect/token`);
    expect(res.body.jwks_uri).toBe(`${issuer}/.well-known/openid-configuration/jwks`);
    expect(res.body.grant_types_supported).toEqual(['client_credentials', 'refresh_token']);
    expect(res.body.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post']);
    expect(res.body.scopes_supported).toEqual(['event.create', 'event.read']);
  });

  it("passes the checks of Authlib's OpenIDProviderMetadata.validate()", async () => {
    const res = await door.call(discoveryUrl);
    // Authlib also wants https URLs: the standalone server's are plain http.
    expect(openIdMetadataProblems(res.body, { https: name === 'msw' })).toEqual([]);
  });

  it('serves a working key set at the jwks_uri: empty, as the mock signs nothing', async () => {
    const res = await door.call(`${discoveryUrl}/jwks`);
    expect([res.status, res.body]).toEqual([200, { keys: [] }]);
  });

  it('lists only endpoints it serves: no authorization, userinfo or end-session endpoint', async () => {
    const res = await door.call(discoveryUrl);
    for (const key of ['authorization_endpoint', 'userinfo_endpoint', 'end_session_endpoint']) {
      expect(res.body[key], key).toBeUndefined();
    }
  });
});

describe('the Authlib metadata checks', () => {
  it('reject a document without jwks_uri, or an OIDC document that misses its required members', () => {
    const doc = {
      issuer: 'https://identity.eventbookings.com',
      token_endpoint: 'https://identity.eventbookings.com/connect/token',
      grant_types_supported: ['client_credentials'],
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
    };
    expect(openIdMetadataProblems(doc)).toEqual(['"jwks_uri" is required']);
    expect(openIdMetadataProblems({ issuer: 'http://x.example?a=1' })).toEqual([
      '"issuer" MUST use "https" scheme',
      '"issuer" has no query or fragment',
      '"authorization_endpoint" is required',
      '"token_endpoint" is required',
      '"jwks_uri" is required',
      '"response_types_supported" is required',
      '"subject_types_supported" is required',
      '"id_token_signing_alg_values_supported" is required',
    ]);
  });
});

describe.each(targetNames)('EventBookings discovery with openid-client (%s)', (name) => {
  const t = useTarget(name);

  it('discovers the server (OIDC discovery), reads its key set, and gets a token', async () => {
    const config = await client.discovery(
      new URL(t.base('identity.eventbookings.com')),
      eventsApp.client_id,
      undefined,
      client.ClientSecretPost(eventsApp.client_secret),
      t.insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(t.base('identity.eventbookings.com'));
    expect(metadata.jwks_uri).toBe(`${t.base('identity.eventbookings.com')}/.well-known/openid-configuration/jwks`);
    const jwks = await fetch(metadata.jwks_uri as string);
    expect([jwks.status, await jwks.json()]).toEqual([200, { keys: [] }]);
    const tokens = await client.clientCredentialsGrant(config);
    expect(tokens.access_token).toEqual(expect.any(String));
  });
});
