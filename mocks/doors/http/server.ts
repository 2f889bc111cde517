/**
 * The standalone front door: a `node:http` server that serves every real host under its name
 * (`https://auth.example.com/x` → `http://127.0.0.1:4010/auth.example.com/x`) and the control
 * plane under `/__control/`. Provider hosts go through the pipeline both doors share
 * (`../pipeline.ts`): no Fetch objects and no MSW on the hot path, and it does not import MSW at
 * all; `createMockServer` in `./index.ts` puts it on a mock world.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  answerControl,
  controlBodyLimit,
  defaultBodyLimit,
  type HeaderReader,
  type IncomingRequest,
  type JournalRecord,
  MockError,
  type MockResponse,
  parseBody,
  safeEqual,
} from '../../core/index.js';
import type { World } from '../../world.js';
import { serveRequest } from '../pipeline.js';
import { checkControlRequest, controlHostNames, hostName } from './control-guard.js';
import {
  createJournalStreams,
  type InspectorFiles,
  inspectorFiles,
  journalStream,
  maxJournalStreams,
  prefersHtml,
  tooManyStreams,
  welcomePage,
} from './inspector.js';

export interface HttpDoorOptions {
  /** Largest accepted request body in bytes. Default 1 MiB. */
  bodyLimit?: number;
  /**
   * Guards `/__control/*`: requests must send `Authorization: Bearer <token>` (or
   * `X-Control-Token: <token>`). Needed when the server listens beyond loopback.
   */
  controlToken?: string;
  /** `false` turns the control plane off: `/__control/*` answers 404. Default true. */
  control?: boolean;
  /**
   * Host names (besides 127.0.0.1, localhost, [::1] and the address it listens on) under which
   * the control plane answers requests that present no control token. See ./control-guard.ts.
   */
  allowedHosts?: readonly string[];
  /**
   * Where the server reports its own failures (a 500 it answered): one line each with the method,
   * host, path (no query) and operation, never a header or body. Default: standard error.
   */
  reportError?: (line: string) => void;
  /**
   * Called once per answered request, after the answer is sent (the CLI's `--log`). The entry
   * holds what the journal records plus the duration: never a header, body or query string.
   */
  onRequest?: (entry: RequestLogEntry) => void;
  /**
   * Where the built inspector page is (`npm run build` writes dist/inspector). Found next to
   * this module by default; read only when `/__inspector/` is asked for.
   */
  inspectorDir?: string;
  /** Connection limits, so a slow or stalled client cannot hold the server. */
  timeouts?: {
    /** Time to receive the request headers. Default 10 s. */
    headersMs?: number;
    /** Time to receive the whole request. Default 30 s. */
    requestMs?: number;
    /** Idle time of a keep-alive connection. Default 5 s. */
    keepAliveMs?: number;
    /** On close, requests in flight get this long to finish before connections are cut. Default 5 s. */
    graceMs?: number;
  };
}

/** One answered request, as `onRequest` sees it. */
export interface RequestLogEntry {
  /** Wall-clock time the request arrived (ISO 8601); the journal's time is the mock clock's. */
  time: string;
  method: string;
  /** The real host the request was for; empty for the index and the control plane. */
  host: string;
  /** The path on that host, without the query string. */
  path: string;
  /** 0: the connection was dropped (an injected fault). */
  status: number;
  provider: string | null;
  operationId: string | null;
  /** Stable code of the refusal, when refused. */
  reason?: string;
  /** The id of the injected fault that answered. */
  fault?: string;
  durationMs: number;
}

/** Largest accepted request head (request line + headers); past it the answer is 431. */
export const maxHeaderBytes = 16 * 1024;

export interface HttpDoor {
  /** The `node:http` server (e.g. for supertest). `setupMocks().server` is MSW's, a different thing. */
  readonly httpServer: Server;
  /** Starts listening; loopback (127.0.0.1) and port 4010 unless told otherwise. */
  listen(port?: number, host?: string): Promise<{ port: number; host: string; url: string }>;
  /** Stops accepting connections and waits for requests in flight. */
  close(): Promise<void>;
}

