/**
 * The exact `WWW-Authenticate` of every refusal that carries one, per provider and door: the
 * scheme, the realm and the quoting (RFC 9110 §11.6.1, RFC 6750 §3), and none where the
 * provider sends none.
 */
import { expect, it } from 'vitest';
import * as backops from '../support/backops.js';
import { type CallInit, eachDoor } from '../support/doors.js';
import * as eventbookings from '../support/eventbookings.js';
import * as eventix from '../support/eventix.js';
import { basic, bearer, lastReason } from '../support/kit.js';
import * as teletracker from '../support/teletracker.js';
import * as tracx from '../support/tracx.js';

type Case = [
  name: string,
  url: string,
  init: CallInit,
  want: [status: number, challenge: string | undefined, reason: string],
];

const ebRealm = 'Bearer realm="api.eventbookings.com"';
const exRealm = 'Bearer realm="api.eventix.io"';
const unknownToken = ', error="invalid_token", error_description="The access token is not known."';
/** An Eventix token request from the demo client (a refresh, so no authorize round trip). */
const eventixRefresh = { grant_type: 'refresh_token', refresh_token: 'r' };
const backopsAuthorize = `${backops.api}/Organizations/${backops.northern.id}/authorize`;
const teletrackerCalls = `${teletracker.api}/reports/call-data`;

const cases: Case[] = [
  ['EventBookings API, no credentials', `${eventbookings.api}/me`, {}, [401, ebRealm, 'credentials_missing']],
  [
    'EventBookings API, an unknown token',
    `${eventbookings.api}/me`,
    { headers: bearer('nope') },
    [401, `${ebRealm}${unknownToken}`, 'token_unknown'],
  ],
  [
    'EventBookings API, Basic instead of Bearer',
    `${eventbookings.api}/me`,
    { headers: basic('a', 'b') },
    [401, ebRealm, 'credentials_missing'],
  ],
  [
    'EventBookings token endpoint, a wrong secret over Basic (IdentityServer: 400, no challenge)',
    eventbookings.tokenUrl,
    { headers: basic(eventbookings.eventsApp.client_id, 'wrong'), form: { grant_type: 'client_credentials' } },
    [400, undefined, 'invalid_client'],
  ],
  ['Eventix API, no credentials', `${eventix.api}/event`, {}, [401, exRealm, 'credentials_missing']],
  [
    'Eventix API, an unknown token',
    `${eventix.api}/event`,
    { headers: eventix.withToken('nope') },
    [401, `${exRealm}${unknownToken}`, 'token_unknown'],
  ],
  [
    'Eventix token endpoint, a wrong secret over Basic',
    `${eventix.auth}/tokens`,
    { headers: basic(eventix.demoApp.client_id, 'wrong'), form: eventixRefresh },
    [401, 'Basic realm="OAuth"', 'invalid_client'],
  ],
  [
    'Eventix token endpoint, a wrong body secret beside a Bearer header',
    `${eventix.auth}/tokens`,
    { headers: bearer('t'), form: { ...eventixRefresh, client_id: eventix.demoApp.client_id, client_secret: 'wrong' } },
    [401, 'Bearer realm="OAuth"', 'invalid_client'],
  ],
  [
    'Eventix token endpoint, a wrong secret in the body only (no challenge)',
    `${eventix.auth}/tokens`,
    { form: { ...eventixRefresh, client_id: eventix.demoApp.client_id, client_secret: 'wrong' } },
    [401, undefined, 'invalid_client'],
  ],
  [
    'Tracx session token, no credentials',
    tracx.sessionUrl,
    { method: 'POST', headers: { accept: 'application/json' } },
    [401, undefined, 'credentials_missing'],
  ],
  [
    'Tracx API, an unknown session token',
    tracx.eventsUrl,
    { headers: tracx.auth('nope') },
    [401, undefined, 'token_unknown'],
  ],
  ['TeleTracker call data, no credentials', teletrackerCalls, {}, [401, undefined, 'credentials_missing']],
  [
    'TeleTracker call data, an unknown token',
    teletrackerCalls,
    { headers: bearer('nope') },
    [401, undefined, 'token_unknown'],
  ],
  ['BackOps authorize, no credentials', backopsAuthorize, {}, [401, undefined, 'credentials_missing']],
  [
    'BackOps authorize, an unknown key',
    backopsAuthorize,
    { headers: bearer('nope') },
    [401, undefined, 'token_unknown'],
  ],
];

eachDoor('WWW-Authenticate challenges (%s door)', (door) => {
  it.each(cases)('%s: %s answers %j', async (_, url, init, want) => {
    const res = await door.call(url, init);
    expect([res.status, res.headers['www-authenticate'], lastReason(door)]).toEqual(want);
  });

  it('reads a blank Authorization header as no credentials, and a double space after Bearer as one', async () => {
    const blank = await door.call(`${eventbookings.api}/me`, { headers: { authorization: '' } });
    expect([blank.status, blank.headers['www-authenticate'], lastReason(door)]).toEqual([
      401,
      ebRealm,
      'credentials_missing',
    ]);
    const { access_token } = await eventbookings.tokenFor(door);
    const spaced = await door.call(`${eventbookings.api}/me`, {
      headers: { authorization: `Bearer  ${access_token}` },
    });
    expect(spaced.status).toBe(200);
  });
});
