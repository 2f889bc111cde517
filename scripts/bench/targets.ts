/**
 * The targets: the bare ceiling, this server, Prism, MSW, cold start, the heap, the full store,
 * in-process calls; each adds rows (or figures) for the report.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { compareProviders, config, ourProviders, root } from './config.js';
import {
  bare,
  caller,
  constant,
  credentialsReady,
  foreignCredentials,
  type Job,
  measureAll,
  median,
  prefixed,
  providerJobs,
  type Target,
} from './measure.js';
import { cliCommand, freePort, peakRss, prismBin, specOf, start, stop, until2xx, waitForLine } from './processes.js';
import { mib } from './report.js';
import { type ConnectionLoad, type Scenario, scenarios, unauthorized } from './scenarios.js';

export const memory: { label: string; mib: number | undefined }[] = [];

/** The bare server, kept running while this server's rows are measured (each is paired with it). */
let bareServer: { child: ChildProcess; target: Target; ceiling: (method: 'GET' | 'POST') => Job } | undefined;

export async function benchBare(): Promise<void> {
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

export async function benchOurs(): Promise<void> {
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

export async function benchPrism(silent: boolean): Promise<void> {
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

export async function benchMsw(): Promise<void> {
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

export const coldStarts: { label: string; ms: number[] }[] = [];

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

export async function benchCold(): Promise<void> {
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
export async function benchFull(): Promise<void> {
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
export let fullFill: { count: number; issuesPerSecond: number } | undefined;

/** In-process: sequential fetch calls under setupMocks() against a bare MSW handler (scripts/bench/inprocess.ts). */
export let inProcess: { n: number; floorMs: number; oursMs: number } | undefined;
export async function benchInProcess(): Promise<void> {
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

export let heapResult:
  | { count: number; before: number; after: number; live: number; issuesPerSecond: number }
  | undefined;

export async function benchHeap(): Promise<void> {
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
