/** EventBookings' OpenID discovery document, through both doors. */
import { describe, expect, it } from 'vitest';
import { doorNames, openDoor } from '../support/doors.js';

describe.each(doorNames)('EventBookings discovery (%s door)', (name) => {
  const door = openDoor(name, { providers: ['eventbookings'] });

  it('serves the document with the URLs of the host the request reached', async () => {
    const res = await door.call('https://identity.eventbookings.com/.well-known/openid-configuration');
    expect(res.status).toBe(200);
    const issuer = res.body.issuer as string;
    if (name === 'msw') expect(issuer).toBe('https://identity.eventbookings.com');
    else expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/identity\.eventbookings\.com$/);
    expect(res.body.token_endpoint).toBe(`${issuer}/connect/token`);
    expect(res.body.grant_types_supported).toEqual(['client_credentials', 'refresh_token']);
    expect(res.body.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post']);
    expect(res.body.scopes_supported).toEqual(['event.create', 'event.read']);
  });
});
