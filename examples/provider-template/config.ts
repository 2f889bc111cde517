/**
 * 7. The options and the fixtures slot. `options`: each option's type, default and description,
 * once (the defaults, `OptionsOf`, the config file's `options`, `--option`, the JSON Schema and
 * the README table come from it). The rest is the provider's section of the config file (its
 * entities as zod schemas, `crossCheck`), the demo fixture set, how a section becomes the fixture
 * set the state seeds from, the starter section `init` writes and the Postman variables a world names.
 */
import { checkUnique, crossChecked, fixtureSection, mergeById, type PostmanVariables } from 'authflow-mocks/provider';
import * as z from 'zod';
import * as demo from './fixtures.js';

export const options = z.strictObject({
  tokenTtlSeconds: z.number().int().positive().default(60).describe('Token lifetime in seconds. Inferred: 60.'),
});

export interface TinyFixtures {
  keys: readonly demo.KeyFixture[];
}

export const demoFixtures: TinyFixtures = { keys: demo.keys };

export const sectionSchema = fixtureSection(options, {
  keys: z.strictObject({ name: z.string().min(1), apiKey: z.string().min(8) }),
});
export const configSchema = crossChecked(sectionSchema, crossCheck);
type TinySection = z.output<typeof sectionSchema>;

export function toFixtureSet(section: Omit<TinySection, 'options'>, base = demoFixtures): TinyFixtures {
  return { keys: mergeById(section.mode === 'replace' ? [] : base.keys, section.keys, 'apiKey') };
}

export function crossCheck(section: TinySection, ctx: z.RefinementCtx): void {
  checkUnique(ctx, section.keys, 'apiKey', 'keys');
}

export function starterSection(): z.input<typeof configSchema> {
  return { mode: 'replace', keys: demoFixtures.keys.map((k) => ({ ...k })) };
}

export function postmanVariables(set: TinyFixtures): PostmanVariables {
  return { api_key: set.keys[0]?.apiKey };
}
