import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { providerIds } from '../../mocks/providers/index.js';
import { num } from './flags.js';
import { scenarios } from './scenarios.js';

/** The repository (this file is in scripts/bench/). */
export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const allTargets = [
  'bare',
  'ours',
  'prism',
  'prism-silent',
  'msw',
  'cold',
  'heap',
  'full',
  'inproc',
  'steady',
] as const;
type TargetName = (typeof allTargets)[number];

const help = `Usage: tsx scripts/bench.ts [flags]
  --quick                 1 s per run, no warm-up, 1 run, 1 connection, 1 cold start, 20k issuances
  --duration S            seconds per measured run (10)
  --warmup S              seconds of warm-up before the runs (2; 0 = none)
  --runs N                measured runs per row; the median is reported (3)
  --connections LIST      e.g. 10,50 (10,50)
  --targets LIST          of ${allTargets.join(', ')} (all)
  --providers LIST        providers measured on this server (every one with a bench entry)
  --compare LIST          providers measured on Prism and MSW too (eventbookings)
  --cold-starts N         spawns per cold-start median (7)
  --issuances N           token issuances for the heap check and the full-store row (1000000)
  --fetches N             sequential fetch calls per side of the in-process row (10000)
  --cli dist|source       run the built CLI (dist/cli/cli.js, default) or mocks/tools/cli.ts through tsx
  --out PATH              where to write the report (docs/benchmarks.md); --no-write: print only`;

export const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    runs: { type: 'string' },
    connections: { type: 'string' },
    targets: { type: 'string' },
    providers: { type: 'string' },
    compare: { type: 'string' },
    'cold-starts': { type: 'string' },
    issuances: { type: 'string' },
    fetches: { type: 'string' },
    cli: { type: 'string', default: 'dist' },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  process.stdout.write(`${help}\n`);
  process.exit(0);
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const quick = flags.quick;
export const config = {
  duration: num(flags.duration, quick ? 1 : 10, 'duration'),
  warmup: num(flags.warmup, quick ? 0 : 2, 'warmup'),
  runs: Math.max(1, num(flags.runs, quick ? 1 : 3, 'runs')),
  connections: (list(flags.connections) ?? (quick ? ['1'] : ['10', '50'])).map((c) => num(c, 1, 'connections')),
  targets: new Set((list(flags.targets) ?? [...allTargets]) as TargetName[]),
  coldStarts: Math.max(1, num(flags['cold-starts'], quick ? 1 : 7, 'cold-starts')),
  issuances: num(flags.issuances, quick ? 20_000 : 1_000_000, 'issuances'),
  fetches: Math.max(1, num(flags.fetches, quick ? 1000 : 10_000, 'fetches')),
  cli: flags.cli,
  out: flags['no-write'] ? undefined : (flags.out ?? join(root, 'docs', 'benchmarks.md')),
};
for (const t of config.targets) if (!allTargets.includes(t)) throw new Error(`unknown target ${t}`);
if (config.cli !== 'dist' && config.cli !== 'source') throw new Error('--cli must be dist or source');

// ---- which providers ----
export const notes: string[] = [];
const benchable = providerIds.filter((id) => {
  if (scenarios[id] !== undefined) return true;
  const note = `${id}: no entry in scripts/bench/scenarios.ts; skipped`;
  notes.push(note);
  process.stdout.write(`note: ${note}\n`);
  return false;
});
const pick = (wanted: string[] | undefined, fallback: string[]) =>
  (wanted ?? fallback).filter((id) => {
    if ((benchable as readonly string[]).includes(id)) return true;
    process.stdout.write(`note: ${id}: not a provider with a bench entry; skipped\n`);
    return false;
  });
export const ourProviders = pick(list(flags.providers), benchable);
export const compareProviders = pick(list(flags.compare), benchable.includes('eventbookings') ? ['eventbookings'] : []);
