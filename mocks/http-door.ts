/**
 * The standalone front door: a `node:http` server that serves every real host under its name
 * (`https://auth.example.com/x` → `http://127.0.0.1:4010/auth.example.com/x`) and the control
 * plane under `/__control/`. It calls the engine's compiled router directly: no Fetch objects
 * and no MSW on the hot path, and it does not import MSW at all (the CLI's `serve` starts without
 * loading it); `createMockServer` in `./http.ts` puts it on a full mock world.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  answerControl,
  defaultBodyLimit,
  type HeaderReader,
  type IncomingRequest,
  MockError,
  type MockResponse,
  parseBody,
} from './core/index.js';
import type { World } from './world.js';

export interface HttpDoor {
  readonly server: Server;
  /** Starts listening; loopback (127.0.0.1) and port 4010 unless told otherwise. */
  listen(port?: number, host?: string): Promise<{ port: number; host: string; url: string }>;
  /** Stops accepting connections and waits for requests in flight. */
  close(): Promise<void>;
}

export const defaultPort = 4010;
export const defaultHost = '127.0.0.1';

function headerReader(req: IncomingMessage): HeaderReader {
  return {
    get(name) {
      const value = req.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** Reads the body up to `limit` bytes; past it, drains the rest and throws `payload_too_large`. */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      reject(new MockError('payload_too_large', `The body is over ${limit} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new MockError('payload_too_large', `The body is over ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
}

function send(res: ServerResponse, response: MockResponse, head: boolean): void {
  const headers: Record<string, string | number> = { ...response.headers };
  let payload: string | undefined;
  if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] = 'application/json; charset=utf-8';
    headers['content-length'] = Buffer.byteLength(payload);
  } else {
    headers['content-length'] = 0;
  }
  res.writeHead(response.status, headers);
  res.end(head ? undefined : payload);
}

/** Serves a mock world over node:http (not listening yet). */
export function createHttpDoor(world: World, bodyLimit?: number): HttpDoor {
  const { engine } = world;
  const limit = bodyLimit ?? defaultBodyLimit;

  function index(base: string): MockResponse {
    const providers = [...engine.providers.values()].map((p) => ({
      id: p.id,
      title: p.title,
      hosts: p.hosts.map((h) => ({ host: h, real: `https://${h}`, local: `${base}/${h}` })),
    }));
    return { status: 200, body: { name: 'authflow-mocks', control: `${base}/__control`, providers } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const search = q === -1 ? '' : url.slice(q + 1);
    const slash = pathname.indexOf('/', 1);
    const first = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash);
    const rest = slash === -1 ? '/' : pathname.slice(slash);
    const method = req.method ?? 'GET';
    let bodyRead: Promise<Uint8Array> | undefined;
    const body = () => {
      bodyRead ??= readBody(req, limit);
      return bodyRead;
    };

    let response: MockResponse | undefined;
    if (first === '__control') {
      response = await answerControl(engine.control, method, rest, async () =>
        parseBody(req.headers['content-type'] ?? null, await body()),
      );
    } else if (first === '' && (method === 'GET' || method === 'HEAD')) {
      response = index(`http://${req.headers.host ?? `${defaultHost}:${defaultPort}`}`);
    } else {
      let query: URLSearchParams | undefined;
      const incoming: IncomingRequest = {
        method,
        host: first.toLowerCase(),
        path: rest,
        // Built on first read: most operations never look at the query string.
        get query() {
          query ??= new URLSearchParams(search);
          return query;
        },
        headers: headerReader(req),
        readBody: body,
      };
      response = await engine.answer(incoming);
    }
    response ??= {
      status: 404,
      body: {
        error: 'unknown_host',
        message: `No provider is served at /${first}. GET / lists the hosts; nothing is ever forwarded to the real API.`,
      },
    };
    // Drain a body nobody read, so a keep-alive connection stays usable.
    if (bodyRead === undefined) req.resume();
    send(res, response, method === 'HEAD');
  }

  const server = createServer(
    { requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        engine.bugs.push({ operationId: null, message: String(error) });
        if (!res.headersSent)
          send(
            res,
            { status: 500, body: { error: 'internal', message: 'authflow-mocks failed; this is a bug.' } },
            false,
          );
        else res.destroy();
      });
    },
  );
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  return {
    server,
    listen(port = defaultPort, host = defaultHost) {
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address() as AddressInfo;
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ port: address.port, host: address.address, url: `http://${shown}:${address.port}` });
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
    },
  };
}
