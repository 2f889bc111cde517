/**
 * Vitest global setup of the `containers` project (vitest.config.ts): runs only when a container
 * test is part of the run. It finds a Docker daemon, or starts a private one (root, `dockerd` on
 * the PATH: Debian's docker.io) with its own directories; builds dist/ when stale; builds the
 * image from the repository's Dockerfile. On a private daemon the base image is the FROM-scratch
 * stand-in (scripts/docker/stand-in-base.sh): nothing is pulled. Afterwards the private daemon,
 * its containers and its data are removed.
 *
 * It never throws: what went wrong is handed to the tests (`inject('docker').problem`), which
 * fail with it in CI and are skipped, saying why, elsewhere (tests/containers/support.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: a plain .mjs helper shared with `npm start`, without type declarations.
import { needsBuild } from '../../scripts/ensure-built.mjs';

export interface DockerState {
  /** The daemon the tests use (DOCKER_HOST), when one answers. */
  dockerHost?: string;
  /** The image built from the Dockerfile. */
  image: string;
  /** The base image it was built on. */
  baseImage: string;
  /** Why the container tests cannot run, when they cannot. */
  problem?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    docker: DockerState;
  }
}

const root = join(import.meta.dirname, '..', '..');
const image = 'authflow-mocks:test';
const baseImage = 'node:22-bookworm-slim';
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  timeout = 300_000,
): { ok: boolean; out: string } {
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', timeout });
  const out = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error === undefined ? '' : String(result.error)}`;
  return { ok: result.status === 0, out: out.trim() };
}

function answers(env: NodeJS.ProcessEnv): boolean {
  return run('docker', ['version', '--format', '{{.Server.Version}}'], env, 20_000).ok;
}

function lastLines(text: string, n = 12): string {
  return text.split('\n').slice(-n).join('\n');
}

export default function setup(project: TestProject): (() => void) | undefined {
  let privateDir: string | undefined;
  const state: DockerState = { image, baseImage };
  const done = (problem?: string) => {
    if (problem !== undefined) state.problem = problem;
    project.provide('docker', state);
    if (privateDir === undefined) return undefined;
    const dir = privateDir;
    return () => {
      const stopped = run(join(root, 'scripts/docker/dockerd.sh'), ['stop', dir], process.env, 120_000);
      if (!stopped.ok) process.stderr.write(`containers: stopping the private dockerd failed:\n${stopped.out}\n`);
    };
  };

  if (!run('docker', ['--version'], process.env, 20_000).ok)
    return done('the docker CLI is not installed (Debian: apt-get install docker.io)');

  // A daemon that already answers (DOCKER_HOST, or the system's socket), else a private one.
  let env: NodeJS.ProcessEnv = { ...process.env };
  if (answers(env)) {
    state.dockerHost = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  } else {
    const isRoot = process.getuid?.() === 0;
    if (!isRoot || !run('sh', ['-c', 'command -v dockerd']).ok) {
      return done(
        `no Docker daemon answers${process.env.DOCKER_HOST ? ` at ${process.env.DOCKER_HOST}` : ''}, and a private one needs root and dockerd (Debian: docker.io)`,
      );
    }
    // .ci/run names the directory (and stops whatever is left in it when the run ends).
    privateDir = process.env.AUTHFLOW_DOCKERD_DIR || mkdtempSync(join(tmpdir(), 'authflow-dockerd-'));
    const started = run(join(root, 'scripts/docker/dockerd.sh'), ['start', privateDir], process.env, 60_000);
    if (!started.ok) return done(`a private dockerd did not start:\n${lastLines(started.out)}`);
    state.dockerHost = started.out.split('\n').pop() as string;
    env = { ...process.env, DOCKER_HOST: state.dockerHost };
  }

  // The base image: the stand-in on a private daemon (no registry is reached); elsewhere the real one.
  const hasBase = run('docker', ['image', 'inspect', baseImage], env, 30_000).ok;
  if (privateDir !== undefined) {
    const standIn = run(join(root, 'scripts/docker/stand-in-base.sh'), [baseImage], env);
    if (!standIn.ok) return done(`the stand-in base image could not be built:\n${lastLines(standIn.out)}`);
  } else if (!hasBase) {
    const pulled = run('docker', ['pull', baseImage], env);
    // A CI machine is thrown away afterwards: a stand-in may take the base's name on its daemon.
    const standIn =
      pulled.ok || !inCi ? undefined : run(join(root, 'scripts/docker/stand-in-base.sh'), [baseImage], env);
    if (!pulled.ok && !standIn?.ok)
      return done(
        `${baseImage} is not on this daemon and cannot be pulled (offline? scripts/docker/stand-in-base.sh builds a stand-in):\n${lastLines(standIn?.out ?? pulled.out, 3)}`,
      );
  }

  if (needsBuild(root)) {
    const built = run('npm', ['run', 'build', '--silent']);
    if (!built.ok) return done(`npm run build failed:\n${lastLines(built.out)}`);
  }
  const built = run('docker', ['build', '-q', '-t', image, '.'], env);
  if (!built.ok) return done(`docker build failed:\n${lastLines(built.out)}`);
  return done();
}
