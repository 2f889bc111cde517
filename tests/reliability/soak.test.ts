/**
 * The soak script keeps working: a two-second run of every provider against the CLI server
 * (`npm run soak` is the real, 60-second one). Asserts behaviour only: no 5xx, no socket error,
 * the journal within its ring, every provider loaded. No timing or throughput assertion.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { providerIds } from '../../mocks/providers/index.js';

it('soaks every provider for two seconds with no 5xx, no socket error and a bounded journal', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'soak-')), 'soak.json');
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/soak.ts', '--duration', '2', '--connections', '11', '--source', '--json', out],
    { timeout: 60_000 },
  );
  const report = JSON.parse(readFileSync(out, 'utf8'));
  expect(report.problems).toEqual([]);
  expect(report.providers).toEqual([...providerIds]);
  expect(report.requests).toBeGreaterThan(0);
  expect(report.fiveXx).toBe(0);
  expect(report.socketErrors).toBe(0);
  expect(report.journalEntries).toBeLessThanOrEqual(1000);
  expect(Object.keys(report.statuses)).toContain('200');
}, 90_000);
