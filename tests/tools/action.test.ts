/**
 * The GitHub Action (action.yml): its steps run scripts/action/start.sh and stop.sh with the
 * inputs as INPUT_* variables; these tests run the same scripts with the same variables, against
 * a copy of this checkout's build (`version` a path), as a workflow in this repository would.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runProcess } from '../support/cli.js';
import { freePortOnLoopback } from '../support/ports.js';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'authflow-action-'));
/** A copy of the built package: a rebuild elsewhere in the run cannot pull dist/ from under it. */
const checkout = join(dir, 'checkout');

beforeAll(async () => {
  // Another test file may be rebuilding dist/ right now (tests/tools/package.test.ts): retry until a whole copy is taken.
  const parts = ['package.json', 'dist/cli', 'dist/inspector', 'specs', 'schema', 'node_modules/yaml'];
  const end = Date.now() + 120_000;
  for (;;) {
    try {
      rmSync(checkout, { recursive: true, force: true });
      for (const part of parts) cpSync(join(root, part), join(checkout, part), { recursive: true });
      if (existsSync(join(checkout, 'dist/cli/main.js')) && existsSync(join(checkout, 'dist/inspector/index.html')))
        return;
    } catch (error) {
      if (Date.now() > end) throw error;
    }
    if (Date.now() > end) throw new Error('dist/ was not complete within 120 s (npm run build)');
    await new Promise((r) => setTimeout(r, 1000));
  }
}, 150_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ScriptRun {
  code: number | null;
  stdout: string;
  env: string;
  output: string;
}

let runs = 0;
/** Runs an Action script as the runner does: INPUT_* variables, RUNNER_TEMP, GITHUB_ENV, GITHUB_OUTPUT. */
async function runScript(
  script: 'start.sh' | 'stop.sh',
  inputs: Record<string, string>,
  temp: string,
): Promise<ScriptRun> {
  const githubEnv = join(dir, `env-${++runs}`);
  const githubOutput = join(dir, `output-${runs}`);
  writeFileSync(githubEnv, '');
  writeFileSync(githubOutput, '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RUNNER_TEMP: temp,
    GITHUB_ENV: githubEnv,
    GITHUB_OUTPUT: githubOutput,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const ran = await runProcess('bash', [join(root, 'scripts/action', script)], { env });
  return {
    code: ran.code,
    stdout: ran.stdout + ran.stderr,
    env: readFileSync(githubEnv, 'utf8'),
    output: readFileSync(githubOutput, 'utf8'),
  };
}

describe('action.yml', () => {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; steps: { id: string; env?: Record<string, string>; run: string }[] };
  };

  it('is a composite action with the inputs version, config, port, providers and stop', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['config', 'port', 'providers', 'stop', 'version']);
    expect(action.inputs.port?.default).toBe('4010');
  });

  it('passes every start input to start.sh as the INPUT_* variable the script reads', () => {
    const start = action.runs.steps.find((s) => s.id === 'start');
    expect(start?.run).toContain('scripts/action/start.sh');
    for (const name of ['version', 'config', 'port', 'providers'])
      expect(start?.env?.[`INPUT_${name.toUpperCase()}`]).toBe(`\${{ inputs.${name} }}`);
    expect(action.runs.steps.find((s) => s.id === 'stop')?.run).toContain('scripts/action/stop.sh');
  });
});

describe('the Action scripts (scripts/action)', () => {
  it('start.sh serves the chosen providers with the config, exports AUTHFLOW_MOCKS_URL once healthy; stop.sh ends it', async () => {
    const temp = mkdtempSync(join(dir, 'runner-'));
    const config = join(dir, 'authflow-mocks.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        eventbookings: {
          mode: 'replace',
          organisations: [{ org_uuid: 'org-acme', name: 'Acme' }],
          applications: [{ client_id: 'acme-app', client_secret: 'acme-secret-1', org_uuid: 'org-acme' }],
        },
      }),
    );
    const port = await freePortOnLoopback();
    const started = await runScript(
      'start.sh',
      { version: checkout, config, port: String(port), providers: 'eventbookings, eventix' },
      temp,
    );
    const url = `http://127.0.0.1:${port}`;
    try {
      expect(started.code, started.stdout).toBe(0);
      expect(started.env).toBe(`AUTHFLOW_MOCKS_URL=${url}\n`);
      expect(started.output).toMatch(new RegExp(`^url=${url}\npid=\\d+\n$`));
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const index = (await (await fetch(`${url}/`)).json()) as { providers: { id: string }[] };
      expect(index.providers.map((p) => p.id)).toEqual(['eventbookings', 'eventix']);
      const own = await fetch(`${url}/identity.eventbookings.com/connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: 'acme-app',
          client_secret: 'acme-secret-1',
        }),
      });
      expect(own.status).toBe(200);
    } finally {
      const stopped = await runScript('stop.sh', {}, temp);
      expect(stopped.code).toBe(0);
      expect(stopped.stdout).toContain('authflow-mocks: stopped');
    }
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    // A second stop is harmless.
    expect((await runScript('stop.sh', {}, temp)).stdout).toContain('not running');
  }, 60_000);

  it('start.sh fails the step and prints every problem when the config is bad', async () => {
    const temp = mkdtempSync(join(dir, 'runner-'));
    const config = join(dir, 'bad.config.json');
    writeFileSync(config, JSON.stringify({ eventix: { colour: 'red' }, tracx: { mode: 'sideways' } }));
    const port = await freePortOnLoopback();
    const started = await runScript('start.sh', { version: checkout, config, port: String(port) }, temp);
    expect(started.code).toBe(1);
    expect(started.stdout).toContain('exited before answering');
    expect(started.stdout).toContain('eventix.colour: unknown key');
    expect(started.stdout).toContain('tracx.mode');
    expect(started.env).toBe('');
  }, 60_000);

  it.each([
    ['a port that is not a number', { port: 'http' }, 2],
    ['an unknown provider', { providers: 'nope' }, 1],
  ])(
    'start.sh refuses %s',
    async (_what, inputs, code) => {
      const temp = mkdtempSync(join(dir, 'runner-'));
      const port = String(await freePortOnLoopback());
      const started = await runScript('start.sh', { version: checkout, port, ...inputs }, temp);
      expect(started.code).toBe(code);
      expect(started.env).toBe('');
    },
    60_000,
  );
});
