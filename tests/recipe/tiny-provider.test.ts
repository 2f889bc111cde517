/**
 * The recipe of docs/adding-a-provider.md, followed for a made-up provider without touching
 * core: examples/provider-template/ (a spec, its route table, fixtures, state, an error table,
 * operations, options and a fixtures slot, `defineProvider`, a collection) registered into a world
 * and into a registry of the tools, served through both doors, checked against its spec, and
 * seen by `init --provider tiny`, `--option tiny.…`, the config file's JSON Schema, the Postman
 * environments of `collections`, a Newman run and `verify` against the mock.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import tinyCollection from '../../examples/provider-template/collection.js';
import tiny from '../../examples/provider-template/index.js';
import { routes } from '../../examples/provider-template/routes.js';
import { initCommand } from '../../mocks/config/commands.js';
import { configJsonSchema } from '../../mocks/config/init.js';
import { parseOptionFlags } from '../../mocks/config/options.js';
import { parseConfig } from '../../mocks/config/schema.js';
import { createContractValidator, specOperations } from '../../mocks/contract.js';
import { MockError } from '../../mocks/core/index.js';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { createRegistry, providerDefinitions } from '../../mocks/providers/index.js';
import { runCollections } from '../../mocks/tools/newman.js';
import { verifyCollection } from '../../mocks/tools/verify.js';
import { collectionFiles } from '../../scripts/collections/index.js';
import { doorNames, openDoor } from '../support/doors.js';
import { bearer, lastReason } from '../support/kit.js';

const spec = parse(
  readFileSync(new URL('../../examples/provider-template/tiny.openapi.yaml', import.meta.url), 'utf8'),
);

/** The package's providers and the tiny one: what the tools know once it is registered. */
const withTiny = createRegistry([...providerDefinitions, tiny]);

describe('the tiny provider of the recipe', () => {
  it('declares exactly the routes of its spec', () => {
    const fromSpec = specOperations(spec).map(({ operationId, method, path, hosts }) => ({
      operationId,
      method,
      path,
      hosts,
    }));
    expect(Object.entries(routes).map(([operationId, r]) => ({ operationId, ...r }))).toEqual(fromSpec);
  });
});

describe.each(doorNames)('the tiny provider through the %s door', (doorName) => {
  const door = openDoor(doorName, {
    providers: ['eventbookings', tiny],
    options: { tiny: { tokenTtlSeconds: 30 } },
    validator: createContractValidator(['eventbookings'], { tiny: spec }),
  });

  it('issues a token for a known API key and answers who it belongs to', async () => {
    const token = await door.call('https://api.tiny.test/token', { form: { api_key: 'tiny_key_ada' } });
    expect(token.status).toBe(200);
    expect(token.body.expires_in).toBe(30);
    const me = await door.call('https://api.tiny.test/me', { headers: bearer(token.body.access_token) });
    expect(me).toMatchObject({ status: 200, body: { name: 'Ada' } });
  });

  it('refuses an unknown API key with its own body and keeps the reason', async () => {
    const token = await door.call('https://api.tiny.test/token', { form: { api_key: 'nope' } });
    expect(token).toMatchObject({ status: 401, body: { error: 'bad_key' } });
    expect(lastReason(door)).toBe('invalid_client');
  });

  it('refuses an expired token once the shared clock has moved past its lifetime', async () => {
    const token = await door.call('https://api.tiny.test/token', { form: { api_key: 'tiny_key_ada' } });
    door.mocks.control.advanceClock(31);
    const me = await door.call('https://api.tiny.test/me', { headers: bearer(token.body.access_token) });
    expect(me).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect(lastReason(door)).toBe('token_expired');
  });

  it('sits beside the built-in providers', async () => {
    const unknown = await door.call('https://api.tiny.test/nowhere');
    expect(unknown).toMatchObject({ status: 404, body: { error: 'route_not_found' } });
    expect(door.mocks.control.fixtures()).toHaveProperty('tiny.api_keys');
    expect(door.mocks.control.fixtures()).toHaveProperty('eventbookings');
  });

  it('takes keys of your own through its fixtures slot, and a reset to the demo world drops them', async () => {
    const bobToken = () => door.call('https://api.tiny.test/token', { form: { api_key: 'tiny_key_bob' } });
    expect((await bobToken()).status).toBe(401);
    await door.mocks.control.addFixtures('tiny', { keys: [{ name: 'Bob', apiKey: 'tiny_key_bob' }] });
    const token = await bobToken();
    expect(token.status).toBe(200);
    const me = await door.call('https://api.tiny.test/me', { headers: bearer(token.body.access_token) });
    expect(me).toMatchObject({ status: 200, body: { name: 'Bob' } });
    expect(door.mocks.control.fixtures()).toMatchObject({ tiny: { api_keys: [{ name: 'Ada' }, { name: 'Bob' }] } });
    await door.mocks.control.replaceFixtures({});
    expect((await bobToken()).status).toBe(401);
  });

  it('refuses fixtures that do not validate with every problem and its path', async () => {
    const problemsOf = async (input: unknown) => {
      const refused = await door.mocks.control.addFixtures('tiny', input).then(
        () => undefined,
        (error: unknown) => error,
      );
      if (!(refused instanceof MockError) || !refused.is('fixtures_invalid')) throw new Error('not fixtures_invalid');
      return refused.details.problems.map((p) => p.path).sort();
    };
    expect(await problemsOf({ keys: [{ name: '', apiKey: 'short' }] })).toEqual([
      'tiny.keys[0].apiKey',
      'tiny.keys[0].name',
    ]);
    const twice = { name: 'Eve', apiKey: 'tiny_key_eve' };
    expect(await problemsOf({ keys: [twice, twice] })).toEqual(['tiny.keys[1].apiKey']);
    expect(door.mocks.control.fixtures()).toMatchObject({ tiny: { api_keys: [{ name: 'Ada' }] } });
  });
});

