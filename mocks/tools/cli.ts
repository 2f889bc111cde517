#!/usr/bin/env node
/**
 * `authflow-mocks [serve] | newman | verify | init | collections`: the command line. `serve` (the
 * default) is `./serve.ts`; what the commands share is `./cli-kit.ts`.
 *
 * Start-up time matters for `serve` (it is spawned by test runners and CI): it starts
 * `createMockServer()` from `authflow-mocks/http`, as a library user would, which loads no MSW. MSW, Newman, ajv and yaml are imported only by the commands that
 * need them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findConfigFile, fixturesOf } from '../config/load.js';
import type { ParsedConfig } from '../config/schema.js';
import { printableLines } from '../core/printable.js';
import type { ProviderId } from '../providers/index.js';
import { fail, helpOption, loadConfigOrExit, parseCommand, providersLine, providersOf } from './cli-kit.js';
import { serve } from './serve.js';

const usage = `Usage:
  authflow-mocks [serve] [options]     run the mock server (the default command)
  authflow-mocks newman [options]      run the Postman collections with Newman
  authflow-mocks verify [options]      check a provider's real API (or --base-url) against its spec
  authflow-mocks init [options]        write a starter config (your own credentials, users, data)
  authflow-mocks collections [options] write mock Postman environments from your config
  authflow-mocks <command> --help      the options of one command (-h works too)
  authflow-mocks --version             the package's version
  authflow-mocks --help                this help (-h)

${providersLine}`;

const newmanUsage = `Usage: authflow-mocks newman [options]

Runs every provider's Postman collection with Newman (CLI and JUnit reporters), against a fresh
server on an ephemeral port, or against a running one. Needs the newman package installed
(npm install --save-dev newman).

  --base-url URL     a running server (each collection in a fresh world, deleted after) or a world's URL (…/w/<id>)
  --config PATH      a config world: the fresh server serves it, the collections use its credentials
  --world default    with --base-url: run in the server's own world instead of a fresh one
  --reset            with --base-url: let the collection reset an existing world first (off by default)
  --control-token T  the running server's control token (or AUTHFLOW_CONTROL_TOKEN)
  --provider ID      only these providers' collections (repeat, or comma-separated)
  --junit-dir DIR    where the JUnit reports go (default reports/newman)
  -h, --help         this help

Exit codes: 0 every assertion passed, 1 an assertion or request failed, 2 usage error.
${providersLine}`;

/** The options `newman` and `verify` share to pick where on a running server they run. */
const worldTargetArgs = {
  world: { type: 'string' },
  reset: { type: 'boolean', default: false },
  'control-token': { type: 'string' },
} as const;

function worldTargetOf(values: {
  world?: string | undefined;
  reset?: boolean | undefined;
  'control-token'?: string | undefined;
}) {
  const { world } = values;
  if (world !== undefined && world !== 'new' && world !== 'default')
    fail(`--world must be new or default, got ${world}`);
  const controlToken = values['control-token'] ?? (process.env.AUTHFLOW_CONTROL_TOKEN || undefined);
  return {
    ...(world === undefined ? {} : { world }),
    reset: values.reset === true,
    ...(controlToken === undefined ? {} : { controlToken }),
  } as { world?: 'new' | 'default'; reset: boolean; controlToken?: string };
}

/** Whether an import failed because the optional `newman` package is not installed. */
function newmanMissing(error: unknown): boolean {
  const { code, message } = error as NodeJS.ErrnoException;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && /'newman'|newman[/\\]/.test(message ?? '');
}

