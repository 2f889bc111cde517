/**
 * A real Redis (Debian's `redis-server`) on a free loopback port, with its own data directory,
 * started by the test that needs it and stopped after. `stop()` + `start()` is a restart that
 * keeps the data (`SHUTDOWN SAVE`); `pause()`/`resume()` freeze the process (SIGSTOP/SIGCONT),
 * which is how a hung Redis looks to a client.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePortOnLoopback } from './ports.js';

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  start(): Promise<void>;
  /** Saves and stops (the data survives a start()). */
  stop(): Promise<void>;
  pause(): void;
  resume(): void;
  /** Runs one command through redis-cli; its output. */
  cli(...args: string[]): string;
  /** Stops and removes the data directory. */
  dispose(): Promise<void>;
}

/** Whether this machine has Debian's redis-server (the CI script installs it). */
export function hasRedis(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePortOnLoopback();
  const dir = mkdtempSync(join(tmpdir(), 'authflow-redis-'));
  let child: ChildProcess | undefined;
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    async start() {
      child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--dir',
          dir,
          '--save',
          '',
          '--appendonly',
          'no',
          '--daemonize',
          'no',
        ],
        { stdio: 'ignore' },
      );
      const end = Date.now() + 10_000;
      while (!(await reachable(port))) {
        if (Date.now() > end) throw new Error('redis-server did not start');
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async stop() {
      const running = child;
      if (running === undefined || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      try {
        execFileSync('redis-cli', ['-p', String(port), 'SHUTDOWN', 'SAVE'], { stdio: 'ignore' });
      } catch {
        running.kill('SIGKILL');
      }
      await exited;
      child = undefined;
    },
    pause() {
      child?.kill('SIGSTOP');
    },
    resume() {
      child?.kill('SIGCONT');
    },
    cli(...args) {
      return execFileSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' });
    },
    async dispose() {
      child?.kill('SIGCONT');
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
