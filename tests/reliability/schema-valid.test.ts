/**
 * Every operation driven from its own dereferenced spec (fast-check): schema-valid requests with
 * working credentials are never refused for their shape, and every answer's status is declared
 * for its operation and its body validates (the contract validator). The credentials and a valid
 * starting point per operation come from the provider's Postman collection
 * (scripts/fuzz/schema-valid.ts). FUZZ_SEED picks another seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerIds } from '../../mocks/providers/index.js';
import { createFuzzWorld, type FuzzWorld, harvestTokens } from '../../scripts/fuzz/harness.js';
import { checkSchemaValid, findTemplates, type Template } from '../../scripts/fuzz/schema-valid.js';

const numRuns = Number(process.env.SCHEMA_RUNS ?? 150);
const seed = Number(process.env.FUZZ_SEED ?? 20261207);

describe.each(providerIds)('schema-valid requests to %s', (provider) => {
  let world: FuzzWorld;
  let templates: Map<string, Template>;
  beforeAll(async () => {
    world = await createFuzzWorld([provider]);
    await harvestTokens(world, provider);
    templates = await findTemplates(world, provider);
  }, 60_000);
  afterAll(() => world.close());

  it.each(['http', 'msw'] as const)(
    'through the %s door: never refused for their shape, every answer declared and valid',
    async (door) => {
      const runs = await checkSchemaValid(world, provider, door, templates, { numRuns, seed });
      // Every operation the collection reaches with a 2xx is driven.
      expect([...runs.keys()].sort()).toEqual([...templates.keys()].sort());
      expect(templates.size).toBeGreaterThan(0);
    },
    120_000,
  );
});