export const defaultPort = 4010;
export const defaultHost = '127.0.0.1';

/** Reads a request's headers; one small object per request, its method shared on the prototype. */
class NodeHeaderReader implements HeaderReader {
  constructor(private readonly req: IncomingMessage) {}
  get(name: string): string | null {
    const value = this.req.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

/**
 * A request for a provider host, as the engine reads it. A class with the `query` getter on its
 * prototype, not an object literal with a getter closure: such a literal costs V8 a hidden class
 * of its own per request, in old space, which keeps the request's objects alive through the
 * next scavenges (see `OperationRequest` in core/engine.ts).
 */
class DoorRequest implements IncomingRequest {
  #query: URLSearchParams | undefined;
  onRecord?: (entry: JournalRecord) => void;
  constructor(
    readonly method: string,
    readonly host: string,
    readonly path: string,
    readonly search: string,
    readonly headers: HeaderReader,
    readonly base: string,
    readonly readBody: (limit?: number) => Promise<Uint8Array>,
  ) {}
  /** Built on first read: most operations never look at the query string. */
  get query(): URLSearchParams {
    this.#query ??= new URLSearchParams(this.search);
    return this.#query;
  }
}

function headerReader(req: IncomingMessage): HeaderReader {
  return new NodeHeaderReader(req);
}

const noBody = new Uint8Array(0);

/** Reads the body up to `limit` bytes; past it, drains the rest and throws `payload_too_large`. */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  // Neither Content-Length nor Transfer-Encoding: no body (RFC 9112 §6.3), so nothing to wait for
  // (a GET whose operation also reads parameters from a body, as TeleTracker's reports do).
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return Promise.resolve(noBody);
  }
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

function send(res: ServerResponse, response: MockResponse, head: boolean, closing = false): void {
  if (response.drop) {
    // An injected fault: close the connection without a status line.
    res.socket?.destroy();
    return;
  }
  // One flat [name, value, …] list, no copy of the response's headers object (they may be shared).
  const headers: (string | number)[] = [];
  const own = response.headers;
  const json = response.body !== undefined;
  if (own !== undefined) {
    for (const name in own) {
      // With a JSON body the door sets the content type (as the spread used to override it).
      if (json && name.length === 12 && name.toLowerCase() === 'content-type') continue;
      headers.push(name, own[name] as string);
    }
  }
  let payload: string | undefined;
  if (json) {
    payload = JSON.stringify(response.body);
    headers.push('content-type', 'application/json; charset=utf-8', 'content-length', Buffer.byteLength(payload));
  } else {
    headers.push('content-length', 0);
  }
  // While the server closes, answers end their connection so close() need not wait for idle sockets.
  if (closing) headers.push('connection', 'close');
  res.writeHead(response.status, headers as unknown as string[]);
  res.end(head ? undefined : payload);
}

/** One line for standard error about a failure: where, which operation, the error; no query, header or body. */
function describeBug(bug: World['engine']['bugs'][number]): string {
  const where = bug.method === undefined ? '' : ` on ${bug.method} ${bug.host ? `/${bug.host}` : ''}${bug.path ?? ''}`;
  const operation = bug.operationId === null ? '' : ` (operation ${bug.operationId})`;
  // An error message may quote input: long token-like runs are cut out, the rest kept short.
  const message = bug.message
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/[A-Za-z0-9_\-.~+/=]{24,}/g, '[redacted]')
    .slice(0, 300);
  return `authflow-mocks: answered 500${where}${operation}: ${message}. This is a bug; please report it.`;
}

