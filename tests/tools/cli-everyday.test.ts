/**
 * Everyday use of the CLI, through the built bundle (`npm run build` first): help on every
 * command, usage errors, the quiet, JSON and logging modes, provider options, the control token
 * from a file, and Newman against a dead server.
 */
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { providerIds } from '../../mocks/providers/index.js';
import { type CliProcess, listeningUrl, runBuilt, startBuilt, waitFor } from '../support/cli.js';

const running: CliProcess[] = [];

function start(args: string[], env: Record<string, string> = {}): CliProcess {
  const cli = startBuilt(args, env);
  running.push(cli);
  return cli;
}

afterEach(async () => {
  for (const cli of running.splice(0)) {
    if (cli.child.exitCode === null && cli.child.signalCode === null) {
      cli.child.kill('SIGTERM');
      await once(cli.child, 'exit');
    }
  }
});

/** A port nothing listens on. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('authflow-mocks CLI: help and usage errors', () => {
  it('every command takes --help and -h (exit 0, its usage on stdout)', async () => {
    for (const args of [
      ['--help'],
      ['-h'],
      ['help'],
      ['serve', '--help'],
      ['serve', '-h'],
      ['newman', '--help'],
      ['newman', '-h'],
      ['verify', '--help'],
      ['verify', '-h'],
    ]) {
      const run = await runBuilt(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout, args.join(' ')).toMatch(/^Usage:\s/);
    }
    const serveHelp = (await runBuilt(['serve', '--help'])).stdout;
    for (const option of [
      '--quiet',
      '--json',
      '--log',
      '--log-format',
      '--option',
      '--control-token-file',
      '--no-control',
    ])
      expect(serveHelp).toContain(option);
    expect(serveHelp).toContain('AUTHFLOW_CONTROL_TOKEN');
  });

  it('usage errors exit 2 in every command', async () => {
    for (const args of [
      ['frobnicate'],
      ['serve', '--bogus'],
      ['--bogus'],
      ['newman', '--bogus'],
      ['verify', '--bogus'],
      ['serve', '--port'],
      ['serve', '--port', 'abc'],
      ['serve', '--log-format', 'xml'],
      ['serve', '--quiet', '--json'],
      ['serve', '--provider', 'nope'],
      ['newman', '--provider', 'nope'],
      ['serve', '--option', 'eventix.noSuchOption=3'],
      ['serve', '--option', 'nope.tokenCap=3'],
      ['serve', '--option', 'eventix.tokenCap=many'],
      ['serve', '--option', 'eventbookings.issueRefreshToken=maybe'],
      ['serve', '--option', 'tokenCap'],
      ['serve', '--option', 'teletracker.expiredTokenStatus=402'],
      ['serve', '--control-token-file', '/nonexistent/authflow-token'],
    ]) {
      const run = await runBuilt(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^authflow-mocks( verify)?: /);
      expect(run.stdout, args.join(' ')).toBe('');
    }
  });
});

describe('authflow-mocks CLI: serve modes', () => {
  it('options without a command serve (authflow-mocks --port N)', async () => {
    const cli = start(['--port', '0']);
    const url = await listeningUrl(cli);
    expect((await fetch(`${url}/__control/health`)).status).toBe(200);
  });

  it('--quiet prints exactly one line with the URL', async () => {
    const cli = start(['serve', '--port', '0', '--quiet']);
    const url = await listeningUrl(cli);
    expect((await fetch(`${url}/__control/health`)).status).toBe(200);
    expect(cli.output()).toBe(`authflow-mocks listening on ${url}\n`);
  });

  it('--json prints one JSON line with the URL, the control plane and every provider', async () => {
    const cli = start(['--port', '0', '--json']);
    await waitFor(() => cli.output().includes('\n'));
    const lines = cli.output().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const banner = JSON.parse(lines[0] as string) as {
      url: string;
      control: string | null;
      providers: { id: string; hosts: { host: string; local: string }[] }[];
    };
    expect(banner.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(banner.control).toBe(`${banner.url}/__control`);
    expect(banner.providers.map((p) => p.id)).toEqual(providerIds);
    const host = banner.providers[0]?.hosts[0];
    expect(host?.local).toBe(`${banner.url}/${host?.host}`);
    expect((await fetch(`${banner.url}/__control/health`)).status).toBe(200);
  });

  it('--log prints one line per request with method, host and path, status, operationId and reason, never a query value', async () => {
    const cli = start(['--port', '0', '--quiet', '--log']);
    const url = await listeningUrl(cli);
    const secret = 'sEcReT_q_value_123';
    await fetch(`${url}/api.eventix.io/event?access_token=${secret}&page=2`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    await fetch(`${url}/__control/health`);
    await fetch(`${url}/nowhere.example/x`);
    await waitFor(() => cli.output().split('\n').length >= 5);
    const lines = cli.output().trimEnd().split('\n').slice(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z GET api\.eventix\.io\/event 401 listEvents \S+ [\d.]+ms$/);
    expect(lines[1]).toMatch(/^\S+ GET \/__control\/health 200 - [\d.]+ms$/);
    expect(lines[2]).toMatch(/^\S+ GET nowhere\.example\/x 404 - unknown_host [\d.]+ms$/);
    expect(cli.output()).not.toContain(secret);
    expect(cli.output()).not.toContain('page=2');
  });

  it('--log-format json prints one object a line with the journal fields and the duration', async () => {
    const cli = start(['--port', '0', '--quiet', '--log-format', 'json']);
    const url = await listeningUrl(cli);
    const response = await fetch(`${url}/identity.eventbookings.com/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=eb-demo-events&client_secret=wrong_secret_value',
    });
    expect(response.status).toBe(400);
    await waitFor(() => cli.output().split('\n').length >= 3);
    const entry = JSON.parse(cli.output().trimEnd().split('\n')[1] as string) as Record<string, unknown>;
    expect(entry).toMatchObject({
      method: 'POST',
      host: 'identity.eventbookings.com',
      path: '/connect/token',
      status: 400,
      provider: 'eventbookings',
      operationId: expect.any(String),
      reason: expect.any(String),
      durationMs: expect.any(Number),
    });
    expect(cli.output()).not.toContain('wrong_secret_value');
  });

  it('--option sets a provider option (seen in the fixtures)', async () => {
    const cli = start(['--port', '0', '--quiet', '--option', 'eventbookings.accessTokenTtlSeconds=60']);
    const url = await listeningUrl(cli);
    const fixtures = (await (await fetch(`${url}/__control/fixtures`)).json()) as {
      eventbookings: { access_token_ttl_seconds: number };
    };
    expect(fixtures.eventbookings.access_token_ttl_seconds).toBe(60);
  });

  it('--no-control: the banner names the flag and GET / does not advertise /__control', async () => {
    const cli = start(['--port', '0', '--no-control']);
    const url = await listeningUrl(cli);
    expect(cli.output()).toContain('control plane: off (--no-control)');
    expect(cli.output()).not.toContain('beyond loopback');
    const index = (await (await fetch(`${url}/`)).json()) as Record<string, unknown>;
    expect(index).not.toHaveProperty('control');
    expect((await fetch(`${url}/__control/health`)).status).toBe(404);
    const on = start(['--port', '0', '--quiet']);
    const onUrl = await listeningUrl(on);
    expect(((await (await fetch(`${onUrl}/`)).json()) as { control: string }).control).toBe(`${onUrl}/__control`);
  });

  it('--control-token-file guards the control plane with the token in the file, never printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authflow-token-'));
    try {
      const token = 'ctl_from_a_file_0123456789';
      const file = join(dir, 'token');
      writeFileSync(file, `${token}\n`);
      const cli = start(['--port', '0', '--control-token-file', file]);
      const url = await listeningUrl(cli);
      expect((await fetch(`${url}/__control/health`)).status).toBe(401);
      const ok = await fetch(`${url}/__control/health`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(cli.output() + cli.stderr()).not.toContain(token);
      writeFileSync(file, 'short\n');
      expect((await runBuilt(['--port', '0', '--control-token-file', file])).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a base URL with a trailing slash works: //host/... is served as /host/...', async () => {
    const cli = start(['--port', '0', '--quiet']);
    const url = await listeningUrl(cli);
    const viaDouble = await fetch(`${url}//api.eventix.io/event`);
    const viaSingle = await fetch(`${url}/api.eventix.io/event`);
    expect(viaDouble.status).toBe(viaSingle.status);
    expect(await viaDouble.json()).toEqual(await viaSingle.json());
    expect((await fetch(`${url}//__control/health`)).status).toBe(200);
  });
});

describe('authflow-mocks newman', () => {
  it('--base-url against a dead server: one line on stderr, exit 2', async () => {
    const port = await deadPort();
    const run = await runBuilt([
      'newman',
      '--base-url',
      `http://127.0.0.1:${port}`,
      '--junit-dir',
      join(tmpdir(), 'x'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`127.0.0.1:${port}`);
    expect(run.stdout).toBe('');
  });
});

describe('authflow-mocks CLI: every command lists every option, one line each', () => {
  // given a command, want these options in its help (each on its own line, with what it does).
  describe.each([
    [
      'serve',
      [
        'config',
        'watch',
        'port',
        'host',
        'provider',
        'option',
        'control-token-file',
        'control-token',
        'no-control',
        'allowed-host',
        'quiet',
        'json',
        'log',
        'log-format',
        'world-ttl',
        'max-worlds',
        'store',
        'workers',
      ],
    ],
    ['newman', ['base-url', 'config', 'world', 'reset', 'control-token', 'provider', 'junit-dir']],
    [
      'verify',
      [
        'provider',
        'live',
        'base-url',
        'world',
        'reset',
        'control-token',
        'env',
        'env-var',
        'reporters',
        'out',
        'allow-failed-assertions',
        'max-body',
      ],
    ],
    ['init', ['provider', 'out']],
    ['collections', ['config', 'out']],
  ])('%s --help', (command, options) => {
    it('lists each option once on a line of its own, every line of the list an option, and -h', async () => {
      const run = await runBuilt([command, '-h']);
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      const first = lines.findIndex((l) => /^ {2}-/.test(l));
      const last = lines.findIndex((l) => /^ {2}-h, --help\s+\S/.test(l));
      expect(first).toBeGreaterThan(0);
      expect(last).toBeGreaterThan(first);
      const block = lines.slice(first, last + 1);
      // One line each: no continuation lines inside the list.
      for (const line of block) expect(line).toMatch(/^ {2}(-h, )?--[a-z-]+( \S+)?\s{2,}\S/);
      const listed = block.map((l) => (/--([a-z-]+)/.exec(l) as RegExpExecArray)[1]);
      expect(listed.sort()).toEqual([...options, 'help'].sort());
    });
  });

  it('the top-level help mentions -h', async () => {
    const run = await runBuilt(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/-h\b/);
  });
});

describe('authflow-mocks init: where it writes', () => {
  it('--out in a missing folder: one line on stderr, exit 2, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-missing-'));
    try {
      const run = await runBuilt(['init', '--out', join(dir, 'missing', 'dir', 'x.json')]);
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--out x.toml is refused (JSON or YAML only): exit 2, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-toml-'));
    try {
      const run = await runBuilt(['init', '--out', join(dir, 'x.toml')]);
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('authflow-mocks serve: the banner', () => {
  it('names the config file and --watch; secrets are "demo" only without a config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banner-'));
    try {
      const file = join(dir, 'world.json');
      expect((await runBuilt(['init', '--provider', 'tracx', '--out', file])).code).toBe(0);
      const demo = start(['serve', '--port', '0']);
      await listeningUrl(demo);
      await waitFor(() => demo.output().includes('masked'));
      expect(demo.output()).toMatch(/^ {2}config: none\b/m);
      expect(demo.output()).toMatch(/^ {2}demo secrets are masked/m);
      const mine = start(['serve', '--port', '0', '--config', file, '--watch']);
      await listeningUrl(mine);
      await waitFor(() => mine.output().includes('masked'));
      const configLine = mine
        .output()
        .split('\n')
        .find((l) => l.startsWith('  config: '));
      expect(configLine).toContain(file);
      expect(configLine).toContain('--watch');
      expect(mine.output()).not.toMatch(/demo secrets/);
      expect(mine.output()).toMatch(/^ {2}secrets are masked/m);
      const unwatched = start(['serve', '--port', '0', '--config', file]);
      await listeningUrl(unwatched);
      await waitFor(() => unwatched.output().includes('masked'));
      const plain = unwatched
        .output()
        .split('\n')
        .find((l) => l.startsWith('  config: '));
      expect(plain).toContain(file);
      expect(plain).not.toContain('--watch');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('authflow-mocks newman --config and verify with failed assertions', () => {
  it('newman --config runs the collections against that world with its credentials (exit 0)', {
    timeout: 120_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newman-config-'));
    try {
      const file = join(dir, 'world.yaml');
      expect((await runBuilt(['init', '--provider', 'teletracker', '--out', file])).code).toBe(0);
      // The demo user's password, changed: the demo environment would be refused by this world.
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('Tr4ck-Every-Call!');
      writeFileSync(file, text.replace('Tr4ck-Every-Call!', 'My-Own-Password-42'));
      const run = await runBuilt(['newman', '--config', file, '--junit-dir', join(dir, 'junit')]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^teletracker: \d+ requests, [1-9]\d* assertions, 0 failed$/m);
      // Without --config the collections send the demo password, which this world refuses: the run fails.
      const withoutConfig = await runBuilt([
        'newman',
        '--provider',
        'teletracker',
        '--base-url',
        await listeningUrl(start(['serve', '--port', '0', '--quiet', '--config', file])),
        '--junit-dir',
        join(dir, 'junit2'),
      ]);
      expect(withoutConfig.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("verify: the collection's own assertions failed → verdict assertions_failed, exit 1; allowed → exit 0", {
    timeout: 180_000,
  }, async () => {
    const server = start(['serve', '--port', '0', '--quiet']);
    const url = await listeningUrl(server);
    const dir = mkdtempSync(join(tmpdir(), 'verify-assertions-'));
    try {
      // A wrong password: the logins are refused with a declared 401, so nothing drifts.
      const args = ['verify', '--provider', 'teletracker', '--base-url', url, '--env-var', 'password=wrong-one'];
      const run = await runBuilt([...args, '--out', join(dir, 'a')]);
      expect(run.code).toBe(1);
      const report = JSON.parse(readFileSync(join(dir, 'a', 'teletracker.json'), 'utf8'));
      expect(report.counts.drifts).toBe(0);
      expect(report.ok).toBe(false);
      expect(report.verdict).toBe('assertions_failed');
      expect(report.assertions.failed).toBeGreaterThan(0);
      // The summary's first line does not read as a pass; each operation shows the statuses seen.
      const first = run.stdout.split('\n')[0] as string;
      expect(first).not.toMatch(/: ok\b/);
      for (const op of report.operations as { operationId: string; statuses: number[] }[]) {
        const line = run.stdout.split('\n').find((l) => l.includes(` ${op.operationId} `));
        for (const status of op.statuses) expect(line).toContain(String(status));
      }
      // JUnit does not read as green either.
      expect(readFileSync(join(dir, 'a', 'teletracker.xml'), 'utf8')).toMatch(/<failure [^>]*type="assertions"/);
      const allowed = await runBuilt([...args, '--allow-failed-assertions', '--out', join(dir, 'b')]);
      expect(allowed.code).toBe(0);
      expect(readFileSync(join(dir, 'b', 'teletracker.xml'), 'utf8')).not.toContain('<failure');
      const second = JSON.parse(readFileSync(join(dir, 'b', 'teletracker.json'), 'utf8'));
      expect(second.verdict).toBe('pass');
      expect(second.assertions.allowedToFail).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
