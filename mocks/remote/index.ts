/**
 * `authflow-mocks/remote`: drive a running server's worlds from another process (a Playwright
 * worker, a Vitest file, a CI step, a browser page) over its control plane. Only `fetch`: it
 * loads no MSW and runs in Node and in browsers.
 *
 * @example
 * ```ts
 * import { connect } from 'authflow-mocks/remote';
 * const mocks = connect('http://127.0.0.1:4010');
 * const world = await mocks.createWorld({ name: 'checkout tests' });
 * const tokenUrl = world.url('https://identity.eventbookings.com/connect/token');
 * await world.clock.advance(3600);
 * await world.delete();
 * ```
 *
 * Method names follow the in-process control plane (`mocks.control`): `reset()`,
 * `advanceClock()`, `addFault()`, `journal()`, `tokens()`, … each answering a promise of what
 * the in-process method returns; `clock.advance()` and `faults.add()` are the same calls grouped.
 */
import type { ClockState, ControlPlane } from '../core/control.js';
import type { FaultSpec } from '../core/faults.js';
import type { WorldSummary } from '../doors/http/worlds.js';

export type { WorldSummary };

/** Every failure of a remote call: `code` is the server's `error` word (e.g. `unknown_world`). */
export class RemoteError extends Error {
  override readonly name = 'RemoteError';
  constructor(
    /** The server's `error` word; `unreachable` when nothing answered, `bad_response` when the answer was not JSON. */
    readonly code: string,
    message: string,
    /** The HTTP status; 0 when nothing answered. */
    readonly status: number,
    /** The server's whole answer (e.g. `problems` of a refused config). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

export interface ConnectOptions {
  /** The server's control token (`serve --control-token`), sent as `Authorization: Bearer …`. */
  controlToken?: string;
  /** The `fetch` to use. Default: the global one, looked up at each call (so MSW or a test may replace it). */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

export interface WorldUrls {
  /** Where the world's hosts are served: `<base>/<real host>/<path>`. */
  base: string;
  control: string;
  inspector: string;
}

export interface CreateWorldOptions {
  /** A config file's content (what `PUT /__control/fixtures` takes); the server's own by default. */
  config?: unknown;
  name?: string;
  /** Idle seconds after which the server removes the world. The server's default (1 h) otherwise. */
  ttlSeconds?: number;
}

type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/** The in-process control plane's methods, answered over HTTP. */
export type RemoteControlPlane = { [K in Exclude<keyof ControlPlane, 'clock' | 'faults'>]: Async<ControlPlane[K]> };

export interface RemoteClock {
  /** The world's clock now. */
  (): Promise<ClockState>;
  advance(seconds: number): Promise<ClockState>;
  set(instant: string | Date): Promise<ClockState>;
  /** Back to real time. */
  reset(): Promise<ClockState>;
}

export interface RemoteFaults {
  /** The faults still waiting for requests. */
  (): ReturnType<Async<ControlPlane['faults']>>;
  add(spec: FaultSpec): ReturnType<Async<ControlPlane['addFault']>>;
  /** Removes one fault by id, or all. */
  clear(id?: string): ReturnType<Async<ControlPlane['clearFaults']>>;
}

export interface RemoteWorld extends RemoteControlPlane {
  /** `default` for the server's own world. */
  readonly id: string;
  readonly urls: WorldUrls;
  /** The world's local URL of a real one: `https://auth.eventix.io/tokens` → `<base>/auth.eventix.io/tokens`. */
  url(real: string): string;
  readonly clock: RemoteClock;
  readonly faults: RemoteFaults;
  /** Removes the world (its URLs answer `404 unknown_world` afterwards). Not for the default world. */
  delete(): Promise<void>;
}

export interface RemoteMocks {
  /** The server's root URL, as given (without a trailing slash). */
  readonly url: string;
  /** Creates a world (`POST /__control/worlds`). A bad config rejects with `RemoteError` `invalid_request` and its `problems`. */
  createWorld(options?: CreateWorldOptions): Promise<RemoteWorld>;
  /** The server's worlds, the default one first. */
  worlds(): Promise<WorldSummary[]>;
  /** A handle on a world by id (`default` for the server's own); no request is made. */
  world(id: string): RemoteWorld;
  /** `GET /healthz`-style liveness through the control plane: resolves when the server answers. */
  health(): Promise<{ status: 'ok'; providers: string[] }>;
}

/** `https://host/path?q` → `host/path?q`; a relative path is kept as it is. */
function hostAndPath(real: string): string {
  const m = /^https?:\/\/(.*)$/i.exec(real);
  if (m === null) return real.replace(/^\/+/, '');
  return m[1] as string;
}

export function connect(baseUrl: string, options: ConnectOptions = {}): RemoteMocks {
  const root = baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(root)) throw new TypeError(`connect() needs an http(s) URL, got ${baseUrl}`);
  const auth: Record<string, string> =
    options.controlToken === undefined ? {} : { authorization: `Bearer ${options.controlToken}` };

  async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
    const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
    let res: Response;
    try {
      res = await doFetch(url, {
        method,
        // A control call is never sent on to wherever an answer points (with its token and body).
        redirect: 'manual',
        headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new RemoteError('unreachable', `${method} ${url} failed: ${String(error)}`, 0);
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new RemoteError('bad_response', `${method} ${url} answered ${res.status} without JSON.`, res.status);
    }
    if (!res.ok) {
      const { error, message } = (parsed ?? {}) as { error?: unknown; message?: unknown };
      throw new RemoteError(
        typeof error === 'string' ? error : `http_${res.status}`,
        typeof message === 'string' ? message : `${method} ${url} answered ${res.status}.`,
        res.status,
        parsed,
      );
    }
    return parsed as T;
  }

  function worldHandle(id: string, urls: WorldUrls): RemoteWorld {
    const c = (path: string) => `${urls.control}${path}`;
    const clock = Object.assign(() => call<ClockState>('GET', c('/clock')), {
      advance: (seconds: number) => call<ClockState>('POST', c('/clock'), { advanceSeconds: seconds }),
      set: (instant: string | Date) =>
        call<ClockState>('POST', c('/clock'), { set: instant instanceof Date ? instant.toISOString() : instant }),
      reset: () => call<ClockState>('POST', c('/clock'), { reset: true }),
    });
    type Faults = Awaited<ReturnType<ControlPlane['faults']>>;
    type Added = Awaited<ReturnType<ControlPlane['addFault']>>;
    type Cleared = Awaited<ReturnType<ControlPlane['clearFaults']>>;
    const faults = Object.assign(() => call<Faults>('GET', c('/faults')), {
      add: (spec: FaultSpec) => call<Added>('POST', c('/faults'), spec),
      clear: (faultId?: string) =>
        call<Cleared>('DELETE', c(faultId === undefined ? '/faults' : `/faults/${encodeURIComponent(faultId)}`)),
    });
    return {
      id,
      urls,
      url: (real) => `${urls.base}/${hostAndPath(real)}`,
      clock,
      faults,
      health: () => call('GET', c('/health')),
      fixtures: () => call('GET', c('/fixtures')),
      reset: async () => {
        await call('POST', c('/reset'));
      },
      advanceClock: clock.advance,
      setClock: clock.set,
      resetClock: clock.reset,
      journal: () => call('GET', c('/journal')),
      action: (provider, name, input = {}) =>
        call('POST', c(`/${encodeURIComponent(provider)}/${encodeURIComponent(name)}`), input),
      addFault: faults.add,
      clearFaults: faults.clear,
      tokens: () => call('GET', c('/tokens')),
      revokeToken: (input) => call('POST', c('/tokens/revoke'), input),
      replaceFixtures: (input) => call('PUT', c('/fixtures'), input),
      addFixtures: (provider, input) => call('POST', c(`/${encodeURIComponent(provider)}/fixtures`), input),
      delete: async () => {
        if (id === 'default') throw new RemoteError('invalid_request', 'The default world cannot be deleted.', 0);
        await call('DELETE', `${root}/__control/worlds/${encodeURIComponent(id)}`);
      },
    };
  }

  const urlsOf = (id: string): WorldUrls => {
    const base = id === 'default' ? root : `${root}/w/${encodeURIComponent(id)}`;
    return { base, control: `${base}/__control`, inspector: `${base}/__inspector/` };
  };

  return {
    url: root,
    async createWorld(create = {}) {
      const answer = await call<{ id: string }>('POST', `${root}/__control/worlds`, create);
      // The URLs are built from the address the caller used (the server's own may name another host).
      return worldHandle(answer.id, urlsOf(answer.id));
    },
    async worlds() {
      return (await call<{ worlds: WorldSummary[] }>('GET', `${root}/__control/worlds`)).worlds;
    },
    world: (id) => worldHandle(id, urlsOf(id)),
    health: () => call('GET', `${root}/__control/health`),
  };
}
