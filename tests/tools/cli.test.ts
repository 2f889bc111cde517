import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { providerIds } from '../../mocks/providers/index.js';
import { type CliProcess, listeningUrl, runProcess, spawnCli, startCli, waitFor } from '../support/cli.js';

describe('authflow-mocks CLI', () => {
  it('serve prints providers, local base URLs and demo credentials, answers, and exits 0 on SIGTERM', async () => {
    const cli = startCli(['serve', '--port', '0']);
    await waitFor(() => cli.output().includes('client_id=eb-demo-events'));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.output())?.[1];
    expect(url).toBeDefined();
    expect(cli.output()).toContain(`${url}/identity.eventbookings.com`);
    const health = await fetch(`${url}/__control/health`);
    expect(health.status).toBe(200);
    cli.child.kill('SIGTERM');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(0);
  });

  /** The packages a process started with the recorder has imported so far (it prints them on SIGUSR2 and on exit). */
  async function packagesOf(cli: CliProcess): Promise<string[]> {
    if (cli.child.exitCode === null) cli.child.kill('SIGUSR2');
    await waitFor(() => cli.stderr().includes('packages: '));
    return (/packages: (.*)/.exec(cli.stderr())?.[1] ?? '').split(',');
  }
  const recorder = { preload: ['./tests/support/record-packages.mjs'] };

  it('serve does not load MSW, Newman, ajv or yaml (start-up time)', async () => {
    const cli = spawnCli(['serve', '--port', '0'], recorder);
    try {
      await waitFor(() => cli.output().includes('client_id=eb-demo-events'));
      const packages = await packagesOf(cli);
      expect(packages).toContain('@msw/data');
      for (const heavy of ['msw', 'newman', 'ajv', 'ajv-formats', 'yaml']) expect(packages).not.toContain(heavy);
    } finally {
      cli.child.kill('SIGTERM');
      await once(cli.child, 'exit');
    }
  });

  it('the built bundle (bin, npm start) serves every provider and loads no MSW, Newman, ajv or yaml', async () => {
    // dist/ is built by `npm run build` (tests/support/global-setup.ts when missing); the bin is the esbuild bundle.
    const cli = spawnCli(['serve', '--port', '0'], { ...recorder, built: true });
    try {
      const url = await listeningUrl(cli);
      const health = await (await fetch(`${url}/__control/health`)).json();
      expect(health.providers).toEqual([...providerIds]);
      // The banner names the inspector; the bundle finds the built page in dist/inspector.
      expect(cli.output()).toContain(`${url}/__inspector/`);
      const inspector = await fetch(`${url}/__inspector/app.js`);
      expect(inspector.status).toBe(200);
      expect((await fetch(`${url}/__inspector/docs/eventbookings`)).status).toBe(200);
      const packages = await packagesOf(cli);
      for (const heavy of ['msw', 'newman', 'ajv', 'ajv-formats', 'yaml']) expect(packages).not.toContain(heavy);
    } finally {
      cli.child.kill('SIGTERM');
      await once(cli.child, 'exit');
    }
  });

  it('the built bundle finds specs/ and package.json (--version), loading the external packages from node_modules', async () => {
    const cli = spawnCli(['--version'], { ...recorder, built: true });
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(0);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(cli.output().trim()).toBe(pkg.version);
    // --version goes through contract.ts (specsDir), which imports ajv and yaml: the recorder sees
    // them resolved from node_modules, so the check above would see them if serve loaded them.
    const packages = await packagesOf(cli);
    expect(packages).toContain('yaml');
    expect(packages).toContain('ajv');
  });

  it('the built authflow-mocks/http entry serves a world without loading MSW', async () => {
    const script = `
      import { createMockServer } from 'authflow-mocks/http';
      const server = createMockServer();
      const { url } = await server.listen(0);
      const health = await (await fetch(url + '/__control/health')).json();
      process.stdout.write(JSON.stringify(health.providers));
      await server.close();`;
    const { code, stdout, stderr } = await runProcess(process.execPath, [
      ...recorder.preload.flatMap((m) => ['--import', m]),
      '--input-type=module',
      '-e',
      script,
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([...providerIds]);
    const packages = (/packages: (.*)/.exec(stderr)?.[1] ?? '').split(',');
    expect(packages).toContain('@msw/data');
    expect(packages).not.toContain('msw');
  });

  it('exits non-zero with a clear message when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const cli = startCli(['serve', '--port', String(port)]);
      const [code] = await once(cli.child, 'exit');
      expect(code).not.toBe(0);
      expect(cli.stderr()).toContain(`port ${port}`);
      expect(cli.stderr()).toContain('already in use');
    } finally {
      blocker.close();
    }
  });

  it('refuses an unknown command and a bad port with exit code 2', async () => {
    for (const args of [['frobnicate'], ['serve', '--port', 'abc']]) {
      const cli = startCli(args);
      const [code] = await once(cli.child, 'exit');
      expect(code).toBe(2);
    }
  });
});
