/**
 * The repository's docker-compose.yml, run with `docker-compose` (Debian's 1.29) as a user would,
 * plus a test override that puts both services on the host network (compose.host-network.yml).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDocker, docker, dockerRun, freePort, type Run, run } from './support.js';

const project = `afmcompose${process.pid}`;
const files = ['-f', 'docker-compose.yml', '-f', 'tests/containers/compose.host-network.yml'];
let port = 0;

function compose(args: string[], timeoutMs?: number): Promise<Run> {
  return run(
    'docker-compose',
    ['-p', project, ...files, ...args],
    { env: { ...process.env, AUTHFLOW_TEST_PORT: String(port) } },
    timeoutMs,
  );
}

/** Docker's RFC 3339 time with nanoseconds, in ms (Date.parse takes at most milliseconds). */
function timeOf(value: string): number {
  return Date.parse(value.replace(/(\.\d{3})\d*/, '$1'));
}

describeDocker('docker-compose.yml', () => {
  beforeAll(async () => {
    port = await freePort();
    // The file names the image a clone builds (authflow-mocks:local): the one the global setup built.
    const tagged = await dockerRun(['tag', docker.image, 'authflow-mocks:local']);
    expect(tagged.code, tagged.stderr).toBe(0);
  });
  afterAll(async () => {
    await compose(['down', '--remove-orphans']);
  });

  it('starts the app only once the mocks are healthy, and the app signs in through them', async () => {
    const up = await compose(['up', '--no-build', '--abort-on-container-exit', '--exit-code-from', 'app'], 120_000);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toContain('app: signed in to EventBookings as Demo Events App');

    // The gate: the app's container started after the mocks' first successful health check ended.
    const health = await dockerRun(['inspect', '-f', '{{json .State.Health.Log}}', `${project}_mocks_1`]);
    const probes = JSON.parse(health.stdout) as { End: string; ExitCode: number }[];
    const firstHealthy = probes.find((p) => p.ExitCode === 0);
    expect(firstHealthy).toBeDefined();
    const appStarted = await dockerRun(['inspect', '-f', '{{.State.StartedAt}}', `${project}_app_1`]);
    expect(timeOf(appStarted.stdout)).toBeGreaterThanOrEqual(timeOf((firstHealthy as { End: string }).End));
    const appExit = await dockerRun(['inspect', '-f', '{{.State.ExitCode}}', `${project}_app_1`]);
    expect(appExit.stdout).toBe('0');
  }, 150_000);

  it('the file is valid for docker-compose as written (config resolves both services)', async () => {
    const config = await run('docker-compose', ['-p', project, '-f', 'docker-compose.yml', 'config', '--services']);
    expect(config.code, config.stderr).toBe(0);
    expect(config.stdout.split('\n').sort()).toEqual(['app', 'mocks']);
  });
});
