/**
 * The container settings `serve` reads from its environment: AUTHFLOW_CONFIG_JSON,
 * AUTHFLOW_CONTROL_TOKEN_FILE and AUTHFLOW_ALLOWED_HOSTS (mocks/config/env.ts), unit and through
 * the CLI process.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveEnvironment } from '../../mocks/config/env.js';
import { type CliProcess, listeningUrl, startCli } from '../support/cli.js';
import { statusWithHost } from '../support/http.js';

const dir = mkdtempSync(join(tmpdir(), 'authflow-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const token = 'container-control-token-0123456789';
const ownWorld = {
  eventbookings: {
    mode: 'replace',
    organisations: [{ org_uuid: 'org-acme', name: 'Acme Events' }],
    applications: [{ client_id: 'acme-app', client_secret: 'acme-secret-1', org_uuid: 'org-acme' }],
  },
};

async function exitOf(cli: CliProcess): Promise<number | null> {
  if (cli.child.exitCode !== null) return cli.child.exitCode;
  const [code] = await once(cli.child, 'exit');
  return code as number | null;
}

async function stop(cli: CliProcess): Promise<void> {
  if (cli.child.exitCode === null) {
    cli.child.kill('SIGTERM');
    await once(cli.child, 'exit');
  }
}

function tokenRequest(url: string, clientId: string, secret: string): Promise<Response> {
  return fetch(`${url}/identity.eventbookings.com/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
}

describe('serveEnvironment', () => {
  it('reads nothing from an empty environment', () => {
    expect(serveEnvironment({})).toEqual({ settings: { allowedHosts: [] }, problems: [] });
  });

  it('splits AUTHFLOW_ALLOWED_HOSTS on commas and white space, and treats empty variables as unset', () => {
    const { settings, problems } = serveEnvironment({
      AUTHFLOW_ALLOWED_HOSTS: 'mocks, authflow-mocks.internal  other:4010',
      AUTHFLOW_CONFIG_JSON: '',
      AUTHFLOW_CONTROL_TOKEN_FILE: '',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({ allowedHosts: ['mocks', 'authflow-mocks.internal', 'other:4010'] });
  });

  it.each([
    [{ AUTHFLOW_CONFIG: 'a.json', AUTHFLOW_CONFIG_JSON: '{}' }, 'AUTHFLOW_CONFIG (a file) or AUTHFLOW_CONFIG_JSON'],
    [{ AUTHFLOW_CONTROL_TOKEN: token, AUTHFLOW_CONTROL_TOKEN_FILE: '/run/secrets/t' }, 'not both'],
    [{ AUTHFLOW_ALLOWED_HOSTS: 'mocks,evil/path' }, 'AUTHFLOW_ALLOWED_HOSTS: not a host name: "evil/path"'],
  ])('reports a setting it cannot use: %j', (env, problem) => {
    const { problems } = serveEnvironment(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });
});

describe('serve with container settings', () => {
  it('AUTHFLOW_CONFIG_JSON makes an inline config the world (replace: own client works, demo refused)', async () => {
    const cli = startCli(['serve', '--port', '0', '--quiet'], { AUTHFLOW_CONFIG_JSON: JSON.stringify(ownWorld) });
    try {
      const url = await listeningUrl(cli);
      const own = await tokenRequest(url, 'acme-app', 'acme-secret-1');
      expect(own.status).toBe(200);
      const demo = await tokenRequest(url, 'eb-demo-events', 'ebs_7Kq2vN9xR4mT8wZ1pL6c');
      expect(demo.status).toBe(400);
      expect(((await demo.json()) as { error: string }).error).toBe('invalid_client');
    } finally {
      await stop(cli);
    }
  });

  it('a bad AUTHFLOW_CONFIG_JSON exits 2 listing every problem with its path', async () => {
    const bad = {
      eventbookings: { mode: 'replace', applications: [{ client_id: 'x', client_secret: 'y', org_uuid: 'nope' }] },
      tracx: { colour: 'red' },
    };
    const cli = startCli(['serve', '--port', '0'], { AUTHFLOW_CONFIG_JSON: JSON.stringify(bad) });
    expect(await exitOf(cli)).toBe(2);
    expect(cli.stderr()).toContain('Invalid AUTHFLOW_CONFIG_JSON');
    expect(cli.stderr()).toContain('eventbookings.applications[0].org_uuid');
    expect(cli.stderr()).toContain('tracx.colour: unknown key');
    expect(cli.output()).not.toContain('listening');
  });

  it('AUTHFLOW_CONFIG_JSON that is not JSON exits 2', async () => {
    const cli = startCli(['serve', '--port', '0'], { AUTHFLOW_CONFIG_JSON: '{"eventix":' });
    expect(await exitOf(cli)).toBe(2);
    expect(cli.stderr()).toContain('JSON syntax error');
  });

  it('a syntax error in AUTHFLOW_CONFIG_JSON never echoes the text (it may hold secrets)', async () => {
    for (const text of ['hunter2-secret-value', '{"client_secret":"hunter2-secret-value"x}']) {
      const cli = startCli(['serve', '--port', '0'], { AUTHFLOW_CONFIG_JSON: text });
      expect(await exitOf(cli)).toBe(2);
      expect(cli.stderr()).toContain('JSON syntax error');
      expect(cli.stderr()).not.toContain('hunter2');
    }
  });

  it('AUTHFLOW_CONFIG together with AUTHFLOW_CONFIG_JSON is a usage error (exit 2)', async () => {
    const cli = startCli(['serve', '--port', '0'], { AUTHFLOW_CONFIG: 'x.json', AUTHFLOW_CONFIG_JSON: '{}' });
    expect(await exitOf(cli)).toBe(2);
  });

  it('AUTHFLOW_CONTROL_TOKEN_FILE guards the control plane beyond loopback and the token is never printed', async () => {
    const file = join(dir, 'control-token');
    writeFileSync(file, `${token}\n`);
    const cli = startCli(['serve', '--port', '0', '--host', '0.0.0.0'], { AUTHFLOW_CONTROL_TOKEN_FILE: file });
    try {
      const url = (await listeningUrl(cli)).replace('0.0.0.0', '127.0.0.1');
      const without = await fetch(`${url}/__control/health`);
      expect(without.status).toBe(401);
      const withToken = await fetch(`${url}/__control/health`, { headers: { authorization: `Bearer ${token}` } });
      expect(withToken.status).toBe(200);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect(cli.output()).not.toContain(token);
      expect(cli.stderr()).not.toContain(token);
    } finally {
      await stop(cli);
    }
  });

  it('an unreadable AUTHFLOW_CONTROL_TOKEN_FILE exits 2 naming the variable', async () => {
    const cli = startCli(['serve', '--port', '0'], { AUTHFLOW_CONTROL_TOKEN_FILE: join(dir, 'missing') });
    expect(await exitOf(cli)).toBe(2);
    expect(cli.stderr()).toContain('AUTHFLOW_CONTROL_TOKEN_FILE');
  });

  it('AUTHFLOW_ALLOWED_HOSTS adds control-plane host names; other names stay refused', async () => {
    const cli = startCli(['serve', '--port', '0', '--quiet'], { AUTHFLOW_ALLOWED_HOSTS: 'mocks,mocks.internal' });
    try {
      const url = await listeningUrl(cli);
      expect(await statusWithHost(url, '/__control/health', 'mocks:4010')).toBe(200);
      expect(await statusWithHost(url, '/__control/health', 'mocks.internal')).toBe(200);
      expect(await statusWithHost(url, '/__control/health', 'evil.example')).toBe(403);
    } finally {
      await stop(cli);
    }
  });

  it('a malformed AUTHFLOW_ALLOWED_HOSTS is a usage error (exit 2)', async () => {
    const cli = startCli(['serve', '--port', '0'], { AUTHFLOW_ALLOWED_HOSTS: 'mocks,bad/name' });
    expect(await exitOf(cli)).toBe(2);
    expect(cli.stderr()).toContain('bad/name');
  });
});
