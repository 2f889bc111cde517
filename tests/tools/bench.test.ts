/**
 * Keeps `npm run bench` working: a one-second, one-connection run of the benchmark script from
 * source, written to a temporary file (never docs/benchmarks.md). It checks the report's shape and
 * that every row answered with the expected status; it asserts no timing target.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { providerIds } from '../../mocks/providers/index.js';
import { scenarios } from '../../scripts/bench/scenarios.js';
import { runProcess } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'authflow-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const columns = [
  'target',
  'provider',
  'operation',
  'conns',
  'req/s',
  'p50 ms',
  'p99 ms',
  'bare beside, req/s',
  '× bare',
  '× Prism',
  '× Prism silent',
  'unexpected',
];

function tableRows(markdown: string): Record<string, string>[] {
  const lines = markdown.split('\n');
  const head = lines.findIndex((l) => l.startsWith('| target | provider |'));
  if (head === -1) return [];
  const cells = (l: string) =>
    l
      .slice(1, -1)
      .split(' | ')
      .map((c) => c.trim());
  const names = cells(lines[head] as string);
  const out: Record<string, string>[] = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const values = cells(line);
    out.push(Object.fromEntries(names.map((n, i) => [n, values[i] ?? ''])));
  }
  return out;
}

describe('npm run bench (quick)', () => {
  it('measures every target and writes a well-formed report to --out', { timeout: 240_000 }, async () => {
    const out = join(dir, 'benchmarks.md');
    const { code, stdout, stderr } = await runProcess(process.execPath, [
      '--import',
      'tsx',
      'scripts/bench.ts',
      '--quick',
      '--cli',
      'source',
      '--targets',
      'bare,ours,prism-silent,msw,cold,heap,full,inproc',
      '--out',
      out,
    ]);
    expect(stderr).not.toContain('bench:');
    expect(code).toBe(0);

    const report = readFileSync(out, 'utf8');
    expect(report).toContain('<!-- bench:start -->');
    expect(stdout).toContain('| target | provider |');
    const rows = tableRows(report);
    expect(Object.keys(rows[0] ?? {})).toEqual(columns);

    const expected = [
      ['node:http', '—'],
      ['node:http', '—'],
      ...providerIds
        .filter((id) => scenarios[id] !== undefined)
        .flatMap((id) => [
          ['authflow-mocks', id],
          ['authflow-mocks', id],
        ]),
      ['authflow-mocks', 'eventbookings'],
      ['Prism -v silent', 'eventbookings'],
      ['Prism -v silent', 'eventbookings'],
      ['MSW getResponse', 'eventbookings'],
      ['MSW getResponse', 'eventbookings'],
      ['authflow-mocks, fresh world', 'eventbookings'],
      ['authflow-mocks, full store', 'eventbookings'],
    ];
    expect(rows.map((r) => [r.target, r.provider])).toEqual(expected);
    for (const row of rows) {
      expect(row.conns).toBe('1');
      expect(Number(row['req/s'])).toBeGreaterThan(0);
      expect(Number(row['p99 ms'])).toBeGreaterThanOrEqual(Number(row['p50 ms']));
      // Every response had the status the row expects (200, or 401 for the 401 row).
      expect(row.unexpected).toBe('0');
    }
    for (const row of rows.filter((r) => r.target === 'authflow-mocks')) {
      // The bare server ran beside each of this server's rows.
      expect(Number(row['bare beside, req/s'])).toBeGreaterThan(0);
      expect(Number(row['× bare'])).toBeGreaterThan(0);
      // Prism has no 401 row to compare with; every other row has a ratio.
      if (!row.operation?.includes('401')) expect(Number(row['× Prism silent']?.replace('≈', ''))).toBeGreaterThan(0);
    }
    expect(report).toMatch(/\| authflow-mocks serve \(tsx mocks\/tools\/cli\.ts\) \| \d+ \|/);
    expect(report).toMatch(/\| Prism mock eventbookings \(-v silent\) \| \d+ \|/);
    expect(report).toMatch(/\| token store heap before 20,000 issuances/);
    expect(report).toMatch(/\| authflow-mocks serve, peak RSS over all its rows \| \d+\.\d \|/);
    expect(report).toMatch(/\| steady when full: GET \/me after 20,000 issuances \(1 conns\) \| .* \| \d+\.\d\d× \|/);
    expect(report).toMatch(/\| setupMocks\(\), EventBookings GET \/me \(bearer\) \| \d+ \| \d+ \| \d+\.\d\d \|/);
  });
});
