/**
 * The config file's schema, assembled from each provider's own (`providers/<id>/config.ts`):
 * server settings (port, host, providers) and one section per provider (mode, options,
 * fixtures). The same schemas type `setupMocks({ fixtures })` and generate the JSON Schema.
 */
import * as z from 'zod';
import type { AnyProviderDefinition } from '../core/define.js';
import type { FixtureProblem } from '../core/errors.js';
import { boundProblems, fixtureLimits, sizeProblems } from '../core/fixture-config.js';
import { printable } from '../core/printable.js';
import { type Definition, type ProviderId, type Registry, registry } from '../providers/index.js';

/** A provider id the config file has a section for: every provider of the registry. */
export type ConfiguredProviderId = ProviderId;

type SectionOf<D extends Definition> =
  NonNullable<D['fixtures']> extends { configSchema: infer C extends z.ZodType }
    ? C
    : z.ZodObject<{ options: z.ZodOptional<D['optionsSchema']> }, z.core.$strict>;
type Sections = { [D in Definition as D['id']]: z.ZodOptional<SectionOf<D>> };

/** A provider's section of the config file: its fixtures slot's, or only its options when it has none. */
export function sectionSchemaOf(definition: AnyProviderDefinition): z.ZodType {
  return definition.fixtures?.configSchema ?? z.strictObject({ options: definition.optionsSchema.optional() });
}

/** The section schema before cross-reference checks, whose lists are checked entry by entry. */
function entriesSchemaOf(definition: AnyProviderDefinition): z.ZodType {
  return definition.fixtures?.sectionSchema ?? sectionSchemaOf(definition);
}

function sectionsOf(providers: Registry): Record<string, z.ZodType> {
  return Object.fromEntries(providers.definitions.map((d) => [d.id, sectionSchemaOf(d).optional()]));
}

function buildSchemas(providers: Registry) {
  const sections = sectionsOf(providers);
  return {
    /** Per provider: `mode`, `options` and fixtures. What `setupMocks({ fixtures })` takes. */
    fixturesSchema: z.strictObject(sections),
    /** The whole config file. */
    configSchema: z.strictObject({
      $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
      port: z.number().int().min(0).max(65535).optional().describe('Port of `serve`. Default 4010.'),
      host: z.string().min(1).optional().describe('Host `serve` binds to. Default 127.0.0.1.'),
      store: z
        .string()
        .min(1)
        .optional()
        .describe(
          'Where `serve` keeps its worlds: `memory` (default) or `redis://host:6379/0`; replicas with the same store and config serve the same worlds.',
        ),
      providers: z
        .array(z.enum(providers.ids as [string, ...string[]]))
        .min(1)
        .optional()
        .describe('Serve only these providers. Default: all.'),
      ...sections,
    }),
  };
}

const built = new WeakMap<Registry, ReturnType<typeof buildSchemas>>();

/** The config file's schemas for a registry (the package's, or one with providers of your own). */
export function schemasOf(providers: Registry = registry): ReturnType<typeof buildSchemas> {
  let schemas = built.get(providers);
  if (schemas === undefined) {
    schemas = buildSchemas(providers);
    built.set(providers, schemas);
  }
  return schemas;
}

type ServerFields = {
  $schema: z.ZodOptional<z.ZodString>;
  port: z.ZodOptional<z.ZodNumber>;
  host: z.ZodOptional<z.ZodString>;
  store: z.ZodOptional<z.ZodString>;
  providers: z.ZodOptional<z.ZodArray<z.ZodEnum<{ [K in ProviderId]: K }>>>;
};

/** Per provider: `mode`, `options` and fixtures. What `setupMocks({ fixtures })` takes. */
export const fixturesSchema = schemasOf().fixturesSchema as unknown as z.ZodObject<Sections, z.core.$strict>;

/** The whole config file. */
export const configSchema = schemasOf().configSchema as unknown as z.ZodObject<ServerFields & Sections, z.core.$strict>;

