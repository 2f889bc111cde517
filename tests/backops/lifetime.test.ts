import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { apiKeys, areas, collaborators, events, organizations } from '../../mocks/providers/backops/fixtures.js';
import {
  adminKey,
  allTokens,
  api,
  aurora,
  type Credentials,
  coastlineKey,
  creds,
  eventToken,
  lastReason,
  mainStage,
  sam,
  staffKey,
  surf,
} from '../support/backops.js';
import { type Door, doorNames, eachDoor, openDoor } from '../support/doors.js';

const eightHours = 8 * 3600;

/** One call per kind of token, each needing exactly that token (and those above it). */
function probes(door: Door, t: Awaited<ReturnType<typeof allTokens>>) {
  const get = (url: string, c: Credentials) => door.call(url, { headers: creds(c) }).then((r) => r.status);
  return {
    event: () => get(`${api}/Events/${aurora.id}`, { key: t.key, event: t.event }),
    area: () => get(`${api}/Areas/${mainStage.id}/daysheet`, { key: t.key, event: t.event, area: t.area }),
    collaborator: () =>
      get(`${api}/collaborators/${sam.id}/daySheet`, { key: t.key, event: t.event, collaborator: t.collaborator }),
  };
}

eachDoor('BackOps token lifetimes and revocation through the %s door', { providers: ['backops'] }, (door) => {
  it('every token lives 8 hours by default on the shared clock: valid a second before, 401 at expiry', async () => {
    const t = await allTokens(door);
    const p = probes(door, t);
    door.mocks.control.advanceClock(eightHours - 1);
    expect([await p.event(), await p.area(), await p.collaborator()]).toEqual([200, 200, 200]);
    door.mocks.control.advanceClock(1);
    expect(await p.event()).toBe(401);
    expect(lastReason(door)).toBe('token_expired');
    // Area and collaborator tokens have expired too, not only the event token they are presented with.
    const fresh = await eventToken(door);
    const area = await door.call(`${api}/Areas/${mainStage.id}/daysheet`, {
      headers: creds({ key: t.key, event: fresh, area: t.area }),
    });
    expect(area.status).toBe(401);
    expect(area.body.code).toBe('UNAUTHORIZED');
    expect(lastReason(door)).toBe('token_expired');
    const collaborator = await door.call(`${api}/collaborators/${sam.id}/daySheet`, {
      headers: creds({ key: t.key, event: fresh, collaborator: t.collaborator }),
    });
    expect(collaborator.status).toBe(401);
    expect(lastReason(door)).toBe('token_expired');
  });

  it('after expiry the client authorizes again and carries on', async () => {
    const t = await allTokens(door);
    door.mocks.control.advanceClock(eightHours + 1);
    expect(await probes(door, t).area()).toBe(401);
    const again = await allTokens(door);
    expect([await probes(door, again).event(), await probes(door, again).area()]).toEqual([200, 200]);
  });

  it('fixtures list API keys, organizations, events (one archived), areas and collaborators with their event', () => {
    const f = door.mocks.control.fixtures().backops as Record<string, unknown>;
    expect(f.api_keys).toEqual(apiKeys);
    expect((f.api_keys as { admin: boolean }[]).map((k) => k.admin)).toEqual([true, false, true, true]);
    expect(f.organizations).toEqual(organizations);
    expect(f.events).toEqual(
      events.map((e) => ({ id: e.id, organizationId: e.organizationId, name: e.name, archived: e.archived })),
    );
    expect((f.events as { archived: boolean }[]).filter((e) => e.archived)).toHaveLength(1);
    expect(f.areas).toEqual(areas);
    expect(f.collaborators).toEqual(collaborators);
    expect(f.event_token_ttl_seconds).toBe(eightHours);
  });

  it('revoking an API key ends the key and every token derived from it, and no other key’s', async () => {
    const t = await allTokens(door);
    const staffEvent = await eventToken(door, aurora.id, staffKey.api_key);
    const result = await door.mocks.control.action('backops', 'revoke-api-key', { api_key: adminKey.api_key });
    // allTokens' organization, event, area and collaborator tokens; the staff key's stays.
    expect(result).toEqual({ id: adminKey.id, revoked_tokens: 4 });

    const p = probes(door, t);
    expect([await p.event(), await p.area(), await p.collaborator()]).toEqual([401, 401, 401]);
    expect(lastReason(door)).toBe('token_revoked');
    const auth = await door.call(`${api}/Events/${aurora.id}/authorize`, { headers: creds({ key: adminKey.api_key }) });
    expect(auth.status).toBe(401);
    expect(auth.body.code).toBe('UNAUTHORIZED');
    // The derived tokens are revoked themselves, not only refused through their key.
    const borrowed = await door.call(`${api}/Events/${aurora.id}`, {
      headers: creds({ key: staffKey.api_key, event: t.event }),
    });
    expect(borrowed.status).toBe(401);
    expect(lastReason(door)).toBe('token_revoked');
    // Another key of the same organization, and its tokens, carry on.
    const staff = await door.call(`${api}/Events/${aurora.id}`, {
      headers: creds({ key: staffKey.api_key, event: staffEvent }),
    });
    expect(staff.status).toBe(200);
    // Reset restores the seeded key.
    await door.mocks.control.reset();
    expect((await eventToken(door)).length).toBeGreaterThan(0);
  });

  it('refuses to revoke an unknown or missing API key', async () => {
    await expect(door.mocks.control.action('backops', 'revoke-api-key', { api_key: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(door.mocks.control.action('backops', 'revoke-api-key', {})).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('keeps API keys and tokens out of the journal, recording only which kind was presented', async () => {
    const t = await allTokens(door);
    await door.call(`${api}/Areas/${mainStage.id}/daysheet`, {
      headers: creds({ key: t.key, event: t.event, area: t.area }),
    });
    await door.call(`${api}/Events/${aurora.id}?token=${t.event}`, { headers: creds({ key: t.key }) });
    const journal = JSON.stringify(door.mocks.control.journal());
    for (const secret of [t.key, t.organization, t.event, t.area, t.collaborator]) {
      expect(journal).not.toContain(secret);
    }
    expect(door.mocks.control.journal().entries.map((e) => e.credential)).toEqual([
      'api_key',
      'api_key',
      'event_token',
      'event_token',
      'area_token',
      'api_key',
    ]);
  });
});

describe.each(doorNames)('BackOps token lifetimes from provider options through the %s door', (doorName) => {
  const door = openDoor(doorName, {
    providers: ['backops'],
    options: { backops: { eventTokenTtlSeconds: 600, areaTokenTtlSeconds: 60, collaboratorTokenTtlSeconds: 120 } },
  });

  it('expires each kind of token after its own configured lifetime', async () => {
    const t = await allTokens(door);
    const p = probes(door, t);
    door.mocks.control.advanceClock(59);
    expect([await p.event(), await p.area(), await p.collaborator()]).toEqual([200, 200, 200]);
    door.mocks.control.advanceClock(1);
    expect([await p.event(), await p.area(), await p.collaborator()]).toEqual([200, 401, 200]);
    door.mocks.control.advanceClock(60);
    expect([await p.event(), await p.collaborator()]).toEqual([200, 401]);
    door.mocks.control.advanceClock(480);
    expect(await p.event()).toBe(401);
    expect(lastReason(door)).toBe('token_expired');
    expect((door.mocks.control.fixtures().backops as Record<string, unknown>).area_token_ttl_seconds).toBe(60);
  });
});

describe('BackOps control plane over HTTP', () => {
  const mock = createMockServer({ providers: ['backops'] });
  const agent = supertest(mock.httpServer);

  it('lists the backops fixtures at GET /__control/fixtures', async () => {
    const res = await agent.get('/__control/fixtures');
    expect(res.status).toBe(200);
    expect(res.body.backops.api_keys.map((k: { api_key: string }) => k.api_key)).toEqual(apiKeys.map((k) => k.api_key));
  });

  it('revokes an API key at POST /__control/backops/revoke-api-key; 404 without one or for an unknown one', async () => {
    const host = '/api.backopslive.com';
    const token = await agent
      .get(`${host}/Events/${surf.id}/authorize`)
      .set('authorization', `Bearer ${coastlineKey.api_key}`);
    expect(token.status).toBe(200);
    expect((await agent.post('/__control/backops/revoke-api-key').send({})).status).toBe(404);
    expect((await agent.post('/__control/backops/revoke-api-key').send({ api_key: 'nope' })).status).toBe(404);
    const res = await agent.post('/__control/backops/revoke-api-key').send({ api_key: coastlineKey.api_key });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: coastlineKey.id, revoked_tokens: 1 });
    const after = await agent
      .get(`${host}/Events/${surf.id}`)
      .set('authorization', `Bearer ${coastlineKey.api_key}`)
      .set('x-event-token', token.body.token);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHORIZED');
    await mock.control.reset();
  });
});
