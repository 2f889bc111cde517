/**
 * The standalone front door: a `node:http` server that serves every real host under its name
 * (`https://auth.example.com/x` → `http://127.0.0.1:4010/auth.example.com/x`) and the control
 * plane under `/__control/`. It only adapts: the URL rules are `./url.ts`, its own routes
 * (control, inspector, index) the table in `./routes.ts`, and provider hosts go through the
 * pipeline both doors share (`../pipeline.ts`): no Fetch objects and no MSW on the hot path, and
 * it does not import MSW at all; `createMockServer` in `./index.ts` puts it on a mock world.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AnsweredListener,
  defaultBodyLimit,
  isMockError,
  MockError,
  type MockResponse,
} from '../../core/index.js';
import type { StoreSpec } from '../../store/index.js';
import type { RedisLog } from '../../store/redis.js';
import { inDryRun, turnTime } from '../../store/turns.js';
import type { World } from '../../world.js';
import { serveRead, serveRequest } from '../pipeline.js';
import { controlErrorResponse, controlRefusal, unknownWorld } from './control.js';
import { controlHostNames } from './control-guard.js';
import { createJournalStreams } from './inspector.js';
import {
  applyCall,
  callOf,
  ReplayedRequest,
  type ReplicatedAnswer,
  type ReplicatedCall,
  repeatCall,
  sameCall,
  sweepCall,
  unknownHost,
} from './replicated.js';
import { describeBug, logEntry, type RequestLogEntry } from './report.js';

export type { RequestLogEntry } from './report.js';

import { DoorRequest } from './request.js';
import { healthz, refuseConnect, refuseExpectation, refuseUnreadable, send } from './respond.js';
import { type DoorRoute, type DoorState, doorRoutes } from './routes.js';
import { createWorlds, type Worlds } from './worlds.js';

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
   * every replica applies every request in one order (`./replicated.ts`); `createMockServer`
   * fills this in.
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

/** Serves a mock world over node:http (not listening yet). */
export function createHttpDoor(world: World, options: HttpDoorOptions = {}): HttpDoor {
  const limit = options.bodyLimit ?? defaultBodyLimit;
  const timeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, graceMs: 5_000, ...options.timeouts };
  const { onRequest } = options;
  const reportError = options.reportError ?? ((line: string) => process.stderr.write(`${line}\n`));
  /** Host names the control plane answers under without a token; the listening address joins on listen(). */
  const names = controlHostNames(options.allowedHosts ?? []);
  /**
   * What the door hears from each world's engine: the journal entry of a request it handed over
   * (for the request log) and every 500 for a bug, reported at once.
   */
  const answered: AnsweredListener = (request, entry, bug) => {
    if (request instanceof DoorRequest || request instanceof ReplayedRequest) request.record = entry;
    if (bug !== undefined) reportError(describeBug(bug));
  };
  const stopHearing = world.engine.onAnswered(answered);
  const make =
    options.worlds?.create ??
    (() => {
      throw new MockError('control_invalid', 'This server makes no worlds.');
    });
  const { replication } = options;
  const worldsOptions = {
    create(config: unknown) {
      const made = make(config);
      made.engine.onAnswered(answered);
      return made;
    },
    ...(options.worlds?.ttlSeconds === undefined ? {} : { ttlSeconds: options.worlds.ttlSeconds }),
    ...(options.worlds?.max === undefined ? {} : { max: options.worlds.max }),
    // With a replicated store, idle times are the applied request's time: the same on every replica.
    ...(replication !== undefined
      ? { now: turnTime }
      : options.worlds?.now === undefined
        ? {}
        : { now: options.worlds.now }),
  };
  /** The replicated log, once listen() has opened it (a Redis store only). */
  let log: RedisLog<ReplicatedCall, ReplicatedAnswer> | undefined;
  // Idle worlds are removed on every create and list, and by this sweep while the server listens.
  let sweeper: ReturnType<typeof setInterval> | undefined;
  const door: Omit<DoorState, 'worlds' | 'closing'> & { worlds: Worlds; closing: boolean } = {
    gate: { on: options.control !== false, token: options.controlToken, names },
    // Replaced once with a replicated store: its default world is made in the store's first turn.
    worlds: createWorlds(world, worldsOptions),
    streams: createJournalStreams(),
    inspectorDir: options.inspectorDir,
    closing: false,
  };
  const routes = doorRoutes(door);

  /** `http://<address>:<port>` of the listening socket (for a request without a Host). */
  function listeningBase(): string {
    const address = server.address();
    if (address === null || typeof address === 'string') return `http://${defaultHost}:${defaultPort}`;
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${shown}:${address.port}`;
  }

  /** The door's own route that takes the request, if one does. */
  function ownRoute(request: DoorRequest): DoorRoute | undefined {
    for (const route of routes) if (route.when(request)) return route;
    return undefined;
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
   * With a replicated store, a request for the control plane or a provider host: read whole,
   * appended to the log, answered with what applying it here gave (or 503 `store_unavailable`).
   * False for the door's other routes (journal stream, inspector, favicon, index), which read this
   * replica's copy.
   */
  async function handleReplicated(request: DoorRequest, started: number): Promise<boolean> {
    const route = ownRoute(request);
    if (route !== undefined && route.name !== 'control') return false;
    if (route === undefined && (await answerFromCopy(request, started))) return true;
    const { req, res } = request;
    if (route !== undefined) {
      const refused = controlRefusal(door.gate, request.method, request.authorityHeaders());
      if (refused !== undefined) {
        req.resume();
        send(res, refused, request.head, door.closing);
        return true;
      }
    }
    let bytes: Uint8Array | undefined;
    let big = false;
    try {
      bytes = await request.readBody();
    } catch (error) {
      if (!isMockError(error) || error.code !== 'payload_too_large') throw error;
      big = true;
    }
    let answer: ReplicatedAnswer;
    try {
      if (log === undefined) throw new MockError('store_unavailable', 'The store is not open yet.');
      answer = await log.submit(callOf(request, route !== undefined, bytes, big));
    } catch (error) {
      if (!isMockError(error)) throw error;
      answer = { response: controlErrorResponse(error) };
    }
    const { response } = answer;
    if (response.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    send(res, response, request.head, door.closing);
    if (onRequest !== undefined) {
      request.record = answer.record;
      onRequest(logEntry(request, response, answer.world, started));
    }
    return true;
  }

  /**
   * With a replicated store, a read of a provider host answered from this replica's own copy of
   * the world, without waiting for the log to come back: a GET or HEAD without a body, of an
   * operation that changes nothing (`Operation.readOnly`), in a world with no fault armed, by a
   * replica that has applied all it has read of the log, answered with a success. It is then
   * appended for its effects (the token marked used, its journal entry), and answered once Redis
   * holds it. False when the log must answer it (a refusal is exact only there).
   */
  async function answerFromCopy(request: DoorRequest, started: number): Promise<boolean> {
    const { req, res } = request;
    if (log === undefined || !log.current || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const length = req.headers['content-length'];
    if ((length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined) return false;
    const { worlds } = door;
    const entry = request.worldId === undefined ? worlds.defaultEntry : worlds.get(request.worldId);
    if (entry === undefined) return false;
    request.worldBase =
      request.inPath && entry !== worlds.defaultEntry ? `${request.origin}/w/${entry.id}` : request.origin;
    const read = await inDryRun(() => serveRead(entry.world.engine, request));
    if (read === undefined) return false;
    let { response } = read;
    const held = log.append(callOf(request, false, undefined, false, read.answered));
    if (held !== undefined) {
      try {
        await held;
      } catch (error) {
        if (!isMockError(error)) throw error;
        response = controlErrorResponse(error);
      }
    }
    req.resume();
    send(res, response, request.head, door.closing);
    if (onRequest !== undefined) {
      // The journal's entry, unless the read was answered 503 after all (its entry not held by Redis).
      if (response === read.response) request.record = read.record;
      onRequest(logEntry(request, response, entry === worlds.defaultEntry ? undefined : entry.id, started));
    }
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = onRequest === undefined ? 0 : performance.now();
    // The readiness/liveness probe (containers, CI, Testcontainers): before the URL rules and
    // outside the control plane, so it answers with --no-control, without the control token and
    // without a Host. It says nothing about the world, and is not logged (a probe every few
    // seconds would drown the log).
    if (req.url === '/healthz' || req.url?.startsWith('/healthz?')) {
      req.resume();
      send(res, await storeHealth(healthz(req.method ?? 'GET')), req.method === 'HEAD', door.closing);
      return;
    }
    const request = new DoorRequest(req, res, limit, names);
    if (request.authority === undefined && req.httpVersionMajor === 1 && req.httpVersionMinor >= 1) {
      req.resume();
      const message = 'An HTTP/1.1 request needs a Host header.';
      send(res, { status: 400, body: { error: 'bad_request', message } }, request.head, true);
      return;
    }
    if (replication !== undefined) {
      request.origin = request.authority === undefined ? listeningBase() : `http://${request.authority}`;
      if (await handleReplicated(request, started)) return;
    }
    const { worlds } = door;
    const entry = request.worldId === undefined ? worlds.defaultEntry : worlds.get(request.worldId);
    if (entry === undefined) {
      req.resume();
      send(res, unknownWorld(request.worldId as string), request.head, door.closing);
      return;
    }
    worlds.touch(entry);
    request.origin = request.authority === undefined ? listeningBase() : `http://${request.authority}`;
    // Where this world's URLs start: the world's prefix when the path named it; a header keeps the plain layout.
    request.worldBase =
      request.inPath && entry !== worlds.defaultEntry ? `${request.origin}/w/${entry.id}` : request.origin;
    const route = ownRoute(request);
    // A provider host: the one place the engine answers a request of this door.
    const response =
      route === undefined
        ? ((await serveRequest(entry.world.engine, request)) ?? unknownHost(request.segment))
        : await route.serve(request, entry);
    // A route that answered on its own (a stream, a file).
    if (response === null) return;
    // Drain a body nobody read, so a keep-alive connection stays usable.
    if (!request.bodyRead) req.resume();
    send(res, response, request.head, door.closing);
    if (onRequest !== undefined) {
      onRequest(logEntry(request, response, entry === worlds.defaultEntry ? undefined : entry.id, started));
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
      handle(req, res).catch((error: unknown) => {
        const url = req.url ?? '/';
        const q = url.indexOf('?');
        const path = q === -1 ? url : url.slice(0, q);
        reportError(
          describeBug({ operationId: null, message: String(error), method: req.method ?? 'GET', host: '', path }),
        );
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
  server.on('checkExpectation', refuseExpectation);
  server.on('connect', refuseConnect);
  server.on('clientError', refuseUnreadable);

  return {
    httpServer: server,
    get worlds() {
      return door.worlds;
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
            const made = replication.makeDefault();
            made.engine.onAnswered(answered);
            door.worlds = createWorlds(made, worldsOptions);
          },
          apply: (call) => applyCall(door.worlds, limit, call),
          repeat: (call, previous) => repeatCall(door.worlds, limit, call, previous),
          same: sameCall,
          report: reportError,
        });
      }
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address() as AddressInfo;
          for (const name of controlHostNames([host, address.address])) names.add(name);
          // With a replicated store the sweep is an entry of the log too: every replica removes the same worlds.
          sweeper ??= setInterval(() => {
            if (log === undefined) door.worlds.sweep();
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

  /** Stops accepting, lets requests in flight finish, cuts what is still open after the grace time. */
  function closeServer(): Promise<void> {
    door.closing = true;
    stopHearing();
    if (sweeper !== undefined) clearInterval(sweeper);
    sweeper = undefined;
    // A journal stream never finishes on its own: end it now.
    for (const stream of door.streams.open) stream.destroy();
    door.streams.open.clear();
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
}
