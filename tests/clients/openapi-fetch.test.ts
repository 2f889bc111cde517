/**
 * Typed clients under `setupMocks()`: openapi-fetch keeps the `fetch` it was given (or found on
 * `globalThis`) when the client was created. A client created at module level, before
 * `mocks.server.listen()` patches `fetch`, would call the real hosts. The README's two ways out,
 * proven here: pass `fetch: (request) => globalThis.fetch(request)`, or create the client after
 * `listen()`.
 */
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupMocks } from '../../mocks/doors/msw/node.js';
import type { paths as EventBookings } from '../../mocks/generated/eventbookings.js';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';

const app = applications[0] as (typeof applications)[0];

// The fetch in place when the module loads: a recorder, so the trap shows without any network.
const unpatched = vi.fn(async () => new Response('the real host', { status: 599 }));
vi.stubGlobal('fetch', unpatched);
// Created at module level, before listen(): the trap, and the first way out.
const trapped = createClient<EventBookings>({ baseUrl: 'https://api.eventbookings.com' });
const late = createClient<EventBookings>({
  baseUrl: 'https://api.eventbookings.com',
  fetch: (request) => globalThis.fetch(request),
});
const identityLate = createClient<EventBookings>({
  baseUrl: 'https://identity.eventbookings.com',
  fetch: (request) => globalThis.fetch(request),
});
vi.unstubAllGlobals();

const mocks = setupMocks({ providers: ['eventbookings'] });
beforeAll(() => mocks.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mocks.server.close());

async function token(client: typeof identityLate): Promise<string> {
  const { data, response } = await client.POST('/connect/token', {
    body: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret },
  });
  expect(response.status).toBe(200);
  return (data as { access_token: string }).access_token;
}

describe('openapi-fetch clients under setupMocks()', () => {
  it('a client created before listen() without a fetch option keeps the fetch it saw (the trap)', async () => {
    const { response } = await trapped.GET('/me');
    expect(response.status).toBe(599);
    expect(unpatched).toHaveBeenCalledTimes(1);
  });

  it('created before listen() with fetch: (r) => globalThis.fetch(r): token → call → clock → 401', async () => {
    const calls = unpatched.mock.calls.length;
    const access = await token(identityLate);
    const headers = { Authorization: `Bearer ${access}` };
    expect((await late.GET('/me', { headers })).response.status).toBe(200);
    mocks.control.advanceClock(24 * 3600);
    expect((await late.GET('/me', { headers })).response.status).toBe(401);
    expect(unpatched.mock.calls.length).toBe(calls);
  });

  it('created after listen() without a fetch option: reaches the mocks', async () => {
    mocks.control.reset();
    const identity = createClient<EventBookings>({ baseUrl: 'https://identity.eventbookings.com' });
    const api = createClient<EventBookings>({ baseUrl: 'https://api.eventbookings.com' });
    const access = await token(identity);
    expect((await api.GET('/me', { headers: { Authorization: `Bearer ${access}` } })).response.status).toBe(200);
  });
});
