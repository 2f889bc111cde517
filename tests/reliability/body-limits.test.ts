/**
 * Each operation reads at most the body it needs: 64 KiB unless it declares more (a 1 MiB body
 * of tiny JSON objects costs 50–80 ms of parsing in one turn). Past it, 413 in the provider's own
 * shape, through both doors; the Tracx bulk import keeps its documented 1 MiB.
 */
import { expect, it } from 'vitest';
import { defaultOperationBodyLimit } from '../../mocks/core/index.js';
import { eachDoor } from '../support/doors.js';
import { auth, eventParticipantsUrl, participant, raceOf, sessionFor } from '../support/tracx.js';

/** A JSON list of empty objects of exactly `bytes` bytes (give or take one). */
const objects = (bytes: number) =>
  `[${Array(Math.floor((bytes - 1) / 3))
    .fill('{}')
    .join(',')}]`;

eachDoor('per-operation body limits (%s door)', (door) => {
  it('token endpoints take 64 KiB: one byte more is 413 in the provider shape', async () => {
    expect(defaultOperationBodyLimit).toBe(64 * 1024);
    const form = (size: number) => `grant_type=client_credentials&pad=${'x'.repeat(size - 34)}`;
    const url = 'https://identity.eventbookings.com/connect/token';
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const fits = await door.call(url, { headers, raw: form(defaultOperationBodyLimit) });
    expect(fits.status).not.toBe(413);
    const over = await door.call(url, { headers, raw: form(defaultOperationBodyLimit + 1) });
    expect(over.status).toBe(413);
    expect(over.body.error).toBe('invalid_request');
  });

  it('a ~1 MiB body of tiny JSON objects to a login is refused by its size, unparsed', async () => {
    const res = await door.call('https://api.teletracker.net/auth/login', {
      headers: { 'content-type': 'application/json' },
      raw: objects(1000 * 1024),
    });
    expect(res.status).toBe(413);
    expect(res.body.success).toBe(false);
  });

  it('the Tracx bulk import still reads 900 KiB', async () => {
    const { token } = await sessionFor(door);
    const one = JSON.stringify(participant(raceOf(1), { unique_id: 'r-0' }));
    const count = Math.floor((900 * 1024) / (one.length + 1));
    const body = JSON.stringify(
      Array.from({ length: count }, (_, i) => participant(raceOf(1), { unique_id: `r-${i}` })),
    );
    expect(body.length).toBeGreaterThan(defaultOperationBodyLimit);
    const res = await door.call(eventParticipantsUrl(1), {
      headers: { ...auth(token), 'content-type': 'application/json' },
      raw: body,
    });
    expect(res.status).not.toBe(413);
  });
});
