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
  controlErrorResponse,
  defaultBodyLimit,
  type HeaderReader,
  type IncomingRequest,
  isMockError,
  type JournalRecord,
  MockError,
  type MockResponse,
  parseBody,
  safeEqual,
} from '../../core/index.js';
import type { StoreSpec } from '../../store/index.js';
import type { RedisLog } from '../../store/redis.js';
import { turnTime } from '../../store/turns.js';
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
import { type CreateWorldInput, createWorlds, defaultWorldId, type WorldEntry, type Worlds } from './worlds.js';

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
  /**
   * Worlds besides the server's own (`POST /__control/worlds`): how a new one is made, how long
   * an idle one lives and how many there may be. Without `create`, a new world starts from the
   * demo fixtures (`createMockServer` passes its own options).
   */
  worlds?: {
    create?: (config: unknown) => World;
    /** Idle seconds before a world is removed. Default 3600. */
    ttlSeconds?: number;
    /** Most worlds besides the default one. Default 100. */
    max?: number;
    /** Wall clock for idle times. Default `Date.now`. */
    now?: () => number;
  };
  /**
   * Where the worlds live (see `authflow-mocks/http` `MockServerOptions.store`). With a Redis store
   * every replica applies every request in one order; `createMockServer` fills this in.
   */
  replication?: {
    store: Extract<StoreSpec, { kind: 'redis' }>;
    /** What every replica must be started with (a digest of the config). */
    digest: string;
    /** Makes the default world (in the store's first turn, so every replica makes the same). */
    makeDefault(): World;
  };
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
  /** The first 8 characters of the world that answered, when not the default one (an id is a capability). */
  world?: string;
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
  /** The server's worlds: the default one and those created over `/__control/worlds`. */
  readonly worlds: Worlds;
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

/** `/__control/worlds` and `/__control/worlds/<id>`, answered on the server's root control plane only. */
function worldsRoute(route: string): { id?: string } | undefined {
  if (route === 'worlds') return {};
  const m = /^worlds\/([^/]+)$/.exec(route);
  return m === null ? undefined : { id: m[1] as string };
}

/** The world a path names (`/w/<id>/…`, or `/.well-known/<name>/w/<id>/<host>` of RFC 8414), and the rest. */
const worldPath = /^\/w\/([^/]*)(\/.*)?$/;
const wellKnownPath =
  /^\/\.well-known\/(oauth-authorization-server|openid-configuration)\/(?:w\/([^/]+)\/)?([^/]+)(\/.*)?$/;

const unknownWorld = (id: string) =>
  controlErrorResponse(
    new MockError(
      'unknown_world',
      id === ''
        ? 'No world id in the path: /w/<id>/… names a world. POST /__control/worlds creates one.'
        : `No world ${id.slice(0, 40)} on this server (deleted, idle past its time-to-live, or never created). POST /__control/worlds creates one.`,
    ),
  );

/** Reads the headers a replicated request carries (lower-case names, repeated ones joined). */
class RecordHeaderReader implements HeaderReader {
  constructor(private readonly headers: Readonly<Record<string, string>>) {}
  get(name: string): string | null {
    const key = name.toLowerCase();
    return Object.hasOwn(this.headers, key) ? (this.headers[key] as string) : null;
  }
}

/**
 * A request that reads or changes a world, as the replicated log carries it (see
 * `../../store/redis.ts`): everything `applyCall` needs on every replica, nothing of the socket.
 */
interface ReplicatedCall {
  /** 'p': a provider host; 'c': the control plane; 's': remove idle worlds. */
  k: 'p' | 'c' | 's';
  /** The world the request named (path or header); null: the default world. */
  w: string | null;
  /** Named in the path (`/w/<id>/`), not by the header. */
  ip: boolean;
  /** Method, first path segment (the host), the rest of the path, the query string. */
  m: string;
  f: string;
  r: string;
  s: string;
  /** `http://<authority>` the request came to; whether it came through a proxy (absolute form). */
  o: string;
  px: boolean;
  /** Its headers (lower-case names, repeated ones joined with `, `). */
  h: Record<string, string>;
  /** Its body, base64; `big` when it was over the door's limit (then not carried). */
  b?: string;
  big?: boolean;
}

/** The log entry that removes idle worlds (each replica submits one a minute). */
const sweepCall: ReplicatedCall = {
  k: 's',
  w: null,
  ip: false,
  m: 'POST',
  f: '',
  r: '',
  s: '',
  o: '',
  px: false,
  h: {},
};

/** What applying a call answered, and (for the request log of the replica that took it) what the journal recorded. */
interface ReplicatedAnswer {
  response: MockResponse;
  record?: JournalRecord;
  world?: string;
}

