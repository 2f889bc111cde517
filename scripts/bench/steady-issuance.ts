/**
 * Steady-state issuance (`npm run bench:steady`): a client issuing continuously after its owner
 * cap is reached, against the bare node:http POST, in one run.
 *
 * The built server (`dist/cli/cli.js serve`, or `--cli source`) and the bare server
 * (scripts/bench/bare-server.mjs) both run pinned to CPU 0 (taskset, when there is one); autocannon
 * runs here, pinned to CPU 1. EventBookings' `client_credentials` client first takes `--fill`
 * issuances (default: twice the per-owner cap, `defaultMaxTokensPerOwner`), so every measured
 * issuance evicts that client's least recently used token and buries it; then each run measures
 * ours for `--duration` s (≥ 10 by default) and the bare POST right after it, on the same
 * connections. The ratio of a run is ours ÷ bare of that run; the row reports the median of the
 * per-run ratios and their spread (min–max). Nothing is reset between runs: the store stays full.
 *
 * Prints a Markdown table; `--out PATH` also writes it into PATH between the
 * `bench:steady:start` / `bench:steady:end` markers (docs/benchmarks.md keeps one run).
 * `BENCH_PROFILE_DIR=DIR` runs our server under `node --cpu-prof`. `npm run bench` runs it too
 * (target `steady`, through `steadyIssuance`) and adds its table to the report. Bench-only, not in
 * the package.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { defaultMaxTokensPerOwner } from '../../mocks/core/token-store.js';
import { num } from './flags.js';
import { type BenchRequest, scenarios } from './scenarios.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SteadyOptions {
  /** Seconds per measured run, each side. */
  duration: number;
  runs: number;
  /** Seconds of warm-up on each side before the runs (0: none). */
  warmup: number;
  connections: number;
  /** Issuances before the runs (default: twice the per-owner cap). */
  fill?: number;
  /** `dist`, `source`, or the path of a built `cli.js` (another build, for a before/after). */
  cli: string;
}

const children = new Set<ChildProcess>();
const pinned = platform() === 'linux' && cpus().length >= 2 && existsSync('/usr/bin/taskset');

function start(args: string[]): ChildProcess {
  const [cmd, argv] = pinned ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
  const child = spawn(cmd, argv, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: '', NODE_ENV: 'production' },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function listening(child: ChildProcess, pattern: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`not listening within 30 s: ${out}`)), 30_000);
    child.stdout?.on('data', (d) => {
      out += d;
      const m = pattern.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before listening: ${out}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

interface Sample {
  rps: number;
  p99: number;
  unexpected: number;
  /** The server's CPU time (user + system) per answered request, µs (Linux; NaN elsewhere). */
  cpu: number;
}

/** A process's CPU time so far, µs (utime + stime from /proc; NaN where there is none). */
function cpuTime(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100;
  } catch {
    return Number.NaN;
  }
}

async function measure(
  server: ChildProcess,
  port: number,
  request: BenchRequest,
  path: string,
  seconds: number,
  connections: number,
): Promise<Sample> {
  const cpuBefore = cpuTime(server.pid);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: request.method,
        path,
        headers: { ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
      },
    ],
  });
  let total = 0;
  for (const s of Object.values(result.statusCodeStats)) total += s.count;
  const ok = result.statusCodeStats['200']?.count ?? 0;
  return {
    cpu: (cpuTime(server.pid) - cpuBefore) / Math.max(total, 1),
    rps: total / Math.max(result.duration, 0.001),
    p99: result.latency.p99,
    unexpected: total - ok + result.errors + result.timeouts,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function write(path: string, body: string): void {
  const startMark = '<!-- bench:steady:start -->';
  const endMark = '<!-- bench:steady:end -->';
  const block = `${startMark}\n${body}\n${endMark}`;
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const a = old.indexOf(startMark);
  const b = old.indexOf(endMark);
  writeFileSync(
    path,
    a !== -1 && b > a ? `${old.slice(0, a)}${block}${old.slice(b + endMark.length)}` : `${old.trimEnd()}\n\n${block}\n`,
  );
  process.stdout.write(`wrote ${path}\n`);
}

/** The store is past the cap: the first token of the fill is refused as evicted (journal reason `token_evicted`). */
async function expectEvicted(port: number, token: string): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  const me = await fetch(`${base}/api.eventbookings.com/me`, { headers: { authorization: `Bearer ${token}` } });
  await me.arrayBuffer();
  const journal = (await (await fetch(`${base}/__control/journal`)).json()) as {
    entries: { seq: number; path: string; status: number; reason?: string }[];
  };
  const last = journal.entries.reduce((a, b) => (b.seq > a.seq ? b : a));
  if (me.status !== 401 || last.path !== '/me' || last.reason !== 'token_evicted') {
    throw new Error(`the fill did not reach the cap: GET /me with the first token gave ${me.status} (${last.reason})`);
  }
}

