/**
 * The BackOps lifecycle: API key → organization token → Add User; API key → event token → area
 * and collaborator tokens → every resource call; each missing-token, wrong-kind and cross-event
 * case → 401; expiry → re-authorize; revoking the key ends its tokens.
 */

import { advanceClockStep, resetStep } from '../../../scripts/collections/control.js';
import { buildCollection, buildEnvironments, type Step, vendorHost } from '../../../scripts/collections/kit.js';
import { apiKeys, areas, collaborators, events, organizations } from './fixtures.js';

const [adminKey, staffKey] = apiKeys;
const [northern, coastline] = organizations;
const [aurora, midnight, archived, surf] = events;
const [mainStage, backstage] = areas;
const [sam] = collaborators;

const key = { Authorization: 'Bearer {{api_key}}' };
const withEvent = { ...key, 'x-Event-Token': '{{eventToken}}' };
const withArea = { ...withEvent, 'x-Area-Token': '{{areaToken}}' };
const withCollaborator = { ...withEvent, 'x-Collaborator-Token': '{{collaboratorToken}}' };
const withOrganization = { ...key, 'x-Organization-Token': '{{organizationToken}}' };

const isError = (status: number, code: string) => `
    pm.test('status is ${status}', () => pm.response.to.have.status(${status}));
    pm.test('error ${code}', () => pm.expect(pm.response.json().code).to.equal('${code}'));`;
const unauthorized = isError(401, 'UNAUTHORIZED');

/** A 200 with a token, kept in the environment variable `name`. */
const keepsToken = (name: string) => `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    const body = pm.response.json();
    pm.test('a token', () => pm.expect(body.token).to.be.a('string').and.not.empty);
    pm.environment.set('${name}', body.token);`;

const ok = (check: string) => `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    const body = pm.response.json();
    ${check}`;

const environments = buildEnvironments('backops', 'BackOps', {
  apiBase: vendorHost('api.backopslive.com'),
  api_key: adminKey?.api_key ?? '',
  staff_api_key: staffKey?.api_key ?? '',
  organizationId: northern.id,
  otherOrganizationId: coastline.id,
  eventId: aurora?.id ?? '',
  otherEventId: midnight?.id ?? '',
  archivedEventId: archived?.id ?? '',
  foreignEventId: surf?.id ?? '',
  areaId: mainStage?.id ?? '',
  otherAreaId: backstage?.id ?? '',
  collaboratorId: sam?.id ?? '',
});