/** Whether something answers HTTP at `baseUrl` (any status). */
async function reachable(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(5000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

/**
 * A temporary folder of mock environments for `newman --config`: the config's own credentials for
 * the providers it configures, the shipped environment for the others.
 */
async function configEnvironments(config: ParsedConfig, providers: readonly ProviderId[]): Promise<string> {
  const { copyFileSync, existsSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { writeMockEnvironments } = await import('../config/environments.js');
  const { collectionsDir } = await import('./newman.js');
  const dir = mkdtempSync(join(tmpdir(), 'authflow-newman-env-'));
  writeMockEnvironments(config, dir);
  for (const id of providers) {
    const file = `${id}.mock.postman_environment.json`;
    if (!existsSync(join(dir, file))) copyFileSync(join(collectionsDir(), file), join(dir, file));
  }
  return dir;
}

async function runNewman(args: string[]): Promise<void> {
  const values = parseCommand(
    () =>
      parseArgs({
        args,
        options: {
          ...helpOption,
          'base-url': { type: 'string' },
          config: { type: 'string' },
          provider: { type: 'string', multiple: true },
          'junit-dir': { type: 'string', default: 'reports/newman' },
          ...worldTargetArgs,
        },
      }),
    newmanUsage,
    'newman',
  );
  // A config world: the fresh server serves it, and the collections run with its credentials
  // (mock environments written from it, as `collections --config` does).
  const configFile = values.config === undefined ? undefined : findConfigFile(values.config);
  const config = configFile === undefined ? undefined : await loadConfigOrExit(configFile);
  const providers =
    values.provider === undefined && config?.providers !== undefined ? config.providers : providersOf(values.provider);
  const baseUrl = values['base-url']?.replace(/\/+$/, '');
  if (baseUrl !== undefined) {
    if (!/^https?:\/\/[^/]+/.test(baseUrl)) fail(`--base-url must be an http(s) URL, got ${values['base-url']}`);
    if (!(await reachable(baseUrl))) fail(`no server answers at ${baseUrl} (start one with: authflow-mocks serve)`);
  }
  let newmanModule: typeof import('./newman.js');
  try {
    newmanModule = await import('./newman.js');
  } catch (error) {
    if (newmanMissing(error)) fail('the newman command needs the newman package: npm install --save-dev newman');
    throw error;
  }
  const environmentsDir = config === undefined ? undefined : await configEnvironments(config, providers);
  const runs = await newmanModule
    .runCollections({
      providers,
      ...(baseUrl === undefined ? {} : { baseUrl, ...worldTargetOf(values) }),
      ...(config === undefined ? {} : { mocks: { providers, fixtures: fixturesOf(config) } }),
      ...(environmentsDir === undefined ? {} : { environmentsDir }),
      reporters: ['cli', 'junit'],
      junitDir: values['junit-dir'],
    })
    .catch((error: unknown) => {
      // The server made no world for the run (control plane off, or a control token is needed).
      if (error instanceof Error && error.name === 'WorldTargetError') fail(error.message);
      throw error;
    });
  if (environmentsDir !== undefined) {
    const { rmSync } = await import('node:fs');
    rmSync(environmentsDir, { recursive: true, force: true });
  }
  let failed = 0;
  for (const run of runs) {
    failed += run.failedAssertions + run.failures.length;
    process.stdout.write(
      `${run.provider}: ${run.requests} requests, ${run.assertions} assertions, ${run.failedAssertions} failed\n`,
    );
  }
  process.exit(failed === 0 ? 0 : 1);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve(rest);
    case undefined:
      return serve([]);
    case 'newman':
      return runNewman(rest);
    case 'verify': {
      const { verifyCommand, verifyHelp } = await import('./verify.js');
      if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(`${verifyHelp}\n\n${providersLine}\n`);
        return;
      }
      try {
        process.exit(await verifyCommand(rest));
      } catch (error) {
        if (newmanMissing(error)) fail('the verify command needs the newman package: npm install --save-dev newman');
        throw error;
      }
      return;
    }
    case 'collections': {
      const { collectionsCommand } = await import('../config/commands.js');
      process.exit(await collectionsCommand(rest));
      return;
    }
    case 'init': {
      const { initCommand } = await import('../config/commands.js');
      process.exit(await initCommand(rest));
      return;
    }
    case '--version':
    case '-v': {
      const { specsDir } = await import('../contract.js');
      const pkg = JSON.parse(readFileSync(join(specsDir(), '..', 'package.json'), 'utf8')) as { version: string };
      process.stdout.write(`${pkg.version}\n`);
      return;
    }
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${usage}\n`);
      return;
    default:
      // `authflow-mocks --port 4102`: options without a command are serve's.
      if (command.startsWith('-')) return serve(argv);
      fail(`unknown command ${command}`, usage);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`authflow-mocks: ${printableLines(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
