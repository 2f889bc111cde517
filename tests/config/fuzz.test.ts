/** The fuzz harness on a configured (non-demo) world: no 5xx, spec-valid answers, refusals change nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerIds } from '../../mocks/providers/index.js';
import { createFuzzWorld, type FuzzWorld, fuzzProvider, harvestTokens } from '../../scripts/fuzz/harness.js';
import { customWorld } from './worlds.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 40);

describe.each(providerIds)('fuzzing %s on a configured world', (provider) => {
  let world: FuzzWorld;
  beforeAll(async () => {
    world = await createFuzzWorld([provider], { fixtures: customWorld });
    await harvestTokens(world, provider);
  }, 60_000);
  afterAll(() => world.close());

  it.each(['http', 'msw'] as const)(
    'through the %s door',
    async (door) => {
      const statuses = await fuzzProvider(world, provider, door, { numRuns });
      expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(numRuns);
    },
    120_000,
  );
});