/**
 * Runs the row (starting and stopping its two servers) and returns its Markdown table; throws if
 * a response had another status than expected.
 */
export async function steadyIssuance(options: SteadyOptions): Promise<string> {
  try {
    return await run(options);
  } finally {
    await Promise.all([...children].map(stop));
  }
}

async function run(options: SteadyOptions): Promise<string> {
  const { duration, runs, warmup, connections, cli: which } = options;
  const fill = options.fill ?? 2 * defaultMaxTokensPerOwner;
  if (pinned) execFileSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  const scenario = scenarios.eventbookings;
  if (scenario === undefined) throw new Error('no eventbookings bench scenario');
  const issue = scenario.issue.load(undefined, 0).next();
  const ceiling: BenchRequest = {
    method: 'POST',
    host: '',
    path: '/',
    headers: { 'content-type': 'application/json' },
    body: '{"a":1}',
  };
  const cli =
    which === 'source'
      ? ['--import', 'tsx', join(root, 'mocks/tools/cli.ts')]
      : [which === 'dist' ? join(root, 'dist/cli/cli.js') : which];
  if (which !== 'source' && !existsSync(cli[0] as string)) {
    throw new Error(`${cli[0]} is missing${which === 'dist' ? ': npm run build' : ''}`);
  }
  const profile = process.env.BENCH_PROFILE_DIR;
  const ours = start([
    ...(profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`]),
    ...cli,
    'serve',
    '--port',
    '0',
    '--quiet',
  ]);
  const oursPort = await listening(ours, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
  const bare = start([join(root, 'scripts/bench/bare-server.mjs'), '0']);
  const barePort = await listening(bare, /listening (\d+)/);
  const oursPath = `/${issue.host}${issue.path}`;

  // Past the cap: every issuance from here on evicts the client's least recently used token.
  const url = `http://127.0.0.1:${oursPort}${oursPath}`;
  let first: string | undefined;
  for (let i = 0; i < fill; i++) {
    const res = await fetch(url, { method: 'POST', headers: issue.headers ?? {}, body: issue.body ?? null });
    const text = await res.text();
    if (res.status !== scenario.issue.expect) throw new Error(`fill issuance ${i}: ${res.status}`);
    first ??= (JSON.parse(text) as { access_token: string }).access_token;
  }
  if (fill > defaultMaxTokensPerOwner) await expectEvicted(oursPort, first as string);
  if (warmup > 0) {
    await measure(ours, oursPort, issue, oursPath, warmup, connections);
    await measure(bare, barePort, ceiling, '/', warmup, connections);
  }
  const ourSamples: Sample[] = [];
  const bareSamples: Sample[] = [];
  for (let r = 0; r < runs; r++) {
    const a = await measure(ours, oursPort, issue, oursPath, duration, connections);
    const b = await measure(bare, barePort, ceiling, '/', duration, connections);
    ourSamples.push(a);
    bareSamples.push(b);
    process.stdout.write(
      `run ${r + 1}: ours ${Math.round(a.rps)} req/s, bare POST ${Math.round(b.rps)} req/s, ×${(a.rps / b.rps).toFixed(3)}; ` +
        `server CPU ${a.cpu.toFixed(1)} vs ${b.cpu.toFixed(1)} µs/request, ×${(b.cpu / a.cpu).toFixed(3)}` +
        `${a.unexpected + b.unexpected > 0 ? ` (${a.unexpected + b.unexpected} unexpected)` : ''}\n`,
    );
  }
  await stop(ours);
  await stop(bare);

  const ratios = ourSamples.map((s, i) => s.rps / (bareSamples[i] as Sample).rps);
  const cpuRatios = ourSamples.map((s, i) => (bareSamples[i] as Sample).cpu / s.cpu);
  const spread = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
  const med = (xs: Sample[], key: 'rps' | 'p99' | 'cpu') => median(xs.map((s) => s[key]));
  const unexpected = [...ourSamples, ...bareSamples].reduce((n, s) => n + s.unexpected, 0);
  const lines = [
    `Steady-state issuance: ${new Date().toISOString()}, ${runs} run(s) of ${duration} s each side at ${connections} ` +
      `connection(s), ${warmup} s warm-up, after ${fill.toLocaleString('en')} fill issuances ` +
      `(owner cap ${defaultMaxTokensPerOwner.toLocaleString('en')}); ${which} CLI` +
      `${pinned ? '; servers on CPU 0, autocannon on CPU 1' : ''}.`,
    '',
    '| row | req/s | p99 ms | × bare POST | spread | server CPU µs/request | × bare by CPU | spread | unexpected |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| bare node:http POST (body read), constant JSON | ${Math.round(med(bareSamples, 'rps'))} | ` +
      `${med(bareSamples, 'p99')} | 1.00 | — | ${med(bareSamples, 'cpu').toFixed(1)} | 1.00 | — | — |`,
    `| steady-state issuance: EventBookings POST /connect/token (client_credentials), client at its cap | ` +
      `${Math.round(med(ourSamples, 'rps'))} | ${med(ourSamples, 'p99')} | ${median(ratios).toFixed(2)} | ${spread(ratios)} | ` +
      `${med(ourSamples, 'cpu').toFixed(1)} | ${median(cpuRatios).toFixed(2)} | ${spread(cpuRatios)} | ${unexpected} |`,
    '',
    '`× bare POST`: the median of the per-run ratios of req/s (ours ÷ the bare POST measured right after it). ' +
      "`× bare by CPU`: the bare server's CPU time per request ÷ ours (utime + stime from /proc, per answered request), " +
      'the ratio the two would have if each had a core to itself; on a shared machine it moves less than req/s. ' +
      'Medians over the runs; spread: min–max of the per-run ratios.',
  ];
  if (unexpected > 0) throw new Error(`steady-state issuance: ${unexpected} unexpected responses\n${lines.join('\n')}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const help = `Usage: tsx scripts/bench/steady-issuance.ts [flags]
    --duration S        seconds per measured run, each side (10)
    --runs N            runs; each is ours then the bare POST (3)
    --warmup S          seconds of warm-up on each side before the runs (2)
    --connections N     autocannon connections (10)
    --fill N            issuances before the runs (${2 * defaultMaxTokensPerOwner}: past the owner cap)
    --cli dist|source|PATH  the built CLI (default), mocks/tools/cli.ts through tsx, or another
                        build's cli.js (a before/after on the same machine state)
    --out PATH          also write the table into PATH between its markers
    --quick             1 s runs, 1 run, no warm-up (a smoke test of the script)`;

  const { values: flags } = parseArgs({
    options: {
      duration: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string', default: '10' },
      fill: { type: 'string', default: String(2 * defaultMaxTokensPerOwner) },
      cli: { type: 'string', default: 'dist' },
      out: { type: 'string' },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (flags.help) {
    process.stdout.write(`${help}\n`);
    process.exit(0);
  }
  const quick = flags.quick;
  const duration = num(flags.duration, quick ? 1 : 10, 'duration');
  const runs = Math.max(1, num(flags.runs, quick ? 1 : 3, 'runs'));
  const warmup = num(flags.warmup, quick ? 0 : 2, 'warmup');
  const connections = Math.max(1, num(flags.connections, 10, 'connections'));
  const fill = num(flags.fill, 2 * defaultMaxTokensPerOwner, 'fill');
  const text = await steadyIssuance({ duration, runs, warmup, connections, fill, cli: flags.cli });
  process.stdout.write(`\n${text}\n`);
  if (flags.out !== undefined) write(flags.out, text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void Promise.all([...children].map(stop)).finally(() => process.exit(130)));
  }
  main()
    .catch((error: unknown) => {
      process.stderr.write(
        `bench:steady: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    })
    .finally(() => process.exit(process.exitCode ?? 0));
}