describe('the tiny provider in the tools, through a registry that holds it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'authflow-tiny-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const quietly = () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  };

  it('init --provider tiny writes its demo world as a section that validates', async () => {
    quietly();
    const out = join(dir, 'tiny.config.json');
    expect(await initCommand(['--provider', 'tiny', '--out', out], withTiny)).toBe(0);
    vi.restoreAllMocks();
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written).toMatchObject({
      providers: ['tiny'],
      tiny: { mode: 'replace', keys: [{ apiKey: 'tiny_key_ada' }] },
    });
    expect(parseConfig(written, out, withTiny)).toHaveProperty('tiny.keys');
    // The package's own registry does not know it: a usage error, exit 2.
    quietly();
    expect(await initCommand(['--provider', 'tiny', '--out', join(dir, 'other.json')])).toBe(2);
    vi.restoreAllMocks();
  });

  it('--option tiny.tokenTtlSeconds=… is read by its options schema', () => {
    expect(parseOptionFlags(['tiny.tokenTtlSeconds=30'], withTiny)).toEqual({
      options: { tiny: { tokenTtlSeconds: 30 } },
    });
    for (const flag of ['tiny.tokenTtlSeconds=0', 'tiny.tokenTtlSeconds=soon', 'tiny.noSuchOption=1']) {
      expect(parseOptionFlags([flag], withTiny), flag).toHaveProperty('error');
    }
    expect(parseOptionFlags(['tiny.tokenTtlSeconds=30'])).toHaveProperty('error');
  });

  it('the config file JSON Schema has its section, its option with default and description', () => {
    const schema = configJsonSchema(withTiny) as {
      properties: Record<string, { anyOf?: unknown[]; properties?: Record<string, { properties?: object }> }>;
    };
    expect(schema.properties.tiny?.properties?.options?.properties).toMatchObject({
      tokenTtlSeconds: { type: 'integer', default: 60, description: expect.any(String) },
    });
    expect(schema.properties.tiny?.properties).toHaveProperty('keys');
  });

  it('its mock environment takes the config world’s key (collections); newman runs its collection green and verify finds no drift', async () => {
    const shipped = join(dir, 'collections');
    mkdirSync(shipped);
    for (const [file, content] of collectionFiles('tiny', tinyCollection())) {
      writeFileSync(join(shipped, file), JSON.stringify(content));
    }
    const config = { providers: ['tiny'], tiny: { keys: [{ name: 'Bob', apiKey: 'tiny_key_bob' }] } };
    const file = join(dir, 'bob.config.json');
    writeFileSync(file, JSON.stringify(config));
    const { mockEnvironments } = await import('../../mocks/config/environments.js');
    const env = mockEnvironments(parseConfig(config, file, withTiny), shipped, withTiny).get('tiny');
    expect(env?.values.find((v) => v.key === 'api_key')?.value).toBe('tiny_key_bob');

    const [run] = await runCollections({
      providers: ['tiny'],
      collectionsDir: shipped,
      mocks: { providers: [tiny] },
    });
    expect(run).toMatchObject({ provider: 'tiny', failedAssertions: 0 });
    expect(run?.assertions).toBeGreaterThanOrEqual(5);

    // verify --provider tiny against the mock: every answer checked against its spec.
    const server = createMockServer({ providers: [tiny] });
    const { url } = await server.listen(0);
    try {
      const report = await verifyCollection({
        provider: 'tiny',
        baseUrl: url,
        custom: { definition: tiny, spec, collectionsDir: shipped },
      });
      expect(report).toMatchObject({ ok: true, verdict: 'pass', counts: { drifts: 0, notExercised: 0 } });
      expect(report.operations.map((o) => o.operationId).sort()).toEqual(['createToken', 'getMe']);
    } finally {
      await server.close();
    }
  });
});
