/**
 * The control plane refuses what a web page could send (cross-site simple requests, DNS
 * rebinding), and the standalone server answers odd HTTP shapes in JSON. Requests go over real
 * sockets (node:http lets a test set Host and Origin as a browser would; node:net sends what no
 * client library would).
 */
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkControlRequest, controlHostNames, hostName } from '../../mocks/doors/http/control-guard.js';
import { createMockServer, type MockServer } from '../../mocks/doors/http/index.js';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { clients } from '../../mocks/providers/eventix/fixtures.js';
import { listeningUrl, startCli } from '../support/cli.js';

const started: MockServer[] = [];
async function start(options: Parameters<typeof createMockServer>[0] = {}) {
  const server = createMockServer(options);
  started.push(server);
  const { port } = await server.listen(0);
  return { server, port };
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: asserted field by field
  body: any;
}

/** One request with exactly these headers (Host included), over node:http. */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers }, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text === '' ? undefined : JSON.parse(text),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends raw bytes and collects everything the server writes until it closes the socket. */
function raw(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(payload));
    let text = '';
    socket.on('data', (d) => {
      text += d;
      // One answer is enough: close once its body is complete.
      const split = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text.slice(0, split));
      if (split !== -1 && length !== null && text.length - split - 4 >= Number(length[1])) socket.end();
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

function parseRaw(text: string): { status: number; type: string; body: { error?: string; [k: string]: unknown } } {
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split);
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
    type: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
    body: JSON.parse(text.slice(split + 4)),
  };
}

const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' };

