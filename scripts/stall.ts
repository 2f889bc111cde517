/**
 * The worst event-loop stall per request kind: `authflow-mocks serve` (the built CLI, as users
 * run it) in its own process; for each kind of request, `/__control/health` is asked every 20 ms
 * (scripts/stall/probe.ts) while the request runs, and the slowest health answer is the stall a
 * client would see. Each kind runs `--runs` times (5); the table gives the median and the worst
 * of the per-run stalls, the answer's status and size. Loopback only.
 *
 *   npm run build && npx tsx scripts/stall.ts [--runs 5] [--json FILE]
 *
 * docs/security.md holds the table of a run, with the machine's load beside it (the worst stall
 * of a run on a shared machine is also the other processes' time slice).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { measureStall, sendJson } from './stall/probe.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, json: { type: 'string' } },
});
const runs = Number(values.runs);

interface Kind {
  name: string;
  /** Prepares the server (not measured); e.g. a session token. */
  before?: (base: string) => Promise<Record<string, string>>;
  request: (
    base: string,
    given: Record<string, string>,
  ) => { url: string; method: string; body: string; headers?: Record<string, string> };
}

const list = (item: string, count: number) => `[${Array(count).fill(item).join(',')}]`;
/** `wrap(items)` just under `limit` bytes (default: the 1 MiB door limit). */
const nearLimit = (wrap: (items: string) => string, item: string, limit = 1024 * 1024) =>
  wrap(list(item, Math.floor((limit - wrap('[]').length) / (item.length + 1))));

const companies = [{ guid: '11111111-1111-4111-8111-111111111111', name: 'Company' }];
const largestValid = JSON.stringify({
  eventix: {
    mode: 'replace',
    companies,
    users: Array.from({ length: 250 }, (_, i) => ({
      guid: `22222222-2222-4222-8222-${String(i).padStart(12, '0')}`,
      name: `User ${i}`,
      email: `user${i}@example.com`,
      companies: [companies[0]?.guid],
    })),
    clients: Array.from({ length: 249 }, (_, i) => ({
      client_id: `client-${i}`,
      client_secret: `secret-${i}-0123456789`,
      redirect_uris: ['https://app.example/cb'],
    })),
  },
});

const participant = (i: number) => ({
  unique_id: `r-${i}`,
  first_name: 'Kris',
  last_name: 'Kuiper',
  country_code: 'nl',
  team_name: null,
  date_of_birth: '2001-01-01',
  start_number: String(i),
  chip_code: String(i).padStart(7, '0'),
  gender: 'male',
  state: 'before',
  race_id: 1,
});

