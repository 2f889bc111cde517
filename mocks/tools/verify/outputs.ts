/**
 * The report as a summary, JUnit XML and JSON files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Drift, VerifyReport } from './types.js';

/** The human summary (what `verify` prints). */
export function formatSummary(report: VerifyReport): string {
  const c = report.counts;
  const a = report.assertions;
  const failed = `${a.failed} of ${a.total} of the collection's own assertions failed`;
  const verdict =
    report.verdict === 'drift'
      ? `DRIFT${a.failed > 0 ? ` (and ${failed})` : ''}`
      : report.verdict === 'assertions_failed'
        ? `FAILED: ${failed} (nothing drifts)`
        : a.failed > 0
          ? `ok, though ${failed} (allowed by --allow-failed-assertions)`
          : 'ok';
  const lines = [
    `${report.provider} (${report.target}): ${verdict}; ${c.operations} operations, ${c.conforms} conform, ${c.drifts} drift, ${c.notExercised} not exercised (${c.requests} requests checked)`,
  ];
  for (const op of report.operations) {
    if (op.verdict === 'not_exercised') continue;
    lines.push(
      `  ${op.verdict === 'conforms' ? 'ok   ' : 'DRIFT'} ${op.operationId} ${op.method} ${op.path}  [${op.statuses.join(', ')}]`,
    );
    for (const d of op.drifts) {
      lines.push(`        ${d.status} ${d.path}: expected ${d.expected}, got ${d.actual}  [${d.step}]`);
    }
  }
  for (const r of report.redirects) {
    lines.push(`  redirect not followed: ${r.status} to ${r.location}  [${r.step}]`);
  }
  const idle = report.operations.filter((o) => o.verdict === 'not_exercised').map((o) => o.operationId);
  if (idle.length > 0) lines.push(`  not exercised: ${idle.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** Whether the collection's own assertions failed, and that counts against the run. */
const assertionsFailed = (r: VerifyReport) => r.assertions.failed > 0 && !r.assertions.allowedToFail;
const failuresOf = (r: VerifyReport) => r.counts.drifts + (assertionsFailed(r) ? 1 : 0);

const xml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);

/**
 * JUnit XML: one test case per operation, a failure per drifting one, skipped when not exercised;
 * and one for the collection's own assertions, a failure when they failed (unless allowed), so a
 * run that did not do what it should does not read as green.
 */
export function formatJunit(reports: readonly VerifyReport[]): string {
  const suites = reports.map((r) => {
    const cases = r.operations.map((op) => {
      const name = `${op.operationId} ${op.method} ${op.path}`;
      const open = `    <testcase classname="verify.${xml(r.provider)}" name="${xml(name)}">`;
      if (op.verdict === 'not_exercised') return `${open}<skipped message="not exercised"/></testcase>`;
      if (op.verdict === 'conforms') return `${open}</testcase>`;
      const detail = op.drifts
        .map((d) => `${d.status} ${d.path}: expected ${d.expected}, got ${d.actual} [${d.step}]`)
        .join('\n');
      const first = op.drifts[0] as Drift;
      return `${open}\n      <failure message="${xml(`${first.path}: expected ${first.expected}, got ${first.actual}`)}" type="drift">${xml(detail)}</failure>\n    </testcase>`;
    });
    const a = r.assertions;
    const open = `    <testcase classname="verify.${xml(r.provider)}" name="the collection's own assertions (${a.failed} of ${a.total} failed)">`;
    cases.push(
      assertionsFailed(r)
        ? `${open}\n      <failure message="${a.failed} of ${a.total} of the collection's own assertions failed" type="assertions"/>\n    </testcase>`
        : `${open}</testcase>`,
    );
    return `  <testsuite name="verify ${xml(r.provider)} (${xml(r.target)})" tests="${r.counts.operations + 1}" failures="${failuresOf(r)}" skipped="${r.counts.notExercised}" timestamp="${r.startedAt}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const tests = reports.reduce((n, r) => n + r.counts.operations + 1, 0);
  const failures = reports.reduce((n, r) => n + failuresOf(r), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="authflow-mocks verify" tests="${tests}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}

export type VerifyReporter = 'cli' | 'junit' | 'json';

/** Writes `<provider>.xml` (junit) and `<provider>.json` (json) into `outDir`; returns the paths. */
export function writeReports(report: VerifyReport, outDir: string, reporters: readonly VerifyReporter[]): string[] {
  const written: string[] = [];
  if (!reporters.includes('junit') && !reporters.includes('json')) return written;
  mkdirSync(outDir, { recursive: true });
  if (reporters.includes('junit')) {
    const file = join(outDir, `${report.provider}.xml`);
    writeFileSync(file, formatJunit([report]));
    written.push(file);
  }
  if (reporters.includes('json')) {
    const file = join(outDir, `${report.provider}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    written.push(file);
  }
  return written;
}
