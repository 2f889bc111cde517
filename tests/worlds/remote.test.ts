import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { connect, RemoteError } from '../../mocks/remote/index.js';
import { call, listeningServer } from './support.js';

const demo = applications[0] as (typeof applications)[0];
const tokenBody = { grant_type: 'client_credentials', client_id: demo.client_id, client_secret: demo.client_secret };

describe('authflow-mocks/remote', () => {
  const server = listeningServer();
  const guarded = listeningServer({ controlToken: 'remote-control-token-0123' });

  it('creates a world and maps a real URL into it', async () => {
    const mocks = connect(`${server.url}/`);
    const world = await mocks.createWorld({ name: 'remote' });
    expect(world.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(world.url('https://identity.eventbookings.com/connect/token')).toBe(
      `${server.url}/w/${world.id}/identity.eventbookings.com/connect/token`,
    );
    expect(world.url('https://api.eventbookings.com/me?x=1')).toBe(
      `${server.url}/w/${world.id}/api.eventbookings.com/me?x=1`,
    );
    const token = await call(world.url('https://identity.eventbookings.com/connect/token'), {
      method: 'POST',
      json: tokenBody,
    });
    expect(token.status).toBe(200);
    const listed = await mocks.worlds();
    expect(listed.find((w) => w.id === world.id)).toMatchObject({ name: 'remote', requests: 1 });
  });

  it('moves a world’s clock, stages faults, reads its journal and tokens, resets and deletes it', async () => {
    const mocks = connect(server.url);
    const world = await mocks.createWorld();
    const token = await call(world.url('https://identity.eventbookings.com/connect/token'), {
      method: 'POST',
      json: tokenBody,
    });
    const me = () =>
      call(world.url('https://api.eventbookings.com/me'), {
        headers: { authorization: `Bearer ${token.body.access_token}` },
      });
    expect((await me()).status).toBe(200);
    expect((await world.tokens()).tokens.some((t) => t.provider === 'eventbookings' && t.state === 'live')).toBe(true);
    expect((await world.clock.advance(7200)).offsetSeconds).toBe(7200);
    expect((await world.clock()).offsetSeconds).toBe(7200);
    expect((await me()).status).toBe(401);
    expect((await world.clock.reset()).offsetSeconds).toBe(0);
    expect((await world.clock.set('2031-01-01T00:00:00Z')).now.startsWith('2031-01-01')).toBe(true);
    await world.resetClock();
    const fault = await world.faults.add({ provider: 'eventbookings', status: 503, count: 1 });
    expect((await world.faults()).faults.map((f) => f.id)).toEqual([fault.id]);
    expect((await me()).status).toBe(503);
    expect((await world.faults()).faults).toEqual([]);
    const journal = await world.journal();
    expect(journal.entries.map((e) => e.status)).toEqual([200, 200, 401, 503]);
    // The default world saw none of it.
    const defaults = await mocks.world('default').journal();
    expect(defaults.entries.some((e) => e.status === 503)).toBe(false);
    await world.reset();
    expect((await world.journal()).entries).toEqual([]);
    await world.delete();
    const gone = await world.journal().catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(RemoteError);
    expect((gone as RemoteError).code).toBe('unknown_world');
    expect((gone as RemoteError).status).toBe(404);
  });

  it('a bad config rejects with RemoteError carrying the server’s code and problems', async () => {
    const error = await connect(server.url)
      .createWorld({ config: { eventix: { mode: 'nope' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).code).toBe('invalid_request');
    expect((error as RemoteError).status).toBe(400);
    expect((error as RemoteError & { body: { problems: { path: string }[] } }).body.problems[0]?.path).toBe(
      'eventix.mode',
    );
  });

  it('sends the control token, and without it the server’s 401 code comes back', async () => {
    const refused = await connect(guarded.url)
      .createWorld()
      .catch((e: unknown) => e);
    expect((refused as RemoteError).code).toBe('control_unauthorized');
    const world = await connect(guarded.url, { controlToken: 'remote-control-token-0123' }).createWorld();
    expect((await world.health()).status).toBe('ok');
    await world.delete();
  });

  it('an unreachable server rejects with code unreachable, not a TypeError', async () => {
    const error = await connect('http://127.0.0.1:9')
      .worlds()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).code).toBe('unreachable');
  });

  it('the default world handle drives today’s world and cannot be deleted', async () => {
    const world = connect(server.url).world('default');
    expect(world.url('https://api.eventix.io/event')).toBe(`${server.url}/api.eventix.io/event`);
    expect((await world.clock()).offsetSeconds).toBe(0);
    await expect(world.delete()).rejects.toBeInstanceOf(RemoteError);
  });

  it('the built entry imports nothing (no MSW, no Node built-in): it runs in a browser too', () => {
    const built = readFileSync(new URL('../../dist/mocks/remote/index.js', import.meta.url), 'utf8');
    expect(built).not.toMatch(/^\s*import\s/m);
    expect(built).not.toMatch(/require\(/);
  });
});