/** A config as written (defaults optional). */
export type AuthflowConfig = z.input<typeof configSchema>;
/** `setupMocks({ fixtures })`, `createWorld`, `createMockServer`: per-provider sections as written. */
export type FixturesConfig = z.input<typeof fixturesSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
export type ParsedFixtures = z.output<typeof fixturesSchema>;

/**
 * One problem of a config: where (`eventix.clients[0].redirect_uris[1]`), what, and a stable code
 * where there is one. The same type as the control plane's `FixtureProblem` (one problem type:
 * a config file, `setupMocks({ fixtures })` and `PUT /__control/fixtures` report alike); the
 * name is kept for users who import it.
 */
export type ConfigProblem = FixtureProblem;

/**
 * A config that does not validate (or cannot be read): its problems, each with its path, at most
 * `fixtureLimits.maxProblems` of them (a huge bad input would otherwise make a message of
 * megabytes); `more` counts the problems found past them, `unchecked` the entries not checked
 * once they were found.
 *
 * An edge error, not a `MockError`: it is thrown to the code that set a world up
 * (`setupMocks({ fixtures })`, `createMockServer`, the CLI reading a config file), never answered
 * to a request. The control plane turns the same problems into `MockError` `fixtures_invalid`
 * (400). See docs/architecture.md, "Errors".
 */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  readonly more: number;
  readonly unchecked: number;
  constructor(problems: readonly ConfigProblem[], source?: string, unchecked = 0) {
    const where = source === undefined ? 'config' : source;
    const bounded = boundProblems(problems);
    const tail = [
      bounded.more > 0 ? `\n  … and ${bounded.more} more problems` : '',
      unchecked > 0 ? `\n  … and ${unchecked} entries not checked` : '',
    ].join('');
    super(`Invalid ${where}:\n${bounded.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}${tail}`);
    this.name = 'ConfigError';
    this.problems = bounded.problems;
    this.more = bounded.more;
    this.unchecked = unchecked;
  }
}

/** `['eventix', 'clients', 0, 'redirect_uris', 1]` → `eventix.clients[0].redirect_uris[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    // A key is the user's text: escaped, so a problem stays one line wherever it is printed.
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? printable(String(part)) : `.${printable(String(part))}`;
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

/**
 * The sizes of a config or fixtures input (see `fixtureLimits`), checked before zod reads it: a
 * list of 300 000 entities is refused by its length, not by 300 000 entity checks.
 */
function oversized(input: unknown, prefix: readonly PropertyKey[], providers: Registry): ConfigProblem[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [];
  const record = input as Record<string, unknown>;
  const at = prefix.length === 0 ? '' : `${formatPath(prefix)}.`;
  const problems: ConfigProblem[] = sizeProblems(
    Object.keys(record)
      .filter((id) => providers.has(id))
      .map((id) => [`${at}${id}`, record[id]] as const),
  );
  const most = providers.ids.length;
  if (Array.isArray(record.providers) && record.providers.length > most) {
    problems.push({ path: `${at}providers`, message: `at most ${most} entries (this has ${record.providers.length})` });
  }
  return problems;
}

/** A provider section's sizes (`POST /__control/<id>/fixtures`), as `oversized` checks a config's. */
export function sectionSizeProblems(id: string, section: unknown): ConfigProblem[] {
  return sizeProblems([[id, section]]);
}

/** The schema of one entry of each list of a section schema (`users` → the user schema). */
function entrySchemas(section: z.ZodType): Map<string, z.ZodType> {
  const out = new Map<string, z.ZodType>();
  if (!(section instanceof z.ZodObject)) return out;
  for (const [key, field] of Object.entries(section.shape as Record<string, z.ZodType>)) {
    const list = field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
    if (list instanceof z.ZodArray) out.set(key, list.element as z.ZodType);
  }
  return out;
}

/** Problems of entries checked one by one, and how many entries were left unchecked. */
export interface EntryCheck {
  problems: ConfigProblem[];
  unchecked: number;
}

/**
 * Checks each entity of each list of the sections on its own and stops once
 * `fixtureLimits.maxProblems` are found: zod reports every problem of a whole input, at some
 * microseconds each, which for a thousand bad entities is a long stall for an answer nobody
 * reads in full. Valid entities cost little; at most one entity's problems pass the limit.
 * Whole-input checks (unknown keys, cross-references) run afterwards, on entities that passed.
 */
