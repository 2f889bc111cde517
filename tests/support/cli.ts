/** Spawning the CLI from source, for tests that need the real process (banner, signals, logs). */
import { type ChildProcess, spawn } from 'node:child_process';

export interface CliProcess {
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
}

export function startCli(args: string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'mocks/tools/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '', AUTHFLOW_CONTROL_TOKEN: '', ...env },
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
  const child = spawn(process.execPath, ['dist/cli/cli.js', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '', AUTHFLOW_CONTROL_TOKEN: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Same as `runBuiltCli`. */
export const runBuilt = runBuiltCli;

/** Starts the built CLI (dist/cli/cli.js); stop it with `child.kill('SIGTERM')`. */
export function startBuilt(args: string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, ['dist/cli/cli.js', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '', AUTHFLOW_CONTROL_TOKEN: '', ...env },
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
