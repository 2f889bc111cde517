/**
 * What the inspector reads, through the standalone server: `GET /__control/tokens` and its revoke
 * action (also in-process), the journal as Server-Sent Events, the inspector's files and the
 * HTML answer of `GET /`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { clients, users } from '../../mocks/providers/eventix/fixtures.js';
import { lastReason } from '../support/kit.js';

const [app] = applications as [(typeof applications)[0]];

async function issue(agent: ReturnType<typeof supertest>): Promise<{ access_token: string; refresh_token: string }> {
  const res = await agent
    .post('/identity.eventbookings.com/connect/token')
    .type('form')
    .send({ grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret });
  expect(res.status).toBe(200);
  return res.body;
}

interface TokenRow {
  id: string;
  provider: string;
  kind: string;
  prefix: string;
  state: string;
  whose: string | null;
  scopes?: string[];
  expiresInSeconds: number | null;
  revocable: boolean;
}

describe('GET /__control/tokens and POST /__control/tokens/revoke', () => {
  const mock = createMockServer();
  const agent = supertest(mock.httpServer);
  afterEach(() => mock.control.reset());

  const rows = async (): Promise<TokenRow[]> => {
    const res = await agent.get('/__control/tokens');
    expect(res.status).toBe(200);
    return res.body.tokens;
  };
  const find = (list: TokenRow[], token: string, kind = 'access_token') =>
    list.filter((t) => t.provider === 'eventbookings' && t.kind === kind && token.startsWith(t.prefix.slice(0, -1)));

  it('lists an issued token masked to a short prefix, with its owner, scopes and expiry on the mock clock', async () => {
    const { access_token, refresh_token } = await issue(agent);
    const res = await agent.get('/__control/tokens');
    expect(JSON.stringify(res.body)).not.toContain(access_token);
    expect(JSON.stringify(res.body)).not.toContain(refresh_token);
    const [row] = find(res.body.tokens, access_token);
    expect(row).toMatchObject({
      state: 'live',
      whose: `client ${app.client_id}`,
      scopes: app.scopes,
      revocable: true,
    });
    expect(row?.prefix).toMatch(/^.{4,6}…$/);
    expect(row?.expiresInSeconds).toBeGreaterThan(3500);
    expect(row?.expiresInSeconds).toBeLessThanOrEqual(3600);
    expect(find(res.body.tokens, refresh_token, 'refresh_token')).toHaveLength(1);
    // Seeded credentials that never expire are listed too.
    expect(res.body.tokens.some((t: TokenRow) => t.provider === 'tracx' && t.kind === 'connect_token')).toBe(true);
  });

  it('shows a token expired once the clock passes its expiry, without sweeping or using it', async () => {
    const { access_token } = await issue(agent);
    await agent.post('/__control/clock').send({ advanceSeconds: 3601 });
    expect(find(await rows(), access_token)).toMatchObject([
      { state: 'expired', expiresInSeconds: 0, revocable: false },
    ]);
    const me = await agent.get('/api.eventbookings.com/me').set('authorization', `Bearer ${access_token}`);
    expect(me.status).toBe(401);
    expect(lastReason(mock)).toBe('token_expired');
  });

  it('revokes one token by prefix; the API then refuses it as revoked and the listing says so', async () => {
    const { access_token } = await issue(agent);
    const res = await agent.post('/__control/tokens/revoke').send({ prefix: access_token.slice(0, 12) });
    expect(res.status).toBe(200);
    expect(res.body.revoked).toMatchObject({ provider: 'eventbookings', kind: 'access_token', state: 'revoked' });
    expect(JSON.stringify(res.body)).not.toContain(access_token);
    const me = await agent.get('/api.eventbookings.com/me').set('authorization', `Bearer ${access_token}`);
    expect(me.status).toBe(401);
    expect(lastReason(mock)).toBe('token_revoked');
    expect(find(await rows(), access_token)).toMatchObject([{ state: 'revoked', whose: null }]);
  });

  it('revokes by id; a Tracx connect token and a BackOps API key too', async () => {
    const list = await rows();
    const connect = list.find((t) => t.provider === 'tracx' && t.kind === 'connect_token') as TokenRow;
    expect((await agent.post('/__control/tokens/revoke').send({ id: connect.id })).status).toBe(200);
    const key = list.find((t) => t.provider === 'backops' && t.kind === 'api_key') as TokenRow;
    expect((await agent.post('/__control/tokens/revoke').send({ id: key.id })).status).toBe(200);
    const after = await rows();
    expect(after.find((t) => t.id === connect.id)?.state).toBe('revoked');
    expect(after.find((t) => t.id === key.id)?.state).toBe('revoked');
    expect((await agent.post('/__control/tokens/revoke').send({ id: connect.id })).body.error).toBe('not_found');
  });

  it('marks an Eventix authorization code used once exchanged', async () => {
    const [client] = clients as [(typeof clients)[0]];
    const authorize = await agent.get('/auth.eventix.io/tokens/authorize').query({
      client_id: client.client_id,
      redirect_uri: client.redirect_uris[0],
      response_type: 'code',
      state: 's',
      user: (users[0] as { guid: string }).guid,
    });
    const code = new URL(authorize.headers.location as string).searchParams.get('code') as string;
    expect(code).toBeTruthy();
    const codeRow = () =>
      rows().then((l) => l.filter((t) => t.kind === 'authorization_code' && code.startsWith(t.prefix.slice(0, -1))));
    expect(await codeRow()).toMatchObject([{ state: 'live', provider: 'eventix' }]);
    const token = await agent.post('/auth.eventix.io/tokens').type('form').send({
      grant_type: 'authorization_code',
      code,
      client_id: client.client_id,
      client_secret: client.client_secret,
      redirect_uri: client.redirect_uris[0],
    });
    expect(token.status).toBe(200);
    expect(await codeRow()).toMatchObject([{ state: 'used' }]);
  });

  it.each([
    [{}, 400, 'invalid_request'],
    [{ prefix: 'ab' }, 400, 'invalid_request'],
    [{ id: 'tok_x', prefix: 'abcdef' }, 400, 'invalid_request'],
    [{ prefix: 'zzzz-no-such-token' }, 404, 'not_found'],
    [{ id: 'tok_nope' }, 404, 'not_found'],
  ])('refuses revoke %j with %i %s', async (body, status, code) => {
    const res = await agent.post('/__control/tokens/revoke').send(body);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(code);
  });

  it('refuses a prefix that matches several live tokens', async () => {
    // Every BackOps seeded key starts the same way.
    const res = await agent.post('/__control/tokens/revoke').send({ prefix: 'bo_live_' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
  });

  it('is the same in-process: mocks.control.tokens() and revokeToken()', async () => {
    const { access_token } = await issue(agent);
    const listed = mock.control.tokens();
    expect(JSON.stringify(listed)).not.toContain(access_token);
    const row = find(listed.tokens as TokenRow[], access_token)[0] as TokenRow;
    await expect(mock.control.revokeToken({ id: row.id })).resolves.toMatchObject({ revoked: { state: 'revoked' } });
    expect(find(mock.control.tokens().tokens as TokenRow[], access_token)[0]?.state).toBe('revoked');
  });
});

interface StreamEvent {
  event: string;
  data: string;
  id?: string;
}

/** Reads Server-Sent Events from a fetch body: `next(n)` waits for the next n events. */
function eventReader(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>)
    .pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>)
    .getReader();
  const queue: StreamEvent[] = [];
  let buffer = '';
  return {
    async next(n: number): Promise<StreamEvent[]> {
      while (queue.length < n) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += value;
        let cut = buffer.indexOf('\n\n');
        while (cut !== -1) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
          const e: StreamEvent = { event: 'message', data: '' };
          let fields = 0;
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) e.data += line.slice(6);
            else if (line.startsWith('id: ')) e.id = line.slice(4);
            else continue;
            fields++;
          }
          if (fields > 0) queue.push(e);
        }
      }
      return queue.splice(0, n);
    },
    /** Resolves when the server ends the stream. */
    async end(): Promise<void> {
      for (;;) {
        const { done } = await reader.read();
        if (done) return;
      }
    },
  };
}

