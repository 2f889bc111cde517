/**
 * Finding and reading the config file: `--config PATH`, else `AUTHFLOW_CONFIG`, else
 * `authflow-mocks.config.json` / `.yaml` / `.yml` in the working directory. JSON or YAML (by
 * extension); every problem, including an unreadable file or a syntax error, is a `ConfigError`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, type ParsedConfig, parseConfig } from './schema.js';

export { fixturesOf } from './schema.js';

export const configFileNames = [
  'authflow-mocks.config.json',
  'authflow-mocks.config.yaml',
  'authflow-mocks.config.yml',
];

/** The config file to read, or undefined when none is named and none is in `cwd`. */
export function findConfigFile(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): string | undefined {
  const named = explicit ?? (env.AUTHFLOW_CONFIG || undefined);
  if (named !== undefined) return resolve(cwd, named);
  return configFileNames.map((name) => join(cwd, name)).find((path) => existsSync(path));
}

/** Parses a config file's text (YAML when the name ends in .yaml/.yml, else JSON). */
export async function parseConfigText(text: string, file: string): Promise<unknown> {
  if (/\.ya?ml$/i.test(file)) {
    // Loaded only for a YAML file: `serve` stays free of it otherwise.
    const { parse: parseYaml, YAMLParseError } = await import('yaml');
    try {
      return parseYaml(text) ?? {};
    } catch (error) {
      if (error instanceof YAMLParseError) {
        const at = error.linePos?.[0];
        const where = at === undefined ? '' : ` at line ${at.line}, column ${at.col}`;
        throw new ConfigError([{ path: '(file)', message: `YAML syntax error${where}: ${error.code}` }], file);
      }
      throw error;
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError([{ path: '(file)', message: `JSON syntax error: ${(error as Error).message}` }], file);
  }
}

/** Reads and validates a config file; throws one `ConfigError` listing every problem. */
export async function loadConfigFile(file: string): Promise<ParsedConfig> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ConfigError([{ path: '(file)', message: `cannot read the file (${code})` }], file);
  }
  return parseConfig(await parseConfigText(text, file), file);
}
