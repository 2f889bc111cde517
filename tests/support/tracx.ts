/** Tracx helpers shared by its tests: fixture tokens and ids, a session-token getter, a valid participant. */
import { connectTokens, events, races } from '../../mocks/providers/tracx/fixtures.js';
import type { Door } from './doors.js';

export { lastReason } from './kit.js';

export const api = 'https://api.tracx.events';
export const sessionUrl = `${api}/v1/connect/session-token`;
export const eventsUrl = `${api}/v1/connect/events`;
export const racesUrl = `${api}/v1/connect/races`;
export const participantUrl = `${api}/v1/connect/participant`;
export const eventParticipantsUrl = (eventId: number | string) => `${api}/v1/connect/events/${eventId}/participants`;

type Fixture = (typeof connectTokens)[number];
export const [fullToken, listOnlyToken, singleEventToken, storeOnlyToken] = connectTokens as [
  Fixture,
  Fixture,
  Fixture,
  Fixture,
];
export { events, races };
/** The one event the single-event token may see, and one it may not. */
export const scopedEventId = singleEventToken.event_ids?.[0] as number;
export const otherEventId = events.find((e) => e.id !== scopedEventId)?.id as number;
export const raceOf = (eventId: number) => races.find((r) => r.event_id === eventId)?.id as number;

export async function sessionFor(door: Door, connect: Fixture = fullToken, authorization = connect.connect_token) {
  const res = await door.call(sessionUrl, { method: 'POST', headers: { accept: 'application/json', authorization } });
  if (res.status !== 200) throw new Error(`session token request failed: ${res.status} ${res.text}`);
  return res.body.data as { token: string; expires_at: number };
}

/** The session token as the docs send it: the bare value. */
export const auth = (token: string) => ({ accept: 'application/json', authorization: token });

/** A participant every rule accepts, in race `raceId`. */
export function participant(raceId: number, overrides: Record<string, unknown> = {}) {
  return {
    unique_id: 'runner-1',
    first_name: 'Kris',
    last_name: 'Kuiper',
    country_code: 'nl',
    team_name: null,
    date_of_birth: '2001-01-01',
    start_number: '17',
    chip_code: '0000001',
    gender: 'male',
    state: 'before',
    race_id: raceId,
    ...overrides,
  };
}
