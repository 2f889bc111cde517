/**
 * The node:http door's own routes, outside every provider host: the journal stream, the
 * inspector, the control plane (with its worlds), the favicon and the index. A small table: the
 * first route whose guard takes a request serves it; a request none takes goes to the engine
 * (`./server.ts`). `GET /healthz` is not here: it is answered before the URL rules (a probe needs
 * no Host and no world).
 */
import { controlBodyLimit, type MockResponse, parseBody } from '../../core/index.js';
import { answerControl, answerWorlds, type ControlGate, controlRefusal, worldsRoute } from './control.js';
import {
  type InspectorFiles,
  inspectorFiles,
  type JournalStreams,
  journalStream,
  maxJournalStreams,
  prefersHtml,
  tooManyStreams,
  welcomePage,
} from './inspector.js';
import type { DoorRequest } from './request.js';
import type { WorldEntry, Worlds } from './worlds.js';

/** What the routes need of their door. */
export interface DoorState {
  readonly gate: ControlGate;
  readonly worlds: Worlds;
  /** Open journal streams (ended by close()). */
  readonly streams: JournalStreams;
  /** Where the built inspector is; read on the first `/__inspector/` request. */
  readonly inspectorDir: string | undefined;
  /** close() was called: new journal streams are refused. */
  readonly closing: boolean;
}

/**
 * One of the door's own routes. `when` reads only the request's target (no I/O); `serve`
 * answers with a response for the door to send, or `null` when it has answered on its own
 * (a stream, a file, an empty 204).
 */
export interface DoorRoute {
  readonly name: string;
  when(request: DoorRequest): boolean;
  serve(request: DoorRequest, entry: WorldEntry): MockResponse | null | Promise<MockResponse | null>;
}

const reads = (method: string) => method === 'GET' || method === 'HEAD';
const own = (request: DoorRequest, segment: string) => request.segment === segment && !request.proxied;

/** The index of a world: its providers and the URLs they are served under. */
function index(door: DoorState, entry: WorldEntry, base: string): MockResponse {
  const providers = [...entry.world.engine.providers.values()].map((p) => ({
    id: p.id,
    title: p.title,
    hosts: p.hosts.map((h) => ({ host: h, real: `https://${h}`, local: `${base}/${h}` })),
  }));
  const control = door.gate.on ? { control: `${base}/__control` } : {};
  const named = entry === door.worlds.defaultEntry ? {} : { world: entry.id };
  return { status: 200, body: { name: 'authflow-mocks', ...named, ...control, providers } };
}

/**
 * `/__control/<path>` of a world: the worlds registry on the root control plane, else the world's
 * control plane. The one place a control request is answered.
 */
function control(door: DoorState, request: DoorRequest, entry: WorldEntry): Promise<MockResponse> {
  const readJson = async () =>
    parseBody(request.req.headers['content-type'] ?? null, await request.readBody(controlBodyLimit));
  const worldsCall =
    entry === door.worlds.defaultEntry && !request.inPath
      ? worldsRoute(request.rest.slice(1).replace(/\/+$/, ''))
      : undefined;
  if (worldsCall !== undefined)
    return answerWorlds(door.worlds, request.method, worldsCall.id, request.origin, readJson);
  return answerControl(entry.world.engine.control, request.method, request.rest, readJson);
}

export function doorRoutes(door: DoorState): readonly DoorRoute[] {
  let inspector: InspectorFiles | undefined;
  return [
    {
      name: 'journal stream',
      when: (r) => own(r, '__control') && r.rest === '/journal/stream' && reads(r.method),
      serve(request, entry) {
        const refused = controlRefusal(door.gate, request.method, request.authorityHeaders());
        if (refused !== undefined) return refused;
        if (door.closing) return { status: 503, body: { error: 'server_closing', message: 'The server is closing.' } };
        if (door.streams.open.size >= maxJournalStreams && request.method === 'GET') {
          return { ...tooManyStreams, headers: { ...tooManyStreams.headers }, body: { ...tooManyStreams.body } };
        }
        const { req, res } = request;
        req.resume();
        journalStream(entry.world.engine.journal, req, res, door.streams);
        const end = () => res.destroy();
        entry.disposers.add(end);
        res.on('close', () => entry.disposers.delete(end));
        return null;
      },
    },
    {
      name: 'inspector',
      when: (r) => own(r, '__inspector'),
      async serve(request) {
        const refused = controlRefusal(door.gate, request.method, request.authorityHeaders(), false);
        if (refused !== undefined) return refused;
        inspector ??= inspectorFiles(door.inspectorDir);
        request.req.resume();
        await inspector.serve(request.req, request.res, request.pathname.slice('/__inspector'.length), request.method);
        return null;
      },
    },
    {
      name: 'control',
      when: (r) => own(r, '__control'),
      serve: (request, entry) =>
        controlRefusal(door.gate, request.method, request.authorityHeaders()) ?? control(door, request, entry),
    },
    {
      // Browsers ask for it on every page (the inspector, the API reference, GET /): no icon,
      // and no 404 in their console.
      name: 'favicon',
      when: (r) => r.pathname === '/favicon.ico' && !r.proxied && reads(r.method),
      serve({ req, res }) {
        req.resume();
        res.writeHead(204, { 'cache-control': 'public, max-age=86400' });
        res.end();
        return null;
      },
    },
    {
      name: 'index',
      when: (r) => r.pathname === '/' && !r.proxied && reads(r.method),
      serve(request, entry) {
        const response = index(door, entry, request.worldBase);
        if (!door.gate.on || !prefersHtml(request.req.headers.accept)) return response;
        request.req.resume();
        welcomePage(request.res, response.body, request.head);
        return null;
      },
    },
  ];
}
