/**
 * The image built from the repository's Dockerfile (tests/containers/global-setup.ts builds it):
 * health, the flows through it, configuration by mounted file and inline, a bad config, the user
 * it runs as, SIGTERM, the control-plane guard beyond loopback, and its size.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { statusWithHost } from '../support/http.js';
import { describeDocker, docker, dockerRun, eventually, freePort, healthOf, lazyTempDir } from './support.js';

const dir = lazyTempDir('authflow-image-');
const started: string[] = [];
let counter = 0;

afterAll(async () => {
  if (started.length > 0) await dockerRun(['rm', '-f', ...started]);
});

const demo = { client_id: 'eb-demo-events', client_secret: 'ebs_7Kq2vN9xR4mT8wZ1pL6c' };
const own = { client_id: 'acme-app', client_secret: 'acme-secret-1' };
const ownWorld = {
  // Ignored in the container: PORT and the image's --host 0.0.0.0 win, or it could not be reached.
  host: '127.0.0.1',
  port: 4010,
  eventbookings: {
    mode: 'replace',
    organisations: [{ org_uuid: 'org-acme', name: 'Acme Events' }],
    applications: [{ ...own, name: 'Acme', org_uuid: 'org-acme', scopes: ['event.read'] }],
  },
};
const controlToken = 'image-test-control-token-0123456789';

/** Starts the image detached on the host network with PORT set; returns its name and base URL. */
async function start(env: Record<string, string> = {}, extra: string[] = []): Promise<{ name: string; url: string }> {
  const port = await freePort();
  const name = `authflow-image-test-${process.pid}-${++counter}`;
  const envArgs = Object.entries({ PORT: String(port), ...env }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  const res = await dockerRun(['run', '-d', '--name', name, '--network', 'host', ...envArgs, ...extra, docker.image]);
  expect(res.code, res.stderr).toBe(0);
  started.push(name);
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => ((await fetch(`${url}/healthz`)).ok ? true : undefined), 30_000, `${name} to answer`);
  return { name, url };
}

