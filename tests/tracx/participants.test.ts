import { describe, expect, it } from 'vitest';
import { doorNames, eachDoor, openDoor } from '../support/doors.js';
import {
  auth,
  eventParticipantsUrl,
  lastReason,
  listOnlyToken,
  otherEventId,
  participant,
  participantUrl,
  raceOf,
  scopedEventId,
  sessionFor,
  singleEventToken,
} from '../support/tracx.js';

const uniqueIds = (body: { data: { items: { unique_id: string }[] } }) => body.data.items.map((p) => p.unique_id);

eachDoor('storeParticipant through the %s door', { providers: ['tracx'] }, (door) => {
  const race = raceOf(1);

  it('inserts with 201 and {data: participant}, then updates the same unique_id with 200', async () => {
    const { token } = await sessionFor(door);
    const created = await door.call(participantUrl, { headers: auth(token), json: participant(race) });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      unique_id: 'runner-1',
      event_id: 1,
      race_id: race,
      full_name: 'Kris Kuiper',
      chip_code: '0000001',
    });
    const updated = await door.call(participantUrl, {
      headers: auth(token),
      json: participant(race, { chip_code: '0000042', first_name: 'Kim' }),
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({
      id: created.body.data.id,
      chip_code: '0000042',
      full_name: 'Kim Kuiper',
    });
    const list = await door.call(eventParticipantsUrl(1), { headers: auth(token) });
    expect(list.body.data.items).toHaveLength(1);
  });

  it('accepts a numeric-string race_id and a form body, as Laravel does', async () => {
    const { token } = await sessionFor(door);
    const form = Object.fromEntries(
      Object.entries(participant(race, { race_id: String(race), team_name: 'Harriers' })).filter(([, v]) => v !== null),
    ) as Record<string, string>;
    const res = await door.call(participantUrl, { headers: auth(token), form });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ race_id: race, team_name: 'Harriers' });
  });

  it('reads a multipart body as Laravel does', async () => {
    const { token } = await sessionFor(door);
    const multipart = Object.fromEntries(
      Object.entries(participant(race, { race_id: String(race), unique_id: 'runner-mp' })).filter(
        ([, v]) => v !== null,
      ),
    ) as Record<string, string>;
    const res = await door.call(participantUrl, { headers: auth(token), multipart });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ unique_id: 'runner-mp', race_id: race });
  });

  it.each([
    ['unique_id with a space', { unique_id: 'runner 1' }, ['unique_id']],
    ['unique_id over 100 characters', { unique_id: 'x'.repeat(101) }, ['unique_id']],
    ['chip_code of 6 characters', { chip_code: '000001' }, ['chip_code']],
    ['chip_code of 8 characters', { chip_code: '00000001' }, ['chip_code']],
    ['gender outside male|female|neutral', { gender: 'other' }, ['gender']],
    ['race_id that is not an integer', { race_id: 'abc' }, ['race_id']],
    ['race_id that is a decimal', { race_id: 1.5 }, ['race_id']],
    ['race_id of no race', { race_id: 999 }, ['race_id']],
    [
      'missing required fields',
      { unique_id: undefined, first_name: '', chip_code: undefined },
      ['chip_code', 'first_name', 'unique_id'],
    ],
    ['a bad date and state', { date_of_birth: '2001-02-30', state: 'asleep' }, ['date_of_birth', 'state']],
    ['an unknown country', { country_code: 'XQ' }, ['country_code']],
  ])('rejects %s with 422 {message, errors} naming the fields', async (_name, overrides, fields) => {
    const { token } = await sessionFor(door);
    const res = await door.call(participantUrl, { headers: auth(token), json: participant(race, overrides) });
    expect(res.status).toBe(422);
    expect(typeof res.body.message).toBe('string');
    expect(Object.keys(res.body.errors).sort()).toEqual(fields);
    expect(lastReason(door)).toBe('validation_failed');
  });

  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{"unique_id":'],
    ['a JSON array', { 'content-type': 'application/json' }, '[]'],
    ['a text body', { 'content-type': 'text/plain' }, 'hello'],
    ['no body', {}, ''],
  ])('reads %s as empty input: 422 with the required fields', async (_name, headers, raw) => {
    const { token } = await sessionFor(door);
    const res = await door.call(participantUrl, { method: 'POST', headers: { ...headers, ...auth(token) }, raw });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['unique_id', 'chip_code', 'race_id']));
  });

  it('answers a body over 1 MiB with 413', async () => {
    const { token } = await sessionFor(door);
    const res = await door.call(participantUrl, {
      headers: auth(token),
      json: participant(race, { team_name: 'x'.repeat(1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(typeof res.body.message).toBe('string');
  });

  it('needs participants.store: 403 for the list-only token, and nothing is stored', async () => {
    const { token } = await sessionFor(door, listOnlyToken);
    const res = await door.call(participantUrl, { headers: auth(token), json: participant(race) });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ message: 'This action is unauthorized.' });
    expect(lastReason(door)).toBe('scope_missing');
    const list = await door.call(eventParticipantsUrl(1), { headers: auth(token) });
    expect(list.body.data.items).toEqual([]);
  });

  it('refuses a race outside the single-event token’s scope with 422 race_id, and takes one inside', async () => {
    const { token } = await sessionFor(door, singleEventToken);
    const outside = await door.call(participantUrl, { headers: auth(token), json: participant(raceOf(otherEventId)) });
    expect(outside.status).toBe(422);
    expect(Object.keys(outside.body.errors)).toEqual(['race_id']);
    const inside = await door.call(participantUrl, { headers: auth(token), json: participant(raceOf(scopedEventId)) });
    expect(inside.status).toBe(201);
    expect(inside.body.data.event_id).toBe(scopedEventId);
  });
});

eachDoor('storeEventParticipants and listEventParticipants through the %s door', { providers: ['tracx'] }, (door) => {
  const race = raceOf(1);
  const batch = [participant(race, { unique_id: 'a-1' }), participant(race, { unique_id: 'a-2', gender: 'neutral' })];

  it('accepts a batch with 202 and shows it only once the clock passes the import delay (5 s)', async () => {
    const { token } = await sessionFor(door);
    const res = await door.call(eventParticipantsUrl(1), { headers: auth(token), json: batch });
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ event_id: 1, status: 'queued', participants: 2 });
    const list = () => door.call(eventParticipantsUrl(1), { headers: auth(token) });
    expect(uniqueIds((await list()).body)).toEqual([]);
    door.mocks.control.advanceClock(4);
    expect(uniqueIds((await list()).body)).toEqual([]);
    door.mocks.control.advanceClock(1);
    expect(uniqueIds((await list()).body)).toEqual(['a-1', 'a-2']);
  });

  it('lets the control plane list stored participants and queued imports', async () => {
    const { token } = await sessionFor(door);
    await door.call(eventParticipantsUrl(1), { headers: auth(token), json: batch });
    const queued = (await door.mocks.control.action('tracx', 'participants', { event_id: 1 })) as {
      participants: unknown[];
      queued: { participants: number }[];
    };
    expect(queued.participants).toEqual([]);
    expect(queued.queued.map((b) => b.participants)).toEqual([2]);
    door.mocks.control.advanceClock(5);
    const done = (await door.mocks.control.action('tracx', 'participants', {})) as typeof queued;
    expect(done.participants).toHaveLength(2);
    expect(done.queued).toEqual([]);
  });

  it('validates the whole array before queueing: 422 keyed by position, nothing queued', async () => {
    const { token } = await sessionFor(door);
    const res = await door.call(eventParticipantsUrl(1), {
      headers: auth(token),
      json: [participant(race), participant(race, { unique_id: 'b', chip_code: '1', race_id: raceOf(3) })],
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors).sort()).toEqual(['1.chip_code', '1.race_id']);
    const after = (await door.mocks.control.action('tracx', 'participants', {})) as { queued: unknown[] };
    expect(after.queued).toEqual([]);
  });

  it.each([
    ['an object instead of an array', { participants: [] }],
    ['an empty array', []],
    ['an array of non-objects', ['x']],
  ])('rejects %s with 422', async (_name, json) => {
    const { token } = await sessionFor(door);
    const res = await door.call(eventParticipantsUrl(1), { headers: auth(token), json });
    expect(res.status).toBe(422);
  });

  it('needs participants.store-multiple: 403 for the list-only token', async () => {
    const { token } = await sessionFor(door, listOnlyToken);
    const res = await door.call(eventParticipantsUrl(1), { headers: auth(token), json: batch });
    expect(res.status).toBe(403);
    expect(lastReason(door)).toBe('scope_missing');
  });

  it.each([
    ['POST', 'storeEventParticipants'],
    ['GET', 'listEventParticipants'],
  ])('%s refuses an event outside the token’s scope with 403 and an unknown one with 404', async (method) => {
    const { token } = await sessionFor(door, singleEventToken);
    const init = method === 'POST' ? { json: [participant(raceOf(otherEventId))] } : { method };
    const foreign = await door.call(eventParticipantsUrl(otherEventId), { headers: auth(token), ...init });
    expect(foreign.status).toBe(403);
    expect(lastReason(door)).toBe('forbidden');
    for (const id of [999, 'abc']) {
      const unknown = await door.call(eventParticipantsUrl(id), { headers: auth(token), ...init });
      expect(unknown.status).toBe(404);
      expect(lastReason(door)).toBe('not_found');
    }
  });
});

