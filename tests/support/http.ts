/**
 * A listening server for a file's tests, and a raw HTTP/1.1 GET: absolute-form targets and
 * headers fetch would not send (a foreign Host, say).
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { createMockServer, type MockServer, type MockServerOptions } from '../../mocks/doors/http/index.js';

export interface Listening {
  mock: MockServer;
  url: string;
}

/** A real server on an ephemeral loopback port for the enclosing tests, closed afterwards. */
export function listeningServer(options: MockServerOptions = {}): Listening {
  const state = {} as Listening;
  beforeAll(async () => {
    state.mock = createMockServer(options);
    state.url = (await state.mock.listen(0)).url;
  });
  afterAll(() => state.mock.close());
  return state;
}

export function raw(
  url: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method: 'GET', path: target, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The status of a GET of `path` on `url` sent with another `Host` header. */
export async function statusWithHost(url: string, path: string, host: string): Promise<number> {
  return (await raw(url, path, { host })).status;
}
