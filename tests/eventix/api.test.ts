import { beforeEach, expect, it } from 'vitest';
import { events } from '../../mocks/providers/eventix/fixtures.js';
import { apiHosts } from '../../mocks/providers/eventix/operations.js';
import { eachDoor } from '../support/doors.js';
import {
  api,
  auth,
  elsewhere,
  guids,
  jane,
  lowlands,
  noorderzon,
  priya,
  sam,
  type Tokens,
  tokensFor,
  withToken,
} from '../support/eventix.js';

const eventOf = (company: string) => events.find((e) => e.company_id === company)?.guid as string;

eachDoor('eventix /users/me (%s door)', (door) => {
  it('answers the seed body for the token user', async () => {
    const { access_token } = await tokensFor(door);
    const res = await door.call(`${auth}/users/me`, { headers: withToken(access_token, lowlands.guid) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      guid: jane.guid,
      default_company_id: jane.default_company_id,
      whitelabel_id: jane.whitelabel_id,
      name: 'Jane Appleseed',
      email: 'jane.appleseed@example.com',
      phone: null,
      created_at: '2011-12-13T11:12:13+02:00',
      updated_at: '2020-12-13T14:15:16+01:00',
      deleted_at: null,
    });
  });

  it('refuses no token, another scheme, and an unknown token with 401 and a Bearer challenge', async () => {
    const cases = [
      [{}, 'invalid_request'],
      [{ authorization: 'Basic dXNlcjpwYXNz' }, 'invalid_request'],
      [{ authorization: 'Bearer not-a-token' }, 'invalid_token'],
    ] as const;
    for (const [headers, code] of cases) {
      const res = await door.call(`${auth}/users/me`, { headers });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe(code);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="auth\.eventix\.io"/);
    }
  });

  it('refuses a Company header naming a company the token does not cover', async () => {
    const { access_token } = await tokensFor(door);
    const res = await door.call(`${auth}/users/me`, { headers: withToken(access_token, elsewhere.guid) });
    expect([res.status, res.body.error]).toEqual([401, 'invalid_token']);
  });
});

