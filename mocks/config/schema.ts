/**
 * The config file's schema, assembled from each provider's own (`providers/<id>/config.ts`):
 * server settings (port, host, providers) and one section per provider (mode, options,
 * fixtures). The same schemas type `setupMocks({ fixtures })` and generate the JSON Schema.
 */
import * as z from 'zod';
import * as backops from '../providers/backops/config.js';
import * as eventbookings from '../providers/eventbookings/config.js';
import * as eventix from '../providers/eventix/config.js';
import type { ProviderOptions } from '../providers/index.js';
import * as teletracker from '../providers/teletracker/config.js';
import * as tracx from '../providers/tracx/config.js';

/** Each provider's config module, by id (adding a provider means adding it here). */
export const providerConfigs = { eventbookings, eventix, tracx, backops, teletracker } as const;
export type ConfiguredProviderId = keyof typeof providerConfigs;
const ids = Object.keys(providerConfigs) as [ConfiguredProviderId, ...ConfiguredProviderId[]];

const sections = {
  eventbookings: eventbookings.configSchema.optional(),
  eventix: eventix.configSchema.optional(),
  tracx: tracx.configSchema.optional(),
  backops: backops.configSchema.optional(),
  teletracker: teletracker.configSchema.optional(),
};

/** Per provider: `mode`, `options` and fixtures. What `setupMocks({ fixtures })` takes. */
export const fixturesSchema = z.strictObject(sections);

/** The whole config file. */
export const configSchema = z.strictObject({
  $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
  port: z.number().int().min(0).max(65535).optional().describe('Port of `serve`. Default 4010.'),
  host: z.string().min(1).optional().describe('Host `serve` binds to. Default 127.0.0.1.'),
  providers: z.array(z.enum(ids)).min(1).optional().describe('Serve only these providers. Default: all.'),
  ...sections,
});

/** A config as written (defaults optional). */
export type AuthflowConfig = z.input<typeof configSchema>;
/** `setupMocks({ fixtures })`, `createWorld`, `createMockServer`: per-provider sections as written. */
export type FixturesConfig = z.input<typeof fixturesSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
export type ParsedFixtures = z.output<typeof fixturesSchema>;

/** One problem of a config: where (`eventix.clients[0].redirect_uris[1]`) and what. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** A config that does not validate (or cannot be read): every problem, each with its path. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  constructor(problems: readonly ConfigProblem[], source?: string) {
    const where = source === undefined ? 'config' : source;
    super(`Invalid ${where}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** `['eventix', 'clients', 0, 'redirect_uris', 1]` → `eventix.clients[0].redirect_uris[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

export function problemsOf(error: z.ZodError, prefix: readonly PropertyKey[]): ConfigProblem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...prefix, ...issue.path, key]), message: 'unknown key' }));
    }
    return [{ path: formatPath([...prefix, ...issue.path]), message: issue.message }];
  });
}

/** Validates a whole config file's content; throws one `ConfigError` listing every problem. */
export function parseConfig(input: unknown, source?: string): ParsedConfig {
  const result = configSchema.safeParse(input);
  if (!result.success) throw new ConfigError(problemsOf(result.error, []), source);
  return result.data;
}

/** Validates the `fixtures` of the library; throws one `ConfigError` listing every problem. */
export function parseFixtures(input: unknown, prefix: readonly PropertyKey[] = []): ParsedFixtures {
  const result = fixturesSchema.safeParse(input);
  if (!result.success) throw new ConfigError(problemsOf(result.error, prefix));
  return result.data;
}

/** The provider sections of a parsed config (what `createWorld({ fixtures })` takes). */
export function fixturesOf(config: ParsedConfig) {
  const { $schema: _s, port: _p, host: _h, providers: _ps, ...sections } = config;
  return sections;
}

/** The fixture set and options one provider is created with. */
export interface ProviderSeed {
  fixtures: unknown;
  options: Record<string, unknown>;
}

/** Per configured provider: the fixture set its state seeds from and its options. */
export function seedsOf(parsed: ParsedFixtures): Partial<Record<ConfiguredProviderId, ProviderSeed>> {
  const out: Partial<Record<ConfiguredProviderId, ProviderSeed>> = {};
  for (const id of ids) {
    const section = parsed[id];
    if (section === undefined) continue;
    const module = providerConfigs[id] as { toFixtureSet(config: unknown): unknown };
    out[id] = { fixtures: module.toFixtureSet(section), options: { ...section.options } };
  }
  return out;
}

// The options schemas restate each provider's options interface; drift fails to compile here.
type Normal<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
type Same<A, B> = [Normal<A>] extends [Normal<B>] ? ([Normal<B>] extends [Normal<A>] ? true : false) : false;
const optionsInSync: {
  [K in ConfiguredProviderId]: Same<
    z.input<(typeof providerConfigs)[K]['optionsSchema']>,
    NonNullable<ProviderOptions[K]>
  >;
} = { eventbookings: true, eventix: true, tracx: true, backops: true, teletracker: true };
void optionsInSync;
