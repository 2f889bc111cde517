/**
 * Keeps `npm run bench:steady` working: a one-second run of the steady-state issuance row from
 * source, written to a temporary file. The script itself checks that the fill reached the owner
 * cap (the first token is then refused as evicted); this checks the table's shape and that every
 * response had the expected status. It asserts no timing target.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'authflow-bench-steady-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench:steady (quick)', () => {
  it('measures issuance past the owner cap beside the bare POST and writes its block', {
    timeout: 120_000,
  }, async () => {
    const out = join(dir, 'benchmarks.md');
    writeFileSync(out, '# Benchmarks\n\nkept\n');
    const { code, stderr } = await runProcess(process.execPath, [
      '--import',
      'tsx',
      'scripts/bench/steady-issuance.ts',
      '--quick',
      '--cli',
      'source',
      '--fill',
      '1001',
      '--out',
      out,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);

    const report = readFileSync(out, 'utf8');
    expect(report.startsWith('# Benchmarks\n\nkept\n')).toBe(true);
    const block = report.slice(
      report.indexOf('<!-- bench:steady:start -->'),
      report.indexOf('<!-- bench:steady:end -->'),
    );
    const rows = block
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| row') && !l.startsWith('| ---'))
      .map((l) => l.slice(2, -2).split(' | '));
    expect(rows.map((r) => r[0])).toEqual([
      'bare node:http POST (body read), constant JSON',
      'steady-state issuance: EventBookings POST /connect/token (client_credentials), client at its cap',
    ]);
    const ours = rows[1] as string[];
    expect(Number(ours[1])).toBeGreaterThan(0); // req/s
    expect(Number(ours[3])).toBeGreaterThan(0); // × bare POST
    // × bare by CPU (read from /proc: Linux only)
    if (process.platform === 'linux') expect(Number(ours[6])).toBeGreaterThan(0);
    expect(ours[8]).toBe('0'); // unexpected
  });
});
