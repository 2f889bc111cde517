import { expect, it } from 'vitest';
import {
  adminKey,
  alex,
  allTokens,
  api,
  archived,
  areaToken,
  arenaFloor,
  aurora,
  backstage,
  beachBar,
  type Credentials,
  coastline,
  coastlineKey,
  collaboratorToken,
  creds,
  eventToken,
  jo,
  lastReason,
  mainStage,
  midnight,
  northern,
  pat,
  sam,
  staffKey,
  surf,
} from '../support/backops.js';
import { eachDoor } from '../support/doors.js';

eachDoor('BackOps token scoping through the %s door', { providers: ['backops'] }, (door) => {
  const get = (url: string, c: Credentials) => door.call(url, { headers: creds(c) });
  const expectScopeRefusal = async (res: Awaited<ReturnType<typeof get>>) => {
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
    expect(lastReason(door)).toBe('scope_missing');
  };

  it.each([
    ['getEvent', 'GET', `/Events/${aurora.id}`],
    ['listEventAreas', 'GET', `/Events/${aurora.id}/areas`],
    ['listEventCollaborators', 'GET', `/Events/${aurora.id}/collaborators`],
    ['createEventArea', 'POST', `/Events/${aurora.id}/areas`],
  ])('%s refuses an event token of another event of the same organization with 401', async (_id, method, path) => {
    const other = await eventToken(door, midnight.id);
    const res = await door.call(`${api}${path}`, {
      method,
      headers: creds({ key: adminKey.api_key, event: other }),
      ...(method === 'POST' ? { json: { name: 'Gate 4' } } : {}),
    });
    await expectScopeRefusal(res);
    const own = await get(`${api}/Events/${midnight.id}`, { key: adminKey.api_key, event: other });
    expect(own.status).toBe(200);
  });

  it('authorizeArea and authorizeCollaborator refuse an area or collaborator of another event with 401', async () => {
    const auroraToken = await eventToken(door, aurora.id);
    await expectScopeRefusal(
      await get(`${api}/Areas/${arenaFloor.id}/authorize`, { key: adminKey.api_key, event: auroraToken }),
    );
    await expectScopeRefusal(
      await get(`${api}/Collaborators/${alex.id}/authorize`, { key: adminKey.api_key, event: auroraToken }),
    );
    const midnightToken = await eventToken(door, midnight.id);
    expect(
      (await get(`${api}/Areas/${arenaFloor.id}/authorize`, { key: adminKey.api_key, event: midnightToken })).status,
    ).toBe(200);
    expect(
      (await get(`${api}/Collaborators/${alex.id}/authorize`, { key: adminKey.api_key, event: midnightToken })).status,
    ).toBe(200);
  });

  it('an area token opens only its own area, even within its event', async () => {
    const t = await allTokens(door);
    await expectScopeRefusal(await get(`${api}/Areas/${backstage.id}/daysheet`, { ...t, collaborator: undefined }));
    const own = await get(`${api}/Areas/${mainStage.id}/daysheet`, { key: t.key, event: t.event, area: t.area });
    expect(own.status).toBe(200);
  });

  it('a collaborator token opens only its own collaborator, even within its event', async () => {
    const t = await allTokens(door);
    await expectScopeRefusal(
      await get(`${api}/collaborators/${jo.id}/daySheet`, { key: t.key, event: t.event, collaborator: t.collaborator }),
    );
  });

  it('an area or collaborator token works only with an event token of the event it belongs to', async () => {
    const t = await allTokens(door);
    const otherEvent = await eventToken(door, midnight.id);
    await expectScopeRefusal(
      await get(`${api}/Areas/${mainStage.id}/daysheet`, { key: t.key, event: otherEvent, area: t.area }),
    );
    await expectScopeRefusal(
      await get(`${api}/collaborators/${sam.id}/daySheet`, {
        key: t.key,
        event: otherEvent,
        collaborator: t.collaborator,
      }),
    );
    // A second event token of the right event does work: the binding is to the event, not to one token.
    const again = await eventToken(door, aurora.id);
    expect(
      (await get(`${api}/Areas/${mainStage.id}/daysheet`, { key: t.key, event: again, area: t.area })).status,
    ).toBe(200);
  });

  it('an area token of another event cannot read that event’s area with this event’s token either', async () => {
    const midnightToken = await eventToken(door, midnight.id);
    const arena = await areaToken(door, midnightToken, arenaFloor.id);
    const auroraToken = await eventToken(door, aurora.id);
    await expectScopeRefusal(
      await get(`${api}/Areas/${arenaFloor.id}/daysheet`, { key: adminKey.api_key, event: auroraToken, area: arena }),
    );
    const alexToken = await collaboratorToken(door, midnightToken, alex.id);
    await expectScopeRefusal(
      await get(`${api}/collaborators/${alex.id}/daySheet`, {
        key: adminKey.api_key,
        event: auroraToken,
        collaborator: alexToken,
      }),
    );
  });

  it('an API key sees only its own organization’s events', async () => {
    await expectScopeRefusal(await get(`${api}/Organizations/${coastline.id}/events`, { key: adminKey.api_key }));
    await expectScopeRefusal(await get(`${api}/Events/${surf.id}/authorize`, { key: adminKey.api_key }));
    await expectScopeRefusal(
      await get(`${api}/Organizations/0199ffff-0000-7000-8000-000000000000/events`, { key: adminKey.api_key }),
    );
    const own = await get(`${api}/Organizations/${coastline.id}/events`, { key: coastlineKey.api_key });
    expect(own.status).toBe(200);
    expect(own.body.map((e: { id: string }) => e.id)).toEqual([surf.id]);
  });

  it('a token works only with the API key it was derived from', async () => {
    const t = await allTokens(door);
    // Another key of the same organization cannot borrow the admin key's tokens.
    await expectScopeRefusal(await get(`${api}/Events/${aurora.id}`, { key: staffKey.api_key, event: t.event }));
    await expectScopeRefusal(
      await get(`${api}/Areas/${mainStage.id}/daysheet`, { ...t, key: staffKey.api_key, collaborator: undefined }),
    );
    const staffEvent = await eventToken(door, aurora.id, staffKey.api_key);
    expect((await get(`${api}/Events/${aurora.id}`, { key: staffKey.api_key, event: staffEvent })).status).toBe(200);
  });

  it('a Coastline event token does not open a Northern event, nor Coastline tokens Northern areas', async () => {
    const surfToken = await eventToken(door, surf.id, coastlineKey.api_key);
    await expectScopeRefusal(await get(`${api}/Events/${aurora.id}`, { key: coastlineKey.api_key, event: surfToken }));
    await expectScopeRefusal(
      await get(`${api}/Areas/${mainStage.id}/authorize`, { key: coastlineKey.api_key, event: surfToken }),
    );
    const bar = await areaToken(door, surfToken, beachBar.id, coastlineKey.api_key);
    const patToken = await collaboratorToken(door, surfToken, pat.id, coastlineKey.api_key);
    expect(
      (await get(`${api}/Areas/${beachBar.id}/daysheet`, { key: coastlineKey.api_key, event: surfToken, area: bar }))
        .status,
    ).toBe(200);
    expect(
      (
        await get(`${api}/collaborators/${pat.id}/daySheet`, {
          key: coastlineKey.api_key,
          event: surfToken,
          collaborator: patToken,
        })
      ).status,
    ).toBe(200);
  });

  it('lists only the organization’s events, archived ones included', async () => {
    const res = await get(`${api}/Organizations/${northern.id}/events`, { key: adminKey.api_key });
    expect(res.status).toBe(200);
    expect(res.body.map((e: { id: string }) => e.id).sort()).toEqual([aurora.id, midnight.id, archived.id].sort());
    expect(res.body.find((e: { id: string }) => e.id === archived.id).isArchived).toBe(true);
  });
});
