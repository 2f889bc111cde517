import { describe, expect, it } from 'vitest';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { call, listeningServer, newWorld, raw } from './support.js';

const demo = applications[0] as (typeof applications)[0];
const tokenBody = { grant_type: 'client_credentials', client_id: demo.client_id, client_secret: demo.client_secret };

describe('creating, listing and deleting worlds', () => {
  const server = listeningServer();

  it('POST /__control/worlds answers 201 with an id of at least 128 bits and the world’s URLs', async () => {
    const res = await call(`${server.url}/__control/worlds`, { method: 'POST', json: { name: 'checkout' } });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(res.body.name).toBe('checkout');
    expect(res.body.urls).toEqual({
      base: `${server.url}/w/${res.body.id}`,
      control: `${server.url}/w/${res.body.id}/__control`,
      inspector: `${server.url}/w/${res.body.id}/__inspector/`,
    });
  });

  it('creates a world without a body too, and never the same id twice', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = await call(`${server.url}/__control/worlds`, { method: 'POST' });
      expect(res.status).toBe(201);
      ids.add(res.body.id);
    }
    expect(ids.size).toBe(20);
  });

  it('GET /__control/worlds lists ids, names and counts, the default world first, and no credential', async () => {
    const w = await newWorld(server.url, { name: 'listed' });
    await call(`${w.base}/identity.eventbookings.com/connect/token`, { method: 'POST', json: tokenBody });
    const res = await call(`${server.url}/__control/worlds`);
    expect(res.status).toBe(200);
    expect(res.body.worlds[0]).toMatchObject({ id: 'default', default: true, ttlSeconds: null });
    const mine = res.body.worlds.find((x: { id: string }) => x.id === w.id);
    expect(mine).toMatchObject({ name: 'listed', default: false, requests: 1, ttlSeconds: 3600 });
    expect(Object.keys(mine).sort()).toEqual([
      'created',
      'default',
      'id',
      'lastUsed',
      'name',
      'requests',
      'ttlSeconds',
    ]);
    expect(JSON.stringify(res.body)).not.toContain('access_token');
  });

  it('DELETE /__control/worlds/<id> answers 204; its URLs then answer 404 unknown_world', async () => {
    const w = await newWorld(server.url);
    expect((await call(`${server.url}/__control/worlds/${w.id}`, { method: 'DELETE' })).status).toBe(204);
    for (const url of [
      `${w.base}/__control/health`,
      `${w.base}/api.eventbookings.com/me`,
      `${w.base}/`,
      `${w.base}/__control/journal/stream`,
    ]) {
      const res = await call(url);
      expect(res.status).toBe(404);
      expect(res.body.error).toBe('unknown_world');
    }
    const again = await call(`${server.url}/__control/worlds/${w.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('unknown_world');
  });

  it.each([
    ['a well-formed id never created', 'AAAAAAAAAAAAAAAAAAAAAA'],
    ['a malformed id', 'no-such-world'],
    ['an empty id', ''],
  ])('answers %s with 404 unknown_world', async (_name, id) => {
    const res = await call(`${server.url}/w/${id}/api.eventbookings.com/me`);
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('unknown_world');
  });

  it('the default world cannot be deleted, and still answers afterwards', async () => {
    const res = await call(`${server.url}/__control/worlds/default`, { method: 'DELETE' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect((await call(`${server.url}/__control/health`)).status).toBe(200);
  });

  it('a bad config answers 400 with every problem and its path, and creates nothing', async () => {
    const before = (await call(`${server.url}/__control/worlds`)).body.worlds.length;
    const res = await call(`${server.url}/__control/worlds`, {
      method: 'POST',
      json: { config: { eventbookings: { mode: 'sideways', applications: 'none' }, port: 'x' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    const paths = res.body.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['eventbookings.mode', 'eventbookings.applications', 'port']));
    expect((await call(`${server.url}/__control/worlds`)).body.worlds.length).toBe(before);
  });

  it.each([
    ['a name that is not a string', { name: 42 }],
    ['a ttl that is not a whole number of seconds', { ttlSeconds: 1.5 }],
    ['a ttl of zero', { ttlSeconds: 0 }],
  ])('refuses %s with 400 invalid_request', async (_name, body) => {
    const res = await call(`${server.url}/__control/worlds`, { method: 'POST', json: body });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
  });

  it('a world created from a config serves that config’s clients, and the default world does not', async () => {
    const org = { org_uuid: '0b0b0b0b-0000-4000-8000-00000000000b', name: 'Config org' };
    const own = {
      client_id: 'cfg-client',
      client_secret: 'cfg-secret-0123456789',
      name: 'Cfg',
      org_uuid: org.org_uuid,
    };
    const w = await newWorld(server.url, {
      config: {
        eventbookings: { mode: 'replace', organisations: [org], applications: [{ ...own, scopes: ['event.read'] }] },
      },
    });
    const body = { grant_type: 'client_credentials', client_id: own.client_id, client_secret: own.client_secret };
    const path = '/identity.eventbookings.com/connect/token';
    expect((await call(`${w.base}${path}`, { method: 'POST', json: body })).status).toBe(200);
    expect((await call(`${w.base}${path}`, { method: 'POST', json: tokenBody })).body.error).toBe('invalid_client');
    expect((await call(`${server.url}${path}`, { method: 'POST', json: body })).body.error).toBe('invalid_client');
  });

  it('a world’s control plane has no worlds routes of its own', async () => {
    const w = await newWorld(server.url);
    expect((await call(`${w.base}/__control/worlds`)).status).toBe(404);
  });
});

describe('addressing a world', () => {
  const server = listeningServer();

  it('X-Authflow-World selects a world on a path-style URL', async () => {
    const w = await newWorld(server.url);
    const token = await call(`${server.url}/identity.eventbookings.com/connect/token`, {
      method: 'POST',
      json: tokenBody,
      headers: { 'x-authflow-world': w.id },
    });
    const me = (base: string, headers: Record<string, string> = {}) =>
      call(`${base}/api.eventbookings.com/me`, {
        headers: { authorization: `Bearer ${token.body.access_token}`, ...headers },
      });
    expect((await me(w.base)).status).toBe(200);
    expect((await me(server.url, { 'x-authflow-world': w.id })).status).toBe(200);
    expect((await me(server.url)).status).toBe(401);
  });

  it('X-Authflow-World selects a world on an absolute-form (HTTP proxy) request', async () => {
    const w = await newWorld(server.url);
    const target = 'http://identity.eventbookings.com/.well-known/openid-configuration';
    const inWorld = await raw(server.url, target, { 'x-authflow-world': w.id });
    expect(inWorld.status).toBe(200);
    // Through a proxy the client names the real host itself: the document names it too.
    expect(JSON.parse(inWorld.body).token_endpoint).toBe('http://identity.eventbookings.com/connect/token');
    const journal = await call(`${w.base}/__control/journal`);
    expect(journal.body.entries.map((e: { operationId: string }) => e.operationId)).toEqual(['getOpenIdConfiguration']);
    const unknown = await raw(server.url, target, { 'x-authflow-world': 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error).toBe('unknown_world');
  });

  it('an unknown X-Authflow-World is 404 unknown_world, never the default world', async () => {
    const res = await call(`${server.url}/api.eventbookings.com/me`, { headers: { 'x-authflow-world': 'nope' } });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('unknown_world');
  });

  it('discovery documents point back into the world, in both RFC 8414 layouts', async () => {
    const w = await newWorld(server.url);
    const host = 'identity.eventbookings.com';
    const inPath = await call(`${w.base}/${host}/.well-known/openid-configuration`);
    expect(inPath.body.token_endpoint).toBe(`${w.base}/${host}/connect/token`);
    const rfc8414 = await call(`${server.url}/.well-known/openid-configuration/w/${w.id}/${host}`);
    expect(rfc8414.status).toBe(200);
    expect(rfc8414.body.issuer).toBe(`${w.base}/${host}`);
    expect(rfc8414.body.token_endpoint).toBe(`${w.base}/${host}/connect/token`);
  });

  it('GET <world>/ lists the providers under the world’s URLs', async () => {
    const w = await newWorld(server.url);
    const index = await call(`${w.base}/`, { headers: { accept: 'application/json' } });
    expect(index.body.world).toBe(w.id);
    expect(index.body.control).toBe(`${w.base}/__control`);
    expect(index.body.providers[0].hosts[0].local.startsWith(`${w.base}/`)).toBe(true);
  });

  it('a world’s inspector page is served under its base', async () => {
    const w = await newWorld(server.url);
    const res = await fetch(`${w.base}/__inspector/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('a world’s journal stream carries that world’s entries only, and ends when the world is deleted', async () => {
    const a = await newWorld(server.url);
    const b = await newWorld(server.url);
    const abort = new AbortController();
    const stream = await fetch(`${a.base}/__control/journal/stream`, { signal: abort.signal });
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    await call(`${b.base}/identity.eventbookings.com/connect/token`, { method: 'POST', json: tokenBody });
    await call(`${a.base}/api.eventbookings.com/me`);
    let text = '';
    const decoder = new TextDecoder();
    while (!text.includes('event: entry')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(text).toContain('"operationId":"getMe"');
    expect(text).not.toContain('requestToken');
    await call(`${server.url}/__control/worlds/${a.id}`, { method: 'DELETE' });
    // The server ends the stream: the reader sees its end (or the cut connection).
    const ended = await reader.read().then(
      async function drain(r): Promise<boolean> {
        return r.done ? true : drain(await reader.read());
      },
      () => true,
    );
    expect(ended).toBe(true);
    abort.abort();
  });
});

describe('limits', () => {
  let now = Date.parse('2030-01-01T00:00:00Z');
  const server = listeningServer({ worlds: { max: 2, ttlSeconds: 60, now: () => now } });

  it('at most --max-worlds live worlds: one more is 429 too_many_worlds; deleting one makes room', async () => {
    const a = await newWorld(server.url);
    await newWorld(server.url);
    const third = await call(`${server.url}/__control/worlds`, { method: 'POST' });
    expect(third.status).toBe(429);
    expect(third.body.error).toBe('too_many_worlds');
    await call(`${server.url}/__control/worlds/${a.id}`, { method: 'DELETE' });
    expect((await call(`${server.url}/__control/worlds`, { method: 'POST' })).status).toBe(201);
  });

  it('a world idle past its time-to-live is removed; a used one is kept', async () => {
    for (const w of (await call(`${server.url}/__control/worlds`)).body.worlds) {
      if (!w.default) await call(`${server.url}/__control/worlds/${w.id}`, { method: 'DELETE' });
    }
    const idle = await newWorld(server.url);
    const busy = await newWorld(server.url, { ttlSeconds: 90 });
    now += 50_000;
    expect((await call(`${busy.base}/__control/health`)).status).toBe(200);
    now += 50_000;
    expect((await call(`${idle.base}/__control/health`)).body.error).toBe('unknown_world');
    expect((await call(`${busy.base}/__control/health`)).status).toBe(200);
    now += 91_000;
    expect((await call(`${busy.base}/__control/health`)).body.error).toBe('unknown_world');
    const listed = (await call(`${server.url}/__control/worlds`)).body.worlds;
    expect(listed.map((w: { id: string }) => w.id)).toEqual(['default']);
  });
});

describe('the worlds routes are guarded like the control plane', () => {
  const server = listeningServer();
  const guarded = listeningServer({ controlToken: 'a-control-token-of-some-length' });

  it('refuses a cross-site page, a foreign Host and a form post', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/__control/worlds`, { method: 'POST', headers, body: '{}' });
    expect((await post({ 'content-type': 'application/json', origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ 'content-type': 'text/plain' })).status).toBe(415);
    const rebinding = await raw(server.url, '/__control/worlds', { host: 'evil.example:4010' });
    expect(rebinding.status).toBe(403);
    const w = await newWorld(server.url);
    const worldRebinding = await raw(server.url, `/w/${w.id}/__control/tokens`, { host: 'evil.example:4010' });
    expect(worldRebinding.status).toBe(403);
  });

  it('with a control token, creating, listing and a world’s control plane all need it', async () => {
    const token = { authorization: 'Bearer a-control-token-of-some-length' };
    expect((await call(`${guarded.url}/__control/worlds`, { method: 'POST' })).status).toBe(401);
    expect((await call(`${guarded.url}/__control/worlds`)).status).toBe(401);
    const created = await call(`${guarded.url}/__control/worlds`, { method: 'POST', headers: token });
    expect(created.status).toBe(201);
    const base = created.body.urls.base;
    expect((await call(`${base}/__control/reset`, { method: 'POST' })).status).toBe(401);
    expect((await call(`${base}/__control/reset`, { method: 'POST', headers: token })).status).toBe(200);
    // The world's provider hosts need no control token: they are the mocked APIs.
    expect(
      (await call(`${base}/identity.eventbookings.com/connect/token`, { method: 'POST', json: tokenBody })).status,
    ).toBe(200);
  });
});
