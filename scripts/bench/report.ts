import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { config, notes, root } from './config.js';
import { median, type Row, rows } from './measure.js';
import { hasTaskset } from './processes.js';
import { coldStarts, fullFill, heapResult, inProcess, memory } from './targets.js';

export const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
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

export function report(): string {
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

export function write(path: string, body: string): void {
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
