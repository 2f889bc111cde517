/**
 * The processes a run starts (servers pinned to CPU 0, this one to CPU 1), and how it waits for them.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { cpus, platform } from 'node:os';
import { join } from 'node:path';
import { config, notes, root } from './config.js';

const children = new Set<ChildProcess>();
export const hasTaskset = platform() === 'linux' && cpus().length >= 2 && existsSync('/usr/bin/taskset');
if (hasTaskset) {
  try {
    execFileSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  } catch {
    notes.push('could not pin the load generator to CPU 1');
  }
}

/** Spawns a server pinned to CPU 0 (when taskset exists). */
export function start(
  command: string,
  args: string[],
  options: { stdout?: 'pipe' | 'ignore'; env?: Record<string, string> } = {},
): ChildProcess {
  const [cmd, argv] = hasTaskset ? ['taskset', ['-c', '0', command, ...args]] : [command, args];
  const child = spawn(cmd as string, argv as string[], {
    cwd: root,
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
    env: { ...process.env, PORT: '', NODE_ENV: 'production', ...options.env },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stop));
}

export function waitForLine(child: ChildProcess, pattern: RegExp, ms = 30_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms: ${out}${err}`)), ms);
    child.stderr?.on('data', (d) => {
      err += d;
    });
    child.stdout?.on('data', (d) => {
      out += d;
      const m = pattern.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before ready: ${out}${err}`));
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** One GET with a fresh connection; resolves with the status, or rejects (e.g. ECONNREFUSED). */
function probe(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end();
  });
}

export async function until2xx(port: number, path: string, headers: Record<string, string>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const status = await probe(port, path, headers).catch(() => 0);
    if (status >= 200 && status < 300) return;
    if (Date.now() > end) throw new Error(`no 2xx from :${port}${path} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** VmHWM: the peak resident set of a process, in MiB (Linux). */
export function peakRss(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? undefined : Number(m[1]) / 1024;
  } catch {
    return undefined;
  }
}

/** BENCH_PROFILE_DIR=DIR: this project's server runs under `node --cpu-prof` and writes its profile there. */
const profile = process.env.BENCH_PROFILE_DIR;
export const cliCommand = (options: { profile?: boolean } = {}): [string, string[]] => [
  process.execPath,
  [
    ...(options.profile === true && profile !== undefined ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    ...(config.cli === 'dist'
      ? [join(root, 'dist/cli/cli.js')]
      : ['--import', 'tsx', join(root, 'mocks/tools/cli.ts')]),
    'serve',
  ],
];
export const prismBin = join(root, 'node_modules/@stoplight/prism-cli/dist/index.js');
export const specOf = (id: string) => join(root, 'specs', `${id}.openapi.yaml`);
