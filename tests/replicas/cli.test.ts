/**
 * `serve --store` and `serve --workers N` as users start them: the real CLI process, a real
 * Redis, plain HTTP.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, listeningUrl, startCli, waitFor } from '../support/cli.js';
import { type RedisServer, startRedis } from '../support/redis.js';
import { credentialIn, send } from '../worlds/support.js';
import { skipRedis } from './support.js';

let redis: RedisServer;
beforeAll(async () => {
  if (!skipRedis) redis = await startRedis();
}, 30_000);
afterAll(() => redis?.dispose(), 30_000);

const started: CliProcess[] = [];
afterEach(async () => {
  for (const cli of started.splice(0)) {
    if (cli.child.exitCode !== null || cli.child.signalCode !== null) continue;
    cli.child.kill('SIGTERM');
    await once(cli.child, 'exit');
  }
});

function serve(args: string[], env: Record<string, string> = {}): CliProcess {
  const cli = startCli(['serve', '--port', '0', ...args], env);
  started.push(cli);
  return cli;
}

async function exitOf(cli: CliProcess): Promise<number | null> {
  if (cli.child.exitCode !== null) return cli.child.exitCode;
  const [code] = (await once(cli.child, 'exit')) as [number | null];
  return code;
}

/** `/healthz` on a connection of its own (so the cluster may hand it to any worker). */
function health(url: string): Promise<{ status: number; body: { replica?: string; store?: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/healthz`, { agent: false, headers: { connection: 'close' } }, (res) => {
      let text = '';
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The worker processes of a `--workers` primary. */
function workersOf(cli: CliProcess): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(cli.child.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number);
  } catch {
    return [];
  }
}

describe('serve --store and --workers: usage errors', () => {
  it('--workers without a shared store is a usage error (exit 2) that names --store', async () => {
    const cli = serve(['--workers', '2']);
    expect(await exitOf(cli)).toBe(2);
    expect(cli.stderr()).toMatch(/--store redis:\/\//);
  });

  it('a store that is neither memory nor a redis:// URL is a usage error', async () => {
    const bad = ['postgres://x/y', 'redis://', 'redis://h:6379/zero', 'redis://h/0?db=1'];
    const clis = bad.map((store) => serve(['--store', store]));
    for (const cli of clis) {
      expect(await exitOf(cli)).toBe(2);
      expect(cli.stderr()).toMatch(/store/);
    }
  });

  it('--store memory is the default, accepted as such', async () => {
    const cli = serve(['--store', 'memory', '--quiet']);
    const url = await listeningUrl(cli);
    expect((await health(url)).body.store).toBeUndefined();
  });
});

describe.skipIf(skipRedis)('serve --store redis://… and --workers N', () => {
  it('a store nobody answers at: exit 2 within a few seconds, saying so', async () => {
    const cli = serve(['--store', 'redis://127.0.0.1:1/0']);
    expect(await exitOf(cli)).toBe(2);
    expect(cli.stderr()).toMatch(/cannot reach the store/);
  });

  it('two processes on one store (AUTHFLOW_STORE and --store) serve one world', async () => {
    const store = `${redis.url}?prefix=cli-two`;
    const one = serve(['--store', store]);
    const two = serve([], { AUTHFLOW_STORE: store });
    const [a, b] = [await listeningUrl(one), await listeningUrl(two)];
    expect(one.output()).toMatch(/store: redis:\/\/127\.0\.0\.1:\d+\/0 \(key prefix cli-two\)/);
    const get = await credentialIn('backops', a);
    expect((await send(b, get)).status).toBe(200);
  });

  it('--workers 2: one banner, two workers answering on one port, one world; a killed worker is replaced', async () => {
    const cli = serve(['--store', `${redis.url}?prefix=cli-workers`, '--workers', '2']);
    const url = await listeningUrl(cli);
    expect(cli.output()).toMatch(/store: 2 workers sharing redis:/);
    await waitFor(() => workersOf(cli).length === 2, 10_000);
    // The second worker answers once it listens (node:cluster hands connections only to listening
    // workers): each health check on a connection of its own, until both have answered.
    const replicas = new Set<string>();
    const until = Date.now() + 30_000;
    while (replicas.size < 2 && Date.now() < until) {
      const h = await health(url);
      expect(h.status).toBe(200);
      replicas.add(h.body.replica as string);
      if (replicas.size < 2) await new Promise((r) => setTimeout(r, 50));
    }
    expect(replicas.size).toBe(2);
    const get = await credentialIn('eventix', url);
    for (let i = 0; i < 6; i++) expect((await send(url, get)).status).toBe(200);
    // One worker killed: the primary starts another, and the world is still there.
    const [victim] = workersOf(cli);
    process.kill(victim as number, 'SIGKILL');
    await waitFor(() => workersOf(cli).length === 2 && !workersOf(cli).includes(victim as number), 15_000);
    await waitFor(() => /starting another/.test(cli.stderr()), 5_000);
    for (let i = 0; i < 6; i++) {
      const res = await send(url, get);
      expect(res.status).toBe(200);
    }
    expect((cli.output().match(/listening on/g) ?? []).length).toBe(1);
    // SIGTERM stops the workers, then the primary.
    const pids = workersOf(cli);
    cli.child.kill('SIGTERM');
    expect(await exitOf(cli)).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 90_000);
});
