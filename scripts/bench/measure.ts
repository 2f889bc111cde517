import { request as httpRequest } from 'node:http';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { config } from './config.js';
import {
  type BenchOperation,
  type BenchRequest,
  type Caller,
  type ConnectionLoad,
  type Reply,
  type Scenario,
  scenarios,
} from './scenarios.js';

export interface Target {
  name: string;
  port: number;
  /** The URL path a request for a real host and path takes on this target. */
  pathOf(request: BenchRequest): string;
}

export const prefixed = (r: BenchRequest) => `/${r.host}${r.path}`;
export const bare = (r: BenchRequest) => r.path;

/** One request on a fresh connection (no pooled socket can outlive a stopped server). */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => {
        const out = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') out.set(k, v);
        resolve({ status: res.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

export function caller(port: number, pathOf: (r: BenchRequest) => string): Caller {
  return (r) => {
    const headers: Record<string, string> = { ...r.headers };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-length') delete headers[name];
    if (r.body !== undefined) headers['content-length'] = String(Buffer.byteLength(r.body));
    return send(port, r.method, pathOf(r), headers, r.body);
  };
}

async function reset(port: number): Promise<void> {
  const res = await send(port, 'POST', '/__control/reset', {});
  if (res.status >= 300) throw new Error(`reset failed: ${res.status}`);
}

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  unexpected: number;
}

async function load(
  target: Target,
  connections: number,
  duration: number,
  makeLoad: (index: number) => ConnectionLoad,
  expect: number,
): Promise<Sample> {
  let index = 0;
  const toRequest = (r: BenchRequest): AutocannonRequest => ({
    method: r.method,
    path: target.pathOf(r),
    // A copy: autocannon adds content-length to the headers object it is given.
    headers: { ...r.headers },
    ...(r.body === undefined ? {} : { body: r.body }),
  });
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}`,
    connections,
    duration,
    timeout: 10,
    setupClient(client) {
      const loadOf = makeLoad(index++);
      const onResponse = loadOf.onResponse?.bind(loadOf);
      if (onResponse === undefined) {
        client.setRequests([toRequest(loadOf.next())]);
        return;
      }
      client.setRequests([
        {
          setupRequest: (req) => ({ ...req, ...toRequest(loadOf.next()) }),
          onResponse: (status, body) => onResponse(status, body),
        },
      ]);
    },
  });
  let total = 0;
  for (const s of Object.values(result.statusCodeStats)) total += s.count;
  const ok = result.statusCodeStats[String(expect)]?.count ?? 0;
  return {
    rps: total / Math.max(result.duration, 0.001),
    p50: result.latency.p50,
    p99: result.latency.p99,
    unexpected: total - ok + result.errors + result.timeouts,
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

type Kind = 'get' | 'issue' | '401' | 'ceiling' | 'fresh' | 'full';

export interface Row {
  target: string;
  provider: string;
  kind: Kind;
  operation: string;
  method: 'GET' | 'POST';
  jwt: boolean;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  unexpected: number;
  /**
   * The baseline measured beside this row, run for run (the bare server's same method for this
   * server's rows, the fresh world for the full store's): its median req/s and the median of the
   * per-run ratios. Noise that moves both within a run cancels out of the ratio.
   */
  paired?: { rps: number; ratio: number };
}

export const rows: Row[] = [];

export interface Job {
  provider: string;
  kind: Kind;
  operation: string;
  method: 'GET' | 'POST';
  jwt?: boolean;
  expect: number;
  /** Prepares a fresh state (reset + credentials) and returns the per-connection load. */
  setup(connections: number): Promise<(index: number) => ConnectionLoad>;
}

/** A baseline sampled right after each of a row's runs, on the same number of connections. */
interface Pairing {
  target: Target;
  job: Job;
  /** Also report the baseline as a row of its own (before this one). */
  report?: boolean;
}

function rowOf(target: Target, job: Job, connections: number, samples: Sample[]): Row {
  return {
    target: target.name,
    provider: job.provider,
    kind: job.kind,
    operation: job.operation,
    method: job.method,
    jwt: job.jwt === true,
    connections,
    rps: median(samples.map((s) => s.rps)),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    unexpected: samples.reduce((n, s) => n + s.unexpected, 0),
  };
}

function printRow(row: Row): void {
  process.stdout.write(
    `${row.target.padEnd(14)} ${row.provider.padEnd(14)} ${row.operation.padEnd(46)} c=${String(row.connections).padEnd(3)} ` +
      `${Math.round(row.rps).toString().padStart(7)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms` +
      `${row.paired === undefined ? '' : `  (beside: ${Math.round(row.paired.rps)} req/s, ×${row.paired.ratio.toFixed(2)})`}` +
      `${row.unexpected > 0 ? `  (${row.unexpected} unexpected)` : ''}\n`,
  );
}

async function measureRow(target: Target, job: Job, connections: number, pairing?: Pairing): Promise<Row> {
  if (config.warmup > 0) {
    await load(target, connections, config.warmup, await job.setup(connections), job.expect);
    if (pairing !== undefined)
      await load(pairing.target, connections, config.warmup, await pairing.job.setup(connections), pairing.job.expect);
  }
  const samples: Sample[] = [];
  const baseline: Sample[] = [];
  for (let i = 0; i < config.runs; i++) {
    samples.push(await load(target, connections, config.duration, await job.setup(connections), job.expect));
    if (pairing !== undefined) {
      const { target: t, job: j } = pairing;
      baseline.push(await load(t, connections, config.duration, await j.setup(connections), j.expect));
    }
  }
  const row = rowOf(target, job, connections, samples);
  if (pairing !== undefined) {
    row.paired = {
      rps: median(baseline.map((s) => s.rps)),
      ratio: median(samples.map((s, i) => s.rps / Math.max((baseline[i] as Sample).rps, 1e-9))),
    };
    if (pairing.report === true) {
      const base = rowOf(pairing.target, pairing.job, connections, baseline);
      rows.push(base);
      printRow(base);
    }
  }
  rows.push(row);
  printRow(row);
  return row;
}

export async function measureAll(
  target: Target,
  jobs: Job[],
  pairingOf?: (job: Job) => Pairing | undefined,
): Promise<void> {
  for (const job of jobs) for (const c of config.connections) await measureRow(target, job, c, pairingOf?.(job));
}

// Prism checks that a credential is present, not that it is valid: credentials for it come from
// an in-process instance of this project's server, so the requests are the same bytes.
export let credentialServer: ReturnType<typeof createMockServer> | undefined;
let credentialPort = 0;
export async function credentialsReady(): Promise<void> {
  if (credentialServer !== undefined) return;
  credentialServer = createMockServer();
  credentialPort = (await credentialServer.listen(0)).port;
}

export async function foreignCredentials(scenario: Scenario, connections: number): Promise<unknown> {
  await credentialsReady();
  await reset(credentialPort);
  return scenario.prepare(caller(credentialPort, prefixed), connections);
}

/** The authorized GET and the issuance of a provider on a target. */
export function providerJobs(id: string, port: number, pathOf: (r: BenchRequest) => string, own: boolean): Job[] {
  const scenario = scenarios[id] as Scenario;
  const job = (kind: 'get' | 'issue', op: BenchOperation<unknown>): Job => ({
    provider: id,
    kind,
    operation: op.label,
    method: op.method,
    ...(op.jwt === true ? { jwt: true } : {}),
    expect: op.expect,
    async setup(connections) {
      let ctx: unknown;
      if (own) {
        await reset(port);
        ctx = await scenario.prepare(caller(port, pathOf), connections);
      } else {
        ctx = await foreignCredentials(scenario, connections);
      }
      return (index) => op.load(ctx, index);
    },
  });
  return [job('get', scenario.get), job('issue', scenario.issue)];
}

export const constant = (request: BenchRequest) => () => ({ next: () => request });