describe.each(doorNames)('store-multiple with batchDelaySeconds: 0 through the %s door', (doorName) => {
  const door = openDoor(doorName, { providers: ['tracx'], options: { tracx: { batchDelaySeconds: 0 } } });

  it('shows the imported participants from the next request on', async () => {
    const { token } = await sessionFor(door);
    const race = raceOf(1);
    const res = await door.call(eventParticipantsUrl(1), { headers: auth(token), json: [participant(race)] });
    expect(res.status).toBe(202);
    const list = await door.call(eventParticipantsUrl(1), { headers: auth(token) });
    expect(uniqueIds(list.body)).toEqual(['runner-1']);
  });
});

describe.each(doorNames)(
  'required fields of Save Single vs Save Multiple Participants through the %s door',
  (doorName) => {
    const door = openDoor(doorName, { providers: ['tracx'], options: { tracx: { batchDelaySeconds: 0 } } });
    const race = raceOf(1);
    const withoutNumbers = () => {
      const { start_number: _s, chip_code: _c, ...rest } = participant(race, { unique_id: 'no-numbers' });
      return rest;
    };

    it('imports a bulk participant without start_number and chip_code (the bulk page does not require them)', async () => {
      const { token } = await sessionFor(door);
      const res = await door.call(eventParticipantsUrl(1), { headers: auth(token), json: [withoutNumbers()] });
      expect(res.status).toBe(202);
      const list = await door.call(eventParticipantsUrl(1), { headers: auth(token) });
      expect(list.body.data.items).toEqual([
        expect.objectContaining({ unique_id: 'no-numbers', start_number: null, chip_code: null }),
      ]);
    });

    it('still checks start_number and chip_code in bulk when they are given', async () => {
      const { token } = await sessionFor(door);
      const res = await door.call(eventParticipantsUrl(1), {
        headers: auth(token),
        json: [participant(race, { chip_code: '123', start_number: 'not ok!' })],
      });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors).sort()).toEqual(['0.chip_code', '0.start_number']);
    });

    it.each(['unique_id', 'first_name', 'last_name', 'date_of_birth', 'race_id'])(
      'still requires %s in bulk',
      async (field) => {
        const { token } = await sessionFor(door);
        const res = await door.call(eventParticipantsUrl(1), {
          headers: auth(token),
          json: [participant(race, { [field]: undefined })],
        });
        expect(res.status).toBe(422);
        expect(Object.keys(res.body.errors)).toEqual([`0.${field}`]);
      },
    );

    it('refuses the same participant on the single endpoint: start_number and chip_code are required there', async () => {
      const { token } = await sessionFor(door);
      const res = await door.call(participantUrl, { headers: auth(token), json: withoutNumbers() });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors).sort()).toEqual(['chip_code', 'start_number']);
    });
  },
);
