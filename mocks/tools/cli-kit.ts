/** What the CLI's commands share: a usage error, a command's options, the provider list, loading a config. */
import { parseInlineConfig } from '../config/env.js';
import { loadConfigFile } from '../config/load.js';
import { ConfigError, type ParsedConfig } from '../config/schema.js';
import { printableLines } from '../core/printable.js';
import { isProviderId, type ProviderId, providerIds } from '../providers/index.js';

export const providersLine = `Providers: ${providerIds.join(', ')}`;

/** A usage error: says so on stderr and exits 2. */
export function fail(message: string, help?: string): never {
  // A message may quote an argument or a config value: no control character reaches the terminal.
  process.stderr.write(`authflow-mocks: ${printableLines(message)}\n${help === undefined ? '' : `${help}\n`}`);
  process.exit(2);
}

/** The option every command takes. */
export const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Runs a command's `parseArgs` with the house rules: an unknown or malformed option is a usage
 * error (exit 2), and `--help`/`-h` prints the command's help and exits 0.
 */
export function parseCommand<V extends { help?: boolean | undefined }>(
  parse: () => { values: V },
  help: string,
  command: string,
): V {
  let values: V;
  try {
    ({ values } = parse());
  } catch (error) {
    fail(`${(error as Error).message} (see authflow-mocks ${command} --help)`);
  }
  if (values.help) {
    process.stdout.write(`${help}\n`);
    process.exit(0);
  }
  return values;
}

export function providersOf(values: string[] | undefined): ProviderId[] {
  const list = values === undefined || values.length === 0 ? [...providerIds] : values.flatMap((v) => v.split(','));
  const unknown = list.filter((id) => !isProviderId(id));
  if (unknown.length > 0) fail(`unknown provider ${unknown.join(', ')} (known: ${providerIds.join(', ')})`);
  return list.filter(isProviderId);
}

/** Reads and validates a config file (or AUTHFLOW_CONFIG_JSON's text), or prints every problem and exits 2. */
export async function loadConfigOrExit(file: string | { inline: string }): Promise<ParsedConfig> {
  try {
    return typeof file === 'string' ? await loadConfigFile(file) : await parseInlineConfig(file.inline);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`authflow-mocks: ${printableLines(error.message)}\n`);
    process.exit(2);
  }
}
