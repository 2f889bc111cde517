/**
 * The one spawn helper: every test that starts a process (the CLI from source or built, npm,
 * npx, bash scripts, docker) starts it here and reads what it printed from here.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface CliProcess {
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
}

/** A process run to its end: its exit code and what it printed. */
export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** In a process group of its own (stop it with `process.kill(-child.pid, signal)`). */
  detached?: boolean;
}

export interface CliOptions {
  /** Extra environment; PORT and AUTHFLOW_CONTROL_TOKEN are cleared unless given here. */
  env?: Record<string, string>;
  /** Run the built bundle (`dist/cli/cli.js`, what `bin` points at) instead of the source. */
  built?: boolean;
  /** Modules to preload with `node --import` (e.g. `./tests/support/record-packages.mjs`). */
  preload?: string[];
}

/** Environment that keeps a started server off the caller's port and control token. */
export const cleanServerEnv = { PORT: '', AUTHFLOW_CONTROL_TOKEN: '' };

/** Starts `command args` (stdin closed), collecting its stdout and stderr. */
export function spawnProcess(command: string, args: string[], options: ProcessOptions = {}): CliProcess {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.detached === undefined ? {} : { detached: options.detached }),
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

/** Waits for a started process to end (all its output read); past `timeoutMs` it is killed. */
export function finished(proc: CliProcess, timeoutMs?: number): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
    proc.child.on('error', reject);
    proc.child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: proc.output(), stderr: proc.stderr() });
    });
  });
}

/** Runs `command args` to its end. */
export function runProcess(command: string, args: string[], options: ProcessOptions = {}, timeoutMs?: number) {
  return finished(spawnProcess(command, args, options), timeoutMs);
}

/** The one CLI starter: spawns `authflow-mocks <args>` (source through tsx, or the built bundle). */
export function spawnCli(args: string[], options: CliOptions = {}): CliProcess {
  const imports = (options.preload ?? []).flatMap((m) => ['--import', m]);
  const entry = options.built ? ['dist/cli/cli.js'] : ['--import', 'tsx', 'mocks/tools/cli.ts'];
  return spawnProcess(process.execPath, [...imports, ...entry, ...args], {
    env: { ...cleanServerEnv, ...options.env },
  });
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
export async function listeningUrl(cli: CliProcess, ms?: number): Promise<string> {
  await waitFor(() => /listening on http:\/\/\S+:\d+/.test(cli.output()), ms);
  return (/listening on (http:\/\/\S+:\d+)/.exec(cli.output()) as RegExpExecArray)[1] as string;
}

/** Runs the built bundle (`dist/cli/cli.js`, what `bin` points at) to its exit. */
export function runBuiltCli(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return finished(spawnCli(args, { env, built: true }));
}

/** Same as `runBuiltCli`. */
export const runBuilt = runBuiltCli;

/** Starts the built CLI (dist/cli/cli.js); stop it with `child.kill('SIGTERM')`. */
export function startBuilt(args: string[], env: Record<string, string> = {}): CliProcess {
  return spawnCli(args, { env, built: true });
}
