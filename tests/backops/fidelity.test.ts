/**
 * BackOps against the vendor's own endpoint pages: Get Events (key only, archived events
 * included, the key user's collaborator), the collaborator day sheet, dashboard and crew, and the
 * Organization API's organization token with Add User.
 */
import { describe, expect, it } from 'vitest';
import {
  adminKey,
  allTokens,
  api,
  archived,
  aurora,
  type Credentials,
  coastline,
  coastlineKey,
  collaboratorToken,
  creds,
  eventToken,
  lastReason,
  leePark,
  mainStage,
  midnight,
  northern,
  organizationToken,
  pat,
  personalKey,
  personalOrg,
  sam,
  samRivera,
  staffKey,
  unknownId,
  venueType,
} from '../support/backops.js';
import { doorNames, eachDoor, openDoor } from '../support/doors.js';

eachDoor('BackOps fidelity to the vendor pages through the %s door', { providers: ['backops'] }, (door) => {
  const get = (url: string, c: Credentials) => door.call(url, { headers: creds(c) });
  const usersUrl = (organizationId: string = northern.id) => `${api}/Organizations/${organizationId}/users`;
  const addUser = (c: Credentials, body: unknown, organizationId: string = northern.id) =>
    door.call(usersUrl(organizationId), { headers: creds(c), json: body });

  describe('Get Events', () => {
    it('answers the key alone with {id, name, isArchived, organization, attributes, collaborator}, archived included', async () => {
      const res = await get(`${api}/Organizations/${northern.id}/events`, { key: adminKey.api_key });
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        {
          id: aurora.id,
          name: aurora.name,
          isArchived: false,
          organization: { id: northern.id, name: northern.name },
          attributes: aurora.attributes,
          collaborator: null,
        },
        {
          id: midnight.id,
          name: midnight.name,
          isArchived: false,
          organization: { id: northern.id, name: northern.name },
          attributes: midnight.attributes,
          collaborator: null,
        },
        {
          id: archived.id,
          name: archived.name,
          isArchived: true,
          organization: { id: northern.id, name: northern.name },
          attributes: [],
          collaborator: null,
        },
      ]);
      expect(res.body[0].attributes[0]).toEqual({ attributeId: venueType.id, value: 'Outdoor' });
    });

    it('names the collaborator the key’s user is crew of on each event, or null', async () => {
      const res = await get(`${api}/Organizations/${northern.id}/events`, { key: staffKey.api_key });
      const byId = new Map(res.body.map((e: { id: string; collaborator: unknown }) => [e.id, e.collaborator]));
      expect(byId.get(aurora.id)).toEqual({ id: sam.id, name: sam.name });
      expect(byId.get(midnight.id)).toBeNull();
    });
  });

  describe('collaborator day sheet, dashboard and crew (lowercase /collaborators paths)', () => {
    const tokensFor = async () => {
      const t = await allTokens(door);
      return { key: t.key, event: t.event, collaborator: t.collaborator };
    };

    it('daySheet answers {eventName, collaboratorName, schedule with areas, contacts, advances}', async () => {
      const res = await get(`${api}/collaborators/${sam.id}/daySheet`, await tokensFor());
      expect(res.status).toBe(200);
      expect(res.body.eventName).toBe(aurora.name);
      expect(res.body.collaboratorName).toBe(sam.name);
      expect(res.body.schedule.map((a: { name: string }) => a.name)).toEqual([
        'Crew dinner',
        'Headliner soundcheck',
        'Load-out',
      ]);
      const soundcheck = res.body.schedule[1];
      expect(soundcheck.areas).toEqual([{ id: mainStage.id, name: mainStage.name }]);
      expect(soundcheck).toMatchObject({ exactLocation: expect.any(String), startDateTime: '2027-08-20T14:00:00Z' });
      expect(res.body.contacts).toEqual([
        {
          id: samRivera.id,
          firstName: samRivera.firstName,
          lastName: samRivera.lastName,
          title: samRivera.title,
          email: samRivera.email,
          phone: samRivera.phoneNumber,
        },
      ]);
      expect(res.body.advances).toEqual([]);
    });

    it('dashboard answers contacts, activities, deliverables, incompleteCrew (no email or phone) and tasks', async () => {
      const res = await get(`${api}/collaborators/${sam.id}/dashboard`, await tokensFor());
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual([
        'activities',
        'contacts',
        'deliverables',
        'incompleteCrew',
        'tasks',
      ]);
      expect(res.body.contacts.map((c: { id: string }) => c.id)).toEqual([samRivera.id]);
      expect(res.body.contacts[0].phoneNumber).toBe(samRivera.phoneNumber);
      expect(res.body.incompleteCrew.map((c: { id: string }) => c.id)).toEqual([leePark.id]);
      expect(res.body.activities).toHaveLength(3);
      expect(Object.keys(res.body.activities[0]).sort()).toEqual(['endDateTime', 'id', 'name', 'startDateTime']);
    });

    it('crew answers every crew member, with the connected user or null', async () => {
      const res = await get(`${api}/collaborators/${sam.id}/crew`, await tokensFor());
      expect(res.status).toBe(200);
      expect(res.body.attributesInfo).toEqual([]);
      expect(res.body.crew.map((m: { id: string }) => m.id)).toEqual([samRivera.id, leePark.id]);
      expect(res.body.crew[0].connectedUser).toEqual({ id: samRivera.connectedUserId, status: 'Active' });
      expect(res.body.crew[1]).toMatchObject({ connectedUser: null, isPointOfContact: false, attributes: [] });
    });

    it.each(['daySheet', 'dashboard', 'crew'])('%s refuses another collaborator’s token with 401', async (leaf) => {
      const t = await allTokens(door);
      const other = await collaboratorToken(door, t.event, sam.id);
      const jo = await get(`${api}/collaborators/0193c8e6-4d32-7b12-9dab-72536fc03b22/${leaf}`, {
        key: t.key,
        event: t.event,
        collaborator: other,
      });
      expect(jo.status).toBe(401);
      expect(lastReason(door)).toBe('scope_missing');
    });
  });

  describe('organization token and Add User', () => {
    it('authorizeOrganization issues a token for the key’s own organization only', async () => {
      const res = await get(`${api}/Organizations/${northern.id}/authorize`, { key: adminKey.api_key });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['token']);
      for (const id of [coastline.id, unknownId]) {
        const other = await get(`${api}/Organizations/${id}/authorize`, { key: adminKey.api_key });
        expect(other.status).toBe(401);
        expect(other.body.code).toBe('UNAUTHORIZED');
        expect(lastReason(door)).toBe('scope_missing');
      }
    });

    it('adds a user once (200, no body); the same address again is a 400', async () => {
      const organization = await organizationToken(door);
      const first = await addUser({ key: adminKey.api_key, organization }, { email: 'New.Person@example.com' });
      expect(first.status).toBe(200);
      expect(first.text).toBe('');
      const again = await addUser({ key: adminKey.api_key, organization }, { email: 'new.person@example.com' });
      expect(again.status).toBe(400);
      expect(again.body).toEqual({ code: 'BAD_REQUEST', message: expect.any(String) });
    });

    it.each([
      ['an existing member', { email: 'ops@northernlights.example' }],
      ['a blocked address', { email: 'blocked@spam.example' }],
      ['no email', {}],
      ['an email that is not an address', { email: 'not-an-email' }],
      ['an email that is not a string', { email: 42 }],
    ])('refuses %s with 400 BAD_REQUEST', async (_name, body) => {
      const organization = await organizationToken(door);
      const res = await addUser({ key: adminKey.api_key, organization }, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BAD_REQUEST');
    });

    it('refuses a personal organization with 400', async () => {
      const organization = await organizationToken(door, personalOrg.id, personalKey.api_key);
      const res = await addUser(
        { key: personalKey.api_key, organization },
        { email: 'friend@example.com' },
        personalOrg.id,
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BAD_REQUEST');
    });

    it('needs OrganizationAdmin: the staff key gets 403 FORBIDDEN, and nothing is added', async () => {
      const staffOrganization = await organizationToken(door, northern.id, staffKey.api_key);
      const refused = await addUser(
        { key: staffKey.api_key, organization: staffOrganization },
        { email: 'x@example.com' },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      const organization = await organizationToken(door);
      expect((await addUser({ key: adminKey.api_key, organization }, { email: 'x@example.com' })).status).toBe(200);
    });

    it('refuses a missing organization token, another organization’s, another key’s, and an event token: 401', async () => {
      const organization = await organizationToken(door);
      const coastlineOrganization = await organizationToken(door, coastline.id, coastlineKey.api_key);
      const event = await eventToken(door);
      const cases: [Credentials, string, string][] = [
        [{ key: adminKey.api_key }, northern.id, 'credentials_missing'],
        [{ key: coastlineKey.api_key, organization: coastlineOrganization }, northern.id, 'scope_missing'],
        [{ key: staffKey.api_key, organization }, northern.id, 'scope_missing'],
        [{ key: adminKey.api_key, organization: event }, northern.id, 'token_wrong_kind'],
        [{ organization }, northern.id, 'credentials_missing'],
      ];
      for (const [c, organizationId, reason] of cases) {
        const res = await addUser(c, { email: 'someone@example.com' }, organizationId);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHORIZED');
        expect(lastReason(door)).toBe(reason);
      }
    });

    it('checks the credentials before the body: a bad body without the organization token is a 401', async () => {
      const res = await door.call(usersUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...creds({ key: adminKey.api_key }) },
        raw: '{"email":',
      });
      expect(res.status).toBe(401);
    });

    it('ends the organization token with its key', async () => {
      const organization = await organizationToken(door);
      await door.mocks.control.action('backops', 'revoke-api-key', { api_key: adminKey.api_key });
      const res = await addUser({ key: staffKey.api_key, organization }, { email: 'late@example.com' });
      expect(res.status).toBe(401);
      expect(lastReason(door)).toBe('token_revoked');
      await door.mocks.control.reset();
    });
  });
});

