/**
 * The Tracx lifecycle: session token → every endpoint → list-only token refused (403) →
 * single-event token sees one event → 422s → clock past expires_at → 401 → new session token
 * → revoked connect token.
 */

import { advanceClockStep, resetStep } from '../../../scripts/collections/control.js';
import {
  buildCollection,
  buildEnvironments,
  jsonNumber,
  type Step,
  vendorHost,
} from '../../../scripts/collections/kit.js';
import { connectTokens, events, races } from './fixtures.js';

const [full, listOnly, singleEvent] = connectTokens;
const [firstEvent] = events;
const firstRace = races.find((r) => r.event_id === firstEvent?.id);
const scopedEvent = singleEvent?.event_ids?.[0] ?? 0;
const scopedRace = races.find((r) => r.event_id === scopedEvent);

const sessionToken = (variable: string, save: string): Pick<Step, 'method' | 'url' | 'headers' | 'tests'> => ({
  method: 'POST',
  url: '{{apiBase}}/v1/connect/session-token',
  headers: { Accept: 'application/json', Authorization: `{{${variable}}}` },
  tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('a session token and its expiry', () => {
      pm.expect(pm.response.json().data.token.split('.')).to.have.lengthOf(3);
      pm.expect(pm.response.json().data.expires_at).to.be.a('number');
    });
    pm.environment.set('${save}', pm.response.json().data.token);`,
});

const get = (path: string, token: string): Pick<Step, 'method' | 'url' | 'headers'> => ({
  method: 'GET',
  url: `{{apiBase}}${path}`,
  headers: { Accept: 'application/json', Authorization: token },
});

const post = (path: string, token: string, json: unknown): Pick<Step, 'method' | 'url' | 'headers' | 'json'> => ({
  method: 'POST',
  url: `{{apiBase}}${path}`,
  headers: { Accept: 'application/json', Authorization: token },
  json,
});

const participant = (uniqueId: string, race: string, extra: Record<string, unknown> = {}) => ({
  unique_id: uniqueId,
  first_name: 'Kris',
  last_name: 'Kuiper',
  country_code: 'nl',
  team_name: null,
  date_of_birth: '2001-01-01',
  start_number: uniqueId,
  chip_code: '0000001',
  gender: 'male',
  state: 'before',
  race_id: race,
  ...extra,
});

const isMessage = (status: number, message?: string) => `
    pm.test('status is ${status}', () => pm.response.to.have.status(${status}));
    pm.test('a Laravel message body', () => pm.expect(pm.response.json().message).to.be.a('string')${
      message === undefined ? '' : `.and.equal('${message}')`
    });`;

const isValidation = (fields: string[]) => `
    pm.test('status is 422', () => pm.response.to.have.status(422));
    pm.test('Laravel validation errors for ${fields.join(', ')}', () => {
      const body = pm.response.json();
      pm.expect(body.message).to.be.a('string');
      pm.expect(body.errors).to.include.all.keys(${fields.map((f) => `'${f}'`).join(', ')});
    });`;

/** Test lines: 200, and a list of races, each of the event in `variable`. */
const racesOfEvent = (what: string, variable: string) => `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('${what}', () => {
      const items = pm.response.json().data.items;
      pm.expect(items).to.not.be.empty;
      items.forEach((r) => pm.expect(String(r.event_id)).to.equal(String(pm.environment.get('${variable}'))));
    });`;

const itemIds = `(pm.response.json().data.items || []).map((p) => p.unique_id)`;

const environments = buildEnvironments('tracx', 'Tracx Connect', {
  apiBase: vendorHost('api.tracx.events'),
  connect_token: full?.connect_token ?? '',
  list_connect_token: listOnly?.connect_token ?? '',
  event_connect_token: singleEvent?.connect_token ?? '',
  event_id: String(firstEvent?.id ?? ''),
  race_id: String(firstRace?.id ?? ''),
  scoped_event_id: String(scopedEvent),
  scoped_race_id: String(scopedRace?.id ?? ''),
});

const steps: Step[] = [
  resetStep(),
  {
    name: 'Session token: connect token with no scheme word (documented)',
    ...sessionToken('connect_token', 'sessionToken'),
    tests: `${sessionToken('connect_token', 'sessionToken').tests}
    pm.test('the JWT carries exp = expires_at and the connect token’s permissions', () => {
      const part = pm.response.json().data.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const claims = JSON.parse(CryptoJS.enc.Base64.parse(part).toString(CryptoJS.enc.Utf8));
      pm.expect(claims.exp).to.equal(pm.response.json().data.expires_at);
      pm.expect(claims.permissions).to.include('participants.store');
    });`,
  },
  {
    name: 'Session token: Bearer <connect token> is accepted too',
    method: 'POST',
    url: '{{apiBase}}/v1/connect/session-token',
    headers: { Accept: 'application/json', Authorization: 'Bearer {{connect_token}}' },
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));`,
  },
  {
    name: 'List events with the session token',
    ...get('/v1/connect/events', '{{sessionToken}}'),
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('events with id and name', () => {
      const items = pm.response.json().data.items;
      pm.expect(items).to.be.an('array').that.is.not.empty;
      pm.expect(items[0]).to.include.keys('id', 'name', 'created_at', 'updated_at');
    });`,
  },
  {
    name: 'List events with Bearer <session token>',
    ...get('/v1/connect/events', 'Bearer {{sessionToken}}'),
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));`,
  },
  {
    name: 'List the races of one event',
    ...get('/v1/connect/races?event_id={{event_id}}', '{{sessionToken}}'),
    tests: racesOfEvent('only races of that event', 'event_id'),
  },
  {
    name: 'Store a participant',
    ...post('/v1/connect/participant', '{{sessionToken}}', participant('postman-1', jsonNumber('race_id'))),
    tests: `
    pm.test('status is 201 (inserted) or 200 (updated)', () => pm.expect(pm.response.code).to.be.oneOf([200, 201]));
    pm.test('the stored participant', () => {
      const data = pm.response.json().data;
      pm.expect(data.unique_id).to.equal('postman-1');
      pm.expect(data.full_name).to.equal('Kris Kuiper');
    });`,
  },
  {
    name: 'Store the same participant again: an update',
    ...post(
      '/v1/connect/participant',
      '{{sessionToken}}',
      participant('postman-1', jsonNumber('race_id'), { chip_code: '0000042' }),
    ),
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('the updated chip code', () => pm.expect(pm.response.json().data.chip_code).to.equal('0000042'));`,
  },
  {
    name: 'Queue many participants for an event (race_id an integer; the second without start_number and chip_code)',
    ...post('/v1/connect/events/{{event_id}}/participants', '{{sessionToken}}', [
      participant('postman-batch-1', jsonNumber('race_id'), { chip_code: '0000101' }),
      // The bulk page requires neither start_number nor chip_code.
      participant('postman-batch-2', jsonNumber('race_id'), { chip_code: undefined, start_number: undefined }),
    ]),
    tests: `
    pm.test('status is 202', () => pm.response.to.have.status(202));
    pm.test('queued', () => pm.expect(pm.response.json().data.status).to.equal('queued'));`,
  },
  {
    name: 'The queued participants are not there yet (mock: visible after the batch delay)',
    ...get('/v1/connect/events/{{event_id}}/participants', '{{sessionToken}}'),
    mockOnly: true,
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('the single participant is, the batch is not', () => {
      pm.expect(${itemIds}).to.include('postman-1');
      pm.expect(${itemIds}).to.not.include('postman-batch-1');
    });`,
  },
  advanceClockStep(5, 'past the import delay'),
  {
    name: 'The queued participants have been imported',
    ...get('/v1/connect/events/{{event_id}}/participants', '{{sessionToken}}'),
    mockOnly: true,
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('the batch is stored', () => pm.expect(${itemIds}).to.include.members(['postman-batch-1', 'postman-batch-2']));`,
  },
  {
    name: 'A connect token where a session token is needed → 401 (the message asks for a session token)',
    ...get('/v1/connect/events', '{{connect_token}}'),
    tests: isMessage(401),
  },
  {
    name: 'No token → 401',
    method: 'GET',
    url: '{{apiBase}}/v1/connect/events',
    headers: { Accept: 'application/json' },
    tests: isMessage(401, 'Unauthenticated.'),
  },
  {
    name: 'A session token with a broken signature → 401',
    ...get('/v1/connect/events', '{{sessionToken}}x'),
    tests: isMessage(401, 'Unauthenticated.'),
  },
  {
    name: 'Session token for the list-only connect token',
    ...sessionToken('list_connect_token', 'listToken'),
  },
  {
    name: 'The list-only token lists events',
    ...get('/v1/connect/events', '{{listToken}}'),
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));`,
  },
  {
    name: 'The list-only token stores a participant → 403',
    ...post('/v1/connect/participant', '{{listToken}}', participant('postman-2', jsonNumber('race_id'))),
    tests: isMessage(403),
  },
  {
    name: 'The list-only token queues participants → 403',
    ...post('/v1/connect/events/{{event_id}}/participants', '{{listToken}}', [
      participant('postman-3', jsonNumber('race_id')),
    ]),
    tests: isMessage(403),
  },
  {
    name: 'Session token for the single-event connect token',
    ...sessionToken('event_connect_token', 'eventToken'),
  },
  {
    name: 'The single-event token sees only its event',
    ...get('/v1/connect/events', '{{eventToken}}'),
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('exactly its event', () => {
      const ids = pm.response.json().data.items.map((e) => String(e.id));
      pm.expect(ids).to.eql([String(pm.environment.get('scoped_event_id'))]);
    });`,
  },
  {
    name: 'The single-event token asks for another event’s races → empty list',
    ...get('/v1/connect/races?event_id={{event_id}}', '{{eventToken}}'),
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('no races', () => pm.expect(pm.response.json().data.items).to.eql([]));`,
  },
  {
    name: 'The single-event token lists every race it may see',
    ...get('/v1/connect/races', '{{eventToken}}'),
    tests: racesOfEvent('only races of its event', 'scoped_event_id'),
  },
  {
    name: 'The single-event token stores into another event’s race → 422 race_id',
    ...post('/v1/connect/participant', '{{eventToken}}', participant('postman-4', jsonNumber('race_id'))),
    tests: isValidation(['race_id']),
  },
  {
    name: 'The single-event token stores into its own race',
    ...post('/v1/connect/participant', '{{eventToken}}', participant('postman-4', jsonNumber('scoped_race_id'))),
    tests: `
    pm.test('status is 201 (inserted) or 200 (updated)', () => pm.expect(pm.response.code).to.be.oneOf([200, 201]));`,
  },
  {
    name: 'Store a participant with a bad unique_id, chip_code and gender → 422',
    ...post(
      '/v1/connect/participant',
      '{{sessionToken}}',
      participant('not allowed!', jsonNumber('race_id'), { chip_code: '123', gender: 'unknown' }),
    ),
    tests: isValidation(['unique_id', 'chip_code', 'gender']),
  },
  {
    name: 'Store a participant with a non-integer race_id and no last_name → 422',
    ...post('/v1/connect/participant', '{{sessionToken}}', participant('postman-5', 'abc', { last_name: '' })),
    tests: isValidation(['race_id', 'last_name']),
  },
  {
    name: 'Queue participants, the second one invalid → 422 keyed by position',
    ...post('/v1/connect/events/{{event_id}}/participants', '{{sessionToken}}', [
      participant('postman-6', jsonNumber('race_id')),
      participant('postman-7', jsonNumber('race_id'), { chip_code: '12345678' }),
    ]),
    tests: isValidation(['1.chip_code']),
  },
  advanceClockStep(3601, 'past expires_at of the session token'),
  {
    name: 'The expired session token → 401',
    ...get('/v1/connect/events', '{{sessionToken}}'),
    mockOnly: true,
    tests: isMessage(401, 'Unauthenticated.'),
  },
  {
    name: 'A new session token from the connect token (no refresh)',
    ...sessionToken('connect_token', 'newSessionToken'),
    tests: `${sessionToken('connect_token', 'newSessionToken').tests}
    pm.test('a different token', () => pm.expect(pm.response.json().data.token).to.not.equal(pm.environment.get('sessionToken')));
    pm.environment.set('sessionToken', pm.response.json().data.token);`,
  },
  {
    name: 'List events with the new session token',
    ...get('/v1/connect/events', '{{sessionToken}}'),
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));`,
  },
  {
    name: 'Session token for the list-only connect token, before it is revoked',
    ...sessionToken('list_connect_token', 'listToken'),
  },
  {
    name: 'Revoke the list-only connect token (mock control plane)',
    method: 'POST',
    url: '{{controlBase}}/tracx/revoke-connect-token',
    json: { connect_token: '{{list_connect_token}}' },
    mockOnly: true,
    tests: `
    pm.test('revoked', () => {
      pm.response.to.have.status(200);
      pm.expect(pm.response.json().revoked).to.equal(true);
    });`,
  },
  {
    name: 'The revoked connect token gets no session token → 401',
    method: 'POST',
    url: '{{apiBase}}/v1/connect/session-token',
    headers: { Accept: 'application/json', Authorization: '{{list_connect_token}}' },
    mockOnly: true,
    tests: isMessage(401, 'Unauthenticated.'),
  },
  {
    name: 'Its live session token died with it (mock default) → 401',
    ...get('/v1/connect/events', '{{listToken}}'),
    mockOnly: true,
    tests: isMessage(401, 'Unauthenticated.'),
  },
];

export default function tracxCollection() {
  return {
    collection: buildCollection({
      provider: 'tracx',
      name: 'Tracx Connect — auth lifecycle (authflow-mocks)',
      description:
        'Connect token → session token (JWT with permissions), every endpoint, a connect token or a broken JWT where a session token is needed (401), a list-only token refused on store endpoints (403), a single-event token seeing only its event, Laravel 422 validation errors, a queued import becoming visible after the mock clock moves, expiry past expires_at and a new session token, and a revoked connect token. With the live environment the control-plane steps are skipped.',
      auth: { type: 'apikey', token: '{{sessionToken}}' },
      steps,
    }),
    ...environments,
  };
}
