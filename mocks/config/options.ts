/**
 * Provider options as text: `--option ID.NAME=VALUE` read against each definition's options
 * schema, and the words a person reads for an option's values (`--option` errors, the README
 * tables). Nothing here names a provider: the registry says which exist.
 */
import { type OptionInfo, type OptionsSchema, optionInfos } from '../core/define.js';
import { type ProviderOptions, type Registry, registry } from '../providers/index.js';

/** What an option takes, in words: `a whole number > 0`, `true or false`, `one of 9.x, 8.x`. */
export function describeValues(schema: Readonly<Record<string, unknown>>): string {
  const variants = (schema.anyOf as Record<string, unknown>[] | undefined) ?? [];
  const choices = Array.isArray(schema.enum)
    ? (schema.enum as unknown[])
    : variants.length > 0 && variants.every((v) => 'const' in v)
      ? variants.map((v) => v.const)
      : undefined;
  if (choices !== undefined) return `one of ${choices.join(', ')}`;
  if (schema.type === 'boolean') return 'true or false';
  if (schema.type === 'integer' || schema.type === 'number') {
    const whole = schema.type === 'integer' ? 'a whole number' : 'a number';
    if (schema.exclusiveMinimum !== undefined) return `${whole} > ${schema.exclusiveMinimum}`;
    if (schema.minimum !== undefined) return `${whole} ≥ ${schema.minimum}`;
    return whole;
  }
  return typeof schema.type === 'string' ? `a ${schema.type}` : 'a JSON value';
}

/** Every option of a provider of the registry, or undefined for an unknown provider. */
export function providerOptionInfos(id: string, providers: Registry = registry): OptionInfo[] | undefined {
  const definition = providers.get(id);
  return definition === undefined ? undefined : optionInfos(definition.options);
}

/**
 * `--option eventix.tokenCap=3` → `{ eventix: { tokenCap: 3 } }`: VALUE read as JSON (or as the
 * string itself), checked by the option's own schema. Answers the options, or the one-line
 * usage error of the first bad flag.
 */
export function parseOptionFlags(
  values: readonly string[],
  providers: Registry = registry,
): { options: ProviderOptions } | { error: string } {
  const out: Record<string, Record<string, unknown>> = {};
  for (const value of values) {
    const m = /^([a-z][a-z0-9-]*)\.([A-Za-z]+)=(.*)$/s.exec(value);
    if (m === null) return { error: `--option takes PROVIDER.NAME=VALUE, got ${JSON.stringify(value)}` };
    const [, provider, name, raw] = m as unknown as [string, string, string, string];
    const definition = providers.get(provider);
    if (definition === undefined) {
      return { error: `--option: unknown provider ${provider} (known: ${providers.ids.join(', ')})` };
    }
    const shape = definition.options.shape;
    const field = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (field === undefined) {
      return { error: `--option: ${provider} has no option ${name} (known: ${Object.keys(shape).join(', ')})` };
    }
    let parsed: unknown = raw;
    try {
      parsed = JSON.parse(raw);
    } catch {
      // Not JSON: the string itself.
    }
    const result = field.unwrap().safeParse(parsed);
    if (!result.success) {
      const info = optionInfos(definition.options).find((o) => o.name === name) as OptionInfo;
      return { error: `--option ${provider}.${name} must be ${describeValues(info.schema)}, got ${raw}` };
    }
    out[provider] ??= {};
    (out[provider] as Record<string, unknown>)[name] = result.data;
  }
  return { options: out as ProviderOptions };
}

/** A markdown table cell: one line, pipes escaped. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/**
 * The options of a provider as a markdown table (name, values, default, description), what each
 * provider's README shows between its `generated:options` markers (`npm run generate`).
 */
export function optionsTable(options: OptionsSchema): string {
  const rows = optionInfos(options).map(
    (o) =>
      `| \`${o.name}\` | ${cell(describeValues(o.schema))} | \`${JSON.stringify(o.default)}\` | ${cell(o.description)} |`,
  );
  return ['| option | values | default | description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
