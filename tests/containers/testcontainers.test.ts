/**
 * `authflow-mocks/testcontainers` (mocks/testcontainers/index.ts) with testcontainers 11, on the
 * image the global setup built. Host networking: a private test daemon has no bridge.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RemoteError } from '../../mocks/remote/index.js';
import { AuthflowMocksContainer, type StartedAuthflowMocksContainer } from '../../mocks/testcontainers/index.js';
import { describeDocker, docker, dockerRun, lazyTempDir } from './support.js';

const dir = lazyTempDir('authflow-tc-');
/** Every container this file starts carries it, so the ones a failed start leaves behind are removed too. */
const label = { 'org.authflow-mocks.test': `testcontainers-${process.pid}` };
afterAll(async () => {
  if (docker.problem === undefined) {
    const filter = `label=org.authflow-mocks.test=testcontainers-${process.pid}`;
    const left = await dockerRun(['ps', '-aq', '--filter', filter]);
    if (left.stdout !== '') await dockerRun(['rm', '-f', ...left.stdout.split('\n')]);
  }
});

const own = { client_id: 'acme-app', client_secret: 'acme-secret-1' };
const demo = { client_id: 'eb-demo-events', client_secret: 'ebs_7Kq2vN9xR4mT8wZ1pL6c' };
const ownWorld = {
  eventbookings: {
    mode: 'replace' as const,
    organisations: [{ org_uuid: 'org-acme', name: 'Acme Events' }],
    applications: [{ ...own, org_uuid: 'org-acme' }],
  },
};
const controlToken = 'testcontainers-control-token-0123';

function token(url: string, client: { client_id: string; client_secret: string }): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', ...client }),
  });
}

describeDocker('AuthflowMocksContainer', () => {
  let mocks: StartedAuthflowMocksContainer;
  beforeAll(async () => {
    mocks = await new AuthflowMocksContainer(docker.image)
      .withLabels(label)
      .withNetworkMode('host')
      .withConfig(ownWorld)
      .withControlToken(controlToken)
      .start();
  }, 90_000);
  afterAll(async () => {
    await mocks?.stop();
  });

  it('starts once /healthz answers, and getUrl() serves the configured world', async () => {
    expect((await fetch(`${mocks.getUrl()}/healthz`)).status).toBe(200);
    const tokenUrl = `${mocks.getUrl()}/identity.eventbookings.com/connect/token`;
    expect((await token(tokenUrl, own)).status).toBe(200);
    expect((await token(tokenUrl, demo)).status).toBe(400);
  });

  it('guards the control plane with the token it was given, which getControlClient() sends', async () => {
    expect((await fetch(`${mocks.getUrl()}/__control/health`)).status).toBe(401);
    expect(mocks.getControlToken()).toBe(controlToken);
    expect((await mocks.getControlClient().health()).status).toBe('ok');
  });

  it('gives a test a world of its own through the remote control client', async () => {
    const remote = mocks.getControlClient();
    const world = await remote.createWorld({ config: {} }); // the demo world, isolated from the server's own
    try {
      const tokenUrl = world.url('https://identity.eventbookings.com/connect/token');
      expect((await token(tokenUrl, demo)).status).toBe(200);
      // The server's own (configured) world is untouched: the demo client is still refused there.
      expect((await token(`${mocks.getUrl()}/identity.eventbookings.com/connect/token`, demo)).status).toBe(400);
      expect((await remote.worlds()).map((w) => w.id)).toContain(world.id);
    } finally {
      await world.delete();
    }
    const gone = await remote
      .world(world.id)
      .reset()
      .catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(RemoteError);
    expect((gone as RemoteError).code).toBe('unknown_world');
  });

  it('takes a config file by path (copied into the container and named by AUTHFLOW_CONFIG)', async () => {
    const file = join(dir(), 'authflow-mocks.config.yaml');
    writeFileSync(
      file,
      'eventbookings:\n  mode: replace\n  organisations: [{ org_uuid: org-y, name: Y }]\n  applications: [{ client_id: yaml-app, client_secret: yaml-secret, org_uuid: org-y }]\n',
    );
    const fromFile = await new AuthflowMocksContainer(docker.image)
      .withLabels(label)
      .withNetworkMode('host')
      .withConfig(file)
      .start();
    try {
      const tokenUrl = `${fromFile.getUrl()}/identity.eventbookings.com/connect/token`;
      expect((await token(tokenUrl, { client_id: 'yaml-app', client_secret: 'yaml-secret' })).status).toBe(200);
      // No token given: a random one, and the client has it.
      expect(fromFile.getControlToken().length).toBeGreaterThanOrEqual(16);
      expect((await fromFile.getControlClient().health()).status).toBe('ok');
    } finally {
      await fromFile.stop();
    }
  }, 90_000);

  it('fails to start on a bad config (the container exits 2)', async () => {
    const bad = new AuthflowMocksContainer(docker.image)
      .withLabels(label)
      .withNetworkMode('host')
      .withConfig({ tracx: { colour: 'red' } } as never)
      .withStartupTimeout(20_000);
    await expect(bad.start()).rejects.toThrow(/exited with code 2/);
  }, 60_000);

  it('refuses a control token under 16 characters', () => {
    expect(() => new AuthflowMocksContainer(docker.image).withControlToken('short')).toThrow(RangeError);
  });
});
