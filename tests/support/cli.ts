/** Spawning the CLI from source, for tests that need the real process (banner, signals, logs). */
import { type ChildProcess, spawn } from 'node:child_process';

export interface CliProcess {
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
}

export interface CliOptions {
  /** Extra environment; PORT and AUTHFLOW_CONTROL_TOKEN are cleared unless given here. */
  env?: Record<string, string>;
  /** Run the built bundle (`dist/cli/cli.js`, what `bin` points at) instead of the source. */
  built?: boolean;
  /** Modules to preload with `node --import` (e.g. `./tests/support/record-packages.mjs`). */
  preload?: string[];
}

/** The one CLI starter: spawns `authflow-mocks <args>` (source through tsx, or the built bundle). */
export function spawnCli(args: string[], options: CliOptions = {}): CliProcess {
  const imports = (options.preload ?? []).flatMap((m) => ['--import', m]);
  const entry = options.built ? ['dist/cli/cli.js'] : ['--import', 'tsx', 'mocks/tools/cli.ts'];
  const child = spawn(process.execPath, [...imports, ...entry, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '', AUTHFLOW_CONTROL_TOKEN: '', ...options.env },
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  return { child, output: () => out, stderr: () => err };
}

/** Starts the CLI from source. */
export function startCli(args: string[], env: Record<string, string> = {}): CliProcess {
  return spawnCli(args, { env });
}

export async function waitFor(predicate: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The origin the CLI printed, once it listens. */
export async function listeningUrl(cli: CliProcess): Promise<string> {
  await waitFor(() => /listening on http:\/\/\S+:\d+/.test(cli.output()));
  return (/listening on (http:\/\/\S+:\d+)/.exec(cli.output()) as RegExpExecArray)[1] as string;
}

/** Runs the built bundle (`dist/cli/cli.js`, what `bin` points at) to its exit. */
export function runBuiltCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = spawnCli(args, { env, built: true });
  return new Promise((resolve, reject) => {
    cli.child.on('error', reject);
    cli.child.on('close', (code) => resolve({ code, stdout: cli.output(), stderr: cli.stderr() }));
  });
}

/** Same as `runBuiltCli`. */
export const runBuilt = runBuiltCli;

/** Starts the built CLI (dist/cli/cli.js); stop it with `child.kill('SIGTERM')`. */
export function startBuilt(args: string[], env: Record<string, string> = {}): CliProcess {
  return spawnCli(args, { env, built: true });
}
