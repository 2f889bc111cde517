/**
 * The README's recipes for many test runs on one server, run as a user runs them: Playwright with
 * four parallel workers in Debian's Chromium (a world per worker), and Vitest with one server
 * from globalSetup (a world per file). Each example's own checks fail if worlds leak.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeBrowser } from '../support/browser.js';
import { runProcess } from '../support/cli.js';

async function run(
  command: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const ran = await runProcess(command[0] as string, command.slice(1), { env });
  return { code: ran.code, output: ran.stdout + ran.stderr };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describeBrowser('Playwright: four parallel workers, one server, a world each', () => {
  it('every test passes, spread over four workers', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pw-worlds-')), 'report.json');
    const result = await run(
      [
        'npx',
        'playwright',
        'test',
        '-c',
        'examples/playwright',
        '--reporter=json',
        '--output',
        join(out, '..', 'results'),
      ],
      { AUTHFLOW_MOCKS_PORT: String(await freePort()), PLAYWRIGHT_JSON_OUTPUT_NAME: out, CI: '1' },
    );
    expect(result.code, result.output.slice(-2000)).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      stats: { expected: number; unexpected: number };
      suites: { specs: { tests: { results: { parallelIndex: number; status: string }[] }[] }[] }[];
    };
    expect(report.stats).toMatchObject({ expected: 8, unexpected: 0 });
    const workers = new Set(
      report.suites.flatMap((s) =>
        s.specs.flatMap((spec) => spec.tests.flatMap((t) => t.results.map((r) => r.parallelIndex))),
      ),
    );
    expect(workers.size).toBe(4);
  }, 240_000);
});

describe('Vitest: one server from globalSetup, a world per test file', () => {
  it('both files pass in parallel, each on its own clock', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vitest-worlds-')), 'report.json');
    const result = await run([
      'npx',
      'vitest',
      'run',
      '-c',
      'examples/vitest-server/vitest.config.ts',
      '--reporter=json',
      `--outputFile=${out}`,
    ]);
    expect(result.code, result.output.slice(-2000)).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    expect(report).toMatchObject({ numPassedTests: 10, numFailedTests: 0 });
  }, 120_000);
});
