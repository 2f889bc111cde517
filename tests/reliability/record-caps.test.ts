/**
 * Collections a client can grow have documented caps: EventBookings events per organisation,
 * BackOps areas per event. Filled through fixtures (250 each: one input takes 500 entities) and
 * then creates; the create past the cap is refused in the provider's own shape with the journal
 * reason `records_full`, and nothing is added. Through both doors.
 */
import { describe, expect, it } from 'vitest';
import { maxAreasPerEvent } from '../../mocks/providers/backops/operations.js';
import { maxEventsPerOrganisation } from '../../mocks/providers/eventbookings/operations.js';
import { adminKey, aurora, api as backopsApi, creds, eventToken } from '../support/backops.js';
import { doorNames, openDoor } from '../support/doors.js';
import { api as ebApi, harbour, tokenFor } from '../support/eventbookings.js';
import { lastReason } from '../support/kit.js';

const newEvent = (name: string) => ({
  event: { name, occurrence: { type: 'single', attributes: { starts_on: '2027-04-01 19:00:00' } } },
});

describe.each(doorNames)('documented caps on created records (%s door)', (doorName) => {
  const door = openDoor(doorName, {
    providers: ['eventbookings', 'backops'],
    fixtures: {
      eventbookings: {
        events: Array.from({ length: 250 }, (_, i) => ({
          event_uuid: `seeded-${i}`,
          org_uuid: harbour.org_uuid,
          name: `Seeded ${i}`,
          starts_at: '2027-01-01T00:00:00Z',
        })),
      },
      backops: {
        areas: Array.from({ length: 250 }, (_, i) => ({
          id: `seeded-area-${i}`,
          eventId: aurora.id,
          name: `Area ${i}`,
        })),
      },
    },
  });

  it(`EventBookings: ${maxEventsPerOrganisation} events per organisation, the next 400 invalid_request`, async () => {
    const { access_token } = await tokenFor(door);
    const url = `${ebApi}/orgs/${harbour.org_uuid}/events`;
    const headers = { authorization: `Bearer ${access_token}` };
    let status = 201;
    let created = 0;
    while (status === 201 && created <= maxEventsPerOrganisation) {
      status = (await door.call(url, { headers, json: newEvent(`Created ${created}`) })).status;
      if (status === 201) created++;
    }
    expect(status).toBe(400);
    expect(lastReason(door)).toBe('records_full');
    const refused = await door.call(url, { headers, json: newEvent('One more') });
    expect([refused.status, refused.body.error]).toEqual([400, 'invalid_request']);
    // The cap counts what the organisation holds: the seeded ones, then the created ones.
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThanOrEqual(maxEventsPerOrganisation - 250);
  }, 120_000);

  it(`BackOps: ${maxAreasPerEvent} areas per event, the next 400 BAD_REQUEST`, async () => {
    const event = await eventToken(door);
    const url = `${backopsApi}/Events/${aurora.id}/areas`;
    const headers = creds({ key: adminKey.api_key, event });
    let status = 201;
    let created = 0;
    while (status === 201 && created <= maxAreasPerEvent) {
      status = (await door.call(url, { headers, json: { name: `Created ${created}` } })).status;
      if (status === 201) created++;
    }
    expect(status).toBe(400);
    expect(lastReason(door)).toBe('records_full');
    const refused = await door.call(url, { headers, json: { name: 'One more' } });
    expect(refused.body.code).toBe('BAD_REQUEST');
    const list = await door.call(url, { headers });
    expect(list.body).toHaveLength(maxAreasPerEvent);
  }, 120_000);
});