describe('GET /__control/journal/stream (Server-Sent Events)', () => {
  const mock = createMockServer({ timeouts: { graceMs: 20_000 } });
  let base = '';
  // Count live subscriptions, to see a closed stream let go of the journal.
  let subscribed = 0;
  const subscribe = mock.engine.journal.subscribe.bind(mock.engine.journal);
  mock.engine.journal.subscribe = (listener) => {
    subscribed++;
    const off = subscribe(listener);
    return () => {
      subscribed--;
      off();
    };
  };
  beforeAll(async () => {
    base = (await mock.listen(0)).url;
  });
  afterEach(() => mock.control.reset());

  it('sends the entries already recorded, then each new one, and `clear` on reset', async () => {
    await fetch(`${base}/api.eventbookings.com/me`);
    const abort = new AbortController();
    const res = await fetch(`${base}/__control/journal/stream`, { signal: abort.signal });
    onTestFinished(() => abort.abort());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const stream = eventReader(res);
    const first = await stream.next(1);
    expect(first[0]).toMatchObject({ event: 'entry', id: '0' });
    expect(JSON.parse(first[0]?.data as string)).toMatchObject({ outcome: 'refused', reason: 'credentials_missing' });

    await fetch(`${base}/api.eventbookings.com/me`, { headers: { authorization: 'Bearer nope' } });
    const next = await stream.next(1);
    expect(JSON.parse(next[0]?.data as string)).toMatchObject({ seq: 1, reason: 'token_unknown' });
    expect(typeof JSON.parse(next[0]?.data as string).time).toBe('string');

    await fetch(`${base}/__control/reset`, { method: 'POST' });
    expect(await stream.next(1)).toMatchObject([{ event: 'clear' }]);
  });

  it('resumes after Last-Event-ID', async () => {
    for (let i = 0; i < 3; i++) await fetch(`${base}/api.eventbookings.com/me`);
    const abort = new AbortController();
    const res = await fetch(`${base}/__control/journal/stream`, {
      signal: abort.signal,
      headers: { 'last-event-id': '1' },
    });
    onTestFinished(() => abort.abort());
    const events = await eventReader(res).next(1);
    expect(events[0]?.id).toBe('2');
  });

  it('lets go of the journal when the reader goes away', async () => {
    await expect.poll(() => subscribed).toBe(0);
    const before = subscribed;
    const aborts = Array.from({ length: 5 }, () => new AbortController());
    const streams = await Promise.all(
      aborts.map((a) => fetch(`${base}/__control/journal/stream`, { signal: a.signal })),
    );
    expect(streams.every((r) => r.status === 200)).toBe(true);
    await expect.poll(() => subscribed).toBe(before + 5);
    for (const a of aborts) a.abort();
    await expect.poll(() => subscribed).toBe(before);
  });

  it('does not keep the server from closing: close() cuts open streams', async () => {
    const other = createMockServer({ timeouts: { graceMs: 20_000 } });
    const { url } = await other.listen(0);
    const res = await fetch(`${url}/__control/journal/stream`);
    expect(res.status).toBe(200);
    const reading = eventReader(res)
      .end()
      .catch(() => 'cut');
    const closed = await Promise.race([
      other.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 10_000)),
    ]);
    expect(closed).toBe('closed');
    await reading;
  });

  afterAll(() => mock.close());
});

