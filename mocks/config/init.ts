/**
 * `authflow-mocks init`: a starter config holding the demo world (every provider, or the ones
 * named), in the config file's own vocabulary, with a `$schema` line for editors. The JSON
 * Schema itself is generated from the same zod schemas (`configJsonSchema`).
 */
import * as z from 'zod';
import { type Registry, registry } from '../providers/index.js';
import { type AuthflowConfig, type ConfiguredProviderId, schemasOf } from './schema.js';

/** Where the JSON Schema ships in the package, and the `$schema` a starter config names. */
export const schemaFile = 'schema/authflow-mocks.config.schema.json';
export const schemaRef = `./node_modules/authflow-mocks/${schemaFile}`;

/** The JSON Schema of the config file (what editors validate and complete against). */
export function configJsonSchema(providers: Registry = registry): Record<string, unknown> {
  return {
    ...z.toJSONSchema(schemasOf(providers).configSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://github.com/authflow-mocks/authflow-mocks/schema/authflow-mocks.config.schema.json',
    title: 'authflow-mocks config',
  };
}

/**
 * A starter config: the demo world of every provider, or of the ones named (then served alone),
 * each section its definition's `starterSection()` (`mode: replace`, so the file is the whole
 * world); a provider without fixtures gets an empty section.
 */
export function starterConfig(
  providers: readonly ConfiguredProviderId[] | readonly string[] = [],
  from: Registry = registry,
): AuthflowConfig {
  const ids = providers.length === 0 ? from.ids : providers;
  const config: Record<string, unknown> = { $schema: schemaRef, port: 4010, host: '127.0.0.1' };
  if (providers.length > 0) config.providers = [...ids];
  for (const id of ids) config[id] = from.get(id)?.fixtures?.starterSection() ?? {};
  return config as AuthflowConfig;
}