export function checkEntries(sections: Iterable<readonly [string, z.ZodType, unknown]>): EntryCheck {
  const problems: ConfigProblem[] = [];
  let unchecked = 0;
  for (const [id, schema, section] of sections) {
    if (section === null || typeof section !== 'object' || Array.isArray(section)) continue;
    for (const [kind, entry] of entrySchemas(schema)) {
      const list = (section as Record<string, unknown>)[kind];
      if (!Array.isArray(list)) continue;
      list.forEach((item, i) => {
        if (problems.length >= fixtureLimits.maxProblems) {
          unchecked++;
          return;
        }
        const result = entry.safeParse(item);
        if (!result.success) problems.push(...problemsOf(result.error, [id, kind, i]));
      });
    }
  }
  return { problems, unchecked };
}

/** The entries of a whole config's (or fixtures') provider sections, checked one by one. */
function checkConfigEntries(input: unknown, prefix: readonly PropertyKey[], providers: Registry): EntryCheck {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { problems: [], unchecked: 0 };
  const record = input as Record<string, unknown>;
  return checkEntries(
    Object.keys(record).flatMap((id) => {
      const definition = providers.get(id);
      if (definition === undefined) return [];
      return [[`${formatPath([...prefix, id])}`, entriesSchemaOf(definition), record[id]] as const];
    }),
  );
}

/** Validates a whole config file's content; throws one `ConfigError` listing every problem. */
export function parseConfig(input: unknown, source?: string, providers: Registry = registry): ParsedConfig {
  const tooBig = oversized(input, [], providers);
  if (tooBig.length > 0) throw new ConfigError(tooBig, source);
  const entries = checkConfigEntries(input, [], providers);
  // Stopped at the limit: those problems are the answer. Otherwise the whole input is checked
  // too (at most that many bad entities), so the answer lists every problem.
  if (entries.unchecked > 0) throw new ConfigError(entries.problems, source, entries.unchecked);
  const result = schemasOf(providers).configSchema.safeParse(input);
  if (!result.success) throw new ConfigError(problemsOf(result.error, []), source);
  return result.data as ParsedConfig;
}

/** Validates the `fixtures` of the library; throws one `ConfigError` listing every problem. */
export function parseFixtures(
  input: unknown,
  prefix: readonly PropertyKey[] = [],
  providers: Registry = registry,
): ParsedFixtures {
  const tooBig = oversized(input, prefix, providers);
  if (tooBig.length > 0) throw new ConfigError(tooBig);
  const entries = checkConfigEntries(input, prefix, providers);
  if (entries.unchecked > 0) throw new ConfigError(entries.problems, undefined, entries.unchecked);
  const result = schemasOf(providers).fixturesSchema.safeParse(input);
  if (!result.success) throw new ConfigError(problemsOf(result.error, prefix));
  return result.data as ParsedFixtures;
}

/** The provider sections of a parsed config (what `createWorld({ fixtures })` takes). */
export function fixturesOf(config: ParsedConfig) {
  const { $schema: _s, port: _p, host: _h, store: _st, providers: _ps, ...sections } = config;
  return sections;
}

/** The fixture set and options one provider is created with. */
export interface ProviderSeed {
  fixtures: unknown;
  options: Record<string, unknown>;
}

/** Per configured provider: the fixture set its state seeds from and its options. */
export function seedsOf(
  parsed: ParsedFixtures,
  providers: Registry = registry,
): Partial<Record<ConfiguredProviderId, ProviderSeed>> {
  const out: Partial<Record<string, ProviderSeed>> = {};
  const sections = parsed as Record<string, { options?: Record<string, unknown> } | undefined>;
  for (const definition of providers.definitions) {
    const section = sections[definition.id];
    if (section === undefined) continue;
    const fixtures = definition.fixtures?.toFixtureSet(section as never);
    out[definition.id] = { fixtures, options: { ...section.options } };
  }
  return out;
}