/** A fresh world (settled imports of an earlier run would fill the event) and a Tracx session token. */
async function tracxSession(base: string): Promise<Record<string, string>> {
  await fetch(`${base}/__control/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const res = await fetch(`${base}/api.tracx.events/v1/connect/session-token`, {
    method: 'POST',
    headers: { accept: 'application/json', authorization: 'tcx_ct_full_4Fq9Lm2Xv7Rb1Nz8Wd5Hs3Kp' },
  });
  return { token: ((await res.json()) as { data: { token: string } }).data.token };
}

const kinds: Kind[] = [
  {
    name: 'health alone (baseline)',
    request: (base) => ({ url: `${base}/__control/health`, method: 'GET', body: '' }),
  },
  {
    name: 'PUT /__control/fixtures, 349,500 empty Eventix users (1 MiB)',
    request: (base) => ({
      url: `${base}/__control/fixtures`,
      method: 'PUT',
      body: nearLimit((items) => `{"eventix":{"users":${items}}}`, '{}'),
    }),
  },
  {
    name: 'POST /__control/tracx/fixtures, empty connect tokens (1 MiB)',
    request: (base) => ({
      url: `${base}/__control/tracx/fixtures`,
      method: 'POST',
      body: nearLimit((items) => `{"connect_tokens":${items}}`, '{}'),
    }),
  },
  {
    name: 'POST /__control/teletracker/fixtures, users that are numbers (1 MiB)',
    request: (base) => ({
      url: `${base}/__control/teletracker/fixtures`,
      method: 'POST',
      body: nearLimit((items) => `{"users":${items}}`, '0'),
    }),
  },
  {
    name: 'PUT /__control/fixtures, about 174,700 empty Eventix users (512 KiB, the control limit)',
    request: (base) => ({
      url: `${base}/__control/fixtures`,
      method: 'PUT',
      body: nearLimit((items) => `{"eventix":{"users":${items}}}`, '{}', 512 * 1024),
    }),
  },
  {
    name: 'PUT /__control/fixtures, 500 bad entities (within the sizes)',
    request: (base) => ({
      url: `${base}/__control/fixtures`,
      method: 'PUT',
      body: `{"eventix":{"users":${list('{"companies":[0]}', 250)},"clients":${list('{"redirect_uris":[0]}', 250)}}}`,
    }),
  },
  {
    name: 'PUT /__control/fixtures, the largest valid input (500 Eventix entities)',
    request: (base) => ({ url: `${base}/__control/fixtures`, method: 'PUT', body: largestValid }),
  },
  {
    name: 'POST /__control/reset on that world (reseeds 500 entities)',
    request: (base) => ({ url: `${base}/__control/reset`, method: 'POST', body: '{}' }),
  },
  {
    name: 'GET /__control/journal, full ring (1,000 entries)',
    before: async (base) => {
      for (let i = 0; i < 1000; i += 50) {
        await Promise.all(Array.from({ length: 50 }, () => fetch(`${base}/api.eventbookings.com/me?page=${i}`)));
      }
      return {};
    },
    request: (base) => ({ url: `${base}/__control/journal`, method: 'GET', body: '' }),
  },
  {
    name: 'EventBookings token, 64 KiB JSON of tiny objects (the operation limit)',
    request: (base) => ({
      url: `${base}/identity.eventbookings.com/connect/token`,
      method: 'POST',
      body: `{"grant_type":"client_credentials","pad":${list('{}', Math.floor((64 * 1024 - 60) / 3))}}`,
    }),
  },
  {
    name: 'EventBookings token, 1 MiB JSON of tiny objects (413, not parsed)',
    request: (base) => ({
      url: `${base}/identity.eventbookings.com/connect/token`,
      method: 'POST',
      body: nearLimit((items) => `{"grant_type":"client_credentials","pad":${items}}`, '{}'),
    }),
  },
  {
    name: 'Tracx bulk import, 1 MiB of empty participants (all refused)',
    before: tracxSession,
    request: (base, { token }) => ({
      url: `${base}/api.tracx.events/v1/connect/events/1/participants`,
      method: 'POST',
      headers: { accept: 'application/json', authorization: token as string },
      body: nearLimit((items) => items, '{}'),
    }),
  },
  {
    name: 'Tracx bulk import, 4,000 participants (~850 KB, each checked; refused 422)',
    before: tracxSession,
    request: (base, { token }) => ({
      url: `${base}/api.tracx.events/v1/connect/events/1/participants`,
      method: 'POST',
      headers: { accept: 'application/json', authorization: token as string },
      body: JSON.stringify(Array.from({ length: 4000 }, (_, i) => participant(i))),
    }),
  },
];

async function start(): Promise<{ child: ChildProcess; base: string }> {
  if (!existsSync('dist/cli/cli.js')) throw new Error('dist/cli/cli.js is missing: npm run build first');
  const child = spawn(process.execPath, ['dist/cli/cli.js', 'serve', '--port', '0', '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: '', AUTHFLOW_CONTROL_TOKEN: '' },
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  const end = Date.now() + 30_000;
  while (!/listening on (http:\/\/\S+)/.test(out)) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`serve did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, base: (/listening on (http:\/\/\S+)/.exec(out) as RegExpExecArray)[1] as string };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
};

const { child, base } = await start();
const rows: { kind: string; status: number; bytes: number; medianMs: number; worstMs: number }[] = [];
const load = loadavg()[0] ?? 0;
try {
  for (const kind of kinds) {
    const stalls: number[] = [];
    let status = 0;
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      const given = (await kind.before?.(base)) ?? {};
      const r = kind.request(base, given);
      const { worstMs, value } = await measureStall(base, async () => {
        if (r.method === 'GET') {
          const res = await fetch(r.url);
          return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
        }
        if (r.headers === undefined) return sendJson(r.url, r.method, r.body);
        const res = await fetch(r.url, {
          method: r.method,
          headers: { 'content-type': 'application/json', ...r.headers },
          body: r.body,
        });
        return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
      });
      stalls.push(worstMs);
      status = value.status;
      bytes = value.bytes;
    }
    const row = {
      kind: kind.name,
      status,
      bytes,
      medianMs: Math.round(median(stalls) * 10) / 10,
      worstMs: Math.round(Math.max(...stalls) * 10) / 10,
    };
    rows.push(row);
    process.stdout.write(
      `${row.kind}: ${row.status}, ${row.bytes} B, stall median ${row.medianMs} ms, worst ${row.worstMs} ms\n`,
    );
  }
} finally {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

process.stdout.write(
  `\nload average at start ${load.toFixed(2)}, now ${(loadavg()[0] ?? 0).toFixed(2)}; Node ${process.version}; ${runs} runs each\n\n`,
);
process.stdout.write(
  '| request | answer | worst stall, median of runs | worst stall, worst run |\n| --- | --- | --- | --- |\n',
);
for (const r of rows) {
  process.stdout.write(`| ${r.kind} | ${r.status}, ${r.bytes} B | ${r.medianMs} ms | ${r.worstMs} ms |\n`);
}
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ load, runs, rows }, null, 2)}\n`);
