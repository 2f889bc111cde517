/**
 * `authflow-mocks verify` and `verifyCollection`: no network. The target is always a local
 * server: the standalone mock, the mock with injected faults, or a small node:http proxy in front
 * of the mock that changes one answer. Exit codes go through the built bundle (`npm run build`).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../mocks/doors/http/index.js';
import { providerIds } from '../../mocks/providers/index.js';
import {
  formatJunit,
  formatSummary,
  VerifyError,
  verifyCollection,
  verifyVariables,
} from '../../mocks/tools/verify.js';
import { runBuiltCli } from '../support/cli.js';

// Newman runs take a few seconds each, more on a busy machine; the clean run does all five.
const oneRun = 90_000;

/** Every fixture value that is secret or personal: secrets, passwords, tokens, keys, e-mails. */
function secretsIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    return /secret|password|token|key|email/i.test(key) && value.length >= 8 && !value.startsWith('http')
      ? [value]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v) => secretsIn(v, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => secretsIn(v, k));
  return [];
}

interface Proxy {
  url: string;
  /** Every JSON answer body that went through. */
  bodies: unknown[];
  close(): Promise<void>;
}

/**
 * A node:http server in front of the mock: forwards everything, records answer bodies, and lets
 * `rewrite` change an answer's headers.
 */
