import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compareProviders, config, ourProviders, root } from './bench/config.js';
import { credentialServer } from './bench/measure.js';
import { stopAll } from './bench/processes.js';
import { report, write } from './bench/report.js';
import { steadyIssuance } from './bench/steady-issuance.js';
import {
  benchBare,
  benchCold,
  benchFull,
  benchHeap,
  benchInProcess,
  benchMsw,
  benchOurs,
  benchPrism,
} from './bench/targets.js';

function bound(): number {
  const perRow = config.warmup + config.runs * config.duration + 3 * (config.runs + 1);
  // This server's rows count twice: the bare server runs beside each of them.
  const rowsCount = 2 + (ourProviders.length * 2 + 1) * 2 + compareProviders.length * 6;
  // The full-store fill runs in-process at well over 5,000 issuances/s; 10,000 fetches take seconds.
  const extra = config.targets.has('full') ? config.issuances / 5000 + 2 * perRow * config.connections.length : 0;
  return (perRow * rowsCount * config.connections.length + config.coldStarts * 2 * 10 + 300 + extra) * 1000;
}

async function main(): Promise<void> {
  const limit = bound();
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: over its time bound (${Math.round(limit / 1000)} s); stopping\n`);
    void stopAll().finally(() => process.exit(1));
  }, limit);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void stopAll().finally(() => process.exit(130));
    });
  }
  if (config.cli === 'dist' && !existsSync(join(root, 'dist/cli/cli.js'))) {
    throw new Error('dist/cli/cli.js is missing: run `npm run build` (npm run bench does) or pass --cli source');
  }
  const t = config.targets;
  if (t.has('bare')) await benchBare();
  if (t.has('ours')) await benchOurs();
  if (t.has('prism')) await benchPrism(false);
  if (t.has('prism-silent')) await benchPrism(true);
  if (t.has('msw')) await benchMsw();
  if (t.has('cold')) await benchCold();
  if (t.has('heap')) await benchHeap();
  if (t.has('full')) await benchFull();
  if (t.has('inproc')) await benchInProcess();
  const steady = t.has('steady') ? await steadyIssuance({ ...config, connections: config.connections[0] ?? 10 }) : '';
  const text = steady === '' ? report() : `${report()}\n\n${steady}`;
  process.stdout.write(`\n${text}\n`);
  if (config.out !== undefined) write(config.out, text);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (error instanceof Error && error.cause !== undefined) process.stderr.write(`cause: ${String(error.cause)}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAll();
    await credentialServer?.close();
    process.exit(process.exitCode ?? 0);
  });
