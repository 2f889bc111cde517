/**
 * A path no operation serves, or a method a path does not take, is answered in the shape of the
 * provider's own web framework, never with an OAuth `error` member (client libraries report that
 * as an OAuth error code: badgateway's `oauth2Code`, openid-client's `OPError`). The journal
 * keeps the reason.
 */
import { expect, it } from 'vitest';
import { eachDoor } from '../support/doors.js';

const unknownPaths = [
  // host, the body it answers (undefined: none)
  ['auth.eventix.io', { message: 'The route no/such/operation could not be found.' }],
  ['api.eventix.io', { message: 'The route no/such/operation could not be found.' }],
  ['identity.eventbookings.com', undefined],
  ['api.eventbookings.com', undefined],
] as const;

eachDoor('unknown routes (%s door)', (door) => {
  const lastReason = () => door.mocks.engine.journal.entries().at(-1)?.reason;

  it.each(unknownPaths)('answers an unknown path on %s with 404 in its framework shape', async (host, body) => {
    const res = await door.call(`https://${host}/no/such/operation`);
    expect(res.status).toBe(404);
    if (body === undefined) expect(res.text).toBe('');
    else expect(res.body).toEqual(body);
    expect(lastReason()).toBe('route_not_found');
  });

  it.each([
    'api.backopslive.com',
    'auth.eventix.io',
    'api.eventix.io',
    'identity.eventbookings.com',
    'api.eventbookings.com',
    'api.tracx.events',
    'api.teletracker.net',
  ])('never answers an unknown path or method on %s with an OAuth error member', async (host) => {
    const unknown = await door.call(`https://${host}/no/such/operation`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).not.toMatch(/"error"\s*:/);
    const paths: Record<string, string> = {
      'auth.eventix.io': '/tokens',
      'identity.eventbookings.com': '/connect/token',
    };
    const known = paths[host];
    if (known !== undefined) {
      const wrongMethod = await door.call(`https://${host}${known}`, { method: 'DELETE' });
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.allow).toBe('POST');
      expect(wrongMethod.text).not.toMatch(/"error"\s*:/);
      expect(lastReason()).toBe('method_not_allowed');
    }
  });
});
