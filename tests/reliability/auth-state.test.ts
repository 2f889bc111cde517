/**
 * Requests that fail authentication leave every store as it was: no token, code or session, no
 * owner entry or count, no record, no remembered refusal, in any provider (a flood of bad
 * credentials must not grow the server). And the journal redacts query values by whole parameter
 * names: `sig` hides a signature, not `design`. Through both doors.
 */
import { expect, it } from 'vitest';
import { type CallInit, eachDoor } from '../support/doors.js';

/** Requests each failing authentication in its own way, per provider; `i` makes every credential new. */
const failing: Record<string, (i: number) => [string, CallInit][]> = {
  eventbookings: (i) => [
    [
      'https://identity.eventbookings.com/connect/token',
      { form: { grant_type: 'client_credentials', client_id: `nobody-${i}`, client_secret: `wrong-${i}` } },
    ],
    [
      'https://identity.eventbookings.com/connect/token',
      { form: { grant_type: 'client_credentials', client_id: 'eb-demo-events', client_secret: `wrong-${i}` } },
    ],
    ['https://api.eventbookings.com/me', { headers: { authorization: `Bearer bogus-${i}` } }],
  ],
  eventix: (i) => [
    [
      'https://auth.eventix.io/tokens',
      {
        form: {
          grant_type: 'authorization_code',
          client_id: 'ex-demo-app',
          client_secret: `wrong-${i}`,
          code: `bogus-${i}`,
          redirect_uri: 'https://example.com/cb',
        },
      },
    ],
    [
      'https://auth.eventix.io/tokens',
      { form: { grant_type: 'refresh_token', client_id: `nobody-${i}`, client_secret: 'x', refresh_token: `r-${i}` } },
    ],
    ['https://api.eventix.io/users/me', { headers: { authorization: `Bearer bogus-${i}` } }],
  ],
  tracx: (i) => [
    ['https://api.tracx.events/v1/connect/session-token', { method: 'POST', headers: { authorization: `bogus-${i}` } }],
    ['https://api.tracx.events/v1/connect/events', { headers: { authorization: `Bearer bogus-${i}` } }],
  ],
  backops: (i) => [
    [
      'https://api.backopslive.com/Organizations/1/authorize',
      { method: 'POST', headers: { authorization: `Bearer bogus-${i}` } },
    ],
    ['https://api.backopslive.com/Events/1', { headers: { authorization: `Bearer bogus-${i}` } }],
  ],
  teletracker: (i) => [
    ['https://api.teletracker.net/auth/login', { json: { username: `nobody-${i}`, password: `wrong-${i}` } }],
    ['https://api.teletracker.net/auth/refresh', { method: 'POST', headers: { authorization: `Bearer bogus-${i}` } }],
    ['https://api.teletracker.net/reports/call-data', { headers: { authorization: `Bearer bogus-${i}` } }],
  ],
};

eachDoor('a request failing authentication creates no state (%s door)', (door) => {
  it.each(Object.keys(failing))('%s: snapshots and held credentials are unchanged after 50 rounds', async (id) => {
    const provider = door.mocks.engine.providers.get(id);
    if (provider === undefined) throw new Error(`no provider ${id}`);
    await provider.ready?.();
    // The held credentials as listed (refusals remembered included), without the passing time.
    const held = () =>
      JSON.stringify(door.mocks.control.tokens(), (key, value) =>
        key === 'now' || key === 'expiresInSeconds' ? undefined : value,
      );
    const before = { state: provider.snapshot(), tokens: held() };
    const statuses = new Set<number>();
    for (let i = 0; i < 50; i++) {
      for (const [url, init] of failing[id]?.(i) ?? []) statuses.add((await door.call(url, init)).status);
    }
    // Every one refused (4xx), none answered with a credential.
    expect([...statuses].every((s) => s >= 400 && s < 500)).toBe(true);
    expect(provider.snapshot()).toBe(before.state);
    expect(held()).toBe(before.tokens);
  });
});

eachDoor('journal redaction by whole parameter names (%s door)', { providers: ['eventbookings'] }, (door) => {
  it('hides sig, accessToken, apikey and X-Api-Key; keeps design, postcode and monkey', async () => {
    const query = new URLSearchParams({
      sig: 's3cret-1',
      accessToken: 's3cret-2',
      apikey: 's3cret-3',
      'X-Api-Key': 's3cret-4',
      design: 'kept-1',
      postcode: 'kept-2',
      monkey: 'kept-3',
    });
    await door.call(`https://api.eventbookings.com/me?${query}`);
    const [entry] = door.mocks.control.journal().entries;
    const logged = new URLSearchParams(entry?.query);
    for (const name of ['sig', 'accessToken', 'apikey', 'X-Api-Key']) expect(logged.get(name)).toBe('[redacted]');
    expect([logged.get('design'), logged.get('postcode'), logged.get('monkey')]).toEqual([
      'kept-1',
      'kept-2',
      'kept-3',
    ]);
  });
});