/** Serves a mock world over node:http (not listening yet). */
export function createHttpDoor(world: World, options: HttpDoorOptions = {}): HttpDoor {
  const { engine } = world;
  const limit = options.bodyLimit ?? defaultBodyLimit;
  const timeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, graceMs: 5_000, ...options.timeouts };
  const { controlToken } = options;
  const controlOn = options.control !== false;
  const { onRequest } = options;
  /** Host names the control plane answers under without a token; the listening address joins on listen(). */
  const ownNames = controlHostNames(options.allowedHosts ?? []);
  const reportError = options.reportError ?? ((line: string) => process.stderr.write(`${line}\n`));
  let reportedBugs = engine.bugs.length;
  let closing = false;
  /** Open journal streams (ended by close()) and their shared frames. */
  const streams = createJournalStreams();
  let inspector: InspectorFiles | undefined;

  /**
   * Why a control request is refused (off, without the token, or from a web page), or undefined
   * when allowed. `needsToken: false` for the inspector's static files: a page navigation cannot
   * send the token, and they hold no state (the page asks for the token and sends it on its own
   * calls); the web-page checks (Host) still apply to them.
   */
  function controlRefusal(method: string, headers: HeaderReader, needsToken = true): MockResponse | undefined {
    if (!controlOn) {
      return { status: 404, body: { error: 'control_disabled', message: 'The control plane is off on this server.' } };
    }
    if (controlToken === undefined || !needsToken) return checkControlRequest(method, headers, ownNames);
    const auth = headers.get('authorization');
    const given =
      headers.get('x-control-token') ?? (auth?.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : '');
    if (safeEqual(given, controlToken)) return checkControlRequest(method, headers, ownNames, true);
    return {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="authflow-mocks control"' },
      body: { error: 'control_unauthorized', message: 'Send the control token as Authorization: Bearer <token>.' },
    };
  }

  /** `http://<address>:<port>` of the listening socket (for a request without a Host). */
  function listeningBase(): string {
    const address = server.address();
    if (address === null || typeof address === 'string') return `http://${defaultHost}:${defaultPort}`;
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${shown}:${address.port}`;
  }

  /** Reports the failures (500s) recorded since the last report, without query, headers or bodies. */
  function reportBugs(): void {
    if (reportedBugs > engine.bugs.length) reportedBugs = engine.bugs.length;
    for (; reportedBugs < engine.bugs.length; reportedBugs++) {
      const bug = engine.bugs[reportedBugs];
      if (bug !== undefined) reportError(describeBug(bug));
    }
  }

  function index(base: string): MockResponse {
    const providers = [...engine.providers.values()].map((p) => ({
      id: p.id,
      title: p.title,
      hosts: p.hosts.map((h) => ({ host: h, real: `https://${h}`, local: `${base}/${h}` })),
    }));
    const control = controlOn ? { control: `${base}/__control` } : {};
    return { status: 200, body: { name: 'authflow-mocks', ...control, providers } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = onRequest === undefined ? 0 : performance.now();
    const method = req.method ?? 'GET';
    let url = req.url ?? '/';
    let authority = req.headers.host;
    // Absolute form (`GET http://api.eventix.io/event HTTP/1.1`), what a client configured with
    // HTTP_PROXY sends: served as that host, or as an origin-form request when it names this server.
    let proxied = false;
    const absolute = url.charCodeAt(0) === 47 /* / */ ? null : /^https?:\/\/([^/?#]*)([^#]*)/i.exec(url);
    if (absolute !== null) {
      const target = absolute[1] as string;
      const path =
        absolute[2] === '' ? '/' : absolute[2]?.startsWith('/') ? (absolute[2] as string) : `/${absolute[2]}`;
      const name = hostName(target);
      if (name !== undefined && ownNames.has(name)) {
        url = path;
        authority = target;
      } else {
        url = `/${name ?? target}${path}`;
        proxied = true;
      }
    } else if (authority === undefined && req.httpVersionMajor === 1 && req.httpVersionMinor >= 1) {
      req.resume();
      send(
        res,
        { status: 400, body: { error: 'bad_request', message: 'An HTTP/1.1 request needs a Host header.' } },
        method === 'HEAD',
        true,
      );
      return;
    }
    const q = url.indexOf('?');
    let pathname = q === -1 ? url : url.slice(0, q);
    // A base URL with a trailing slash (`mockServer=http://127.0.0.1:4010/`) gives `//host/...`:
    // served as `/host/...` (a bare `//` stays unknown, not the index).
    if (pathname.charCodeAt(1) === 47 /* / */ && /^\/\/+[^/]/.test(pathname)) pathname = pathname.replace(/^\/+/, '/');
    const search = q === -1 ? '' : url.slice(q + 1);
    const slash = pathname.indexOf('/', 1);
    let first = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash);
    let rest = slash === -1 ? '/' : pathname.slice(slash);
    // RFC 8414 §3.1: the metadata of an issuer with a path (here `/<host>`) lives at
    // `/.well-known/<name>/<host>`: served as `/.well-known/<name>` on that host.
    const wellKnown = !pathname.startsWith('/.well-known/')
      ? null
      : /^\/\.well-known\/(oauth-authorization-server|openid-configuration)\/([^/]+)(\/.*)?$/.exec(pathname);
    if (wellKnown !== null) {
      first = wellKnown[2] as string;
      rest = `/.well-known/${wellKnown[1]}${wellKnown[3] ?? ''}`;
    }
    const reader = headerReader(req);
    const headers: HeaderReader =
      authority === req.headers.host
        ? reader
        : { get: (name) => (name.toLowerCase() === 'host' ? (authority ?? null) : reader.get(name)) };
    let bodyRead: Promise<Uint8Array> | undefined;
    // One read per request: the operation's own limit, when lower than the door's, applies to it.
    const body = (own?: number) => {
      bodyRead ??= readBody(req, own === undefined ? limit : Math.min(own, limit));
      return bodyRead;
    };

    let response: MockResponse | undefined;
    let recorded: JournalRecord | undefined;
    if (first === '__control' && !proxied && rest === '/journal/stream' && (method === 'GET' || method === 'HEAD')) {
      response = controlRefusal(method, headers);
      if (response === undefined && closing) {
        response = { status: 503, body: { error: 'server_closing', message: 'The server is closing.' } };
      } else if (response === undefined && streams.open.size >= maxJournalStreams && method === 'GET') {
        response = { ...tooManyStreams, headers: { ...tooManyStreams.headers }, body: { ...tooManyStreams.body } };
      } else if (response === undefined) {
        req.resume();
        journalStream(engine.journal, req, res, streams);
        return;
      }
    } else if (first === '__inspector' && !proxied) {
      response = controlRefusal(method, headers, false);
      if (response === undefined) {
        inspector ??= inspectorFiles(options.inspectorDir);
        req.resume();
        await inspector.serve(req, res, pathname.slice('/__inspector'.length), method);
        return;
      }
    } else if (first === '__control' && !proxied) {
      response =
        controlRefusal(method, headers) ??
        (await answerControl(engine.control, method, rest, async () =>
          parseBody(req.headers['content-type'] ?? null, await body(controlBodyLimit)),
        ));
    } else if (pathname === '/' && !proxied && (method === 'GET' || method === 'HEAD')) {
      response = index(authority === undefined ? listeningBase() : `http://${authority}`);
      if (controlOn && prefersHtml(req.headers.accept)) {
        req.resume();
        welcomePage(res, response.body, method === 'HEAD');
        return;
      }
    } else {
      const incoming = new DoorRequest(
        method,
        first.toLowerCase(),
        rest,
        search,
        reader,
        // Through a proxy the client named the real host itself; otherwise the host sits under this server.
        proxied ? `http://${first}` : `${authority === undefined ? listeningBase() : `http://${authority}`}/${first}`,
        body,
      );
      if (onRequest !== undefined) {
        incoming.onRecord = (entry: JournalRecord) => {
          recorded = entry;
        };
      }
      response = await serveRequest(engine, incoming);
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
    send(res, response, method === 'HEAD', closing);
    if (onRequest !== undefined) {
      const known = first === '__control' || first === '' ? undefined : recorded;
      // Refusals past the engine (control plane, unknown host) carry their code in the body.
      const code = (response.body as { error?: unknown } | undefined)?.error;
      const reason = known?.reason ?? (response.status >= 400 && typeof code === 'string' ? code : undefined);
      onRequest({
        time: new Date(Date.now() - Math.round(performance.now() - started)).toISOString(),
        method,
        host: known?.host ?? (first === '__control' || first === '' ? '' : first.toLowerCase()),
        path: known === undefined && (first === '__control' || first === '') ? pathname : rest,
        status: response.drop ? 0 : response.status,
        provider: known?.provider ?? null,
        operationId: known?.operationId ?? null,
        ...(reason === undefined ? {} : { reason }),
        ...(known?.fault === undefined ? {} : { fault: known.fault }),
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  }

  const server = createServer(
    {
      requestTimeout: timeouts.requestMs,
      headersTimeout: timeouts.headersMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // Check stalled connections often, not every 30 s (Node's default).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(timeouts.headersMs / 2))),
      maxHeaderSize: maxHeaderBytes,
      // A missing Host is answered in JSON by handle(), not with Node's bare 400.
      requireHostHeader: false,
    },
    (req, res) => {
      handle(req, res)
        .catch((error: unknown) => {
          const url = req.url ?? '/';
          const q = url.indexOf('?');
          engine.bugs.push({
            operationId: null,
            message: String(error),
            method: req.method ?? 'GET',
            host: '',
            path: q === -1 ? url : url.slice(0, q),
          });
          if (!res.headersSent)
            send(
              res,
              { status: 500, body: { error: 'internal', message: 'authflow-mocks failed; this is a bug.' } },
              false,
            );
          else res.destroy();
        })
        .finally(reportBugs);
    },
  );
  // `Expect` other than 100-continue (which Node answers itself): refused in JSON, not a bare 417.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    send(
      res,
      {
        status: 417,
        body: { error: 'expectation_failed', message: 'Only Expect: 100-continue is supported.' },
      },
      req.method === 'HEAD',
      true,
    );
  });
  // CONNECT is what an HTTPS proxy receives; this server is not one (plain-HTTP proxying works).
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    const body = JSON.stringify({
      error: 'connect_not_supported',
      message:
        'authflow-mocks is not an HTTPS proxy: CONNECT is refused. Call http://<this server>/<real host>/<path>, or proxy plain http:// URLs through it.',
    });
    socket.end(
      `HTTP/1.1 501 Not Implemented\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, why] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? ['431 Request Header Fields Too Large', 'request_header_fields_too_large', 'its headers are too large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? ['408 Request Timeout', 'request_timeout', 'it did not arrive in time']
          : ['400 Bad Request', 'bad_request', 'it is not valid HTTP'];
    // Refused before any routing, so in the server's own shape rather than a provider's.
    const body = JSON.stringify({ error: code, message: `The HTTP request could not be read: ${why}.` });
    socket.end(
      `HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });

  return {
    httpServer: server,
    listen(port = defaultPort, host = defaultHost) {
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address() as AddressInfo;
          for (const name of controlHostNames([host, address.address])) ownNames.add(name);
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ port: address.port, host: address.address, url: `http://${shown}:${address.port}` });
        });
      });
    },
    close() {
      // Stop accepting, let requests in flight finish, cut what is still open after the grace time.
      closing = true;
      // A journal stream never finishes on its own: end it now.
      for (const stream of streams.open) stream.destroy();
      streams.open.clear();
      return new Promise((resolve, reject) => {
        const cut = setTimeout(() => server.closeAllConnections(), timeouts.graceMs);
        cut.unref();
        server.close((error) => {
          clearTimeout(cut);
          if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
