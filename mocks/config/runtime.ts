/**
 * The config at run time: `PUT /__control/fixtures` makes a validated config the configured
 * world (providers it does not name go back to the demo world), `POST /__control/<id>/fixtures`
 * adds entities to one provider's configured world. Nothing changes when the input has problems.
 */
import {
  type AnyProviderDefinition,
  type FixtureProblem,
  type FixtureRefusal,
  type FixturesHook,
  type Provider,
  sizeProblems,
} from '../core/index.js';
import { ConfigError, checkEntries, fixturesOf, parseConfig, problemsOf, sectionSizeProblems } from './schema.js';

const optionsProblem = (path: string): FixtureProblem => ({
  path,
  message: 'options cannot change at run time; restart with the config',
});
const refused = (...problems: FixtureProblem[]): FixtureRefusal => ({ problems });
const installed: FixtureRefusal = { problems: [] };

/** `definitions`: the world's providers as defined (their `fixtures` slots); `providers`: its instances. */
export function createFixturesHook(
  definitions: readonly AnyProviderDefinition[],
  providers: readonly Provider[],
): FixturesHook {
  const moduleOf = (id: string) => definitions.find((d) => d.id === id)?.fixtures;
  return {
    replace(input) {
      // A whole config file is welcome: port, host, providers and options are validated but
      // apply only on restart (the server and the providers' settings are fixed at start).
      let sections: Record<string, Record<string, unknown> | undefined>;
      try {
        sections = fixturesOf(parseConfig(input)) as typeof sections;
      } catch (error) {
        if (error instanceof ConfigError)
          return { problems: error.problems, more: error.more, unchecked: error.unchecked };
        throw error;
      }
      for (const provider of providers) {
        const module = moduleOf(provider.id);
        const section = sections[provider.id];
        if (module === undefined) continue;
        provider.useFixtures?.(section === undefined ? module.demoFixtures : module.toFixtureSet(section));
      }
      return installed;
    },
    add(id, input) {
      const module = moduleOf(id);
      const provider = providers.find((p) => p.id === id);
      if (module === undefined || provider?.fixtureSet === undefined) {
        return refused({ path: id, message: 'this provider takes no fixtures' });
      }
      const tooBig = sectionSizeProblems(id, input);
      if (tooBig.length > 0) return { problems: tooBig };
      const entries = checkEntries([[id, module.sectionSchema, input]]);
      if (entries.unchecked > 0) return entries;
      const base = provider.fixtureSet();
      const schema = module.sectionSchema.superRefine((config, ctx) => module.crossCheck(config, ctx, base));
      const result = schema.safeParse(input);
      if (!result.success) return { problems: problemsOf(result.error, [id]) };
      const config = result.data;
      if (config.options !== undefined) return refused(optionsProblem(`${id}.options`));
      if (config.mode === 'replace')
        return refused({ path: `${id}.mode`, message: 'adding merges; PUT /__control/fixtures replaces' });
      const next = module.toFixtureSet({ ...config, mode: 'merge' }, base);
      // Adds accumulate: the world they make is held to the same sizes as one input.
      const grown = sizeProblems([[id, next]]);
      if (grown.length > 0) {
        return { problems: grown.map((p) => ({ ...p, message: `with this added, ${p.message}` })) };
      }
      provider.useFixtures?.(next);
      return installed;
    },
  };
}