const reads = (method: string) => method === 'GET' || method === 'HEAD';

/** The 404 for a first path segment no provider serves. */
function unknownHost(segment: string): MockResponse {
  return {
    status: 404,
    body: {
      error: 'unknown_host',
      message: `No provider is served at /${segment}. GET / lists the hosts; nothing is ever forwarded to the real API.`,
    },
  };
}

/** `GET /healthz`: 200 `{"status":"ok"}`; other methods 405. */
function healthz(method: string): MockResponse {
  if (method !== 'GET' && method !== 'HEAD') {
    return {
      status: 405,
      headers: { allow: 'GET, HEAD' },
      body: { error: 'method_not_allowed', message: '/healthz answers GET and HEAD.' },
    };
  }
  return { status: 200, body: { status: 'ok' } };
}

/** Serves a mock world over node:http (not listening yet). */
export function createHttpDoor(world: World, options: HttpDoorOptions = {}): HttpDoor {
  const limit = options.bodyLimit ?? defaultBodyLimit;
  const timeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, graceMs: 5_000, ...options.timeouts };
  const { controlToken } = options;
  const controlOn = options.control !== false;
  const { onRequest } = options;
  /** Host names the control plane answers under without a token; the listening address joins on listen(). */
  const ownNames = controlHostNames(options.allowedHosts ?? []);
  const reportError = options.reportError ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { replication } = options;
  const worldsOptions = {
    create:
      options.worlds?.create ??
      (() => {
        throw new MockError('control_invalid', 'This server makes no worlds.');
      }),
    ...(options.worlds?.ttlSeconds === undefined ? {} : { ttlSeconds: options.worlds.ttlSeconds }),
    ...(options.worlds?.max === undefined ? {} : { max: options.worlds.max }),
    // With a replicated store, idle times are the applied request's time: the same on every replica.
    ...(replication !== undefined
      ? { now: turnTime }
      : options.worlds?.now === undefined
        ? {}
        : { now: options.worlds.now }),
  };
  /** Replaced once with a replicated store: its default world is made in the store's first turn. */
  let worlds = createWorlds(world, worldsOptions);
  /** The replicated log, once listen() has opened it (a Redis store only). */
  let log: RedisLog<ReplicatedCall, ReplicatedAnswer> | undefined;
  // Idle worlds are removed on every create and list, and by this sweep while the server listens.
  let sweeper: ReturnType<typeof setInterval> | undefined;
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

  /** Reports the failures (500s) a world recorded since its last report, without query, headers or bodies. */
  function reportBugs(entry: WorldEntry): void {
    const { bugs } = entry.world.engine;
    if (entry.reportedBugs > bugs.length) entry.reportedBugs = bugs.length;
    for (; entry.reportedBugs < bugs.length; entry.reportedBugs++) {
      const bug = bugs[entry.reportedBugs];
      if (bug !== undefined) reportError(describeBug(bug));
    }
  }

  function index(entry: WorldEntry, base: string): MockResponse {
    const providers = [...entry.world.engine.providers.values()].map((p) => ({
      id: p.id,
      title: p.title,
      hosts: p.hosts.map((h) => ({ host: h, real: `https://${h}`, local: `${base}/${h}` })),
    }));
    const control = controlOn ? { control: `${base}/__control` } : {};
    const named = entry === worlds.defaultEntry ? {} : { world: entry.id };
    return { status: 200, body: { name: 'authflow-mocks', ...named, ...control, providers } };
  }

  /** The URLs of a world, as `POST /__control/worlds` answers them. */
  function worldUrls(origin: string, id: string) {
    const base = id === defaultWorldId ? origin : `${origin}/w/${id}`;
    return { base, control: `${base}/__control`, inspector: `${base}/__inspector/` };
  }

  /** `/__control/worlds[/<id>]`: create, list, delete. */
  async function answerWorlds(
    method: string,
    id: string | undefined,
    origin: string,
    readJson: () => Promise<ReturnType<typeof parseBody>>,
  ): Promise<MockResponse> {
    const verb = method === 'HEAD' ? 'GET' : method;
    try {
      if (id === undefined && verb === 'GET') return { status: 200, body: { worlds: worlds.list() } };
      if (id === undefined && verb === 'POST') {
        const body = await readJson();
        if (
          body.kind === 'form' ||
          (body.kind === 'json' && (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value)))
        ) {
          throw new MockError('control_invalid', 'The body must be a JSON object (or none).');
        }
        const input = (body.kind === 'json' ? body.value : {}) as CreateWorldInput;
        const entry = worlds.create(input);
        return {
          status: 201,
          headers: { location: `${origin}/__control/worlds/${entry.id}` },
          body: {
            id: entry.id,
            name: entry.name,
            created: new Date(entry.created).toISOString(),
            ttlSeconds: entry.ttlMs === null ? null : entry.ttlMs / 1000,
            urls: worldUrls(origin, entry.id),
          },
        };
      }
      if (id !== undefined && verb === 'GET') {
        const entry = worlds.get(id);
        if (entry === undefined) return unknownWorld(id);
        const summary = worlds.list().find((w) => w.id === entry.id);
        return { status: 200, body: { ...summary, urls: worldUrls(origin, entry.id) } };
      }
      if (id !== undefined && verb === 'DELETE') {
        return worlds.delete(id) ? { status: 204 } : unknownWorld(id);
      }
      return {
        status: 405,
        headers: { allow: id === undefined ? 'GET, HEAD, POST' : 'GET, HEAD, DELETE' },
        body: { error: 'method_not_allowed', message: `${method} is not allowed here.` },
      };
    } catch (error) {
      if (isMockError(error)) return controlErrorResponse(error);
      throw error;
    }
  }

  /** `/healthz` with a replicated store: also whether Redis answers (503 `store_unavailable` when not), and which replica answered. */
  async function storeHealth(response: MockResponse): Promise<MockResponse> {
    if (replication === undefined || response.status !== 200) return response;
    const up = log !== undefined && (await log.ping());
    const about = { store: 'redis', replica: log?.replica ?? null };
    return up
      ? { status: 200, body: { status: 'ok', ...about } }
      : { status: 503, body: { status: 'unavailable', error: 'store_unavailable', ...about } };
  }

  /**
   * Applies one replicated request to this replica's worlds (every replica runs it, in log
   * order); `mine` when this replica took the request and answers it.
   */
  async function applyCall(call: ReplicatedCall, mine: boolean): Promise<ReplicatedAnswer> {
    if (call.k === 's') {
      worlds.sweep();
      return { response: { status: 204 } };
    }
    const entry = call.w === null ? worlds.defaultEntry : worlds.get(call.w);
    if (entry === undefined) return { response: unknownWorld(call.w as string) };
    worlds.touch(entry);
    const { engine } = entry.world;
    const world = entry === worlds.defaultEntry ? undefined : entry.id.slice(0, 8);
    const bytes = call.b === undefined ? noBody : Buffer.from(call.b, 'base64');
    const body = (own?: number): Promise<Uint8Array> => {
      const max = own === undefined ? limit : Math.min(own, limit);
      if (call.big === true || bytes.length > max) {
        return Promise.reject(new MockError('payload_too_large', `The body is over ${max} bytes.`));
      }
      return Promise.resolve(bytes);
    };
    const headers = new RecordHeaderReader(call.h);
    try {
      if (call.k === 'c') {
        const readJson = async () => parseBody(headers.get('content-type'), await body(controlBodyLimit));
        const worldsCall =
          entry === worlds.defaultEntry && !call.ip ? worldsRoute(call.r.slice(1).replace(/\/+$/, '')) : undefined;
        const response =
          worldsCall !== undefined
            ? await answerWorlds(call.m, worldsCall.id, call.o, readJson)
            : await answerControl(engine.control, call.m, call.r, readJson);
        return { response, ...(world === undefined ? {} : { world }) };
      }
      const worldBase = call.ip && entry !== worlds.defaultEntry ? `${call.o}/w/${entry.id}` : call.o;
      const incoming = new DoorRequest(
        call.m,
        call.f.toLowerCase(),
        call.r,
        call.s,
        headers,
        call.px ? `http://${call.f}` : `${worldBase}/${call.f}`,
        body,
      );
      let record: JournalRecord | undefined;
      if (mine && onRequest !== undefined) {
        incoming.onRecord = (recorded: JournalRecord) => {
          record = recorded;
        };
      }
      const response = (await serveRequest(engine, incoming)) ?? unknownHost(call.f);
      return { response, ...(record === undefined ? {} : { record }), ...(world === undefined ? {} : { world }) };
    } finally {
      // Every replica records the same failures; the one that answered reports them.
      if (mine) reportBugs(entry);
      else entry.reportedBugs = engine.bugs.length;
    }
  }

  /**
   * A request that reaches a world's state, with a replicated store: read whole, appended to the
   * log, and answered with what applying it here gave (or 503 `store_unavailable`).
   */
  async function handleReplicated(
    req: IncomingMessage,
    res: ServerResponse,
    call: Omit<ReplicatedCall, 'h' | 'b' | 'big'>,
    body: () => Promise<Uint8Array>,
    started: number,
    pathname: string,
  ): Promise<void> {
    const head = call.m === 'HEAD';
    let bytes: Uint8Array | undefined;
    let big = false;
    try {
      bytes = await body();
    } catch (error) {
      if (!isMockError(error) || error.code !== 'payload_too_large') throw error;
      big = true;
    }
    const h: Record<string, string> = {};
    for (const name in req.headers) {
      const value = req.headers[name];
      if (value !== undefined) h[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const full: ReplicatedCall = {
      ...call,
      h,
      ...(bytes === undefined || bytes.length === 0 ? {} : { b: Buffer.from(bytes).toString('base64') }),
      ...(big ? { big } : {}),
    };
    let answer: ReplicatedAnswer;
    try {
      if (log === undefined) throw new MockError('store_unavailable', 'The store is not open yet.');
      answer = await log.submit(full);
    } catch (error) {
      if (!isMockError(error)) throw error;
      answer = { response: controlErrorResponse(error) };
    }
    const { response } = answer;
    if (response.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    send(res, response, head, closing);
    if (onRequest !== undefined) {
      const known = call.k === 'c' ? undefined : answer.record;
      const code = (response.body as { error?: unknown } | undefined)?.error;
      const reason = known?.reason ?? (response.status >= 400 && typeof code === 'string' ? code : undefined);
      onRequest({
        time: new Date(Date.now() - Math.round(performance.now() - started)).toISOString(),
        method: call.m,
        host: known?.host ?? (call.k === 'c' ? '' : call.f.toLowerCase()),
        path: known === undefined && call.k === 'c' ? pathname : call.r,
        status: response.drop ? 0 : response.status,
        provider: known?.provider ?? null,
        operationId: known?.operationId ?? null,
        ...(answer.world === undefined ? {} : { world: answer.world }),
        ...(reason === undefined ? {} : { reason }),
        ...(known?.fault === undefined ? {} : { fault: known.fault }),
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = onRequest === undefined ? 0 : performance.now();
    const method = req.method ?? 'GET';
    // The readiness/liveness probe (containers, CI, Testcontainers): before the routing and outside
    // the control plane, so it answers with --no-control and without the control token. It says
    // nothing about the world, and is not logged (a probe every few seconds would drown the log).
    if (req.url === '/healthz' || req.url?.startsWith('/healthz?')) {
      req.resume();
      send(res, await storeHealth(healthz(method)), method === 'HEAD', closing);
      return;
    }
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
    const origin = authority === undefined ? listeningBase() : `http://${authority}`;

    // Which world: `/w/<id>/…` in the path, else the `X-Authflow-World` header, else the default.
    let worldId: string | undefined;
    let first: string;
    let rest: string;
    // RFC 8414 §3.1: the metadata of an issuer with a path (here `[/w/<id>]/<host>`) lives at
    // `/.well-known/<name>[/w/<id>]/<host>`: served as `/.well-known/<name>` on that host.
    const wellKnown = proxied || !pathname.startsWith('/.well-known/') ? null : wellKnownPath.exec(pathname);
    if (wellKnown !== null) {
      worldId = wellKnown[2];
      first = wellKnown[3] as string;
      rest = `/.well-known/${wellKnown[1]}${wellKnown[4] ?? ''}`;
    } else {
      const inWorld = proxied || pathname.charCodeAt(1) !== 119 /* w */ ? null : worldPath.exec(pathname);
      if (inWorld !== null) {
        worldId = inWorld[1] as string;
        pathname = inWorld[2] ?? '/';
        if (pathname.charCodeAt(1) === 47 /* / */ && /^\/\/+[^/]/.test(pathname))
          pathname = pathname.replace(/^\/+/, '/');
      }
      const slash = pathname.indexOf('/', 1);
      first = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash);
      rest = slash === -1 ? '/' : pathname.slice(slash);
    }
    const inPath = worldId !== undefined;
    if (!inPath) {
      const header = req.headers['x-authflow-world'];
      if (typeof header === 'string' && header !== '') worldId = header.trim();
    }
    if (replication !== undefined) {
      // The control plane and the provider hosts change and read world state: through the log.
      // The journal stream, the inspector's files, the favicon and the index read this replica's copy.
      const own = !proxied;
      const local =
        (own && first === '__control' && rest === '/journal/stream' && reads(method)) ||
        (own && first === '__inspector') ||
        (own && (pathname === '/favicon.ico' || pathname === '/') && reads(method));
      if (!local) {
        const control = own && first === '__control';
        if (control) {
          const reader = headerReader(req);
          const refused = controlRefusal(
            method,
            authority === req.headers.host
              ? reader
              : { get: (name) => (name.toLowerCase() === 'host' ? (authority ?? null) : reader.get(name)) },
          );
          if (refused !== undefined) {
            req.resume();
            send(res, refused, method === 'HEAD', closing);
            return;
          }
        }
        const call = {
          k: control ? 'c' : 'p',
          w: worldId ?? null,
          ip: inPath,
          m: method,
          f: first,
          r: rest,
          s: search,
          o: origin,
          px: proxied,
        } as const;
        await handleReplicated(req, res, call, () => readBody(req, limit), started, pathname);
        return;
      }
    }
    const entry = worldId === undefined ? worlds.defaultEntry : worlds.get(worldId);
    if (entry === undefined) {
      req.resume();
      send(res, unknownWorld(worldId as string), method === 'HEAD', closing);
      return;
    }
    const { engine } = entry.world;
    worlds.touch(entry);
    // Where this world's URLs start: the world's prefix when the path named it; a header keeps the plain layout.
    const worldBase = inPath && entry !== worlds.defaultEntry ? `${origin}/w/${entry.id}` : origin;

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
        const end = () => res.destroy();
        entry.disposers.add(end);
        res.on('close', () => entry.disposers.delete(end));
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
      const readJson = async () => parseBody(req.headers['content-type'] ?? null, await body(controlBodyLimit));
      const worldsCall =
        entry === worlds.defaultEntry && !inPath ? worldsRoute(rest.slice(1).replace(/\/+$/, '')) : undefined;
      response =
        controlRefusal(method, headers) ??
        (worldsCall !== undefined
          ? await answerWorlds(method, worldsCall.id, origin, readJson)
          : await answerControl(engine.control, method, rest, readJson));
    } else if (pathname === '/favicon.ico' && !proxied && (method === 'GET' || method === 'HEAD')) {
      // Browsers ask for it on every page (the inspector, the API reference, GET /): no icon,
      // and no 404 in their console.
      req.resume();
      res.writeHead(204, { 'cache-control': 'public, max-age=86400' });
      res.end();
      return;
    } else if (pathname === '/' && !proxied && (method === 'GET' || method === 'HEAD')) {
      response = index(entry, worldBase);
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
        proxied ? `http://${first}` : `${worldBase}/${first}`,
        body,
      );
      if (onRequest !== undefined) {
        incoming.onRecord = (record: JournalRecord) => {
          recorded = record;
        };
      }
      response = await serveRequest(engine, incoming);
    }
    response ??= unknownHost(first);
    // Drain a body nobody read, so a keep-alive connection stays usable.
    if (bodyRead === undefined) req.resume();
    send(res, response, method === 'HEAD', closing);
    if (entry.reportedBugs !== engine.bugs.length) reportBugs(entry);
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
        // A world id is a capability: the log names its first 8 characters only.
        ...(entry === worlds.defaultEntry ? {} : { world: entry.id.slice(0, 8) }),
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
          world.engine.bugs.push({
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
        .finally(() => reportBugs(worlds.defaultEntry));
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

  /** Stops accepting, lets requests in flight finish, cuts what is still open after the grace time. */
  function closeServer(): Promise<void> {
    closing = true;
    if (sweeper !== undefined) clearInterval(sweeper);
    sweeper = undefined;
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
  }

  return {
    httpServer: server,
    get worlds() {
      return worlds;
    },
    async listen(port = defaultPort, host = defaultHost) {
      if (replication !== undefined && log === undefined) {
        const { openRedisLog } = await import('../../store/redis.js');
        log = await openRedisLog<ReplicatedCall, ReplicatedAnswer>({
          url: replication.store.url,
          prefix: replication.store.prefix,
          maxLength: replication.store.maxLength,
          digest: replication.digest,
          genesis: () => {
            worlds = createWorlds(replication.makeDefault(), worldsOptions);
          },
          apply: applyCall,
          report: reportError,
        });
      }
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address() as AddressInfo;
          for (const name of controlHostNames([host, address.address])) ownNames.add(name);
          // With a replicated store the sweep is an entry of the log too: every replica removes the same worlds.
          sweeper ??= setInterval(() => {
            if (log === undefined) worlds.sweep();
            else log.submit(sweepCall).catch(() => {});
          }, 60_000);
          sweeper.unref();
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ port: address.port, host: address.address, url: `http://${shown}:${address.port}` });
        });
      });
    },
    async close() {
      await closeServer();
      await log?.close();
    },
  };
}
