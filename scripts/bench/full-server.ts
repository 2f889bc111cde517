/**
 * "Steady when full": the standalone server (the node:http door on the same world `serve` builds)
 * whose EventBookings token store has first taken `argv[3]` client-credentials issuances,
 * answered in-process through the engine (over HTTP a million would take minutes). The fill
 * goes through the same pipeline as a request from the network (routing, body parsing, the
 * store, the journal); only the sockets are skipped. With `reset` as `argv[4]` the world is reset
 * after the issuances: a fresh store in a process as warmed up (JIT) as the full one, the control.
 * Prints `listening <port> <issuances per second>` once ready. Bench-only: not part of the package.
 */
import type { IncomingRequest } from '../../mocks/core/index.js';
import { createHttpDoor } from '../../mocks/doors/http/server.js';
import { createWorld } from '../../mocks/world.js';
import { type BenchRequest, type Caller, scenarios } from './scenarios.js';

const port = Number(process.argv[2] ?? 0);
const count = Number(process.argv[3] ?? 1_000_000);
const thenReset = process.argv[4] === 'reset';

const world = createWorld();
const door = createHttpDoor(world);

const encoded = new Map<string, Uint8Array>();

function incoming(request: BenchRequest): IncomingRequest {
  const headers = new Headers(request.headers);
  const text = request.body ?? '';
  let bytes = encoded.get(text);
  if (bytes === undefined) {
    bytes = new TextEncoder().encode(text);
    encoded.set(text, bytes);
  }
  return {
    method: request.method,
    host: request.host,
    path: request.path,
    query: new URLSearchParams(),
    search: '',
    headers: { get: (name) => headers.get(name) },
    readBody: async () => bytes as Uint8Array,
  };
}

/** The engine answering in-process, as a bench `Caller`. */
const call: Caller = async (request) => {
  const response = await world.engine.answer(incoming(request));
  return {
    status: response?.status ?? 404,
    headers: new Headers(response?.headers),
    text: response?.body === undefined ? '' : JSON.stringify(response.body),
  };
};

const scenario = scenarios.eventbookings;
if (scenario === undefined) throw new Error('no eventbookings bench scenario');
for (const provider of world.engine.providers.values()) await provider.ready();
const load = scenario.issue.load(await scenario.prepare(call, 1), 0);
const started = performance.now();
for (let i = 0; i < count; i++) {
  const reply = await world.engine.answer(incoming(load.next()));
  if (reply?.status !== scenario.issue.expect) throw new Error(`issuance ${i}: ${reply?.status}`);
}
const seconds = (performance.now() - started) / 1000;
if (thenReset) await world.control.reset();
const { port: listening } = await door.listen(port, '127.0.0.1');
process.stdout.write(`listening ${listening} ${count === 0 ? 0 : Math.round(count / seconds)}\n`);
process.on('SIGTERM', () => void door.close().then(() => process.exit(0)));
