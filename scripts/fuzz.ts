/**
 * `npm run fuzz`: the long fuzzing run (the bounded one is in `npm test`).
 *   npm run fuzz -- [--runs 2000] [--provider ID]... [--door http|msw] [--seed N]
 * FUZZ_SEED also sets the seed. On failure fast-check prints the seed, the path and the shrunk
 * request; rerun with the same seed to replay it.
 */
import { parseArgs } from 'node:util';
import { isProviderId, type ProviderId, providerIds } from '../mocks/providers/index.js';
import { createFuzzWorld, type DoorName, fuzzProvider, harvestTokens } from './fuzz/harness.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    provider: { type: 'string', multiple: true },
    door: { type: 'string', multiple: true },
    seed: { type: 'string' },
  },
});
const runs = Number(values.runs);
const providers = (values.provider ?? [...providerIds]).filter((id): id is ProviderId => {
  if (isProviderId(id)) return true;
  process.stdout.write(`note: ${id}: not a provider; skipped\n`);
  return false;
});
const doors = (values.door ?? ['http', 'msw']) as DoorName[];
const seedText = values.seed ?? process.env.FUZZ_SEED;
const seed = seedText === undefined || seedText === '' ? Date.now() % 2 ** 31 : Number(seedText);
process.stdout.write(`fuzz: ${runs} runs per provider and door, seed ${seed}\n`);

let failed = 0;
for (const provider of providers) {
  const world = await createFuzzWorld([provider]);
  try {
    await harvestTokens(world, provider);
    for (const door of doors) {
      const started = performance.now();
      try {
        const statuses = await fuzzProvider(world, provider, door, { numRuns: runs, seed });
        const summary = [...statuses.entries()]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ');
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stdout.write(`ok   ${provider} ${door} (${seconds} s): ${summary}\n`);
      } catch (error) {
        failed++;
        process.stdout.write(`FAIL ${provider} ${door}\n${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  } finally {
    await world.close();
  }
}
process.exit(failed === 0 ? 0 : 1);