async function token(url: string, client: { client_id: string; client_secret: string }): Promise<Response> {
  return fetch(`${url}/identity.eventbookings.com/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', ...client }),
  });
}

function writeConfig(name: string, text: string): string {
  const file = join(dir(), name);
  writeFileSync(file, text);
  chmodSync(file, 0o644);
  return file;
}

describeDocker('the authflow-mocks image', () => {
  let mocks: { name: string; url: string };
  beforeAll(async () => {
    mocks = await start();
  }, 60_000);

  it('becomes healthy by itself: its HEALTHCHECK asks /healthz on the port PORT names', async () => {
    const status = await eventually(
      async () => {
        const s = await healthOf(mocks.name);
        if (s === 'unhealthy') throw new Error('unhealthy');
        return s === 'healthy' ? s : undefined;
      },
      45_000,
      'healthy',
    );
    expect(status).toBe('healthy');
  }, 60_000);

  it('serves an EventBookings token and GET /me with it', async () => {
    const res = await token(mocks.url, demo);
    expect(res.status).toBe(200);
    const { access_token } = (await res.json()) as { access_token: string };
    const me = await fetch(`${mocks.url}/api.eventbookings.com/me`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { client_id: string }).client_id).toBe(demo.client_id);
    expect((await fetch(`${mocks.url}/api.eventbookings.com/me`)).status).toBe(401);
  });

  it('runs as the unprivileged user node (uid 1000), not root', async () => {
    const user = await dockerRun(['inspect', '-f', '{{.Config.User}}', mocks.name]);
    expect(user.stdout).toBe('node');
    const uid = await dockerRun(['exec', mocks.name, 'node', '-e', 'process.stdout.write(String(process.getuid()))']);
    expect(uid.code).toBe(0);
    expect(uid.stdout).toBe('1000');
  });

  it('listens on 0.0.0.0 with the control plane off when no control token is given; /healthz still answers', async () => {
    const logs = await dockerRun(['logs', mocks.name]);
    expect(logs.stdout).toContain(`listening on http://0.0.0.0:${new URL(mocks.url).port}`);
    expect((await fetch(`${mocks.url}/__control/health`)).status).toBe(404);
    expect((await fetch(`${mocks.url}/healthz`)).status).toBe(200);
  });

  it.each([
    ['a mounted JSON file', 'authflow-mocks.config.json', JSON.stringify(ownWorld)],
    [
      'a mounted YAML file',
      'authflow-mocks.config.yaml',
      `eventbookings:\n  mode: replace\n  organisations: [{ org_uuid: org-acme, name: Acme Events }]\n  applications:\n    - { client_id: acme-app, client_secret: acme-secret-1, org_uuid: org-acme }\n`,
    ],
  ])(
    'takes its world from %s named by AUTHFLOW_CONFIG (replace: own client works, demo refused)',
    async (_what, file, text) => {
      const host = writeConfig(file, text);
      const inside = `/config/${file}`;
      const c = await start({ AUTHFLOW_CONFIG: inside }, ['-v', `${host}:${inside}:ro`]);
      expect((await token(c.url, own)).status).toBe(200);
      const refused = await token(c.url, demo);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toBe('invalid_client');
    },
    60_000,
  );

  it('takes its world inline from AUTHFLOW_CONFIG_JSON', async () => {
    const c = await start({ AUTHFLOW_CONFIG_JSON: JSON.stringify(ownWorld) });
    expect((await token(c.url, own)).status).toBe(200);
    expect((await token(c.url, demo)).status).toBe(400);
  }, 60_000);

  it('exits 2 on a bad config, with every problem on stderr', async () => {
    const bad = {
      eventbookings: { mode: 'replace', applications: [{ client_id: 'x', client_secret: 'y', org_uuid: 'nope' }] },
      tracx: { colour: 'red' },
    };
    const res = await dockerRun([
      'run',
      '--rm',
      '--network',
      'none',
      '-e',
      `AUTHFLOW_CONFIG_JSON=${JSON.stringify(bad)}`,
      docker.image,
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Invalid AUTHFLOW_CONFIG_JSON');
    expect(res.stderr).toContain('eventbookings.applications[0].org_uuid');
    expect(res.stderr).toContain('tracx.colour: unknown key');
    expect(res.stdout).not.toContain('listening');
  }, 60_000);

  it('opens the control plane with a token from a mounted secret; the Host guard stays on', async () => {
    const secret = writeConfig('control-token', `${controlToken}\n`);
    const c = await start(
      { AUTHFLOW_CONTROL_TOKEN_FILE: '/run/secrets/control-token', AUTHFLOW_ALLOWED_HOSTS: 'mocks' },
      ['-v', `${secret}:/run/secrets/control-token:ro`],
    );
    expect((await fetch(`${c.url}/__control/health`)).status).toBe(401);
    const withToken = await fetch(`${c.url}/__control/health`, {
      headers: { authorization: `Bearer ${controlToken}` },
    });
    expect(withToken.status).toBe(200);
    // The inspector page needs no token but a Host naming the server: the service name is allowed, others not.
    expect(await statusWithHost(c.url, '/__inspector/', 'mocks:4010')).toBe(200);
    expect(await statusWithHost(c.url, '/__inspector/', 'rebinding.example')).toBe(403);
    const logs = await dockerRun(['logs', c.name]);
    expect(`${logs.stdout}${logs.stderr}`).not.toContain(controlToken);
  }, 60_000);

  it('stops on SIGTERM (docker stop) with exit code 0, well within the grace time', async () => {
    const c = await start();
    const begun = Date.now();
    const stopped = await dockerRun(['stop', '-t', '10', c.name]);
    expect(stopped.code).toBe(0);
    expect(Date.now() - begun).toBeLessThan(8_000);
    const state = await dockerRun(['inspect', '-f', '{{.State.ExitCode}} {{.State.OOMKilled}}', c.name]);
    expect(state.stdout).toBe('0 false');
    expect((await dockerRun(['logs', c.name])).stdout).toContain('SIGTERM, closing');
  }, 60_000);

  it('adds at most 40 MB to its base image', async () => {
    const sizes = await dockerRun(['image', 'inspect', '-f', '{{.Size}}', docker.image, docker.baseImage]);
    const [image, base] = sizes.stdout.split('\n').map(Number) as [number, number];
    expect(image - base).toBeGreaterThan(0);
    expect(image - base).toBeLessThanOrEqual(40 * 1024 * 1024);
  });
});
