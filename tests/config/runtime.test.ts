/** The configured world at run time: PUT /__control/fixtures replaces it, POST /__control/<id>/fixtures adds to it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../mocks/doors/http/index.js';
import { customWorld } from './worlds.js';

describe('fixtures at run time (node:http door)', () => {
  let server: MockServer;
  let base: string;
  beforeAll(async () => {
    server = createMockServer({ fixtures: { tracx: customWorld.tracx } });
    base = (await server.listen(0, '127.0.0.1')).url;
  });
  afterAll(() => server.close());

  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${base}/__control${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  const session = (connectToken: string) =>
    fetch(`${base}/api.tracx.events/v1/connect/session-token`, {
      method: 'POST',
      headers: { accept: 'application/json', authorization: connectToken },
    });
  const eventixClients = async () =>
    ((await (await control('GET', '/fixtures')).json()).eventix.clients as { client_id: string }[]).map(
      (c) => c.client_id,
    );

  it('starts on the configured world', async () => {
    expect((await session('acme-connect-token-1')).status).toBe(200);
    expect((await session('tcx_ct_full_4Fq9Lm2Xv7Rb1Nz8Wd5Hs3Kp')).status).toBe(401);
  });

  it('PUT /__control/fixtures replaces the world (unnamed providers back to the demo world) and resets onto it', async () => {
    // A whole config file is fine: port, host and options apply only on restart.
    const res = await control('PUT', '/fixtures', {
      $schema: './schema.json',
      port: 4999,
      eventix: { ...customWorld.eventix, options: { tokenCap: 2 } },
    });
    expect(res.status).toBe(200);
    expect(await eventixClients()).toEqual(['acme-eventix']);
    // Tracx is back on the demo world: the configured token is gone, the demo one works.
    expect((await session('acme-connect-token-1')).status).toBe(401);
    expect((await session('tcx_ct_full_4Fq9Lm2Xv7Rb1Nz8Wd5Hs3Kp')).status).toBe(200);
  });

  it('POST /__control/reset returns to the configured world, not the demo one', async () => {
    expect((await control('POST', '/reset')).status).toBe(200);
    expect(await eventixClients()).toEqual(['acme-eventix']);
  });

  it('a bad PUT answers 400 with every problem and changes nothing', async () => {
    const res = await control('PUT', '/fixtures', {
      eventix: { clients: [{ client_id: 'x', client_secret: 'y', redirect_uris: ['nope'], default_user: 'z' }] },
      nope: {},
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('invalid_request');
    const paths = body.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['eventix.clients[0].redirect_uris[0]', 'nope']));
    expect(await eventixClients()).toEqual(['acme-eventix']);
  });

  it('POST /__control/<id>/fixtures adds entities, checked against the current world', async () => {
    const added = await control('POST', '/tracx/fixtures', {
      connect_tokens: [{ id: 9, connect_token: 'added-connect-token', event_ids: [1] }],
    });
    expect(added.status).toBe(200);
    expect((await session('added-connect-token')).status).toBe(200);
    expect((await session('tcx_ct_full_4Fq9Lm2Xv7Rb1Nz8Wd5Hs3Kp')).status).toBe(200);
    const broken = await control('POST', '/tracx/fixtures', { races: [{ id: 999, event_id: 404, name: 'x' }] });
    expect(broken.status).toBe(400);
    expect((await broken.json()).problems.map((p: { path: string }) => p.path)).toEqual(['tracx.races[0].event_id']);
    expect((await control('POST', '/nope/fixtures', {})).status).toBe(404);
  });

  it('is guarded like the rest of the control plane (a cross-site form post is refused)', async () => {
    const res = await fetch(`${base}/__control/fixtures`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(res.status).toBe(415);
  });
});
