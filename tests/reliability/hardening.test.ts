import { once } from 'node:events';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../mocks/doors/http/index.js';

const started: MockServer[] = [];
async function start(options: Parameters<typeof createMockServer>[0] = {}) {
  const server = createMockServer(options);
  started.push(server);
  const { port } = await server.listen(0);
  return { server, port, url: `http://127.0.0.1:${port}` };
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

/** Sends raw bytes and collects everything the server writes until it closes the socket. */
function raw(port: number, payload: string, endAfterWrite = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(payload);
      if (endAfterWrite) socket.end();
    });
    let text = '';
    socket.on('data', (d) => {
      text += d;
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('HTTP hardening of the standalone server', () => {
  it('answers 431 to a request head over 16 KiB, and keeps serving', async () => {
    const { port, url } = await start();
    const answer = await raw(port, `GET /__control/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect((await fetch(`${url}/__control/health`)).status).toBe(200);
  });

  it('answers 400 to a malformed request line', async () => {
    const { port } = await start();
    expect(await raw(port, 'NOT A REQUEST\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('closes a client that never finishes its headers, while others are served', async () => {
    const { port, url } = await start({ timeouts: { headersMs: 300, requestMs: 600 } });
    const stalled = raw(port, 'GET /__control/health HTTP/1.1\r\nHost: x\r\n', false);
    expect((await fetch(`${url}/__control/health`)).status).toBe(200);
    // The stalled socket is closed by the server (a 408, or just closed), not held forever.
    const answer = await stalled;
    expect(answer === '' || /^HTTP\/1\.1 408 /.test(answer)).toBe(true);
  });

  it('closes a client that stalls in the middle of its body', async () => {
    const { port } = await start({ timeouts: { headersMs: 300, requestMs: 600 } });
    const answer = await raw(
      port,
      'POST /identity.eventbookings.com/connect/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"grant',
      false,
    );
    expect(answer === '' || /^HTTP\/1\.1 408 /.test(answer)).toBe(true);
  });

  it('finishes a request in flight on close, then stops accepting', async () => {
    const { server, url } = await start();
    server.control.addFault({ provider: 'eventbookings', operationId: 'getMe', delayMs: 300 });
    const inFlight = fetch(`${url}/api.eventbookings.com/me`);
    await new Promise((r) => setTimeout(r, 100));
    const closed = server.close();
    const res = await inFlight;
    expect(res.status).toBe(401);
    await closed;
    await expect(fetch(`${url}/__control/health`)).rejects.toThrow();
    started.splice(started.indexOf(server), 1);
  });

  it('cuts connections still open after the grace time on close', async () => {
    const { server, url } = await start({ timeouts: { graceMs: 200 } });
    server.control.addFault({ provider: 'eventbookings', operationId: 'getMe', delayMs: 5_000 });
    const slow = fetch(`${url}/api.eventbookings.com/me`).then(
      (r) => r.status,
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await server.close();
    expect(Date.now() - t0).toBeLessThan(4_000);
    expect(await slow).toBe('cut');
    started.splice(started.indexOf(server), 1);
  });

  it('drains an unread body and keeps the keep-alive connection usable', async () => {
    const { port } = await start();
    const body = 'x'.repeat(5000);
    const two =
      `GET /api.eventbookings.com/me HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}` +
      'GET /__control/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';
    const answer = await raw(port, two, false);
    expect(answer.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 401', 'HTTP/1.1 200']);
  });
});

describe('the listening socket', () => {
  it('listens on loopback by default', async () => {
    const server = createMockServer();
    started.push(server);
    const address = await server.listen(0);
    expect(address.host).toBe('127.0.0.1');
    const s = connect(address.port, '127.0.0.1');
    await once(s, 'connect');
    s.destroy();
  });
});
