/**
 * Every class of bad config gives its problem at its path: as one ConfigError from the library
 * and the loader, and as exit code 2 from `serve --config` (never a half-configured server).
 */
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile, loadConfigFile } from '../../mocks/config/load.js';
import { ConfigError } from '../../mocks/config/schema.js';
import { createWorld } from '../../mocks/world.js';
import { startCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'authflow-config-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const client = {
  client_id: 'c1',
  client_secret: 'secret-1',
  redirect_uris: ['https://app.example/cb'],
  default_user: '6e26d618-354b-11eb-9322-acde48001122',
};

/** Each class of bad config, and the `path: …` every problem must name. */
const cases: [string, string, unknown, string[]][] = [
  ['unknown key', 'unknown.json', { eventix: { clientz: [] }, prot: 1 }, ['eventix.clientz', 'prot']],
  [
    'wrong type',
    'type.json',
    { port: 'x', tracx: { options: { sessionTokenTtlSeconds: '60' } } },
    ['port', 'tracx.options.sessionTokenTtlSeconds'],
  ],
  [
    'not an absolute URL',
    'url.json',
    { eventix: { clients: [{ ...client, redirect_uris: ['https://ok.example/cb', '/relative'] }] } },
    ['eventix.clients[0].redirect_uris[1]'],
  ],
  [
    'broken cross-reference',
    'ref.json',
    {
      eventix: { clients: [{ ...client, default_user: '00000000-0000-4000-8000-000000000009' }] },
      backops: { api_keys: [{ id: 'k', api_key: 'key-12345678', organizationId: 'nope' }] },
      tracx: { races: [{ id: 5, event_id: 99, name: 'r' }] },
    },
    ['eventix.clients[0].default_user', 'backops.api_keys[0].organizationId', 'tracx.races[0].event_id'],
  ],
  [
    'duplicate id',
    'dup.json',
    {
      teletracker: {
        accounts: [
          { account_id: 1, name: 'a' },
          { account_id: 1, name: 'b' },
        ],
      },
    },
    ['teletracker.accounts[1].account_id'],
  ],
];

describe('bad configs', () => {
  it.each(cases)('%s: one ConfigError from the library, with every path', (_what, _file, config, paths) => {
    const { port: _p, prot: _x, ...fixtures } = config as Record<string, unknown>;
    let error: unknown;
    try {
      createWorld({ fixtures: fixtures as never });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const found = (error as ConfigError).problems.map((p) => p.path);
    for (const path of paths.filter((p) => !['port', 'prot'].includes(p))) expect(found).toContain(path);
  });

  it.each(cases)('%s: the loader lists every path', async (_what, file, config, paths) => {
    const error = await loadConfigFile(write(file, JSON.stringify(config))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.path)).toEqual(expect.arrayContaining(paths));
  });

  it('an Eventix client without default_user signs in the first user of its world; none at all is a problem', async () => {
    const { default_user: _, ...minimal } = client;
    const world = createWorld({ providers: ['eventix'], fixtures: { eventix: { clients: [minimal] } } });
    const url =
      'https://auth.eventix.io/tokens/authorize?client_id=c1&redirect_uri=https://app.example/cb&response_type=code';
    const answer = await world.engine.answer({
      method: 'GET',
      host: 'auth.eventix.io',
      path: '/tokens/authorize',
      query: new URL(url).searchParams,
      headers: { get: () => null },
      readBody: async () => new Uint8Array(),
    });
    expect(answer?.status).toBe(302);
    expect(new URL(String(answer?.headers?.location)).searchParams.get('code')).toBeTruthy();
    let error: unknown;
    try {
      createWorld({ fixtures: { eventix: { mode: 'replace', clients: [minimal] } } });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems.map((p) => p.path)).toContain('eventix.clients[0].default_user');
  });

  it('an unreadable file and a YAML syntax error are ConfigErrors too', async () => {
    const yaml = write('bad.yaml', 'eventix:\n  clients: [\n    - client_id: x\n');
    for (const path of [join(dir, 'missing.json'), yaml]) {
      await expect(loadConfigFile(path)).rejects.toBeInstanceOf(ConfigError);
    }
  });

  it('finds the file: --config, then AUTHFLOW_CONFIG, then the working directory', async () => {
    const here = mkdtempSync(join(tmpdir(), 'authflow-cwd-'));
    expect(findConfigFile(undefined, {}, here)).toBeUndefined();
    writeFileSync(join(here, 'authflow-mocks.config.yaml'), 'port: 4999\n');
    expect(findConfigFile(undefined, {}, here)).toBe(join(here, 'authflow-mocks.config.yaml'));
    expect(findConfigFile(undefined, { AUTHFLOW_CONFIG: 'x.json' }, here)).toBe(join(here, 'x.json'));
    expect(findConfigFile('y.json', { AUTHFLOW_CONFIG: 'x.json' }, here)).toBe(join(here, 'y.json'));
    expect((await loadConfigFile(join(here, 'authflow-mocks.config.yaml'))).port).toBe(4999);
  });

  const cliCases: [string, string, string[]][] = [
    ...cases.map(([what, file, config, paths]): [string, string, string[]] => [
      what,
      write(`cli-${file}`, JSON.stringify(config)),
      paths,
    ]),
    ['unreadable file', join(dir, 'missing.json'), ['(file)']],
    ['YAML syntax error', write('cli-bad.yml', 'eventix: [\n  - a: 1\n  b\n'), ['(file)']],
  ];

  it.each(cliCases)('%s: serve --config exits 2 and prints every path', async (_what, path, paths) => {
    const cli = startCli(['serve', '--config', path, '--port', '0']);
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(2);
    expect(cli.output()).not.toContain('listening');
    for (const p of paths) expect(cli.stderr()).toContain(`${p}: `);
  });
});