describe('control plane guard (no control token)', () => {
  it('refuses cross-site simple requests to every state-changing route with 403 control_forbidden, changing nothing', async () => {
    const { server, port } = await start();
    const client = clients[0];
    const secretBefore = (await send(port, 'GET', '/__control/fixtures')).body.eventix.clients[0].client_secret;
    await send(port, 'POST', '/__control/clock', { 'content-type': 'application/json' }, '{"advanceSeconds":3600}');
    const attempts: [string, string][] = [
      ['/__control/reset', ''],
      ['/__control/clock', 'set=2099-01-01T00:00:00Z'],
      ['/__control/clock', '{"advanceSeconds":60}'],
      ['/__control/eventbookings/revoke-client', `{"client_id":"${applications[0]?.client_id}"}`],
      ['/__control/backops/revoke-api-key', '{"api_key":"x"}'],
      ['/__control/tracx/revoke-connect-token', '{"id":1}'],
      ['/__control/eventix/rotate-secret', `{"client_id":"${client?.client_id}","client_secret":"chosen-by-page"}`],
      ['/__control/faults', '{"status":500}'],
    ];
    for (const [path, body] of attempts) {
      for (const headers of [
        evil,
        { ...evil, 'content-type': 'application/json' },
        { origin: 'https://evil.example' },
        { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
        { origin: 'null', 'content-type': 'application/json' },
      ]) {
        const res = await send(port, 'POST', path, headers, body);
        expect([path, res.status, res.body.error]).toEqual([path, 403, 'control_forbidden']);
      }
    }
    const clock = await send(port, 'GET', '/__control/clock');
    expect(clock.body.offsetSeconds).toBeGreaterThanOrEqual(3600);
    expect(clock.body.offsetSeconds).toBeLessThan(3610);
    expect((await send(port, 'GET', '/__control/fixtures')).body.eventix.clients[0].client_secret).toBe(secretBefore);
    expect(server.control.faults().faults).toEqual([]);
    const cleared = await send(port, 'DELETE', '/__control/faults', { origin: 'https://evil.example' });
    expect(cleared.status).toBe(403);
  });

  it('refuses any control request whose Host is not one of the server’s names (DNS rebinding)', async () => {
    const { server, port } = await start({ allowedHosts: ['mocks.test', 'devbox:4010'] });
    for (const host of [`evil.example:${port}`, 'evil.example', 'localhost.evil.example', 'mocks.test.evil']) {
      for (const [method, path] of [
        ['GET', '/__control/fixtures'],
        ['GET', '/__control/journal'],
        ['POST', '/__control/reset'],
      ] as const) {
        const res = await send(port, method, path, { host });
        expect([host, path, res.status, res.body.error]).toEqual([host, path, 403, 'control_forbidden']);
      }
      const fault = await send(
        port,
        'POST',
        '/__control/faults',
        { host, 'content-type': 'application/json' },
        '{"status":500}',
      );
      expect(fault.status).toBe(403);
    }
    // An empty Host is no name of this server either (node:http would fill one in, so raw bytes).
    const empty = parseRaw(await raw(port, 'POST /__control/reset HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n'));
    expect([empty.status, empty.body.error]).toEqual([403, 'control_forbidden']);
    expect(server.control.faults().faults).toEqual([]);
    for (const host of [
      `127.0.0.1:${port}`,
      '127.0.0.1',
      `localhost:${port}`,
      'LOCALHOST',
      `[::1]:${port}`,
      'mocks.test',
      'devbox:8080',
    ]) {
      expect([host, (await send(port, 'GET', '/__control/health', { host })).status]).toEqual([host, 200]);
    }
  });

  it('accepts the server’s own origin, same-origin fetches and plain clients (no Origin)', async () => {
    const { port } = await start();
    const json = { 'content-type': 'application/json' };
    const own = await send(
      port,
      'POST',
      '/__control/clock',
      { ...json, origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' },
      '{"advanceSeconds":60}',
    );
    expect(own.status).toBe(200);
    // Read-only requests are not checked for Origin: the page cannot read the answer anyway.
    expect((await send(port, 'GET', '/__control/health', { origin: 'https://evil.example' })).status).toBe(200);
    // curl -X POST without a body needs no content type.
    expect((await send(port, 'POST', '/__control/reset')).status).toBe(200);
    expect((await send(port, 'DELETE', '/__control/faults')).status).toBe(200);
  });

  it('refuses a state-changing control request whose body is not application/json with 415', async () => {
    const { port } = await start();
    for (const [headers, body] of [
      [{ 'content-type': 'application/x-www-form-urlencoded' }, '{"advanceSeconds":60}'],
      [{ 'content-type': 'text/plain' }, '{"advanceSeconds":60}'],
      [{ 'content-type': 'multipart/form-data; boundary=x' }, '--x--'],
      [{}, '{"advanceSeconds":60}'],
      [{ 'content-type': 'text/plain' }, ''],
    ] as [Record<string, string>, string][]) {
      const res = await send(port, 'POST', '/__control/clock', headers, body);
      expect([res.status, res.body.error]).toEqual([415, 'unsupported_media_type']);
    }
    expect((await send(port, 'GET', '/__control/clock')).body.offsetSeconds).toBe(0);
    const ok = await send(
      port,
      'POST',
      '/__control/clock',
      { 'content-type': 'application/json; charset=utf-8' },
      '{"advanceSeconds":60}',
    );
    expect(ok.status).toBe(200);
  });

  it('with a control token presented, Host and Origin are not checked (a page cannot send the token)', async () => {
    const token = 'ctl_0123456789abcdef';
    const { port } = await start({ controlToken: token });
    const headers = { host: 'evil.example', origin: 'https://evil.example', 'content-type': 'application/json' };
    expect((await send(port, 'POST', '/__control/clock', headers, '{"advanceSeconds":1}')).status).toBe(401);
    const res = await send(
      port,
      'POST',
      '/__control/clock',
      { ...headers, authorization: `Bearer ${token}` },
      '{"advanceSeconds":1}',
    );
    expect(res.status).toBe(200);
    const form = await send(
      port,
      'POST',
      '/__control/clock',
      { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      '{"advanceSeconds":1}',
    );
    expect(form.status).toBe(415);
  });

  it('CLI: --allowed-host NAME (repeatable) adds names the control plane answers under', async () => {
    const cli = startCli(['serve', '--port', '0', '--allowed-host', 'mocks.test', '--allowed-host', 'devbox']);
    try {
      const port = Number(new URL(await listeningUrl(cli)).port);
      for (const [host, status] of [
        ['mocks.test', 200],
        [`devbox:${port}`, 200],
        [`localhost:${port}`, 200],
        ['evil.example', 403],
      ] as const) {
        expect([host, (await send(port, 'GET', '/__control/health', { host })).status]).toEqual([host, status]);
      }
    } finally {
      cli.child.kill('SIGTERM');
      await once(cli.child, 'exit');
    }
  });

  it('provider hosts keep Access-Control-Allow-Origin: * for any origin and host', async () => {
    const { port } = await start();
    const res = await send(port, 'GET', '/api.eventbookings.com/me', { origin: 'https://evil.example', host: 'x' });
    expect(res.status).toBe(401);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('checkControlRequest is usable without a server (for other pages of the door)', () => {
    const names = controlHostNames(['::1', '0.0.0.0', 'Box.Local:9']);
    expect([...names]).toEqual(expect.arrayContaining(['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', 'box.local']));
    expect(hostName('[::1]:4010')).toBe('[::1]');
    expect(hostName('evil.example:x')).toBeUndefined();
    const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });
    expect(checkControlRequest('GET', headers({ host: 'localhost:1' }), names)).toBeUndefined();
    expect(checkControlRequest('GET', headers({ host: 'evil.example' }), names)?.status).toBe(403);
    expect(checkControlRequest('get', headers({ host: 'evil.example' }), names, true)).toBeUndefined();
    expect(checkControlRequest('post', headers({ host: 'localhost', 'content-length': '2' }), names)?.status).toBe(415);
  });
});

describe('odd HTTP shapes get JSON answers', () => {
  it('HTTP/1.1 without Host: 400 bad_request in JSON', async () => {
    const { port } = await start();
    const answer = parseRaw(await raw(port, 'GET /__control/health HTTP/1.1\r\nConnection: close\r\n\r\n'));
    expect([answer.status, answer.body.error]).toEqual([400, 'bad_request']);
    expect(answer.type).toMatch(/^application\/json/);
  });

  it('Expect other than 100-continue: 417 expectation_failed in JSON', async () => {
    const { port } = await start();
    const answer = parseRaw(
      await raw(port, `GET /__control/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nExpect: 200-ok\r\n\r\n`),
    );
    expect([answer.status, answer.body.error]).toEqual([417, 'expectation_failed']);
  });

  it('CONNECT (an HTTPS proxy request) is refused in JSON, not by closing silently', async () => {
    const { port } = await start();
    const answer = parseRaw(await raw(port, 'CONNECT api.eventix.io:443 HTTP/1.1\r\nHost: api.eventix.io:443\r\n\r\n'));
    expect([answer.status, answer.body.error]).toEqual([501, 'connect_not_supported']);
  });

  it('GET //x is not the index', async () => {
    const { port } = await start();
    const res = await send(port, 'GET', '//x');
    expect([res.status, res.body.error]).toEqual([404, 'unknown_host']);
    expect((await send(port, 'GET', '//')).body.error).toBe('unknown_host');
  });

  it('without a Host, the index advertises the port the server really listens on', async () => {
    const { port } = await start();
    const answer = parseRaw(await raw(port, 'GET / HTTP/1.0\r\n\r\n'));
    expect(answer.status).toBe(200);
    expect(answer.body.control).toBe(`http://127.0.0.1:${port}/__control`);
  });

  it('serves absolute-form requests (HTTP_PROXY clients) as the named host, never the control plane', async () => {
    const { port } = await start();
    const app = applications[0];
    const token = await send(
      port,
      'POST',
      'http://identity.eventbookings.com/connect/token',
      { host: 'identity.eventbookings.com', 'content-type': 'application/x-www-form-urlencoded' },
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: app?.client_id ?? '',
        client_secret: app?.client_secret ?? '',
      }).toString(),
    );
    expect(token.status).toBe(200);
    const me = await send(port, 'GET', 'http://api.eventbookings.com/me?x=1', {
      host: 'api.eventbookings.com',
      authorization: `Bearer ${token.body.access_token}`,
    });
    expect(me.status).toBe(200);
    // Naming this server: an ordinary request.
    const health = await send(port, 'GET', `http://127.0.0.1:${port}/__control/health`, { host: 'x' });
    expect(health.status).toBe(200);
    // Another host never reaches the control plane, whatever its path.
    for (const url of ['http://evil.example/__control/health', 'http://__control/health']) {
      const res = await send(port, 'GET', url, { host: 'evil.example' });
      expect([url, res.status, res.body.error]).toEqual([url, 404, 'unknown_host']);
    }
  });
});
