/**
 * The config commands of the CLI: `init` writes a starter config, `collections` writes mock
 * Postman environments holding a config's own credentials. Each answers its exit code (0 done,
 * 1 refused, 2 usage error or bad config) and writes its messages itself.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Registry, registry } from '../providers/index.js';

export const initUsage = `Usage: authflow-mocks init [--provider ID]... [--out FILE]

Writes a starter config holding the demo world (every provider, or the ones named), with a
$schema line so editors validate and complete it. Edit it, then run
authflow-mocks serve --config FILE. Never overwrites a file (exit 1).

  --provider ID   only this provider (repeat, or comma-separated); the config then serves it alone
  --out FILE      where to write: .json, .yaml or .yml (default authflow-mocks.config.json); its folder must exist
  -h, --help      this help`;

function usageError(message: string, help: string): number {
  process.stderr.write(`authflow-mocks: ${message}\n${help === '' ? '' : `${help}\n`}`);
  return 2;
}

/** `--provider a,b --provider c` → the ids, or an error message. */
export function providerList(values: readonly string[] | undefined, providers: Registry = registry): string[] | string {
  const list = (values ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '');
  const unknown = list.filter((id) => !providers.has(id));
  if (unknown.length > 0) return `unknown provider ${unknown.join(', ')} (known: ${providers.ids.join(', ')})`;
  return list;
}

/** `init`; `providers`: the registry it knows (the package's, or one with providers of your own). */
export async function initCommand(args: string[], providers: Registry = registry): Promise<number> {
  let values: { help?: boolean | undefined; provider?: string[] | undefined; out?: string | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        provider: { type: 'string', multiple: true },
        out: { type: 'string' },
      },
    }));
  } catch (error) {
    return usageError(`${(error as Error).message} (see authflow-mocks init --help)`, '');
  }
  if (values.help) {
    process.stdout.write(`${initUsage}\n`);
    return 0;
  }
  const chosen = providerList(values.provider, providers);
  if (typeof chosen === 'string') return usageError(chosen, initUsage);
  const out = values.out ?? 'authflow-mocks.config.json';
  if (!/\.(json|ya?ml)$/i.test(out)) return usageError(`--out must name a .json, .yaml or .yml file, got ${out}`, '');
  const { schemaRef, starterConfig } = await import('./init.js');
  const config = starterConfig(chosen, providers);
  let text: string;
  if (/\.ya?ml$/i.test(out)) {
    const { stringify } = await import('yaml');
    text = `# yaml-language-server: $schema=${schemaRef}\n${stringify(config)}`;
  } else {
    text = `${JSON.stringify(config, null, 2)}\n`;
  }
  try {
    writeFileSync(out, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      process.stderr.write(`authflow-mocks: ${out} exists; init never overwrites a file (remove it or use --out)\n`);
      return 1;
    }
    // A missing folder, a folder given as the file, no permission: one line, a usage error.
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return usageError(`cannot write ${out} (${code}): does its folder exist?`, '');
  }
  process.stdout.write(`wrote ${out}; serve it with: authflow-mocks serve --config ${out}\n`);
  return 0;
}

export const collectionsUsage = `Usage: authflow-mocks collections [--config PATH] --out DIR

Writes a mock Postman environment per configured provider into DIR, holding your config's own
credentials and ids (and its host and port), so the shipped collections run against your world.
The config is found as serve finds it (--config, AUTHFLOW_CONFIG, or this directory).

  --config PATH   the config file
  --out DIR       where to write <provider>.mock.postman_environment.json
  -h, --help      this help`;

/** `collections`; `providers`: the registry it knows (the package's, or one with providers of your own). */
export async function collectionsCommand(args: string[], providers: Registry = registry): Promise<number> {
  let values: { help?: boolean | undefined; config?: string | undefined; out?: string | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, config: { type: 'string' }, out: { type: 'string' } },
    }));
  } catch (error) {
    return usageError(`${(error as Error).message} (see authflow-mocks collections --help)`, '');
  }
  if (values.help) {
    process.stdout.write(`${collectionsUsage}\n`);
    return 0;
  }
  if (values.out === undefined) return usageError('collections needs --out DIR', collectionsUsage);
  const { findConfigFile, loadConfigFile } = await import('./load.js');
  const file = findConfigFile(values.config);
  if (file === undefined) return usageError('no config file: give --config PATH', collectionsUsage);
  const { ConfigError } = await import('./schema.js');
  let config: Awaited<ReturnType<typeof loadConfigFile>>;
  try {
    config = await loadConfigFile(file, providers);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`authflow-mocks: ${error.message}\n`);
    return 2;
  }
  const { writeMockEnvironments } = await import('./environments.js');
  for (const written of writeMockEnvironments(config, values.out, providers))
    process.stdout.write(`wrote ${written}\n`);
  return 0;
}