eachDoor('eventix Company header (%s door)', (door) => {
  let janes: Tokens;
  beforeEach(async () => {
    janes = await tokensFor(door);
  });
  const list = (company?: string | string[], token = janes.access_token) =>
    door.call(`${api}/event`, { headers: withToken(token, company) });

  it('without the header, covers every company of the token', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(new Set(guids(res))).toEqual(new Set([lowlands.guid, noorderzon.guid]));
  });

  it('narrows to one company, to a comma-separated list, to repeated headers, and to * (all)', async () => {
    expect(new Set(guids(await list(noorderzon.guid)))).toEqual(new Set([noorderzon.guid]));
    expect(new Set(guids(await list(lowlands.guid.toUpperCase())))).toEqual(new Set([lowlands.guid]));
    const both = new Set([lowlands.guid, noorderzon.guid]);
    expect(new Set(guids(await list(`${lowlands.guid}, ${noorderzon.guid}`)))).toEqual(both);
    expect(new Set(guids(await list([lowlands.guid, noorderzon.guid])))).toEqual(both);
    expect(new Set(guids(await list('*')))).toEqual(both);
  });

  it('answers 401 for a company the token does not cover, alone or in a list, known or not', async () => {
    for (const company of [
      elsewhere.guid,
      `${lowlands.guid},${elsewhere.guid}`,
      [noorderzon.guid, elsewhere.guid],
      '00000000-0000-4000-8000-000000000000',
      'not-a-guid',
    ]) {
      const res = await list(company);
      expect(res.status, JSON.stringify(company)).toBe(401);
      expect(res.body.error).toBe('invalid_token');
      expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    }
  });

  it('selects nothing with a blank header: lists are empty', async () => {
    const res = await list(' ');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it('limits a one-company user to that company', async () => {
    const sams = await tokensFor(door, { loginHint: sam.guid });
    expect(new Set(guids(await list(undefined, sams.access_token)))).toEqual(new Set([noorderzon.guid]));
    expect((await list(lowlands.guid, sams.access_token)).status).toBe(401);
  });

  it('serves the same state on every API host', async () => {
    for (const host of apiHosts) {
      const res = await door.call(`https://${host}/event`, { headers: withToken(janes.access_token, lowlands.guid) });
      expect(res.status).toBe(200);
      expect(new Set(guids(res))).toEqual(new Set([lowlands.guid]));
    }
  });
});

eachDoor('eventix events and tickets (%s door)', (door) => {
  it('lists upcoming events by the mock clock: an event drops out once it has ended', async () => {
    // Each step signs in again: a jump of years outlives the 3-day access token.
    const upcoming = async () => {
      const { access_token } = await tokensFor(door);
      const res = await door.call(`${api}/event/upcoming`, { headers: withToken(access_token) });
      return res.body.map((e: { name: string }) => e.name);
    };
    expect(await upcoming()).toEqual(['Lowlands Winter Edition', 'Noorderzon Opening Night']);
    door.mocks.control.setClock('2031-01-25T02:59:59Z'); // Winter Edition ends 04:00 +01:00
    expect(await upcoming()).toEqual(['Lowlands Winter Edition', 'Noorderzon Opening Night']);
    door.mocks.control.setClock('2031-01-25T03:00:00Z');
    expect(await upcoming()).toEqual(['Noorderzon Opening Night']);
  });

  it("lists an event's tickets; another company's event, or one narrowed out, is 404", async () => {
    const { access_token } = await tokensFor(door);
    const own = await door.call(`${api}/event/${eventOf(noorderzon.guid)}/ticket`, {
      headers: withToken(access_token),
    });
    expect(own.status).toBe(200);
    expect(own.body).toHaveLength(2);
    expect(own.body.every((t: { event_id: string }) => t.event_id === eventOf(noorderzon.guid))).toBe(true);
    const narrowedOut = await door.call(`${api}/event/${eventOf(noorderzon.guid)}/ticket`, {
      headers: withToken(access_token, lowlands.guid),
    });
    const foreign = await door.call(`${api}/event/${eventOf(elsewhere.guid)}/ticket`, {
      headers: withToken(access_token),
    });
    const unknown = await door.call(`${api}/event/00000000-0000-4000-8000-000000000000/ticket`, {
      headers: withToken(access_token),
    });
    for (const res of [narrowedOut, foreign, unknown]) expect([res.status, res.body.error]).toEqual([404, 'not_found']);
  });

  it('lets a user of the third company see its events only', async () => {
    const { access_token } = await tokensFor(door, { loginHint: priya.guid });
    const res = await door.call(`${api}/event`, { headers: withToken(access_token) });
    expect(guids(res)).toEqual([elsewhere.guid]);
  });
});

eachDoor('eventix orders: one company, paginated (%s door)', (door) => {
  const orders = (token: string, company?: string | string[], query = '') =>
    door.call(`${api}/orders${query}`, { headers: withToken(token, company) });

  it('needs exactly one company: zero or several selected is 400 invalid_request', async () => {
    const { access_token } = await tokensFor(door);
    for (const company of [undefined, '*', `${lowlands.guid},${noorderzon.guid}`, ' ']) {
      const res = await orders(access_token, company);
      expect([res.status, res.body.error], JSON.stringify(company)).toEqual([400, 'invalid_request']);
    }
    const foreign = await orders(access_token, elsewhere.guid);
    expect(foreign.status).toBe(401);
  });

  it('works without the header for a token that covers one company', async () => {
    const { access_token } = await tokensFor(door, { loginHint: sam.guid });
    const res = await orders(access_token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, last_page: 1, current_page: 1 });
    expect(res.body.data.every((o: { company_id: string }) => o.company_id === noorderzon.guid)).toBe(true);
  });

  it('pages with data and last_page, newest first; past the last page is empty', async () => {
    const { access_token } = await tokensFor(door);
    const first = await orders(access_token, lowlands.guid);
    expect(first.body).toMatchObject({ total: 23, per_page: 15, last_page: 2, current_page: 1, from: 1, to: 15 });
    expect(first.body.data).toHaveLength(15);
    const created = first.body.data.map((o: { created_at: string }) => o.created_at);
    expect(created).toEqual([...created].sort().reverse());
    const second = await orders(access_token, lowlands.guid, '?page=2');
    expect(second.body).toMatchObject({ current_page: 2, from: 16, to: 23 });
    expect(second.body.data).toHaveLength(8);
    const seen = new Set([...first.body.data, ...second.body.data].map((o: { guid: string }) => o.guid));
    expect(seen.size).toBe(23);
    const past = await orders(access_token, lowlands.guid, '?page=3');
    expect(past.body).toMatchObject({ data: [], from: null, to: null, last_page: 2 });
    const small = await orders(access_token, lowlands.guid, '?per_page=5&page=5');
    expect(small.body).toMatchObject({ last_page: 5, from: 21, to: 23 });
  });

  it('refuses a page or per_page that is not a positive integer in range, naming the field', async () => {
    const { access_token } = await tokensFor(door);
    for (const [query, field] of [
      ['?page=0', 'page'],
      ['?page=abc', 'page'],
      ['?page=-1', 'page'],
      ['?per_page=101', 'per_page'],
      ['?per_page=1.5', 'per_page'],
    ] as const) {
      const res = await orders(access_token, lowlands.guid, query);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toBe('invalid_request');
      expect(Object.keys(res.body.errors)).toEqual([field]);
    }
  });
});
