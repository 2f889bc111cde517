/**
 * `npm start`: builds only when dist/ is stale, and SIGTERM to the npm process closes the server
 * (the port is free afterwards).
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { needsBuild } from '../../scripts/ensure-built.mjs';
import { cleanServerEnv, listeningUrl, spawnProcess } from '../support/cli.js';

const isStale = needsBuild as (root: string) => boolean;

function touch(root: string, file: string, seconds: number): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
  utimesSync(path, seconds, seconds);
}

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('npm start', () => {
  it('rebuilds only when dist/ is missing or older than a source', () => {
    const root = mkdtempSync(join(tmpdir(), 'authflow-start-'));
    try {
      touch(root, 'mocks/core/engine.ts', 1000);
      touch(root, 'package.json', 1000);
      expect(isStale(root)).toBe(true);
      touch(root, 'dist/cli/cli.js', 2000);
      expect(isStale(root)).toBe(true);
      touch(root, 'dist/mocks/index.js', 2000);
      expect(isStale(root)).toBe(true);
      touch(root, 'dist/inspector/index.html', 2000);
      expect(isStale(root)).toBe(false);
      touch(root, 'collections/x.postman_collection.json', 3000);
      expect(isStale(root)).toBe(false);
      touch(root, 'mocks/providers/eventix/handlers.ts', 3000);
      expect(isStale(root)).toBe(true);
      touch(root, 'dist/cli/cli.js', 4000);
      touch(root, 'dist/mocks/index.js', 4000);
      touch(root, 'dist/inspector/index.html', 4000);
      expect(isStale(root)).toBe(false);
      touch(root, 'specs/x.openapi.yaml', 5000);
      expect(isStale(root)).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('starts without building when dist/ is fresh, and SIGTERM to npm frees the port', {
    timeout: 180_000,
  }, async () => {
    if (isStale('.')) expect(spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' }).status).toBe(0);
    const started = spawnProcess('npm', ['start', '--silent', '--', '--port', '0', '--quiet'], { env: cleanServerEnv });
    const npm = started.child;
    try {
      const url = await listeningUrl(started, 60_000);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/__control/health`)).status).toBe(200);
      expect(started.stderr()).not.toContain('building');
      npm.kill('SIGTERM');
      await once(npm, 'exit');
      const port = Number(new URL(url).port);
      const end = Date.now() + 10_000;
      while ((await listening(port)) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      expect(await listening(port)).toBe(false);
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
    }
  });

  it('runs any command in a clone: npm start -- init --out FILE writes the config', { timeout: 120_000 }, () => {
    if (isStale('.')) expect(spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' }).status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'authflow-start-init-'));
    try {
      const out = join(dir, 'world.yaml');
      const run = spawnSync('npm', ['start', '--silent', '--', 'init', '--provider', 'tracx', '--out', out], {
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      expect(existsSync(out)).toBe(true);
      const version = spawnSync('npm', ['start', '--silent', '--', '--version'], { encoding: 'utf8' });
      expect(version.status).toBe(0);
      expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
