/**
 * Eventix behaviour checked against the vendor's pages: the event and ticket objects of "Setting
 * up events" and "Creating tickets", and `PUT /users/me` from the Go example of "Issuing
 * requests" (its fields inferred).
 */
import { expect, it } from 'vitest';
import { events } from '../../mocks/providers/eventix/fixtures.js';
import { eachDoor } from '../support/doors.js';
import { api, auth, jane, lowlands, noorderzon, tokensFor, withToken } from '../support/eventix.js';

eachDoor('Eventix objects in the vendor shape (%s door)', { providers: ['eventix'] }, (door, _name) => {
  it('answers events with the documented fields and without the mock-only dates', async () => {
    const { access_token } = await tokensFor(door);
    const res = await door.call(`${api}/event`, { headers: withToken(access_token) });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const event of res.body) {
      expect(Object.keys(event).sort()).toEqual(
        [
          'company_id',
          'created_at',
          'currency',
          'description',
          'guid',
          'locale',
          'location_id',
          'name',
          'status',
          'type',
          'updated_at',
        ].sort(),
      );
      expect(event).toMatchObject({ status: 'normal', type: 'once', currency: 'EUR', locale: 'nl_NL' });
    }
  });

  it('answers tickets with the documented fields, without available_stock', async () => {
    const { access_token } = await tokensFor(door);
    const event = events.find((e) => e.company_id === noorderzon.guid)?.guid as string;
    const res = await door.call(`${api}/event/${event}/ticket`, { headers: withToken(access_token) });
    expect(res.status).toBe(200);
    for (const ticket of res.body) {
      expect(ticket).not.toHaveProperty('available_stock');
      expect(ticket).toMatchObject({ event_id: event, increment: 1, min_orderable_amount_per_order: 1, seated: false });
    }
  });
});

eachDoor('Eventix PUT /users/me (%s door)', { providers: ['eventix'] }, (door, _name) => {
  const me = `${auth}/users/me`;

  it('changes name, email and phone, answers the user, and GET /users/me then shows it', async () => {
    door.mocks.control.setClock('2030-05-06T07:08:09Z');
    const { access_token } = await tokensFor(door);
    const res = await door.call(me, {
      method: 'PUT',
      headers: withToken(access_token, lowlands.guid),
      json: { name: 'Jane Q. Appleseed', email: 'jane.q@example.com', phone: '+31 20 123 4567', guid: 'ignored' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      guid: jane.guid,
      name: 'Jane Q. Appleseed',
      email: 'jane.q@example.com',
      phone: '+31 20 123 4567',
      updated_at: '2030-05-06T07:08:09+00:00',
    });
    const after = await door.call(me, { headers: withToken(access_token) });
    expect(after.body).toEqual(res.body);
  });

  it('takes a form body, and phone "" clears the phone', async () => {
    const { access_token } = await tokensFor(door);
    await door.call(me, { method: 'PUT', headers: withToken(access_token), json: { phone: '+31 6 1234 5678' } });
    const res = await door.call(me, { method: 'PUT', headers: withToken(access_token), form: { phone: '' } });
    expect(res.status).toBe(200);
    expect(res.body.phone).toBeNull();
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }, ['email']],
    ['an empty name', { name: ' ' }, ['name']],
    ['a phone of the wrong type', { phone: 5 }, ['phone']],
    ['none of the fields', { guid: 'x' }, ['name']],
  ])('refuses %s with 400 invalid_request and the failing fields', async (_why, json, fields) => {
    const { access_token } = await tokensFor(door);
    const res = await door.call(me, { method: 'PUT', headers: withToken(access_token), json });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect(Object.keys(res.body.errors)).toEqual(fields);
  });

  it('refuses no token with 401, and a text body with 400 (the auth hosts answer media-type errors with 400)', async () => {
    expect((await door.call(me, { method: 'PUT', json: { name: 'X' } })).status).toBe(401);
    const { access_token } = await tokensFor(door);
    const res = await door.call(me, {
      method: 'PUT',
      headers: { ...withToken(access_token), 'content-type': 'text/plain' },
      raw: 'name=X',
    });
    expect([res.status, res.body.error]).toEqual([400, 'invalid_request']);
  });

  it('refuses a Company header the token does not cover with 401, and changes nothing', async () => {
    const { access_token } = await tokensFor(door);
    const res = await door.call(me, {
      method: 'PUT',
      headers: withToken(access_token, '00000000-0000-4000-8000-000000000000'),
      json: { name: 'Nope' },
    });
    expect(res.status).toBe(401);
    expect((await door.call(me, { headers: withToken(access_token) })).body.name).toBe('Jane Appleseed');
  });
});
