/**
 * What the container tests share: the daemon and image the global setup prepared, `docker` run
 * against that daemon, and free host ports (the containers use `--network host`, so a private
 * daemon needs no bridge and no iptables rules).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, inject, it } from 'vitest';
import { type ProcessOptions, runProcess } from '../support/cli.js';
import { freePortOnLoopback } from '../support/ports.js';

export const docker = inject('docker');

/** CI runs every test; a run that cannot reach Docker fails there. */
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

if (docker.dockerHost !== undefined) process.env.DOCKER_HOST = docker.dockerHost;
// Ryuk (Testcontainers' reaper) is an image no offline machine can pull; the tests stop what they start.
process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
// The containers share the host's network, so they are reached on 127.0.0.1. (Inside a container,
// Testcontainers would otherwise look for the gateway of a `bridge` network a private daemon lacks.)
if (docker.dockerHost?.startsWith('unix:')) process.env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';

/**
 * A `describe` for tests that need Docker: skipped, saying why, when Docker is unavailable
 * outside CI; in CI it runs and fails with the reason.
 */
export function describeDocker(name: string, body: () => void): void {
  if (docker.problem !== undefined && !inCi) {
    process.stderr.write(`tests/containers: skipping "${name}": ${docker.problem}\n`);
    describe.skip(name, body);
    return;
  }
  if (docker.problem !== undefined) {
    // In CI: one failing test says why, instead of the file's tests (whose hooks would need Docker).
    describe(name, () => {
      it('has Docker to run against (CI never skips the container tests)', () => {
        throw new Error(`Docker is needed in CI: ${docker.problem}`);
      });
    });
    return;
  }
  describe(name, body);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command (docker, docker-compose) to its end. */
export async function run(
  command: string,
  args: string[],
  options: ProcessOptions = {},
  timeoutMs = 120_000,
): Promise<Run> {
  const ran = await runProcess(command, args, options, timeoutMs);
  return { code: ran.code, stdout: ran.stdout.trim(), stderr: ran.stderr.trim() };
}

export function dockerRun(args: string[], timeoutMs?: number): Promise<Run> {
  return run('docker', args, {}, timeoutMs);
}

/** A port nothing listens on right now (for PORT in a host-network container). */
export const freePort = freePortOnLoopback;

/** Polls until `check` returns a value, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 30_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A container's health status (`starting`, `healthy`, `unhealthy`). */
export async function healthOf(name: string): Promise<string> {
  return (await dockerRun(['inspect', '-f', '{{.State.Health.Status}}', name])).stdout;
}

/**
 * A temporary folder made on first use and removed after the file's tests (a skipped file makes
 * none, so leaves none).
 */
export function lazyTempDir(prefix: string): () => string {
  let dir: string | undefined;
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    dir ??= mkdtempSync(join(tmpdir(), prefix));
    return dir;
  };
}
