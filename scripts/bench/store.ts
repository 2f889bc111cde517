/**
 * What a Redis store costs (`npm run bench:store`), on the built server (`dist/cli/cli.js`) and a
 * real `redis-server` this script starts on a free port (and stops):
 *
 * - the authorized EventBookings `GET /me` and its token issuance (client_credentials, a form
 *   POST: the owner's cap fills within the first second, so most of a round is steady-state
 *   issuance with evictions) against: the bare `node:http` server (the ceiling), the memory
 *   store, the Redis store with one replica, and `--workers 1` / `--workers 2` on the Redis store;
 * - the Redis commands each request kind costs, from `INFO commandstats` before and after a
 *   counted number of requests (the replica's stream reads are batched: the reads per request
 *   fall as the load rises).
 *
 * Rounds (`--rounds`, default 3, of `--seconds`, default 5, at `--connections`, default 10) take
 * turns between the servers, so a noisy spell hits all; each ratio is the median of the
 * per-round ratios. autocannon runs in this process, which shares the machine's cores with the
 * servers and Redis: say so next to the numbers. Prints a Markdown table (docs/benchmarks.md
 * keeps one run).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
  },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(args: string[], ready: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      const m = ready.exec(out);
      if (m) resolve({ child, url: m[1]?.startsWith('http') ? m[1] : `http://127.0.0.1:${m[1]}` });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

const serve = (extra: string[]) =>
  start([join(root, 'dist/cli/cli.js'), 'serve', '--port', '0', '--quiet', ...extra], /listening on (http:\/\/\S+)/);

const app = applications[0] as (typeof applications)[0];
const tokenBody = `grant_type=client_credentials&client_id=${app.client_id}&client_secret=${app.client_secret}`;
const tokenPath = '/identity.eventbookings.com/connect/token';
const mePath = '/api.eventbookings.com/me';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

async function token(url: string): Promise<string> {
  const res = await fetch(`${url}${tokenPath}`, { method: 'POST', headers: form, body: tokenBody });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function rps(
  url: string,
  request: { method: string; path: string; headers: Record<string, string>; body?: string },
) {
  const result = await autocannon({ url, connections, duration: seconds, requests: [request] });
  const ok = result.statusCodeStats['200']?.count ?? 0;
  return ok / Math.max(result.duration, 0.001);
}

interface Target {
  label: string;
  url: string;
  get: number[];
  issue: number[];
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist/cli/cli.js'))) throw new Error('dist/cli/cli.js is missing: npm run build');
  const redisPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'authflow-bench-redis-'));
  const redis = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
    {
      stdio: 'ignore',
    },
  );
  const children: ChildProcess[] = [redis];
  const cli = (...args: string[]) =>
    execFileSync('redis-cli', ['-p', String(redisPort), ...args], { encoding: 'utf8' });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if (cli('PING').trim() === 'PONG') break;
      } catch {}
      await new Promise((r) => setTimeout(r, 50));
    }
    const store = (prefix: string) => `redis://127.0.0.1:${redisPort}/0?prefix=${prefix}`;
    const bare = await start([join(root, 'scripts/bench/bare-server.mjs')], /listening (\d+)/);
    const memory = await serve([]);
    const redisOne = await serve(['--store', store('one')]);
    const workers1 = await serve(['--store', store('w1'), '--workers', '1']);
    const workers2 = await serve(['--store', store('w2'), '--workers', '2']);
    children.push(bare.child, memory.child, redisOne.child, workers1.child, workers2.child);
    const targets: Target[] = [
      { label: 'bare node:http', url: bare.url, get: [], issue: [] },
      { label: 'memory store', url: memory.url, get: [], issue: [] },
      { label: 'Redis store, one replica', url: redisOne.url, get: [], issue: [] },
      { label: 'Redis store, --workers 1', url: workers1.url, get: [], issue: [] },
      { label: 'Redis store, --workers 2', url: workers2.url, get: [], issue: [] },
    ];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) {
        const bearer = target === targets[0] ? 'x' : await token(target.url);
        target.get.push(
          await rps(target.url, { method: 'GET', path: mePath, headers: { authorization: `Bearer ${bearer}` } }),
        );
        target.issue.push(await rps(target.url, { method: 'POST', path: tokenPath, headers: form, body: tokenBody }));
      }
    }
    // Redis commands per request kind, one request at a time (the least batching), on the one-replica server.
    const perRequest = async (request: () => Promise<unknown>, n: number) => {
      const before = commandStats(cli('INFO', 'commandstats'));
      for (let i = 0; i < n; i++) await request();
      const after = commandStats(cli('INFO', 'commandstats'));
      return Object.entries(after)
        .map(([name, calls]) => [name, (calls - (before[name] ?? 0)) / n] as const)
        .filter(([name, per]) => per > 0 && name !== 'info')
        .map(([name, per]) => `${name} ${per.toFixed(2)}`)
        .join(', ');
    };
    const bearer = await token(redisOne.url);
    const getCost = await perRequest(
      () => fetch(`${redisOne.url}${mePath}`, { headers: { authorization: `Bearer ${bearer}` } }).then((x) => x.text()),
      200,
    );
    const issueCost = await perRequest(
      () =>
        fetch(`${redisOne.url}${tokenPath}`, { method: 'POST', headers: form, body: tokenBody }).then((x) => x.text()),
      200,
    );
    const ratio = (a: number[], b: number[]) => median(a.map((x, i) => x / (b[i] as number)));
    const [bareT, memoryT, oneT, w1, w2] = targets as [Target, Target, Target, Target, Target];
    const lines = [
      `Store: ${rounds} rounds of ${seconds} s at ${connections} connections; autocannon, the servers and redis-server share the machine's cores (${execFileSync('nproc', { encoding: 'utf8' }).trim()}).`,
      '',
      '| server | GET /me req/s | token req/s | GET ÷ bare | token ÷ bare | GET ÷ memory | token ÷ memory |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...targets.map(
        (t) =>
          `| ${t.label} | ${Math.round(median(t.get))} | ${Math.round(median(t.issue))} | ${ratio(t.get, bareT.get).toFixed(2)} | ${ratio(t.issue, bareT.issue).toFixed(2)} | ${ratio(t.get, memoryT.get).toFixed(2)} | ${ratio(t.issue, memoryT.issue).toFixed(2)} |`,
      ),
      '',
      `--workers 2 ÷ --workers 1, GET /me: ${ratio(w2.get, w1.get).toFixed(2)}; token: ${ratio(w2.issue, w1.issue).toFixed(2)}. Redis store ÷ memory: GET ${ratio(oneT.get, memoryT.get).toFixed(2)}, token ${ratio(oneT.issue, memoryT.issue).toFixed(2)}.`,
      '',
      `Redis commands per request, one at a time: GET /me: ${getCost}; token: ${issueCost}.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `cmdstat_xadd:calls=12,…` lines → {xadd: 12, …}. */
function commandStats(info: string): Record<string, number> {
  const stats: Record<string, number> = {};
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) stats[m[1] as string] = Number(m[2]);
  return stats;
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