async function proxyTo(
  target: string,
  rewrite: (path: string, headers: Record<string, string | string[] | undefined>) => void = () => {},
): Promise<Proxy> {
  const bodies: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const upstream = httpRequest(
      `${target}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const raw = Buffer.concat(chunks);
          try {
            bodies.push(JSON.parse(raw.toString('utf8')));
          } catch {
            // not JSON
          }
          const headers = { ...answer.headers };
          rewrite(req.url ?? '', headers);
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(raw);
        });
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Every string under a token-like key in the recorded answers: the tokens the run was issued. */
function issuedTokens(bodies: unknown[]): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (/token/i.test(key) && value.length >= 12) out.push(value);
    } else if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  for (const b of bodies) walk(b, '');
  return out;
}

function filesIn(dir: string): string {
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

let server: MockServer;
let mockUrl: string;
let fixtureSecrets: string[];

beforeAll(async () => {
  server = createMockServer();
  mockUrl = (await server.listen(0)).url;
  fixtureSecrets = secretsIn(await (await fetch(`${mockUrl}/__control/fixtures`)).json());
});

afterAll(async () => {
  await server.close();
});

describe('verify against the mock itself', () => {
  it(
    'every provider conforms (exit 0), every operation exercised, no secret or issued token in any output',
    async () => {
      expect(fixtureSecrets.length).toBeGreaterThanOrEqual(providerIds.length * 2);
      const proxy = await proxyTo(mockUrl);
      const out = mkdtempSync(join(tmpdir(), 'verify-clean-'));
      try {
        const run = await runBuiltCli([
          'verify',
          '--provider',
          providerIds.join(','),
          '--base-url',
          proxy.url,
          '--out',
          out,
        ]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        for (const provider of providerIds) {
          const report = JSON.parse(readFileSync(join(out, `${provider}.json`), 'utf8'));
          expect(report.ok).toBe(true);
          expect(report.counts.drifts).toBe(0);
          expect(report.counts.notExercised).toBe(0);
          expect(report.counts.conforms).toBe(report.counts.operations);
          expect(readFileSync(join(out, `${provider}.xml`), 'utf8')).not.toContain('<failure');
        }
        const issued = issuedTokens(proxy.bodies);
        expect(issued.length).toBeGreaterThan(10);
        const outputs = `${run.stdout}\n${run.stderr}\n${filesIn(out)}`;
        for (const secret of [...fixtureSecrets, ...issued]) expect(outputs).not.toContain(secret);
      } finally {
        await proxy.close();
      }
    },
    3 * oneRun,
  );
});

describe('verify against a drifted provider', () => {
  it(
    'names each drifting operation and the JSON path: a renamed field, a wrong type, an undeclared status',
    async () => {
      const faults = [
        // A renamed field (error → err) carrying a secret and an e-mail that must not leak.
        {
          operationId: 'requestToken',
          status: 400,
          body: {
            err: 'invalid_client',
            access_token: fixtureSecrets[0],
            contact: { email: 'ops@eventbookings.example' },
          },
        },
        // A wrong type.
        { operationId: 'getMe', status: 401, body: { error: 401 } },
        // An undeclared status.
        { operationId: 'listOrgEvents', status: 418, body: { error: 'teapot' } },
      ];
      for (const fault of faults) {
        const res = await fetch(`${mockUrl}/__control/faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ provider: 'eventbookings', ...fault }),
        });
        expect(res.status).toBe(201);
      }
      // Skipping the control plane (as against a real host) keeps the faults: a reset would clear them.
      // The faults wait in the server's own world: verify runs there when told (by default it makes a world).
      const report = await verifyCollection({
        provider: 'eventbookings',
        baseUrl: mockUrl,
        world: 'default',
        variables: { controlBase: '' },
      });
      await fetch(`${mockUrl}/__control/faults`, { method: 'DELETE' });

      expect(report.ok).toBe(false);
      const op = (id: string) => report.operations.find((o) => o.operationId === id);
      expect(op('requestToken')?.verdict).toBe('drifts');
      expect(op('requestToken')?.path).toBe('/connect/token');
      expect(op('requestToken')?.drifts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ status: 400, kind: 'body', path: '$.error', actual: 'absent' }),
          expect.objectContaining({ status: 400, kind: 'body', path: '$.err', actual: '"invalid_client"' }),
        ]),
      );
      expect(op('getMe')?.drifts).toEqual([
        expect.objectContaining({
          status: 401,
          kind: 'body',
          path: '$.error',
          expected: 'must be string',
          actual: '401',
        }),
      ]);
      expect(op('listOrgEvents')?.drifts).toEqual([
        expect.objectContaining({ status: 418, kind: 'status', path: '$', actual: '418' }),
      ]);
      expect(op('listOrgEvents')?.drifts[0]?.expected).toMatch(/200/);
      expect(report.counts.drifts).toBe(3);

      const junit = formatJunit([report]);
      // Three drifting operations, and the collection's own assertions (the faults broke its flow).
      expect(junit).toMatch(/<testsuites[^>]* failures="4"/);
      expect(junit.match(/type="drift"/g)).toHaveLength(3);
      expect(junit.match(/type="assertions"/g)).toHaveLength(1);
      expect(junit).toMatch(
        /<testcase [^>]*name="getMe GET \/me">\s*<failure [^>]*message="\$\.error: expected must be string/,
      );
      const outputs = `${JSON.stringify(report)}\n${junit}\n${formatSummary(report)}`;
      expect(outputs).toContain('$.access_token');
      for (const secret of [...fixtureSecrets, 'ops@eventbookings.example']) expect(outputs).not.toContain(secret);
    },
    oneRun,
  );

  it(
    'a missing required header: exit 1, the operation and the header in the summary and in JUnit',
    async () => {
      // Eventix's authorization redirect must carry Location; this server drops it on /tokens/authorize.
      const proxy = await proxyTo(mockUrl, (path, headers) => {
        if (path.startsWith('/auth.eventix.io/tokens/authorize')) delete headers.location;
      });
      const out = mkdtempSync(join(tmpdir(), 'verify-header-'));
      try {
        // In the server's own world: the proxy matches the plain path (a new world's would start /w/<id>).
        const run = await runBuiltCli([
          'verify',
          '--provider',
          'eventix',
          '--base-url',
          proxy.url,
          '--world',
          'default',
          '--out',
          out,
        ]);
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/DRIFT authorize GET \/tokens\/authorize/);
        expect(run.stdout).toMatch(/302 Location: expected required header Location, got absent/);
        expect(run.stdout).toMatch(/ok {4}authorizeLegacy GET \/token\/authorize/);
        const junit = readFileSync(join(out, 'eventix.xml'), 'utf8');
        expect(junit).toMatch(/name="authorize GET \/tokens\/authorize">\s*<failure [^>]*message="Location: expected/);
        const report = JSON.parse(readFileSync(join(out, 'eventix.json'), 'utf8'));
        expect(report.counts.drifts).toBe(1);
        const outputs = `${run.stdout}\n${run.stderr}\n${filesIn(out)}`;
        for (const secret of [...fixtureSecrets, ...issuedTokens(proxy.bodies)]) expect(outputs).not.toContain(secret);
      } finally {
        await proxy.close();
      }
    },
    oneRun,
  );
});

