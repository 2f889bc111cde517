/** EventBookings helpers shared by its tests: fixture credentials and a token getter. */
import { applications, organisations } from '../../mocks/providers/eventbookings/fixtures.js';
import type { Door } from './doors.js';

export { bearer } from './kit.js';

export const tokenUrl = 'https://identity.eventbookings.com/connect/token';
export const api = 'https://api.eventbookings.com';
export const [eventsApp, reportingApp, northsideApp] = applications as [
  (typeof applications)[0],
  (typeof applications)[0],
  (typeof applications)[0],
];
export const [harbour, northside] = organisations;

export async function tokenFor(door: Door, app = eventsApp, extra: Record<string, string> = {}) {
  const res = await door.call(tokenUrl, {
    json: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, ...extra },
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${res.text}`);
  return res.body as { access_token: string; refresh_token: string; expires_in: number; scope: string };
}

/** A refresh_token grant presented by `app` (form body, as IdentityServer takes it). */
export function refreshAs(door: Door, refreshToken: string, app = eventsApp) {
  return door.call(tokenUrl, {
    form: {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: app.client_id,
      client_secret: app.client_secret,
    },
  });
}
