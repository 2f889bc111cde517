/**
 * `npm run bench`: the standalone server side by side with the machine's ceiling (a bare
 * node:http server), Prism 5.14 on this project's own specs, and the MSW handlers answered through
 * `getResponse`, in one run. Also cold start, peak RSS under load, and the heap after a million
 * short-lived token issuances. Prints a markdown table and writes it to docs/benchmarks.md
 * (between the `bench:start`/`bench:end` markers, so the hand-written analysis stays).
 *
 * Loopback only. Every server is a child process pinned to CPU 0 with taskset (when available);
 * autocannon runs in this process, pinned to CPU 1. Everything started is stopped at the end, on
 * a signal, or when the whole run passes its time bound.
 *
 * Flags (see --help): --quick (a one-second, one-connection run for the test), --duration,
 * --warmup, --runs, --connections, --targets, --providers, --compare, --cold-starts,
 * --issuances, --cli dist|source, --out PATH (or --no-write).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { createMockServer } from '../mocks/doors/http/index.js';
import { providerIds } from '../mocks/providers/index.js';
import {
  type BenchOperation,
  type BenchRequest,
  type Caller,
  type ConnectionLoad,
  type Reply,
  type Scenario,
  scenarios,
  unauthorized,
} from './bench/scenarios.js';
import { steadyIssuance } from './bench/steady-issuance.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const allTargets = [
  'bare',
  'ours',
  'prism',
  'prism-silent',
  'msw',
  'cold',
  'heap',
  'full',
  'inproc',
  'steady',
] as const;
type TargetName = (typeof allTargets)[number];

const help = `Usage: tsx scripts/bench.ts [flags]
  --quick                 1 s per run, no warm-up, 1 run, 1 connection, 1 cold start, 20k issuances
  --duration S            seconds per measured run (10)
  --warmup S              seconds of warm-up before the runs (2; 0 = none)
  --runs N                measured runs per row; the median is reported (3)
  --connections LIST      e.g. 10,50 (10,50)
  --targets LIST          of ${allTargets.join(', ')} (all)
  --providers LIST        providers measured on this server (every one with a bench entry)
  --compare LIST          providers measured on Prism and MSW too (eventbookings)
  --cold-starts N         spawns per cold-start median (7)
  --issuances N           token issuances for the heap check and the full-store row (1000000)
  --fetches N             sequential fetch calls per side of the in-process row (10000)
  --cli dist|source       run the built CLI (dist/cli/cli.js, default) or mocks/tools/cli.ts through tsx
  --out PATH              where to write the report (docs/benchmarks.md); --no-write: print only`;

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    runs: { type: 'string' },
    connections: { type: 'string' },
    targets: { type: 'string' },
    providers: { type: 'string' },
    compare: { type: 'string' },
    'cold-starts': { type: 'string' },
    issuances: { type: 'string' },
    fetches: { type: 'string' },
    cli: { type: 'string', default: 'dist' },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  process.stdout.write(`${help}\n`);
  process.exit(0);
}

function num(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got ${value}`);
  return n;
}
const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const quick = flags.quick;
const config = {
  duration: num(flags.duration, quick ? 1 : 10, 'duration'),
  warmup: num(flags.warmup, quick ? 0 : 2, 'warmup'),
  runs: Math.max(1, num(flags.runs, quick ? 1 : 3, 'runs')),
  connections: (list(flags.connections) ?? (quick ? ['1'] : ['10', '50'])).map((c) => num(c, 1, 'connections')),
  targets: new Set((list(flags.targets) ?? [...allTargets]) as TargetName[]),
  coldStarts: Math.max(1, num(flags['cold-starts'], quick ? 1 : 7, 'cold-starts')),
  issuances: num(flags.issuances, quick ? 20_000 : 1_000_000, 'issuances'),
  fetches: Math.max(1, num(flags.fetches, quick ? 1000 : 10_000, 'fetches')),
  cli: flags.cli,
  out: flags['no-write'] ? undefined : (flags.out ?? join(root, 'docs', 'benchmarks.md')),
};
for (const t of config.targets) if (!allTargets.includes(t)) throw new Error(`unknown target ${t}`);
if (config.cli !== 'dist' && config.cli !== 'source') throw new Error('--cli must be dist or source');

// ---- which providers ----
const notes: string[] = [];
const benchable = providerIds.filter((id) => {
  if (scenarios[id] !== undefined) return true;
  const note = `${id}: no entry in scripts/bench/scenarios.ts; skipped`;
  notes.push(note);
  process.stdout.write(`note: ${note}\n`);
  return false;
});
const pick = (wanted: string[] | undefined, fallback: string[]) =>
  (wanted ?? fallback).filter((id) => {
    if ((benchable as readonly string[]).includes(id)) return true;
    process.stdout.write(`note: ${id}: not a provider with a bench entry; skipped\n`);
    return false;
  });
const ourProviders = pick(list(flags.providers), benchable);
const compareProviders = pick(list(flags.compare), benchable.includes('eventbookings') ? ['eventbookings'] : []);

// ---- processes ----
const children = new Set<ChildProcess>();
const hasTaskset = platform() === 'linux' && cpus().length >= 2 && existsSync('/usr/bin/taskset');
if (hasTaskset) {
  try {
    execFileSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  } catch {
    notes.push('could not pin the load generator to CPU 1');
  }
}

/** Spawns a server pinned to CPU 0 (when taskset exists). */
function start(
  command: string,
  args: string[],
  options: { stdout?: 'pipe' | 'ignore'; env?: Record<string, string> } = {},
): ChildProcess {
  const [cmd, argv] = hasTaskset ? ['taskset', ['-c', '0', command, ...args]] : [command, args];
  const child = spawn(cmd as string, argv as string[], {
    cwd: root,
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
    env: { ...process.env, PORT: '', NODE_ENV: 'production', ...options.env },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stop));
}