/** The collaborator endpoint pages list only the API key: the option follows them. */
describe.each(doorNames)('BackOps with collaboratorTokensRequired: false through the %s door', (doorName) => {
  const keyOnly = openDoor(doorName, {
    providers: ['backops'],
    options: { backops: { collaboratorTokensRequired: false } },
  });

  it.each(['daySheet', 'dashboard', 'crew'])('%s answers the key alone', async (leaf) => {
    const res = await keyOnly.call(`${api}/collaborators/${sam.id}/${leaf}`, {
      headers: creds({ key: staffKey.api_key }),
    });
    expect(res.status).toBe(200);
  });

  it('still refuses a key of another organization (401), a missing key (401) and an unknown collaborator (404)', async () => {
    const url = `${api}/collaborators/${sam.id}/daySheet`;
    expect((await keyOnly.call(url, { headers: creds({ key: coastlineKey.api_key }) })).status).toBe(401);
    expect((await keyOnly.call(url)).status).toBe(401);
    const own = await keyOnly.call(`${api}/collaborators/${pat.id}/crew`, {
      headers: creds({ key: coastlineKey.api_key }),
    });
    expect(own.status).toBe(200);
    const unknown = await keyOnly.call(`${api}/collaborators/${unknownId}/crew`, {
      headers: creds({ key: adminKey.api_key }),
    });
    expect(unknown.status).toBe(404);
  });
});
