/**
 * Queued imports stay bounded and cheap: caps on what one event queues and holds (a Laravel 422
 * beyond them), at most 1,000 fields in a 422's `errors`, and duplicates applied in order.
 */
import { describe, expect, it } from 'vitest';
import { doorNames, eachDoor, openDoor } from '../support/doors.js';
import {
  auth,
  eventParticipantsUrl,
  lastReason,
  participant,
  participantUrl,
  raceOf,
  sessionFor,
} from '../support/tracx.js';

const eventId = 1;
const race = raceOf(eventId);
const runners = (ids: string[]) => ids.map((id) => participant(race, { unique_id: id }));

describe.each(doorNames)('import caps through the %s door', (doorName) => {
  const door = openDoor(doorName, {
    providers: ['tracx'],
    options: { tracx: { maxQueuedParticipantsPerEvent: 3, maxParticipantsPerEvent: 4 } },
  });
  const queue = async (token: string, ids: string[]) =>
    door.call(eventParticipantsUrl(eventId), { headers: auth(token), json: runners(ids) });
  const advance = (seconds: number) => door.mocks.control.advanceClock(seconds);
  const stored = async (token: string) =>
    (await door.call(eventParticipantsUrl(eventId), { headers: auth(token) })).body.data.items.map(
      (p: { unique_id: string }) => p.unique_id,
    );

  it('queues up to the per-event cap, then answers 422 on participants and queues nothing', async () => {
    const { token } = await sessionFor(door);
    expect((await queue(token, ['a', 'b'])).status).toBe(202);
    const over = await queue(token, ['c', 'd']);
    expect(over.status).toBe(422);
    expect(Object.keys(over.body.errors)).toEqual(['participants']);
    expect(lastReason(door)).toBe('validation_failed');
    expect((await queue(token, ['c'])).status).toBe(202);
    expect((await queue(token, ['d'])).status).toBe(422);
    await advance(10);
    expect(await stored(token)).toEqual(['a', 'b', 'c']);
    // Applied: the queue has room again.
    expect((await queue(token, ['d'])).status).toBe(202);
  });

  it('holds the queue cap under concurrent batches: of two that each fit alone, one is refused', async () => {
    const { token } = await sessionFor(door);
    const statuses = (await Promise.all([queue(token, ['a', 'b']), queue(token, ['c', 'd'])])).map((r) => r.status);
    expect(statuses.sort()).toEqual([202, 422]);
    const queued = (await door.mocks.control.action('tracx', 'participants', { event_id: eventId })) as {
      queued: { participants: number }[];
    };
    expect(queued.queued.map((b) => b.participants)).toEqual([2]);
  });

  it('refuses one body with more items than the queue holds, whatever the items', async () => {
    const { token } = await sessionFor(door);
    const res = await door.call(eventParticipantsUrl(eventId), { headers: auth(token), json: [{}, {}, {}, {}] });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['participants']);
  });

  it('caps the participants an event holds; updates of held ones still pass', async () => {
    const { token } = await sessionFor(door);
    expect((await queue(token, ['a', 'b', 'c'])).status).toBe(202);
    await advance(10);
    expect((await queue(token, ['d'])).status).toBe(202);
    // Queued but not applied yet: counted, so a fifth participant is refused.
    const fifth = await queue(token, ['e']);
    expect(fifth.status).toBe(422);
    expect(Object.keys(fifth.body.errors)).toEqual(['participants']);
    const single = await door.call(participantUrl, {
      headers: auth(token),
      json: participant(race, { unique_id: 'e' }),
    });
    expect(single.status).toBe(422);
    await advance(10);
    expect((await queue(token, ['a', 'd'])).status).toBe(202);
    const update = await door.call(participantUrl, {
      headers: auth(token),
      json: participant(race, { unique_id: 'b', first_name: 'Kim' }),
    });
    expect(update.status).toBe(200);
    await advance(10);
    expect(await stored(token)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('applies a unique_id queued twice in order: the later batch wins, one participant', async () => {
    const { token } = await sessionFor(door);
    expect((await queue(token, ['a'])).status).toBe(202);
    await advance(1);
    const second = await door.call(eventParticipantsUrl(eventId), {
      headers: auth(token),
      json: [participant(race, { unique_id: 'a', first_name: 'Second' })],
    });
    expect(second.status).toBe(202);
    await advance(10);
    const items = (await door.call(eventParticipantsUrl(eventId), { headers: auth(token) })).body.data.items;
    expect(items).toHaveLength(1);
    expect(items[0].first_name).toBe('Second');
  });
});

eachDoor('a 422 for a large bad batch through the %s door', { providers: ['tracx'] }, (door) => {
  it('lists at most 1,000 fields in errors while the message counts every problem', async () => {
    const { token } = await sessionFor(door);
    const res = await door.call(eventParticipantsUrl(eventId), {
      headers: auth(token),
      json: Array.from({ length: 1500 }, () => ({})),
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toHaveLength(1000);
    expect(res.body.errors['0.unique_id']).toHaveLength(1);
    // The same required fields missing in each of the 1,500 items: all of them counted.
    const more = /\(and (\d+) more errors\)$/.exec(res.body.message);
    const total = Number(more?.[1]) + 1;
    expect(total % 1500).toBe(0);
    expect(total).toBeGreaterThan(1500);
    const queued = (await door.mocks.control.action('tracx', 'participants', { event_id: eventId })) as {
      queued: unknown[];
    };
    expect(queued.queued).toEqual([]);
  });
});