const steps: Step[] = [
  resetStep(),
  // ---- the happy path: key → event token → area and collaborator tokens → every call
  {
    name: 'Organization events with the API key alone (archived ones included)',
    method: 'GET',
    url: '{{apiBase}}/Organizations/{{organizationId}}/events',
    headers: key,
    tests: ok(`pm.test('the organization’s events, archived ones included', () => {
      pm.expect(body).to.be.an('array').that.is.not.empty;
      pm.expect(body.every((e) => e.organization.id === pm.environment.get('organizationId'))).to.be.true;
      const archived = body.find((e) => e.id === pm.environment.get('archivedEventId'));
      pm.expect(archived.isArchived).to.equal(true);
      pm.expect(body.every((e) => Array.isArray(e.attributes) && 'collaborator' in e)).to.be.true;
    });`),
  },
  {
    name: 'Organization token: GET /Organizations/{organizationId}/authorize with the API key (inferred path)',
    method: 'GET',
    url: '{{apiBase}}/Organizations/{{organizationId}}/authorize',
    headers: key,
    tests: keepsToken('organizationToken'),
  },
  {
    name: 'Add a user with the API key + organization token → 200, no body',
    method: 'POST',
    url: '{{apiBase}}/Organizations/{{organizationId}}/users',
    headers: withOrganization,
    json: { email: 'postman.invitee@example.com' },
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('no body', () => pm.expect(pm.response.text()).to.equal(''));`,
  },
  {
    name: 'Add the same user again → 400 (duplicate invitation)',
    method: 'POST',
    url: '{{apiBase}}/Organizations/{{organizationId}}/users',
    headers: withOrganization,
    json: { email: 'postman.invitee@example.com' },
    mockOnly: true,
    tests: isError(400, 'BAD_REQUEST'),
  },
  {
    name: 'Organization events with the staff key: its user’s collaborator on each event',
    method: 'GET',
    url: '{{apiBase}}/Organizations/{{organizationId}}/events',
    headers: { Authorization: 'Bearer {{staff_api_key}}' },
    tests: ok(`pm.test('the staff user is crew of the collaborator on the event', () => {
      const event = body.find((e) => e.id === pm.environment.get('eventId'));
      pm.expect(event.collaborator.id).to.equal(pm.environment.get('collaboratorId'));
    });`),
  },
  {
    name: 'Organization token for the staff key',
    method: 'GET',
    url: '{{apiBase}}/Organizations/{{organizationId}}/authorize',
    headers: { Authorization: 'Bearer {{staff_api_key}}' },
    tests: keepsToken('staffOrganizationToken'),
  },
  {
    name: 'Add a user without the admin permission (OrganizationAdmin) → 403',
    method: 'POST',
    url: '{{apiBase}}/Organizations/{{organizationId}}/users',
    headers: { Authorization: 'Bearer {{staff_api_key}}', 'x-Organization-Token': '{{staffOrganizationToken}}' },
    json: { email: 'not.allowed@example.com' },
    tests: isError(403, 'FORBIDDEN'),
  },
  {
    name: 'Add a user without the organization token → 401',
    method: 'POST',
    url: '{{apiBase}}/Organizations/{{organizationId}}/users',
    headers: key,
    json: { email: 'someone.else@example.com' },
    tests: unauthorized,
  },
  {
    name: 'Organization token for another organization → 401',
    method: 'GET',
    url: '{{apiBase}}/Organizations/{{otherOrganizationId}}/authorize',
    headers: key,
    tests: unauthorized,
  },
  {
    name: 'Event token: GET /Events/{eventId}/authorize with the API key',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}/authorize',
    headers: key,
    tests: keepsToken('eventToken'),
  },
  {
    name: 'Event with the event token',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}',
    headers: withEvent,
    tests: ok(`pm.test('the event, attribute definitions apart from values', () => {
      pm.expect(body.id).to.equal(pm.environment.get('eventId'));
      pm.expect(body.eventAttributes.every((d) => typeof d.isRequired === 'boolean' && Array.isArray(d.options))).to.be.true;
      pm.expect(body.attributes.every((a) => typeof a.attributeId === 'string' && typeof a.value === 'string')).to.be.true;
    });`),
  },
  {
    name: 'Event areas with the event token',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}/areas',
    headers: withEvent,
    tests: ok(`pm.test('the areas', () => pm.expect(body.map((a) => a.id)).to.include(pm.environment.get('areaId')));`),
  },
  {
    name: 'Event collaborators with the event token',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}/collaborators',
    headers: withEvent,
    tests: ok(
      `pm.test('the collaborators', () => pm.expect(body.map((c) => c.id)).to.include(pm.environment.get('collaboratorId')));`,
    ),
  },
  {
    name: 'Paths are case-insensitive: /events/{eventId}/AREAS',
    method: 'GET',
    url: '{{apiBase}}/events/{{eventId}}/AREAS',
    headers: withEvent,
    tests: ok(`pm.test('the same areas', () => pm.expect(body).to.be.an('array').that.is.not.empty);`),
  },
  {
    name: 'Area token: GET /Areas/{areaId}/authorize with the API key and event token',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/authorize',
    headers: withEvent,
    tests: keepsToken('areaToken'),
  },
  {
    name: 'Collaborator token: GET /Collaborators/{collaboratorId}/authorize with the API key and event token',
    method: 'GET',
    url: '{{apiBase}}/Collaborators/{{collaboratorId}}/authorize',
    headers: withEvent,
    tests: keepsToken('collaboratorToken'),
  },
  {
    name: 'Area daysheet with API key + event token + area token',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/daysheet',
    headers: withArea,
    tests: ok(`pm.test('the area’s daysheet', () => {
      pm.expect(body.eventName).to.be.a('string').and.not.empty;
      pm.expect(body.schedule).to.be.an('array').that.is.not.empty;
      pm.expect(body.advances).to.be.an('array');
    });`),
  },
  {
    name: 'Collaborator day sheet with API key + event token + collaborator token',
    method: 'GET',
    url: '{{apiBase}}/collaborators/{{collaboratorId}}/daySheet',
    headers: withCollaborator,
    tests: ok(`pm.test('the collaborator’s day sheet', () => {
      pm.expect(body.collaboratorName).to.be.a('string').and.not.empty;
      pm.expect(body.schedule.every((a) => Array.isArray(a.areas))).to.be.true;
      pm.expect(body.contacts).to.be.an('array');
    });`),
  },
  {
    name: 'Collaborator dashboard with API key + event token + collaborator token',
    method: 'GET',
    url: '{{apiBase}}/collaborators/{{collaboratorId}}/dashboard',
    headers: withCollaborator,
    tests: ok(`pm.test('the collaborator’s dashboard', () => {
      pm.expect(body).to.have.all.keys('contacts', 'activities', 'deliverables', 'incompleteCrew', 'tasks');
    });`),
  },
  {
    name: 'Collaborator crew with API key + event token + collaborator token',
    method: 'GET',
    url: '{{apiBase}}/collaborators/{{collaboratorId}}/crew',
    headers: withCollaborator,
    tests: ok(`pm.test('the collaborator’s crew', () => {
      pm.expect(body.crew).to.be.an('array').that.is.not.empty;
      pm.expect(body.attributesInfo).to.be.an('array');
    });`),
  },
  {
    name: 'Add an area with the admin key → 201, no body',
    method: 'POST',
    url: '{{apiBase}}/Events/{{eventId}}/areas',
    headers: withEvent,
    json: { name: 'Postman Lounge' },
    tests: `
    pm.test('status is 201', () => pm.response.to.have.status(201));
    pm.test('no body', () => pm.expect(pm.response.text()).to.equal(''));`,
  },
  {
    name: 'The new area is listed',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}/areas',
    headers: withEvent,
    mockOnly: true,
    tests: ok(
      `pm.test('Postman Lounge is there', () => pm.expect(body.map((a) => a.name)).to.include('Postman Lounge'));`,
    ),
  },
  // ---- missing tokens → 401
  {
    name: 'Event token without the API key → 401',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}/authorize',
    tests: unauthorized,
  },
  {
    name: 'Event with the API key but no event token → 401',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}',
    headers: key,
    tests: unauthorized,
  },
  {
    name: 'Event with the event token but no API key → 401',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}',
    headers: { 'x-Event-Token': '{{eventToken}}' },
    tests: unauthorized,
  },
  {
    name: 'Area token without an event token → 401',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/authorize',
    headers: key,
    tests: unauthorized,
  },
  {
    name: 'Collaborator token without an event token → 401',
    method: 'GET',
    url: '{{apiBase}}/Collaborators/{{collaboratorId}}/authorize',
    headers: key,
    tests: unauthorized,
  },
  {
    name: 'Daysheet without the area token → 401',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/daysheet',
    headers: withEvent,
    tests: unauthorized,
  },
  {
    name: 'Daysheet with the area token but no event token → 401',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/daysheet',
    headers: { ...key, 'x-Area-Token': '{{areaToken}}' },
    tests: unauthorized,
  },
  {
    name: 'Day sheet without the collaborator token → 401',
    method: 'GET',
    url: '{{apiBase}}/collaborators/{{collaboratorId}}/daySheet',
    headers: withEvent,
    tests: unauthorized,
  },
  // ---- wrong kind → 401
  {
    name: 'Event token sent as the API key → 401',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}/authorize',
    headers: { Authorization: 'Bearer {{eventToken}}' },
    tests: unauthorized,
  },
  {
    name: 'Area token in x-Event-Token → 401',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}',
    headers: { ...key, 'x-Event-Token': '{{areaToken}}' },
    tests: unauthorized,
  },
  {
    name: 'Collaborator token in x-Area-Token → 401',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/daysheet',
    headers: { ...withEvent, 'x-Area-Token': '{{collaboratorToken}}' },
    tests: unauthorized,
  },
  {
    name: 'Area token in x-Collaborator-Token → 401',
    method: 'GET',
    url: '{{apiBase}}/collaborators/{{collaboratorId}}/crew',
    headers: { ...withEvent, 'x-Collaborator-Token': '{{areaToken}}' },
    tests: unauthorized,
  },
  {
    name: 'An unknown event token → 401',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}',
    headers: { ...key, 'x-Event-Token': 'not-a-real-token' },
    tests: unauthorized,
  },
  // ---- cross-event and cross-organization → 401
  {
    name: 'Event token for the other event of the organization',
    method: 'GET',
    url: '{{apiBase}}/Events/{{otherEventId}}/authorize',
    headers: key,
    tests: keepsToken('otherEventToken'),
  },
  {
    name: 'Event with the other event’s token → 401',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}',
    headers: { ...key, 'x-Event-Token': '{{otherEventToken}}' },
    tests: unauthorized,
  },
  {
    name: 'Area token for an area of another event → 401',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/authorize',
    headers: { ...key, 'x-Event-Token': '{{otherEventToken}}' },
    tests: unauthorized,
  },
  {
    name: 'Daysheet with the area token and the other event’s token → 401',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/daysheet',
    headers: { ...key, 'x-Event-Token': '{{otherEventToken}}', 'x-Area-Token': '{{areaToken}}' },
    tests: unauthorized,
  },
  {
    name: 'Dashboard with the collaborator token and the other event’s token → 401',
    method: 'GET',
    url: '{{apiBase}}/collaborators/{{collaboratorId}}/dashboard',
    headers: { ...key, 'x-Event-Token': '{{otherEventToken}}', 'x-Collaborator-Token': '{{collaboratorToken}}' },
    tests: unauthorized,
  },
  {
    name: 'Daysheet of another area of the same event with this area’s token → 401',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{otherAreaId}}/daysheet',
    headers: withArea,
    tests: unauthorized,
  },
  {
    name: 'Another organization’s events → 401',
    method: 'GET',
    url: '{{apiBase}}/Organizations/{{otherOrganizationId}}/events',
    headers: key,
    tests: unauthorized,
  },
  {
    name: 'Event token for another organization’s event → 401',
    method: 'GET',
    url: '{{apiBase}}/Events/{{foreignEventId}}/authorize',
    headers: key,
    tests: unauthorized,
  },
  // ---- 404, 403, 400
  {
    name: 'Event token for an archived event → 404',
    method: 'GET',
    url: '{{apiBase}}/Events/{{archivedEventId}}/authorize',
    headers: key,
    tests: isError(404, 'NOT_FOUND'),
  },
  {
    name: 'Event token for the staff key (no admin permission)',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}/authorize',
    headers: { Authorization: 'Bearer {{staff_api_key}}' },
    tests: keepsToken('staffEventToken'),
  },
  {
    name: 'Add an area without the admin permission → 403',
    method: 'POST',
    url: '{{apiBase}}/Events/{{eventId}}/areas',
    headers: { Authorization: 'Bearer {{staff_api_key}}', 'x-Event-Token': '{{staffEventToken}}' },
    json: { name: 'Not allowed' },
    tests: isError(403, 'FORBIDDEN'),
  },
  {
    name: 'Area token for the staff key',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/authorize',
    headers: { Authorization: 'Bearer {{staff_api_key}}', 'x-Event-Token': '{{staffEventToken}}' },
    tests: keepsToken('staffAreaToken'),
  },
  {
    name: 'Area daysheet without the admin permission (EventAdmin) → 403',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/daysheet',
    headers: {
      Authorization: 'Bearer {{staff_api_key}}',
      'x-Event-Token': '{{staffEventToken}}',
      'x-Area-Token': '{{staffAreaToken}}',
    },
    tests: isError(403, 'FORBIDDEN'),
  },
  {
    name: 'Add an area without a name → 400',
    method: 'POST',
    url: '{{apiBase}}/Events/{{eventId}}/areas',
    headers: withEvent,
    json: {},
    tests: isError(400, 'BAD_REQUEST'),
  },
  // ---- expiry: the clock passes every token's lifetime → 401 → authorize again
  advanceClockStep(8 * 3600 + 1, 'past the tokens’ 8-hour lifetime'),
  {
    name: 'Event with the expired event token → 401',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}',
    headers: withEvent,
    mockOnly: true,
    tests: unauthorized,
  },
  {
    name: 'Daysheet with the expired tokens → 401',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/daysheet',
    headers: withArea,
    mockOnly: true,
    tests: unauthorized,
  },
  {
    name: 'A new event token after expiry',
    method: 'GET',
    url: '{{apiBase}}/Events/{{eventId}}/authorize',
    headers: key,
    tests: keepsToken('eventToken'),
  },
  {
    name: 'A new area token after expiry',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/authorize',
    headers: withEvent,
    tests: keepsToken('areaToken'),
  },
  {
    name: 'Daysheet with the new tokens',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/daysheet',
    headers: withArea,
    tests: ok(`pm.test('the daysheet again', () => pm.expect(body.schedule).to.be.an('array'));`),
  },
  // ---- revoking the API key ends every token derived from it
  {
    name: 'Revoke the API key (control plane)',
    method: 'POST',
    url: '{{controlBase}}/backops/revoke-api-key',
    json: { api_key: '{{api_key}}' },
    mockOnly: true,
    tests: `
    pm.test('status is 200', () => pm.response.to.have.status(200));
    pm.test('its tokens were revoked', () => pm.expect(pm.response.json().revoked_tokens).to.be.above(0));`,
  },
  {
    name: 'Daysheet after the key was revoked → 401',
    method: 'GET',
    url: '{{apiBase}}/Areas/{{areaId}}/daysheet',
    headers: withArea,
    mockOnly: true,
    tests: unauthorized,
  },
  resetStep(),
];

export default function backopsCollection() {
  return {
    collection: buildCollection({
      provider: 'backops',
      name: 'BackOps Event API — layered tokens (authflow-mocks)',
      description:
        'API key → organization token → Add User; API key → event token → area and collaborator tokens → every resource call; 401 for each missing token, token of the wrong kind, cross-event and cross-organization case; 404 for an archived event, 403 without the admin permission, 400 for a bad body or a duplicate user; expiry by moving the mock clock and re-authorizing; revoking the API key. With the live environment the control-plane steps are skipped.',
      auth: { type: 'bearer', token: '{{api_key}}' },
      steps,
    }),
    ...environments,
  };
}
