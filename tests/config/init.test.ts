/** `init` writes a starter config that validates (zod and the shipped JSON Schema), serves, and is never overwritten. */
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, schemaFile } from '../../mocks/config/init.js';
import { loadConfigFile } from '../../mocks/config/load.js';
import { listeningUrl, startCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'authflow-init-'));

async function run(args: string[]) {
  const cli = startCli(args);
  const [code] = await once(cli.child, 'exit');
  return { code, stdout: cli.output(), stderr: cli.stderr() };
}

describe('authflow-mocks init', () => {
  const file = join(dir, 'authflow-mocks.config.json');

  it('writes the demo world with a $schema line; it validates against the shipped JSON Schema', async () => {
    expect((await run(['init', '--out', file])).code).toBe(0);
    const config = JSON.parse(readFileSync(file, 'utf8'));
    expect(config.$schema).toMatch(/schema\/authflow-mocks\.config\.schema\.json$/);
    const shipped = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
    const validate = new Ajv2020.default({ strict: false }).compile(shipped);
    expect(validate(config)).toBe(true);
    expect(validate({ ...config, eventix: { ...config.eventix, clientz: [] } })).toBe(false);
    expect((await loadConfigFile(file)).eventix?.clients?.length).toBeGreaterThan(0);
  });

  it('refuses to overwrite a file (exit 1)', async () => {
    const before = readFileSync(file, 'utf8');
    expect((await run(['init', '--out', file])).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('--provider writes that provider alone, in YAML for a .yaml name, and it serves', async () => {
    const yaml = join(dir, 'teletracker.yaml');
    expect((await run(['init', '--provider', 'teletracker', '--out', yaml])).code).toBe(0);
    const config = await loadConfigFile(yaml);
    expect(config.providers).toEqual(['teletracker']);
    expect(Object.keys(config).filter((k) => k === 'eventix' || k === 'teletracker')).toEqual(['teletracker']);
    const cli = startCli(['serve', '--config', yaml, '--port', '0']);
    try {
      const url = await listeningUrl(cli);
      const user = config.teletracker?.users?.[0];
      const login = await fetch(`${url}/api.teletracker.net/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: user?.username ?? '', password: user?.password ?? '' }),
      });
      expect(login.status).toBe(200);
      expect((await (await fetch(`${url}/__control/health`)).json()).providers).toEqual(['teletracker']);
    } finally {
      cli.child.kill('SIGTERM');
      await once(cli.child, 'exit');
    }
  });

  it('collections --config --out writes the mock environments of the configured providers', async () => {
    const yaml = join(dir, 'teletracker.yaml');
    const out = join(dir, 'envs');
    expect((await run(['collections', '--config', yaml, '--out', out])).code).toBe(0);
    const env = JSON.parse(readFileSync(join(out, 'teletracker.mock.postman_environment.json'), 'utf8'));
    const server = env.values.find((v: { key: string }) => v.key === 'mockServer')?.value;
    expect(server).toBe('http://127.0.0.1:4010');
    expect((await run(['collections', '--config', join(dir, 'missing.json'), '--out', out])).code).toBe(2);
  });

  it('an unknown --provider is a usage error (exit 2)', async () => {
    expect((await run(['init', '--provider', 'nope', '--out', join(dir, 'x.json')])).code).toBe(2);
  });
});
