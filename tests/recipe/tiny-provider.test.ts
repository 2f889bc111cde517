/**
 * The recipe of docs/adding-a-provider.md, followed for a made-up provider without touching
 * core: a spec, its route table, state, an error table, operations, a fixtures slot and
 * `defineProvider`, registered into a world, served through both doors and checked against its spec.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as z from 'zod';
import { createContractValidator, specOperations } from '../../mocks/contract.js';
import {
  type Clock,
  checkUnique,
  createTokenStore,
  defaultStatus,
  defineProvider,
  errorBodies,
  fieldsOf,
  findBySecret,
  fixtureModeSchema,
  MockError,
  type MockResponse,
  mergeById,
  type Operation,
  readAuthorization,
  routeTable,
  sameBody,
  withSeededState,
} from '../../mocks/core/index.js';
import { doorNames, openDoor } from '../support/doors.js';
import { bearer, lastReason } from '../support/kit.js';

const spec = parse(readFileSync(new URL('../fixtures/tiny.openapi.yaml', import.meta.url), 'utf8'));

// 1. The route table, as `npm run generate` writes it to mocks/generated/<id>.routes.ts.
const routes = {
  createToken: { method: 'POST', path: '/token', hosts: ['api.tiny.test'] },
  getMe: { method: 'GET', path: '/me', hosts: ['api.tiny.test'] },
} as const;

// 2. fixtures.ts: the seeded records.
const keys = [{ name: 'Ada', apiKey: 'tiny_key_ada' }] as const;

// 7. config.ts (optional): the fixtures slot, so users can give their own keys.
interface TinyFixtures {
  keys: readonly { name: string; apiKey: string }[];
}
const demoFixtures: TinyFixtures = { keys };
const optionsSchema = z.strictObject({ tokenTtlSeconds: z.number().int().positive().optional() });
const sectionSchema = z.strictObject({
  mode: fixtureModeSchema.optional(),
  options: optionsSchema.optional(),
  keys: z.array(z.strictObject({ name: z.string().min(1), apiKey: z.string().min(8) })).optional(),
});
type TinySection = z.output<typeof sectionSchema>;
const tinyConfig = {
  optionsSchema,
  sectionSchema,
  demoFixtures,
  toFixtureSet: (section: TinySection, base = demoFixtures): TinyFixtures => ({
    keys: mergeById(section.mode === 'replace' ? [] : base.keys, section.keys, 'apiKey'),
  }),
  crossCheck: (section: TinySection, ctx: z.RefinementCtx) => checkUnique(ctx, section.keys, 'apiKey', 'keys'),
  configSchema: sectionSchema.superRefine((section, ctx) => checkUnique(ctx, section.keys, 'apiKey', 'keys')),
};

// 3. state.ts: seeded state (from the current fixture set, read at every seed) and what a snapshot shows.
function createState(clock: Clock, world: () => TinyFixtures) {
  const tokens = createTokenStore<{ name: string }>({ clock, ownerOf: (d) => d.name });
  const state = {
    keys: world().keys,
    tokens,
    seed: async () => {
      tokens.clear();
      state.keys = world().keys;
    },
    snapshot: () => ({ tokens: tokens.entries().length }),
  };
  return state;
}
type State = ReturnType<typeof createState>;

// 4. errors.ts: the provider's documented error body for each code.
const errorResponse = errorBodies(
  {
    ...sameBody(['credentials_missing', 'token_unknown', 'token_expired', 'invalid_client'], (error) => ({
      status: 401,
      body: { error: error.code === 'invalid_client' ? 'bad_key' : 'unauthorized' },
    })),
  },
  (error) => ({ status: defaultStatus[error.code], body: { error: error.code } }),
);

// 5. operations.ts: one entry per operationId, method, path and hosts taken from the route table.
const route = routeTable(routes);
function createOperations(state: State, settings: { tokenTtlSeconds: number }): Operation<'api_key'>[] {
  return [
    {
      ...route('createToken'),
      async handle(request, context): Promise<MockResponse> {
        const { api_key: presented = '' } = fieldsOf(await request.body());
        context.present('api_key');
        const key = findBySecret(state.keys, presented, (k) => k.apiKey);
        if (key === undefined) throw new MockError('invalid_client', 'Unknown API key.');
        const entry = state.tokens.issue({ name: key.name }, { ttlSeconds: settings.tokenTtlSeconds });
        return { status: 200, body: { access_token: entry.value, expires_in: settings.tokenTtlSeconds } };
      },
    },
    {
      ...route('getMe'),
      handle(request, context) {
        const auth = readAuthorization(request.headers);
        if (auth?.scheme !== 'bearer') throw new MockError('credentials_missing', 'Send a bearer token.');
        context.present('bearer');
        const found = state.tokens.check(auth.credentials);
        if (!found.ok) throw new MockError(found.reason, 'The token is not valid.');
        return { status: 200, body: { name: found.entry.data.name } };
      },
    },
  ];
}

// 6. index.ts: the definition, options beside their defaults.
const tiny = defineProvider({
  id: 'tiny',
  title: 'Tiny API',
  options: {
    /** Token lifetime in seconds. */
    tokenTtlSeconds: 60,
  },
  credentialKinds: [],
  fixtures: tinyConfig,
  create(env, settings, world) {
    const state = createState(env.clock, world);
    return withSeededState(state, {
      hosts: ['api.tiny.test'],
      operations: createOperations(state, settings),
      fixtures: () => ({ api_keys: world().keys.map((k) => ({ ...k })) }),
      demo: () => world().keys.map((k) => ({ label: k.name, values: { api_key: k.apiKey } })),
      errorResponse,
    });
  },
});

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
