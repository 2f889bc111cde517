import { expect, it } from 'vitest';
import {
  adminKey,
  allTokens,
  api,
  archived,
  areaToken,
  aurora,
  backstage,
  type Credentials,
  capacity,
  creds,
  eventToken,
  jo,
  lastReason,
  mainStage,
  northern,
  sam,
  staffKey,
  unknownId,
  venueType,
} from '../support/backops.js';
import { eachDoor } from '../support/doors.js';

eachDoor('BackOps resources through the %s door', { providers: ['backops'] }, (door) => {
  const get = (url: string, c: Credentials) => door.call(url, { headers: creds(c) });
  const areasUrl = `${api}/Events/${aurora.id}/areas`;

  it('getEvent returns the organization’s attribute definitions apart from the event’s attribute values', async () => {
    const event = await eventToken(door);
    const res = await get(`${api}/Events/${aurora.id}`, { key: adminKey.api_key, event });
    expect(res.status).toBe(200);
    const { organizationId: _org, ...venueDefinition } = venueType;
    const { organizationId: _org2, ...capacityDefinition } = capacity;
    expect(res.body).toEqual({
      id: aurora.id,
      organizationId: northern.id,
      name: aurora.name,
      eventAttributes: [venueDefinition, capacityDefinition],
      attributes: aurora.attributes,
    });
    expect(res.body.attributes.map((a: { attributeId: string }) => a.attributeId)).toEqual([venueType.id, capacity.id]);
  });

  it('listEventAreas and listEventCollaborators return the event’s own, as {id, name}', async () => {
    const event = await eventToken(door);
    const areas = await get(areasUrl, { key: adminKey.api_key, event });
    expect(areas.body).toEqual([
      { id: mainStage.id, name: mainStage.name },
      { id: backstage.id, name: backstage.name },
    ]);
    const people = await get(`${api}/Events/${aurora.id}/collaborators`, { key: adminKey.api_key, event });
    expect(people.body).toEqual([
      { id: sam.id, name: sam.name },
      { id: jo.id, name: jo.name },
    ]);
  });

  it('getAreaDaysheet answers {eventName, schedule, advances}: the area’s activities, earliest first', async () => {
    const t = await allTokens(door);
    const sheet = await get(`${api}/Areas/${backstage.id}/daysheet`, {
      key: t.key,
      event: t.event,
      area: await areaToken(door, t.event, backstage.id),
    });
    expect(sheet.status).toBe(200);
    expect(Object.keys(sheet.body).sort()).toEqual(['advances', 'eventName', 'schedule']);
    expect(sheet.body.eventName).toBe(aurora.name);
    expect(sheet.body.advances).toEqual([]);
    expect(sheet.body.schedule.map((a: { name: string }) => a.name)).toEqual(['Crew dinner', 'Load-out']);
    expect(Object.keys(sheet.body.schedule[0]).sort()).toEqual(
      ['description', 'endDateTime', 'exactLocation', 'id', 'name', 'startDateTime'].sort(),
    );
  });

  it('getAreaDaysheet needs the admin permission (EventAdmin): 403 FORBIDDEN for the staff key', async () => {
    const event = await eventToken(door, aurora.id, staffKey.api_key);
    const area = await areaToken(door, event, mainStage.id, staffKey.api_key);
    const res = await get(`${api}/Areas/${mainStage.id}/daysheet`, { key: staffKey.api_key, event, area });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    expect(lastReason(door)).toBe('forbidden');
  });

  it('createEventArea adds an area with a v7 GUID, answers 201 without a body, and the list shows it', async () => {
    const event = await eventToken(door);
    const res = await door.call(areasUrl, {
      headers: creds({ key: adminKey.api_key, event }),
      json: { name: 'VIP Lounge' },
    });
    expect(res.status).toBe(201);
    expect(res.text).toBe('');
    const list = await get(areasUrl, { key: adminKey.api_key, event });
    const added = list.body.find((a: { name: string }) => a.name === 'VIP Lounge');
    expect(added.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The new area can be authorized like a seeded one.
    expect((await get(`${api}/Areas/${added.id}/authorize`, { key: adminKey.api_key, event })).status).toBe(200);
  });

  it('createEventArea needs the admin permission: 403 FORBIDDEN, and nothing is added', async () => {
    const event = await eventToken(door, aurora.id, staffKey.api_key);
    const res = await door.call(areasUrl, { headers: creds({ key: staffKey.api_key, event }), json: { name: 'Nope' } });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    const list = await get(areasUrl, { key: staffKey.api_key, event });
    expect(list.body.some((a: { name: string }) => a.name === 'Nope')).toBe(false);
  });

  it.each([
    ['no name', { 'content-type': 'application/json' }, '{}'],
    ['a blank name', { 'content-type': 'application/json' }, '{"name":"   "}'],
    ['a name that is not a string', { 'content-type': 'application/json' }, '{"name":5}'],
    ['a name over 200 characters', { 'content-type': 'application/json' }, JSON.stringify({ name: 'x'.repeat(201) })],
    ['malformed JSON', { 'content-type': 'application/json' }, '{"name":'],
    ['a JSON array', { 'content-type': 'application/json' }, '[]'],
    ['no body', { 'content-type': 'application/json' }, ''],
    ['a wrong content type', { 'content-type': 'text/plain' }, 'name=x'],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, 'name=x'],
  ])('createEventArea answers %s with 400 BAD_REQUEST', async (_name, headers, raw) => {
    const event = await eventToken(door);
    const res = await door.call(areasUrl, {
      method: 'POST',
      headers: { ...headers, ...creds({ key: adminKey.api_key, event }) },
      raw,
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'BAD_REQUEST', message: expect.any(String) });
  });

  it('createEventArea answers a body over 1 MiB with 413', async () => {
    const event = await eventToken(door);
    const res = await door.call(areasUrl, {
      headers: creds({ key: adminKey.api_key, event }),
      json: { name: 'x'.repeat(1024 * 1024 + 1) },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('checks the credentials before the body: a bad body without an event token is a 401', async () => {
    const res = await door.call(areasUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...creds({ key: adminKey.api_key }) },
      raw: '{"name":',
    });
    expect(res.status).toBe(401);
  });

  it.each([
    ['an archived event', archived.id],
    ['an unknown event', unknownId],
    ['an id that is not a GUID', 'not-a-guid'],
  ])('authorizeEvent answers %s with 404 NOT_FOUND', async (_name, id) => {
    const res = await get(`${api}/Events/${id}/authorize`, { key: adminKey.api_key });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    expect(lastReason(door)).toBe('not_found');
  });

  it('event-scoped calls answer an archived or unknown event with 404, even with a valid event token', async () => {
    const event = await eventToken(door);
    for (const id of [archived.id, unknownId]) {
      for (const path of [`/Events/${id}`, `/Events/${id}/areas`, `/Events/${id}/collaborators`]) {
        const res = await get(`${api}${path}`, { key: adminKey.api_key, event });
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
    }
  });

  it('answers an unknown area or collaborator with 404', async () => {
    const t = await allTokens(door);
    const cases: [string, Credentials][] = [
      [`${api}/Areas/${unknownId}/authorize`, { key: t.key, event: t.event }],
      [`${api}/Collaborators/${unknownId}/authorize`, { key: t.key, event: t.event }],
      [`${api}/Areas/${unknownId}/daysheet`, { key: t.key, event: t.event, area: t.area }],
      [`${api}/collaborators/${unknownId}/daySheet`, { key: t.key, event: t.event, collaborator: t.collaborator }],
      [`${api}/collaborators/${unknownId}/dashboard`, { key: t.key, event: t.event, collaborator: t.collaborator }],
      [`${api}/collaborators/${unknownId}/crew`, { key: t.key, event: t.event, collaborator: t.collaborator }],
    ];
    for (const [url, c] of cases) {
      const res = await get(url, c);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  it('routes case-insensitively, keeping ids as GUIDs in any case', async () => {
    const auth = await get(`${api}/events/${aurora.id.toUpperCase()}/AUTHORIZE`, { key: adminKey.api_key });
    expect(auth.status).toBe(200);
    const event = auth.body.token as string;
    expect((await get(`${api}/EVENTS/${aurora.id}`, { key: adminKey.api_key, event })).status).toBe(200);
    expect((await get(`${api}/events/${aurora.id}/Areas`, { key: adminKey.api_key, event })).status).toBe(200);
    expect((await get(`${api}/Events/${aurora.id}/COLLABORATORS/`, { key: adminKey.api_key, event })).status).toBe(200);
    const area = await get(`${api}/areas/${mainStage.id}/authorize`, { key: adminKey.api_key, event });
    expect(area.status).toBe(200);
    const sheet = await get(`${api}/AREAS/${mainStage.id.toUpperCase()}/DaySheet`, {
      key: adminKey.api_key,
      event,
      area: area.body.token,
    });
    expect(sheet.status).toBe(200);
    expect(sheet.body.eventName).toBe(aurora.name);
    const collaborator = await get(`${api}/collaborators/${sam.id}/Authorize`, { key: adminKey.api_key, event });
    expect(collaborator.status).toBe(200);
    const schedule = await get(`${api}/COLLABORATORS/${sam.id}/DAYSHEET`, {
      key: adminKey.api_key,
      event,
      collaborator: collaborator.body.token,
    });
    expect(schedule.status).toBe(200);
    expect((await get(`${api}/organizations/${northern.id}/EVENTS`, { key: adminKey.api_key })).status).toBe(200);
    const created = await door.call(`${api}/EVENTS/${aurora.id}/AREAS`, {
      headers: creds({ key: adminKey.api_key, event }),
      json: { name: 'Case Lounge' },
    });
    expect(created.status).toBe(201);
  });

  it('answers an unknown path with 404 and a wrong method with 405, in the {code, message} shape', async () => {
    const missing = await door.call(`${api}/Nothing/here`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    const wrong = await door.call(`${api}/events/${aurora.id}/AUTHORIZE`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET');
    expect(wrong.body).toEqual({ code: 'METHOD_NOT_ALLOWED', message: expect.any(String) });
  });
});
