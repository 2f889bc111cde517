/**
 * `npm run soak`: every provider at full rate for a bounded time against the standalone server
 * (`serve`, in a child process, loopback only). Each connection loops one job: an authorized GET
 * or a token issuance of a provider (the benchmark's scenarios), or a 401. Passes when there is
 * no 5xx, no socket error and no timeout, the journal stays within its ring buffer, and the
 * server's peak RSS stays under the bound.
 *
 *   npm run soak -- [--duration 60] [--connections 40] [--heap-mib 128] [--max-rss-mib 320] [--json FILE] [--source]
 *
 * The server runs with its old-generation heap capped at `--heap-mib`: V8 must then collect
 * rather than grow, so a leak ends the run with a crash (socket errors) instead of hiding in a
 * slowly rising RSS.
 * `--source` runs the server from TypeScript (tsx) instead of the build, for the test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { parseArgs } from 'node:util';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { providerIds } from '../mocks/providers/index.js';
import {
  type BenchRequest,
  type Caller,
  type ConnectionLoad,
  type Reply,
  scenarios,
  unauthorized,
} from './bench/scenarios.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '40' },
    'max-rss-mib': { type: 'string', default: '320' },
    'heap-mib': { type: 'string', default: '128' },
    json: { type: 'string' },
    source: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const maxRssMib = Number(values['max-rss-mib']);
const heapMib = Number(values['heap-mib']);
for (const [name, n] of [
  ['duration', duration],
  ['connections', connections],
  ['max-rss-mib', maxRssMib],
  ['heap-mib', heapMib],
] as const) {
  if (!Number.isFinite(n) || n <= 0) {
    process.stderr.write(`soak: --${name} must be a positive number\n`);
    process.exit(2);
  }
}

function send(port: number, r: BenchRequest): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...r.headers };
    if (r.body !== undefined) headers['content-length'] = String(Buffer.byteLength(r.body));
    const req = httpRequest(
      { host: '127.0.0.1', port, method: r.method, path: `/${r.host}${r.path}`, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () => {
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') out.set(k, v);
          resolve({ status: res.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.once('error', reject);
    req.end(r.body);
  });
}

async function control(port: number, method: string, path: string): Promise<unknown> {
  const reply = await send(port, { method: method as 'GET', host: '__control', path });
  return JSON.parse(reply.text) as unknown;
}

function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const heap = `--max-old-space-size=${Math.round(heapMib)}`;
  const args = values.source
    ? [heap, '--import', 'tsx', 'mocks/tools/cli.ts', 'serve', '--port', '0']
    : [heap, 'dist/cli/cli.js', 'serve', '--port', '0'];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: '' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not start in 30 s')), 30_000);
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}

function rssMib(pid: number | undefined): { now: number; peak: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const now = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
    const peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
    return Number.isFinite(now) ? { now, peak } : undefined;
  } catch {
    return undefined; // not Linux
  }
}

interface Job {
  name: string;
  load: (index: number) => ConnectionLoad;
  slots: number;
}

async function main(): Promise<number> {
  const { child, port } = await startServer();
  try {
    await control(port, 'POST', '/reset');
    const call: Caller = (r) => send(port, r);
    const covered = providerIds.filter((id) => scenarios[id] !== undefined);
    const skipped = providerIds.filter((id) => scenarios[id] === undefined);
    const jobCount = covered.length * 2 + 1;
    const per = Math.max(1, Math.round(connections / jobCount));
    const jobs: Job[] = [];
    for (const id of covered) {
      const scenario = scenarios[id];
      if (scenario === undefined) continue;
      const forGet = await scenario.prepare(call, per);
      jobs.push({ name: `${id} ${scenario.get.label}`, load: (i) => scenario.get.load(forGet, i % per), slots: per });
      const forIssue = await scenario.prepare(call, per);
      jobs.push({
        name: `${id} ${scenario.issue.label}`,
        load: (i) => scenario.issue.load(forIssue, i % per),
        slots: per,
      });
    }
    jobs.push({ name: '401 (unknown token)', load: () => ({ next: () => unauthorized }), slots: per });

    const toRequest = (r: BenchRequest): AutocannonRequest => ({
      method: r.method,
      path: `/${r.host}${r.path}`,
      headers: { ...r.headers },
      ...(r.body === undefined ? {} : { body: r.body }),
    });
    const rss: number[] = [];
    const sampler = setInterval(() => {
      const sample = rssMib(child.pid);
      if (sample !== undefined) rss.push(sample.now);
    }, 500);
    const started = rssMib(child.pid)?.now;
    let next = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: jobs.length * per,
      duration,
      timeout: 10,
      setupClient(client) {
        const n = next++;
        const job = jobs[n % jobs.length] as Job;
        const load = job.load(Math.floor(n / jobs.length));
        const onResponse = load.onResponse?.bind(load);
        client.setRequests([
          onResponse === undefined
            ? toRequest(load.next())
            : {
                setupRequest: (req) => ({ ...req, ...toRequest(load.next()) }),
                onResponse: (status, body) => onResponse(status, body),
              },
        ]);
      },
    });
    clearInterval(sampler);
    const peak = rssMib(child.pid)?.peak;
    const journal = (await control(port, 'GET', '/journal')) as { entries: unknown[] };
    const statuses = Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([status, s]) => [status, s.count] as const),
    );
    const total = Object.values(statuses).reduce((a, b) => a + b, 0);
    const fiveXx = Object.entries(statuses)
      .filter(([s]) => Number(s) >= 500)
      .reduce((a, [, n]) => a + n, 0);
    const third = Math.max(1, Math.floor(rss.length / 3));
    const firstThird = Math.max(...rss.slice(0, third));
    const lastThird = Math.max(...rss.slice(-third));
    const report = {
      providers: covered,
      skipped,
      connections: jobs.length * per,
      durationSeconds: result.duration,
      requests: total,
      requestsPerSecond: Math.round(total / Math.max(result.duration, 0.001)),
      statuses,
      fiveXx,
      socketErrors: result.errors,
      timeouts: result.timeouts,
      p99Ms: result.latency.p99,
      rssMib: {
        start: started === undefined ? null : Math.round(started),
        peak: peak === undefined ? null : Math.round(peak),
        firstThirdMax: rss.length === 0 ? null : Math.round(firstThird),
        lastThirdMax: rss.length === 0 ? null : Math.round(lastThird),
      },
      journalEntries: journal.entries.length,
    };
    const problems: string[] = [];
    if (fiveXx > 0) problems.push(`${fiveXx} answers were 5xx`);
    if (result.errors > 0) problems.push(`${result.errors} socket errors`);
    if (result.timeouts > 0) problems.push(`${result.timeouts} timeouts`);
    if (journal.entries.length > 1000)
      problems.push(`the journal holds ${journal.entries.length} entries (ring of 1000)`);
    if (peak !== undefined && peak > maxRssMib)
      problems.push(`peak RSS ${Math.round(peak)} MiB is over ${maxRssMib} MiB`);
    if (total === 0) problems.push('no request was answered');
    const lines = [
      `soak: ${report.providers.join(', ')} (${report.connections} connections, ${report.durationSeconds} s, server heap capped at ${heapMib} MiB)`,
      ...(skipped.length > 0 ? [`  no scenario, not loaded: ${skipped.join(', ')}`] : []),
      `  ${report.requests} requests, ${report.requestsPerSecond} req/s, p99 ${report.p99Ms} ms`,
      `  statuses: ${Object.entries(statuses)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
      `  5xx ${fiveXx}, socket errors ${result.errors}, timeouts ${result.timeouts}`,
      `  RSS MiB: start ${report.rssMib.start}, peak ${report.rssMib.peak}, max in first third ${report.rssMib.firstThirdMax}, in last third ${report.rssMib.lastThirdMax}`,
      `  journal entries: ${report.journalEntries} (ring of 1000)`,
      problems.length === 0 ? 'soak: passed' : `soak: FAILED: ${problems.join('; ')}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ ...report, problems }, null, 2)}\n`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
