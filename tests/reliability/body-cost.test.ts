/**
 * Bodies whose parse would cost far more than their size suggests are refused before the parse:
 * a form or multipart body past 1,000 fields answers 413 in the provider's error shape.
 */
import { expect, it } from 'vitest';
import { maxFormFields } from '../../mocks/core/body.js';
import { eachDoor } from '../support/doors.js';
import { eventsApp, tokenUrl } from '../support/eventbookings.js';
import { lastReason } from '../support/kit.js';
import { api as teletracker } from '../support/teletracker.js';

const fields = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));

eachDoor('form field limits through the %s door', { providers: ['eventbookings', 'teletracker'] }, (door) => {
  it('EventBookings token endpoint: 1,001 form fields → 413 invalid_request-shaped, 1,000 are read', async () => {
    const base = {
      grant_type: 'client_credentials',
      client_id: eventsApp.client_id,
      client_secret: eventsApp.client_secret,
    };
    const ok = await door.call(tokenUrl, { form: { ...base, ...fields(maxFormFields - 3) } });
    expect(ok.status).toBe(200);
    const over = await door.call(tokenUrl, { form: { ...base, ...fields(maxFormFields) } });
    expect(over.status).toBe(413);
    expect(typeof over.body.error).toBe('string');
    expect(lastReason(door)).toBe('payload_too_large');
  });

  it('TeleTracker login: a multipart body of 1,001 fields → 413 {success:false}', async () => {
    const over = await door.call(`${teletracker}/auth/login`, {
      multipart: { username: 'x', password: 'y', ...fields(maxFormFields - 1) },
    });
    expect(over.status).toBe(413);
    expect(over.body.success).toBe(false);
  });
});
