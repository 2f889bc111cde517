import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { eachDoor } from '../support/doors.js';
import { events, fullToken, listOnlyToken, races, sessionFor, singleEventToken } from '../support/tracx.js';

eachDoor('tracx fixtures and control actions through the %s door', { providers: ['tracx'] }, (door) => {
  it('lists connect tokens with their permission sets, events and races', () => {
    const fixtures = door.mocks.control.fixtures().tracx as {
      connect_tokens: { connect_token: string; permissions: string[]; event_ids: number[] | null }[];
      events: unknown[];
      races: unknown[];
    };
    const byToken = new Map(fixtures.connect_tokens.map((t) => [t.connect_token, t]));
    expect(byToken.get(fullToken.connect_token)).toMatchObject({
      permissions: [
        'events.list',
        'races.list',
        'participants.list',
        'participants.store',
        'participants.store-multiple',
      ],
      event_ids: null,
    });
    expect(byToken.get(listOnlyToken.connect_token)?.permissions.every((p) => p.endsWith('.list'))).toBe(true);
    expect(byToken.get(singleEventToken.connect_token)?.event_ids).toHaveLength(1);
    expect(fixtures.events).toEqual(events);
    expect(fixtures.races).toEqual(races);
  });

  it('refuses to revoke an unknown connect token, and revokes nothing', async () => {
    await expect(
      door.mocks.control.action('tracx', 'revoke-connect-token', { connect_token: 'nope' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(sessionFor(door)).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('gives every connect token back after a reset', async () => {
    await door.mocks.control.action('tracx', 'revoke-connect-token', { id: fullToken.id });
    await expect(sessionFor(door)).rejects.toThrow(/401/);
    await door.mocks.control.reset();
    await expect(sessionFor(door)).resolves.toMatchObject({ token: expect.any(String) });
  });
});

describe('tracx control plane over HTTP', () => {
  const mock = createMockServer({ providers: ['tracx'] });
  const agent = supertest(mock.httpServer);
  afterEach(() => mock.control.reset());

  it('GET /__control/fixtures lists the tracx connect tokens', async () => {
    const res = await agent.get('/__control/fixtures');
    expect(res.status).toBe(200);
    expect(res.body.tracx.connect_tokens.map((t: { connect_token: string }) => t.connect_token)).toContain(
      fullToken.connect_token,
    );
  });

  it('POST /__control/tracx/revoke-connect-token revokes a token; an unknown one answers 404', async () => {
    const ok = await agent
      .post('/__control/tracx/revoke-connect-token')
      .send({ connect_token: listOnlyToken.connect_token });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: listOnlyToken.id, revoked: true });
    const session = await agent
      .post('/api.tracx.events/v1/connect/session-token')
      .set('authorization', listOnlyToken.connect_token);
    expect(session.status).toBe(401);
    const unknown = await agent.post('/__control/tracx/revoke-connect-token').send({ connect_token: 'nope' });
    expect(unknown.status).toBe(404);
    const empty = await agent.post('/__control/tracx/revoke-connect-token').send({});
    expect(empty.status).toBe(404);
  });

  it('POST /__control/tracx/participants lists stored participants and queued imports', async () => {
    const res = await agent.post('/__control/tracx/participants').send({});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ participants: [], queued: [] });
  });
});
