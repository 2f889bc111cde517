/**
 * The cost of the shared pipeline per request, without sockets: each bench scenario's authorized
 * GET, token issuance and the 401, answered in-process through `serveRequest` (routing, the
 * operation, the journal, CORS) plus the `JSON.stringify` of the answer the door does. One process,
 * one CPU, no load generator: the steadiest signal of what a change to the hot path saves (the
 * HTTP rows of `npm run bench` move by ±15% between runs of the same code on a shared machine).
 *
 *   npx tsx scripts/bench/micro.ts [iterations=100000] [provider,...] [connections=50]
 *
 * Requests take turns between the loads of `connections` simulated connections, as the HTTP
 * rows' connections do (with one, a rotating token store would empty and refill on every request,
 * which no HTTP run does). Prints µs per request (best of 3 rounds, after a warm-up round).
 * Bench-only, not in the package.
 */
import type { IncomingRequest } from '../../mocks/core/index.js';
import { serveRequest } from '../../mocks/doors/pipeline.js';
import { createWorld } from '../../mocks/world.js';
import { type BenchOperation, type BenchRequest, type Caller, scenarios, unauthorized } from './scenarios.js';

const iterations = Number(process.argv[2] ?? 100_000);
const only = process.argv[3]?.split(',');
const connections = Math.max(1, Number(process.argv[4] ?? 50));

const world = createWorld();
const encoded = new Map<string, Uint8Array>();

class Reader {
  constructor(private readonly headers: Record<string, string>) {}
  get(name: string): string | null {
    return this.headers[name.toLowerCase()] ?? null;
  }
}

function incoming(request: BenchRequest): IncomingRequest {
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers ?? {})) lower[k.toLowerCase()] = v;
  const text = request.body ?? '';
  let bytes = encoded.get(text);
  if (bytes === undefined) {
    bytes = new TextEncoder().encode(text);
    // A rotating body (a new refresh token each time) is never seen again: keep only a few.
    if (encoded.size >= 64) encoded.clear();
    encoded.set(text, bytes);
  }
  const q = request.path.indexOf('?');
  const search = q === -1 ? '' : request.path.slice(q + 1);
  let query: URLSearchParams | undefined;
  return {
    method: request.method,
    host: request.host,
    path: q === -1 ? request.path : request.path.slice(0, q),
    get query() {
      query ??= new URLSearchParams(search);
      return query;
    },
    search,
    headers: new Reader(lower),
    base: `http://127.0.0.1:4010/${request.host}`,
    readBody: async () => bytes as Uint8Array,
  };
}

const call: Caller = async (request) => {
  const response = await serveRequest(world.engine, incoming(request));
  return {
    status: response?.status ?? 404,
    headers: new Headers(response?.headers as Record<string, string> | undefined),
    text: response?.body === undefined ? '' : JSON.stringify(response.body),
  };
};

async function time(label: string, operation: BenchOperation<unknown>, ctx: unknown): Promise<void> {
  const loads = Array.from({ length: connections }, (_, index) => operation.load(ctx, index));
  const round = async () => {
    const started = performance.now();
    for (let i = 0; i < iterations; i++) {
      const load = loads[i % connections] as (typeof loads)[number];
      const response = await serveRequest(world.engine, incoming(load.next()));
      const text = response?.body === undefined ? '' : JSON.stringify(response.body);
      if (response?.status !== operation.expect) throw new Error(`${label}: ${response?.status} ${text}`);
      load.onResponse?.(response.status, text);
    }
    return ((performance.now() - started) * 1000) / iterations;
  };
  await round();
  const best = Math.min(await round(), await round(), await round());
  process.stdout.write(`${label.padEnd(60)} ${best.toFixed(2).padStart(7)} µs\n`);
}

for (const provider of world.engine.providers.values()) await provider.ready();
for (const [id, scenario] of Object.entries(scenarios)) {
  if (only !== undefined && !only.includes(id)) continue;
  await world.control.reset();
  const ctx = await scenario.prepare(call, connections);
  await time(`${id} ${scenario.get.label}`, scenario.get, ctx);
  await time(`${id} ${scenario.issue.label}`, scenario.issue, ctx);
}
if (only === undefined || only.includes('401')) {
  await time(
    'eventbookings GET /me, unknown token → 401',
    { label: '401', method: 'GET', expect: 401, load: () => ({ next: () => unauthorized }) },
    undefined,
  );
}