function waitForLine(child: ChildProcess, pattern: RegExp, ms = 30_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms: ${out}${err}`)), ms);
    child.stderr?.on('data', (d) => {
      err += d;
    });
    child.stdout?.on('data', (d) => {
      out += d;
      const m = pattern.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before ready: ${out}${err}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** One GET with a fresh connection; resolves with the status, or rejects (e.g. ECONNREFUSED). */
function probe(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end();
  });
}

async function until2xx(port: number, path: string, headers: Record<string, string>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const status = await probe(port, path, headers).catch(() => 0);
    if (status >= 200 && status < 300) return;
    if (Date.now() > end) throw new Error(`no 2xx from :${port}${path} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** VmHWM: the peak resident set of a process, in MiB (Linux). */
function peakRss(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? undefined : Number(m[1]) / 1024;
  } catch {
    return undefined;
  }
}

/** BENCH_PROFILE_DIR=DIR: this project's server runs under `node --cpu-prof` and writes its profile there. */
const profile = process.env.BENCH_PROFILE_DIR;
const cliCommand = (options: { profile?: boolean } = {}): [string, string[]] => [
  process.execPath,
  [
    ...(options.profile === true && profile !== undefined ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    ...(config.cli === 'dist'
      ? [join(root, 'dist/cli/cli.js')]
      : ['--import', 'tsx', join(root, 'mocks/tools/cli.ts')]),
    'serve',
  ],
];
const prismBin = join(root, 'node_modules/@stoplight/prism-cli/dist/index.js');
const specOf = (id: string) => join(root, 'specs', `${id}.openapi.yaml`);

// ---- measuring ----
interface Target {
  name: string;
  port: number;
  /** The URL path a request for a real host and path takes on this target. */
  pathOf(request: BenchRequest): string;
}

const prefixed = (r: BenchRequest) => `/${r.host}${r.path}`;
const bare = (r: BenchRequest) => r.path;

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

function caller(port: number, pathOf: (r: BenchRequest) => string): Caller {
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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

type Kind = 'get' | 'issue' | '401' | 'ceiling' | 'fresh' | 'full';

interface Row {
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

const rows: Row[] = [];

interface Job {
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

async function measureAll(target: Target, jobs: Job[], pairingOf?: (job: Job) => Pairing | undefined): Promise<void> {
  for (const job of jobs) for (const c of config.connections) await measureRow(target, job, c, pairingOf?.(job));
}

// Prism checks that a credential is present, not that it is valid: credentials for it come from
// an in-process instance of this project's server, so the requests are the same bytes.
let credentialServer: ReturnType<typeof createMockServer> | undefined;
let credentialPort = 0;
async function credentialsReady(): Promise<void> {
  if (credentialServer !== undefined) return;
  credentialServer = createMockServer();
  credentialPort = (await credentialServer.listen(0)).port;
}

async function foreignCredentials(scenario: Scenario, connections: number): Promise<unknown> {
  await credentialsReady();
  await reset(credentialPort);
  return scenario.prepare(caller(credentialPort, prefixed), connections);
}

/** The authorized GET and the issuance of a provider on a target. */
function providerJobs(id: string, port: number, pathOf: (r: BenchRequest) => string, own: boolean): Job[] {
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

const constant = (request: BenchRequest) => () => ({ next: () => request });

// ---- the targets ----
const memory: { label: string; mib: number | undefined }[] = [];

/** The bare server, kept running while this server's rows are measured (each is paired with it). */
let bareServer: { child: ChildProcess; target: Target; ceiling: (method: 'GET' | 'POST') => Job } | undefined;

async function benchBare(): Promise<void> {
  const child = start(process.execPath, [join(root, 'scripts/bench/bare-server.mjs'), '0']);
  const port = Number((await waitForLine(child, /listening (\d+)/))[1]);
  const target: Target = { name: 'node:http', port, pathOf: bare };
  const ceiling = (method: 'GET' | 'POST'): Job => ({
    provider: '—',
    kind: 'ceiling',
    operation: method === 'GET' ? 'GET, constant JSON' : 'POST (body read), constant JSON',
    method,
    expect: 200,
    setup: async () =>
      constant({
        method,
        host: '',
        path: '/',
        ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{"a":1}' } : {}),
      }),
  });
  await measureAll(target, [ceiling('GET'), ceiling('POST')]);
  memory.push({ label: 'bare node:http, peak RSS (for scale)', mib: peakRss(child.pid) });
  if (config.targets.has('ours')) bareServer = { child, target, ceiling };
  else await stop(child);
}

async function benchOurs(): Promise<void> {
  const [cmd, args] = cliCommand({ profile: true });
  const child = start(cmd, [...args, '--port', '0']);
  const port = Number((await waitForLine(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/))[1]);
  const target: Target = { name: 'authflow-mocks', port, pathOf: prefixed };
  const jobs = ourProviders.flatMap((id) => providerJobs(id, port, prefixed, true));
  jobs.push({
    provider: 'eventbookings',
    kind: '401',
    operation: 'GET /me, unknown token → 401',
    method: 'GET',
    expect: 401,
    setup: async () => constant(unauthorized),
  });
  const paired = bareServer;
  await measureAll(
    target,
    jobs,
    paired === undefined ? undefined : (job) => ({ target: paired.target, job: paired.ceiling(job.method) }),
  );
  memory.push({ label: 'authflow-mocks serve, peak RSS over all its rows', mib: peakRss(child.pid) });
  await stop(child);
  if (paired !== undefined) {
    await stop(paired.child);
    bareServer = undefined;
  }
}

async function benchPrism(silent: boolean): Promise<void> {
  await credentialsReady();
  for (const id of compareProviders) {
    const port = await freePort();
    const args = [
      prismBin,
      'mock',
      specOf(id),
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      ...(silent ? ['-v', 'silent'] : []),
    ];
    // Default logging goes to a pipe that is drained and dropped (as fast as a terminal can be).
    const child = start(process.execPath, args);
    child.stdout?.resume();
    child.stderr?.resume();
    const ready = (await foreignLoad(id)).next();
    await until2xx(port, ready.path, ready.headers ?? {}, 60_000);
    const target: Target = { name: silent ? 'Prism -v silent' : 'Prism', port, pathOf: bare };
    await measureAll(target, providerJobs(id, port, bare, false));
    memory.push({ label: `${target.name} (${id}), peak RSS`, mib: peakRss(child.pid) });
    await stop(child);
  }
}

async function benchMsw(): Promise<void> {
  const child = start(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench/msw-server.ts'), '0']);
  const port = Number((await waitForLine(child, /listening (\d+)/))[1]);
  const target: Target = { name: 'MSW getResponse', port, pathOf: prefixed };
  await measureAll(
    target,
    compareProviders.flatMap((id) => providerJobs(id, port, prefixed, true)),
  );
  memory.push({ label: 'MSW getResponse over node:http, peak RSS', mib: peakRss(child.pid) });
  await stop(child);
}

const coldStarts: { label: string; ms: number[] }[] = [];

async function coldStart(
  label: string,
  command: string,
  args: string[],
  path: string,
  headers: Record<string, string>,
  env: Record<string, string> = {},
) {
  const ms: number[] = [];
  for (let i = 0; i < config.coldStarts; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const child = start(
      command,
      args.map((a) => (a === '{port}' ? String(port) : a)),
      { stdout: 'ignore', env },
    );
    child.stderr?.resume();
    await until2xx(port, path, headers, 60_000);
    ms.push(performance.now() - t0);
    await stop(child);
  }
  coldStarts.push({ label, ms });
  process.stdout.write(`cold start ${label}: median ${Math.round(median(ms))} ms (${ms.map(Math.round).join(', ')})\n`);
}

async function benchCold(): Promise<void> {
  const [cmd, args] = cliCommand();
  const label =
    config.cli === 'dist' ? 'authflow-mocks serve (dist/cli/cli.js)' : 'authflow-mocks serve (tsx mocks/tools/cli.ts)';
  // The bin runs its bundle with the V8 code cache an earlier start wrote (the rows above ran it
  // for minutes); the first start after a build or an install has none, as the second line shows.
  await coldStart(label, cmd, [...args, '--port', '{port}'], '/__control/health', {});
  if (config.cli === 'dist') {
    await coldStart(
      `${label}, no code cache`,
      cmd,
      [...args, '--port', '{port}'],
      '/__control/health',
      {},
      {
        NODE_DISABLE_COMPILE_CACHE: '1',
      },
    );
  }
  if (config.targets.has('prism') || config.targets.has('prism-silent')) {
    const id = compareProviders[0];
    if (id !== undefined) {
      const probeReq = (await foreignLoad(id)).next();
      await coldStart(
        `Prism mock ${id} (-v silent)`,
        process.execPath,
        [prismBin, 'mock', specOf(id), '-p', '{port}', '-h', '127.0.0.1', '-v', 'silent'],
        probeReq.path,
        probeReq.headers ?? {},
      );
    }
  }
}

async function foreignLoad(id: string): Promise<ConnectionLoad> {
  const scenario = scenarios[id] as Scenario;
  return scenario.get.load(await foreignCredentials(scenario, 1), 0);
}

/**
 * Steady when full: EventBookings `GET /me` on a server whose token store first took
 * `--issuances` client-credentials issuances (answered in-process through the engine, see
 * scripts/bench/full-server.ts), against the same GET on the same server script with none. The
 * credentials are obtained after the fill, with no reset (a reset would empty the store).
 */
async function benchFull(): Promise<void> {
  const scenario = scenarios.eventbookings as Scenario;
  const servers: { kind: 'fresh' | 'full'; count: number; child: ChildProcess; target: Target; job: Job }[] = [];
  for (const [kind, count] of [
    ['fresh', Math.min(config.issuances, 100_000)],
    ['full', config.issuances],
  ] as const) {
    // The fresh world takes issuances too, then a reset: its JIT is as warm as the full one's.
    const child = start(process.execPath, [
      '--import',
      'tsx',
      join(root, 'scripts/bench/full-server.ts'),
      '0',
      String(count),
      ...(kind === 'fresh' ? ['reset'] : []),
    ]);
    const [, port, rate] = await waitForLine(child, /listening (\d+) (\d+)/, 600_000);
    if (kind === 'full') fullFill = { count, issuesPerSecond: Number(rate) };
    const target: Target = {
      name: kind === 'fresh' ? 'authflow-mocks, fresh world' : 'authflow-mocks, full store',
      port: Number(port),
      pathOf: prefixed,
    };
    const job: Job = {
      provider: 'eventbookings',
      kind,
      operation: kind === 'fresh' ? 'GET /me' : `GET /me after ${count.toLocaleString('en')} issuances`,
      method: 'GET',
      expect: scenario.get.expect,
      async setup(connections) {
        const ctx = await scenario.prepare(caller(target.port, prefixed), connections);
        return (index) => scenario.get.load(ctx, index);
      },
    };
    servers.push({ kind, count, child, target, job });
  }
  const [fresh, full] = servers as [(typeof servers)[0], (typeof servers)[0]];
  // Both stay up: each run of the full store's row is followed by one on the fresh world.
  await measureAll(full.target, [full.job], () => ({ target: fresh.target, job: fresh.job, report: true }));
  memory.push({
    label: `full store (${full.count.toLocaleString('en')} issuances), peak RSS`,
    mib: peakRss(full.child.pid),
  });
  for (const server of servers) await stop(server.child);
}
let fullFill: { count: number; issuesPerSecond: number } | undefined;

/** In-process: sequential fetch calls under setupMocks() against a bare MSW handler (scripts/bench/inprocess.ts). */
let inProcess: { n: number; floorMs: number; oursMs: number } | undefined;
async function benchInProcess(): Promise<void> {
  const child = start(process.execPath, [
    '--import',
    'tsx',
    join(root, 'scripts/bench/inprocess.ts'),
    String(config.fetches),
  ]);
  const line = await waitForLine(child, /^\{.*\}$/m, 600_000);
  inProcess = JSON.parse(line[0]);
  await stop(child);
  const r = inProcess as NonNullable<typeof inProcess>;
  process.stdout.write(
    `in-process: ${Math.round(r.oursMs)} ms vs MSW floor ${Math.round(r.floorMs)} ms for ${r.n} fetch calls\n`,
  );
}

let heapResult: { count: number; before: number; after: number; live: number; issuesPerSecond: number } | undefined;

async function benchHeap(): Promise<void> {
  const child = start(process.execPath, [
    '--expose-gc',
    '--import',
    'tsx',
    join(root, 'scripts/bench/heap.ts'),
    String(config.issuances),
  ]);
  const line = await waitForLine(child, /^\{.*\}$/m, 300_000);
  heapResult = JSON.parse(line[0]);
  await stop(child);
  const h = heapResult as NonNullable<typeof heapResult>;
  process.stdout.write(`heap: ${mib(h.before)} MiB before, ${mib(h.after)} MiB after ${h.count} issuances\n`);
}

// ---- the report ----
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const fmt = (n: number | undefined, digits = 2) => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits));

function ceilingOf(row: Row): Row | undefined {
  return rows.find((r) => r.kind === 'ceiling' && r.method === row.method && r.connections === row.connections);
}

/**
 * A row against the bare server: the median of the per-run ratios to the bare samples taken
 * beside it when there are some, else against the bare rows measured at the start.
 */
function bareRatio(row: Row): number | undefined {
  if (row.kind === 'ceiling') return 1;
  if (row.target === 'authflow-mocks' && row.paired !== undefined) return row.paired.ratio;
  const ceiling = ceilingOf(row);
  return ceiling === undefined || ceiling.rps === 0 ? undefined : row.rps / ceiling.rps;
}

function prismOf(row: Row, name: string): { row: Row; same: boolean } | undefined {
  const candidates = rows.filter((r) => r.target === name && r.kind === row.kind && r.connections === row.connections);
  const same = candidates.find((r) => r.provider === row.provider);
  if (same !== undefined) return { row: same, same: true };
  const other = candidates.find((r) => r.method === row.method) ?? candidates[0];
  return other === undefined ? undefined : { row: other, same: false };
}

function ratio(row: Row, base: { row: Row; same: boolean } | Row | undefined): string {
  if (base === undefined) return '—';
  const b = 'same' in base ? base.row : base;
  if (b === row || b.rps === 0) return '—';
  const marker = 'same' in base && !base.same ? '≈' : '';
  return `${marker}${(row.rps / b.rps).toFixed(2)}`;
}

function resultsTable(): string {
  const lines = [
    '| target | provider | operation | conns | req/s | p50 ms | p99 ms | bare beside, req/s | × bare | × Prism | × Prism silent | unexpected |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const isPrism = r.target.startsWith('Prism');
    lines.push(
      `| ${r.target} | ${r.provider} | ${r.operation} | ${r.connections} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ` +
        `${r.target === 'authflow-mocks' && r.paired !== undefined ? Math.round(r.paired.rps) : '—'} | ` +
        `${fmt(bareRatio(r))} | ${isPrism || r.kind === 'ceiling' ? '—' : ratio(r, prismOf(r, 'Prism'))} | ` +
        `${isPrism || r.kind === 'ceiling' ? '—' : ratio(r, prismOf(r, 'Prism -v silent'))} | ${r.unexpected} |`,
    );
  }
  return lines.join('\n');
}

interface Check {
  what: string;
  goal: string;
  measured: string;
  met: boolean;
}

function checks(): Check[] {
  const out: Check[] = [];
  const ours = rows.filter((r) => r.target === 'authflow-mocks');
  // Every row at every connection count ("at 10 and 50 connections").
  for (const r of ours.filter((x) => x.kind !== 'ceiling')) {
    const x = bareRatio(r);
    if (x === undefined) continue;
    const goal = r.kind === 'issue' ? (r.jwt ? 0.3 : 0.4) : 0.5;
    const what =
      r.kind === '401' ? '401 path' : r.kind === 'get' ? 'authorized GET' : r.jwt ? 'JWT issuance' : 'token issuance';
    out.push({
      what: `${r.provider} ${what} (${r.connections} conns)`,
      goal: `≥ ${goal}× bare ${r.method}`,
      measured: `${x.toFixed(2)}×`,
      met: x >= goal,
    });
  }
  for (const c of config.connections) {
    const at = ours.filter((r) => r.connections === c);
    if (at.length === 0) continue;
    const worst = at.reduce((a, b) => (b.p99 > a.p99 ? b : a));
    const goal = c <= 10 ? 5 : 15;
    out.push({
      what: `p99, every row of this server (${c} conns)`,
      goal: `≤ ${goal} ms`,
      measured: `${worst.p99} ms (worst: ${worst.provider} ${worst.operation})`,
      met: worst.p99 <= goal,
    });
  }
  for (const c of config.connections) {
    const fresh = rows.find((r) => r.kind === 'fresh' && r.connections === c);
    const full = rows.find((r) => r.kind === 'full' && r.connections === c);
    if (fresh === undefined || full === undefined || fresh.rps === 0) continue;
    // Run for run: each run on the full store was followed by one on the fresh world.
    const x = full.paired?.ratio ?? full.rps / fresh.rps;
    out.push({
      what: `steady when full: GET /me after ${fullFill?.count.toLocaleString('en') ?? '?'} issuances (${c} conns)`,
      goal: '≥ 0.9× the same GET on a fresh world',
      measured: `${x.toFixed(2)}×`,
      met: x >= 0.9,
    });
  }
  if (inProcess !== undefined) {
    const x = inProcess.oursMs / inProcess.floorMs;
    out.push({
      what: `in-process: ${inProcess.n.toLocaleString('en')} sequential fetch calls under setupMocks()`,
      goal: '≤ 1.5× a bare MSW handler',
      measured: `${x.toFixed(2)}×`,
      met: x <= 1.5,
    });
  }
  const ownCold = coldStarts.find((c) => c.label.startsWith('authflow-mocks'));
  if (ownCold !== undefined) {
    const m = median(ownCold.ms);
    out.push({
      what: 'cold start (spawn → first 2xx)',
      goal: '≤ 200 ms median',
      measured: `${Math.round(m)} ms`,
      met: m <= 200,
    });
  }
  const rss = memory.find((m) => m.label.startsWith('authflow-mocks'));
  if (rss?.mib !== undefined) {
    out.push({
      what: 'peak RSS under load',
      goal: '≤ 150 MiB',
      measured: `${rss.mib.toFixed(1)} MiB`,
      met: rss.mib <= 150,
    });
  }
  if (heapResult !== undefined) {
    const delta = (heapResult.after - heapResult.before) / 1024 / 1024;
    out.push({
      what: `heap after ${heapResult.count.toLocaleString('en')} short-lived issuances`,
      goal: '≤ +20 MiB',
      measured: `${delta >= 0 ? '+' : ''}${delta.toFixed(1)} MiB (${mib(heapResult.before)} → ${mib(heapResult.after)})`,
      met: delta <= 20,
    });
  }
  return out;
}

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '?';
  }
}

function report(): string {
  const cpu = cpus();
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const lines = [
    `Run of ${new Date().toISOString()} on ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ` +
      `${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}.`,
    `Versions: Node ${process.version}, authflow-mocks ${own.version}, Prism ${versionOf('@stoplight/prism-cli')}, ` +
      `MSW ${versionOf('msw')}, autocannon ${versionOf('autocannon')}.`,
    `Settings: ${config.warmup} s warm-up, median of ${config.runs} run(s) of ${config.duration} s, ` +
      `${config.connections.join(' and ')} connection(s); ` +
      (hasTaskset
        ? 'servers pinned to CPU 0, autocannon to CPU 1 (taskset).'
        : 'no CPU pinning (taskset unavailable).'),
    '',
    resultsTable(),
    '',
    "`× bare`: against the bare node:http server with the same method and connections. For this server's rows the bare",
    "server stays up and runs the same method right after each of the row's runs (`bare beside`): `× bare` is the median of",
    'the per-run ratios, so a machine that speeds up or slows down within the bench moves both sides of each ratio. Other',
    "rows compare with the bare rows at the top. The full store's row is paired the same way with the fresh world's.",
    '`× Prism`: against Prism on the same',
    "provider and operation kind; `≈` marks a comparison with Prism's row of the same kind on another provider (Prism answers",
    "every operation from the spec's examples the same way). `unexpected`: responses with another status, errors, timeouts.",
  ];
  const cs = checks();
  if (cs.length > 0) {
    lines.push('', '| target | goal | measured | met |', '| --- | --- | --- | --- |');
    for (const c of cs) lines.push(`| ${c.what} | ${c.goal} | ${c.measured} | ${c.met ? 'yes' : '**no**'} |`);
  }
  if (coldStarts.length > 0) {
    lines.push('', '| cold start (spawn → first 2xx) | median ms | runs (ms) |', '| --- | ---: | --- |');
    for (const c of coldStarts)
      lines.push(`| ${c.label} | ${Math.round(median(c.ms))} | ${c.ms.map((m) => Math.round(m)).join(', ')} |`);
  }
  if (inProcess !== undefined) {
    const r = inProcess;
    lines.push(
      '',
      `| in-process, ${r.n.toLocaleString('en')} sequential fetch calls (best of 2) | total ms | µs per call | × MSW floor |`,
      '| --- | ---: | ---: | ---: |',
      `| bare MSW handler answering a constant (setupServer) | ${Math.round(r.floorMs)} | ${Math.round((r.floorMs * 1000) / r.n)} | 1.00 |`,
      `| setupMocks(), EventBookings GET /me (bearer) | ${Math.round(r.oursMs)} | ${Math.round((r.oursMs * 1000) / r.n)} | ${(r.oursMs / r.floorMs).toFixed(2)} |`,
    );
  }
  if (fullFill !== undefined) {
    lines.push(
      '',
      `Full store: ${fullFill.count.toLocaleString('en')} client-credentials issuances answered in-process before the \`full store\` row ` +
        `(${fullFill.issuesPerSecond.toLocaleString('en')} issuances/s); both of its rows run scripts/bench/full-server.ts from source.`,
    );
  }
  if (memory.length > 0 || heapResult !== undefined) {
    lines.push('', '| memory | MiB |', '| --- | ---: |');
    for (const m of memory) lines.push(`| ${m.label} | ${fmt(m.mib, 1)} |`);
    if (heapResult !== undefined) {
      lines.push(
        `| token store heap before ${heapResult.count.toLocaleString('en')} issuances (1 s lifetime) | ${mib(heapResult.before)} |`,
        `| … after them (${heapResult.live} live; ${heapResult.issuesPerSecond.toLocaleString('en')} issuances/s) | ${mib(heapResult.after)} |`,
      );
    }
  }
  if (notes.length > 0) lines.push('', ...notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

function write(path: string, body: string): void {
  const startMark = '<!-- bench:start -->';
  const endMark = '<!-- bench:end -->';
  const block = `${startMark}\n${body}\n${endMark}`;
  let text = `# Benchmarks\n\n${block}\n`;
  if (existsSync(path)) {
    const old = readFileSync(path, 'utf8');
    const a = old.indexOf(startMark);
    const b = old.indexOf(endMark);
    text =
      a !== -1 && b > a
        ? `${old.slice(0, a)}${block}${old.slice(b + endMark.length)}`
        : `${old.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(path, text);
  process.stdout.write(`wrote ${path}\n`);
}

// ---- main ----
function bound(): number {
  const perRow = config.warmup + config.runs * config.duration + 3 * (config.runs + 1);
  // This server's rows count twice: the bare server runs beside each of them.
  const rowsCount = 2 + (ourProviders.length * 2 + 1) * 2 + compareProviders.length * 6;
  // The full-store fill runs in-process at well over 5,000 issuances/s; 10,000 fetches take seconds.
  const extra = config.targets.has('full') ? config.issuances / 5000 + 2 * perRow * config.connections.length : 0;
  return (perRow * rowsCount * config.connections.length + config.coldStarts * 2 * 10 + 300 + extra) * 1000;
}

async function main(): Promise<void> {
  const limit = bound();
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: over its time bound (${Math.round(limit / 1000)} s); stopping\n`);
    void stopAll().finally(() => process.exit(1));
  }, limit);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void stopAll().finally(() => process.exit(130));
    });
  }
  if (config.cli === 'dist' && !existsSync(join(root, 'dist/cli/cli.js'))) {
    throw new Error('dist/cli/cli.js is missing: run `npm run build` (npm run bench does) or pass --cli source');
  }
  const t = config.targets;
  if (t.has('bare')) await benchBare();
  if (t.has('ours')) await benchOurs();
  if (t.has('prism')) await benchPrism(false);
  if (t.has('prism-silent')) await benchPrism(true);
  if (t.has('msw')) await benchMsw();
  if (t.has('cold')) await benchCold();
  if (t.has('heap')) await benchHeap();
  if (t.has('full')) await benchFull();
  if (t.has('inproc')) await benchInProcess();
  const steady = t.has('steady') ? await steadyIssuance({ ...config, connections: config.connections[0] ?? 10 }) : '';
  const text = steady === '' ? report() : `${report()}\n\n${steady}`;
  process.stdout.write(`\n${text}\n`);
  if (config.out !== undefined) write(config.out, text);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (error instanceof Error && error.cause !== undefined) process.stderr.write(`cause: ${String(error.cause)}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAll();
    await credentialServer?.close();
    process.exit(process.exitCode ?? 0);
  });
