/**
 * What a world costs (`npm run bench:worlds`), on the built server (`dist/cli/cli.js`):
 *
 * - creating one: `POST /__control/worlds` from the demo config (the server's own), timed at the
 *   client over keep-alive loopback, then deleted; the median of `--creates` (default 300);
 * - a request in one: the authorized EventBookings `GET /me` and its token issuance, the same
 *   request in the default world and in a created world, in turns (`--rounds`, default 3, of
 *   `--seconds`, default 5, at `--connections`, default 10), each ratio the median of the
 *   per-round ratios, so a noisy spell hits both sides alike.
 *
 * autocannon runs in this process; the server is pinned to CPU 0 and this process to CPU 1 when
 * `taskset` exists. Prints a Markdown table (docs/benchmarks.md keeps one run).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    creates: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
  },
});
const creates = Number(values.creates);
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const pinned = existsSync('/usr/bin/taskset');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const cli = [join(root, 'dist/cli/cli.js'), 'serve', '--port', '0', '--quiet'];
  const child = pinned
    ? spawn('taskset', ['-c', '0', process.execPath, ...cli], { stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(process.execPath, cli, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] as string });
    });
    child.on('error', reject);
  });
}

async function createWorld(url: string): Promise<string> {
  const res = await fetch(`${url}/__control/worlds`, { method: 'POST' });
  return ((await res.json()) as { urls: { base: string } }).urls.base;
}

const app = applications[0] as (typeof applications)[0];
const tokenBody = `grant_type=client_credentials&client_id=${app.client_id}&client_secret=${app.client_secret}`;

async function token(base: string): Promise<string> {
  const res = await fetch(`${base}/identity.eventbookings.com/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: tokenBody,
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function rps(
  url: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: init.method ?? 'GET',
        path,
        headers: { ...init.headers },
        ...(init.body === undefined ? {} : { body: init.body }),
      },
    ],
  });
  const ok = result.statusCodeStats['200']?.count ?? 0;
  return ok / Math.max(result.duration, 0.001);
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist/cli/cli.js'))) throw new Error('dist/cli/cli.js is missing: npm run build');
  const { child, url } = await startServer();
  try {
    // Creation: warm up, then time each create (and delete it, so the count stays flat).
    const times: number[] = [];
    for (let i = 0; i < creates + 50; i++) {
      const started = performance.now();
      const base = await createWorld(url);
      const took = performance.now() - started;
      if (i >= 50) times.push(took);
      const id = base.slice(base.lastIndexOf('/') + 1);
      await fetch(`${url}/__control/worlds/${id}`, { method: 'DELETE' });
    }
    const world = await createWorld(url);
    const rows: { label: string; ratios: number[]; inDefault: number[]; inWorld: number[] }[] = [
      { label: 'EventBookings GET /me', ratios: [], inDefault: [], inWorld: [] },
      { label: 'EventBookings token (client_credentials)', ratios: [], inDefault: [], inWorld: [] },
    ];
    const worldPath = world.slice(url.length);
    const getMe = (bearer: string) => ({ headers: { authorization: `Bearer ${bearer}` } });
    const issue = () => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: tokenBody,
    });
    for (let r = 0; r < rounds; r++) {
      // Both worlds from their seeded state, with a fresh token each, every round.
      await fetch(`${url}/__control/reset`, { method: 'POST' });
      await fetch(`${world}/__control/reset`, { method: 'POST' });
      const inDefault = getMe(await token(url));
      const inWorld = getMe(await token(world));
      const pairs = [
        { row: rows[0], path: '/api.eventbookings.com/me', a: inDefault, b: inWorld },
        { row: rows[1], path: '/identity.eventbookings.com/connect/token', a: issue(), b: issue() },
      ];
      for (const { row, path, a, b } of pairs) {
        if (row === undefined) continue;
        // Alternate which side goes first, round by round.
        const first = r % 2 === 0;
        const d1 = first ? await rps(url, path, a) : 0;
        const w = await rps(url, `${worldPath}${path}`, b);
        const d = first ? d1 : await rps(url, path, a);
        row.inDefault.push(d);
        row.inWorld.push(w);
        row.ratios.push(w / d);
      }
    }
    const lines = [
      `Worlds: ${creates} creates; ${rounds} rounds of ${seconds} s at ${connections} connections${pinned ? '; server on CPU 0' : ''}.`,
      '',
      '| measure | default world | in a world | world ÷ default |',
      '| --- | ---: | ---: | ---: |',
      ...rows.map(
        (row) =>
          `| ${row.label}, req/s (median) | ${Math.round(median(row.inDefault))} | ${Math.round(median(row.inWorld))} | ${median(row.ratios).toFixed(3)} |`,
      ),
      `| create a world from the demo config, ms (median / p90 over ${creates}) | — | ${median(times).toFixed(2)} / ${[...times].sort((x, y) => x - y)[Math.floor(times.length * 0.9)]?.toFixed(2)} | — |`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