describe('verify: usage and reachability', () => {
  it(
    'an unreachable base URL: exit 2, one line, before running anything',
    async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const out = mkdtempSync(join(tmpdir(), 'verify-down-'));
      const run = await runBuiltCli([
        'verify',
        '--provider',
        'tracx',
        '--base-url',
        `http://127.0.0.1:${port}`,
        '--out',
        out,
      ]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`127.0.0.1:${port}`);
      expect(readdirSync(out)).toEqual([]);
    },
    oneRun,
  );

  it(
    'usage errors exit 2: no provider, an unknown one, --live with --base-url, a bad --env-var',
    async () => {
      for (const args of [
        [],
        ['--provider', 'nope'],
        ['--provider', 'tracx', '--live', '--base-url', 'http://127.0.0.1:1'],
        ['--provider', 'tracx', '--env-var', 'novalue'],
        ['--provider', 'tracx', '--reporters', 'html'],
      ]) {
        const run = await runBuiltCli(['verify', ...args]);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
      }
    },
    oneRun,
  );

  it('a live run probes the hosts its environment names first: VerifyError unreachable, nothing run', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const down = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = verifyCollection({
      provider: 'eventbookings',
      processEnv: {},
      variables: { identityBase: down, apiBase: down },
    });
    await expect(run).rejects.toBeInstanceOf(VerifyError);
    await expect(run).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('the library throws VerifyError usage for an unknown provider', async () => {
    await expect(verifyCollection({ provider: 'nope' })).rejects.toMatchObject({ code: 'usage' });
    await expect(verifyCollection({ provider: 'nope' })).rejects.toBeInstanceOf(VerifyError);
  });
});

describe('verify: credentials', () => {
  it('live runs start from empty credentials, filled by AUTHFLOW_* variables, then the env file, then variables', () => {
    const live = verifyVariables({ provider: 'eventix', processEnv: {} });
    expect(live.client_secret).toBe('');
    expect(live.apiBase).toBe('https://api.eventix.io');
    const dir = mkdtempSync(join(tmpdir(), 'verify-env-'));
    const file = join(dir, 'eventix.env');
    writeFileSync(file, '# live credentials\nclient_id=from-file\nredirect_uri="https://app.example/cb"\n');
    const vars = verifyVariables({
      provider: 'eventix',
      processEnv: {
        AUTHFLOW_EVENTIX_CLIENT_ID: 'from-env',
        AUTHFLOW_EVENTIX_CLIENT_SECRET: 'secret-from-env',
        AUTHFLOW_EVENTIX_REFRESH_TOKEN: 'rt-from-env',
      },
      envFile: file,
      variables: { redirect_uri: 'https://cli.example/cb' },
    });
    expect(vars).toMatchObject({
      client_id: 'from-file',
      client_secret: 'secret-from-env',
      refreshToken: 'rt-from-env',
      redirect_uri: 'https://cli.example/cb',
    });
  });

  it(
    'Eventix starts from a refresh token when there is no authorization code',
    async () => {
      // A refresh token as a person would get it: sign in (the mock redirects at once) and exchange the code.
      const fixtures = (await (await fetch(`${mockUrl}/__control/fixtures`)).json()) as {
        eventix: { clients: { client_id: string; client_secret: string; redirect_uris: string[] }[] };
      };
      const client = fixtures.eventix.clients[0] as {
        client_id: string;
        client_secret: string;
        redirect_uris: string[];
      };
      const authorize = await fetch(
        `${mockUrl}/auth.eventix.io/tokens/authorize?client_id=${client.client_id}&redirect_uri=${encodeURIComponent(client.redirect_uris[0] as string)}&response_type=code`,
        { redirect: 'manual' },
      );
      const code = new URL(authorize.headers.get('location') as string).searchParams.get('code') as string;
      const tokens = (await (
        await fetch(`${mockUrl}/auth.eventix.io/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            redirect_uri: client.redirect_uris[0] as string,
            client_id: client.client_id,
            client_secret: client.client_secret,
          }),
        })
      ).json()) as { refresh_token: string };
      // The refresh token belongs to the server's own world, where it was issued.
      const report = await verifyCollection({
        provider: 'eventix',
        baseUrl: mockUrl,
        world: 'default',
        variables: { controlBase: '', refreshToken: tokens.refresh_token },
      });
      expect(report.ok).toBe(true);
      expect(report.operations.find((o) => o.operationId === 'getCurrentUser')?.statuses).toContain(200);
      expect(report.operations.find((o) => o.operationId === 'listEvents')?.statuses).toContain(200);
      expect(report.operations.find((o) => o.operationId === 'authorize')?.verdict).toBe('not_exercised');
      expect(JSON.stringify(report)).not.toContain(tokens.refresh_token);
    },
    oneRun,
  );
});
