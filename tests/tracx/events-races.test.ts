import { expect, it } from 'vitest';
import { eachDoor } from '../support/doors.js';
import {
  auth,
  events,
  eventsUrl,
  lastReason,
  listOnlyToken,
  otherEventId,
  races,
  racesUrl,
  scopedEventId,
  sessionFor,
  singleEventToken,
  storeOnlyToken,
} from '../support/tracx.js';

const ids = (items: { id: number }[]) => items.map((i) => i.id);

eachDoor('listEvents and listRaces through the %s door', { providers: ['tracx'] }, (door) => {
  it('listEvents returns every event in {data:{items}} for a token without an event limit', async () => {
    const { token } = await sessionFor(door, listOnlyToken);
    const res = await door.call(eventsUrl, { headers: auth(token) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { items: events } });
  });

  it('listEvents shows the single-event token only its event', async () => {
    const { token } = await sessionFor(door, singleEventToken);
    const res = await door.call(eventsUrl, { headers: auth(token) });
    expect(ids(res.body.data.items)).toEqual([scopedEventId]);
  });

  it('listRaces without event_id returns the races of every event in scope', async () => {
    const all = await door.call(racesUrl, { headers: auth((await sessionFor(door, listOnlyToken)).token) });
    expect(all.status).toBe(200);
    expect(all.body.data.items).toEqual(races);
    const scoped = await door.call(racesUrl, { headers: auth((await sessionFor(door, singleEventToken)).token) });
    expect(ids(scoped.body.data.items)).toEqual(races.filter((r) => r.event_id === scopedEventId).map((r) => r.id));
  });

  it('listRaces with event_id returns only that event’s races', async () => {
    const { token } = await sessionFor(door);
    const res = await door.call(`${racesUrl}?event_id=${otherEventId}`, { headers: auth(token) });
    expect(res.status).toBe(200);
    expect(res.body.data.items.length).toBeGreaterThan(0);
    expect(res.body.data.items.every((r: { event_id: number }) => r.event_id === otherEventId)).toBe(true);
  });

  it.each([
    ['an event outside the token’s scope', () => otherEventId],
    ['an unknown event', () => 999],
  ])('listRaces answers %s with an empty list', async (_name, eventId) => {
    const { token } = await sessionFor(door, singleEventToken);
    const res = await door.call(`${racesUrl}?event_id=${eventId()}`, { headers: auth(token) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { items: [] } });
  });

  it('listRaces answers a non-integer event_id with 422 and the field', async () => {
    const { token } = await sessionFor(door);
    const res = await door.call(`${racesUrl}?event_id=abc`, { headers: auth(token) });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['event_id']);
    expect(typeof res.body.message).toBe('string');
  });

  it.each([
    ['listEvents', eventsUrl],
    ['listRaces', racesUrl],
  ])('%s needs its permission: 403 for a token without it', async (_name, url) => {
    const { token } = await sessionFor(door, storeOnlyToken);
    const res = await door.call(url, { headers: auth(token) });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ message: 'This action is unauthorized.' });
    expect(lastReason(door)).toBe('scope_missing');
  });
});