describe('the stream and the inspector follow the control plane rules', () => {
  const controlToken = 'a-control-token-of-some-length';
  const guarded = createMockServer({ controlToken });
  const off = createMockServer({ control: false });

  it('the stream needs the control token when the server has one', async () => {
    const res = await supertest(guarded.httpServer).get('/__control/journal/stream');
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('control_unauthorized');
    const tokens = await supertest(guarded.httpServer).get('/__control/tokens');
    expect(tokens.status).toBe(401);
  });

  it('the page loads without the token (it asks for it), and holds no state', async () => {
    const res = await supertest(guarded.httpServer).get('/__inspector/');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(controlToken);
  });

  it('the page, the stream and the tokens answer only under the server’s own host names (DNS rebinding)', async () => {
    const open = createMockServer();
    for (const path of ['/__inspector/', '/__control/journal/stream', '/__control/tokens']) {
      const res = await supertest(open.httpServer).get(path).set('host', 'attacker.example:4010');
      expect([path, res.status, res.body.error]).toEqual([path, 403, 'control_forbidden']);
    }
    const revoke = await supertest(open.httpServer)
      .post('/__control/tokens/revoke')
      .set('origin', 'http://attacker.example')
      .set('content-type', 'application/json')
      .send({ prefix: 'bo_live_' });
    expect(revoke.status).toBe(403);
    const plain = await supertest(open.httpServer)
      .post('/__control/tokens/revoke')
      .set('content-type', 'text/plain')
      .send('{"prefix":"bo_live_"}');
    expect(plain.status).toBe(415);
  });

  it('is off with the control plane', async () => {
    for (const path of ['/__inspector/', '/__control/journal/stream', '/__control/tokens']) {
      const res = await supertest(off.httpServer).get(path);
      expect([path, res.status, res.body.error]).toEqual([path, 404, 'control_disabled']);
    }
    const index = await supertest(off.httpServer).get('/').set('accept', 'text/html');
    expect(index.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('the inspector files and GET /', () => {
  const mock = createMockServer();
  const agent = supertest(mock.httpServer);

  it('GET / answers a browser with a page linking the inspector, and JSON otherwise', async () => {
    const html = await agent.get('/').set('accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('href="/__inspector/"');
    for (const accept of [undefined, '*/*', 'application/json', 'application/json, text/html;q=0.5']) {
      const req = agent.get('/');
      const res = await (accept === undefined ? req : req.set('accept', accept));
      expect([accept, res.headers['content-type']?.split(';')[0]]).toEqual([accept, 'application/json']);
      expect(res.body.name).toBe('authflow-mocks');
    }
  });

  it('serves the page with a strict CSP, redirects /__inspector to /__inspector/, refuses other methods', async () => {
    const page = await agent.get('/__inspector/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.text).toContain('app.js');
    expect((await agent.get('/__inspector/app.js')).status).toBe(200);
    expect((await agent.get('/__inspector/operations.json')).body.eventbookings).toEqual(
      expect.arrayContaining([expect.objectContaining({ operationId: 'getMe', method: 'GET', path: '/me' })]),
    );
    const bare = await agent.get('/__inspector');
    expect(bare.status).toBe(308);
    expect(bare.headers.location).toBe('/__inspector/');
    expect((await agent.post('/__inspector/').send({})).status).toBe(405);
    const unknown = await agent.get('/__inspector/../package.json');
    expect(unknown.status).toBe(404);
    expect((await agent.get('/__inspector/docs/nope')).body.error).toBe('not_found');
  });

  it('serves each API reference with the address it was asked on beside the real server, from no CDN', async () => {
    const res = await agent.get('/__inspector/docs/eventbookings').set('host', 'localhost:9999');
    expect(res.status).toBe(200);
    expect(res.text).toContain('http://localhost:9999/api.eventbookings.com');
    expect(res.text).toContain('https://api.eventbookings.com');
    expect(res.text).not.toMatch(/https:\/\/cdn\./);
    expect(res.text).toContain('./redoc.standalone.js');
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    const script = await agent.get('/__inspector/docs/redoc.standalone.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('says so when the inspector is not built (and creating the server reads nothing)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'authflow-no-inspector-'));
    const bare = createMockServer({ inspectorDir: join(empty, 'missing') });
    const res = await supertest(bare.httpServer).get('/__inspector/');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('inspector_not_built');
  });
});
