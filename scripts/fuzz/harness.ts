/**
 * Property-based fuzzing of every operation of every provider, through both front doors, over
 * one mock world. Providers are picked up from the registry; requests are built from each
 * provider's spec (paths, parameters, body fields) and its fixtures, plus real tokens harvested by
 * running its Postman collection first, so the fuzzer reaches past the credential checks.
 *
 * Invariants for every request: no 5xx and no network error; every response of an operation
 * valid against the spec (the contract validator); no handler bug; a JSON body in the
 * provider's error shape for refusals (or none, for a framework's bare 404 / 405); and a refused request (4xx) leaves the provider's state as
 * it was.
 */
import fc from 'fast-check';
import { type SetupServer, setupServer } from 'msw/node';
import type { FixturesConfig } from '../../mocks/config/schema.js';
import { createContractValidator, loadSpec, type SpecOperation, specOperations } from '../../mocks/contract.js';
import type { EngineBug } from '../../mocks/core/index.js';
import { createMockServer, type MockServer } from '../../mocks/doors/http/index.js';
import { createMocks } from '../../mocks/doors/msw/mocks.js';
import { type ProviderId, providerIds } from '../../mocks/providers/index.js';
import { runCollections } from '../../mocks/tools/newman.js';

export type DoorName = 'http' | 'msw';

export interface FuzzRequest {
  method: string;
  host: string;
  /** Path with query, already percent-encoded where it must be. */
  target: string;
  headers: [string, string][];
  body?: { contentType: string | null; text: string };
}

export interface FuzzWorld {
  readonly server: MockServer;
  readonly origin: string;
  readonly msw: SetupServer;
  /** Per provider: strings worth trying anywhere (ids, secrets, spec enums and examples). */
  readonly pools: Map<string, string[]>;
  /** Per provider: live credentials harvested from its collection run. */
  readonly credentials: Map<string, string[]>;
  /** Per provider: the requests its collection sent, to replay with mutations. */
  readonly recorded: Map<string, FuzzRequest[]>;
  /** Handler bugs (500s) the engine reported since the last check took them. */
  readonly bugs: EngineBug[];
  close(): Promise<void>;
}

/** Every string in a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  if (typeof value === 'number') return [String(value)];
  return [];
}

/** Strings a spec names as values: enums, consts and examples (grant types, ids, …). */
function specValues(node: unknown, key = ''): string[] {
  if (['enum', 'const', 'example', 'examples', 'value', 'default'].includes(key)) return stringsIn(node);
  if (Array.isArray(node)) return node.flatMap((v) => specValues(v));
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => specValues(v, k));
  return [];
}

/**
 * One mock world served by both doors: the node:http server on a loopback port and MSW's
 * `setupServer` (which lets loopback requests through to that server).
 */
export async function createFuzzWorld(
  ids: readonly ProviderId[] = providerIds,
  /** A configured world instead of the demo one (as `setupMocks({ fixtures })` takes it). */
  options: { fixtures?: FixturesConfig } = {},
): Promise<FuzzWorld> {
  const mocks = createMocks({ providers: ids, validator: createContractValidator(ids), ...options });
  const server = createMockServer({ mocks });
  const bugs: EngineBug[] = [];
  mocks.engine.onAnswered((_request, _entry, bug) => {
    if (bug !== undefined) bugs.push(bug);
  });
  const { url: origin } = await server.listen(0);
  const msw = setupServer(...mocks.handlers);
  msw.listen({ onUnhandledRequest: 'bypass' });
  const pools = new Map<string, string[]>();
  const fixtures = mocks.control.fixtures();
  for (const id of ids) {
    const fromSpec = specValues(loadSpec(id));
    pools.set(
      id,
      [...new Set([...stringsIn(fixtures[id]), ...fromSpec])].filter((s) => s.length < 200),
    );
  }
  return {
    server,
    origin,
    msw,
    pools,
    credentials: new Map(ids.map((id) => [id, []])),
    recorded: new Map(ids.map((id) => [id, []])),
    bugs,
    async close() {
      msw.close();
      await server.close();
    },
  };
}

/** Runs the provider's collection on the world and adds the tokens it ends with to the pool. */
export async function harvestTokens(world: FuzzWorld, provider: string): Promise<number> {
  // In the fuzz world's own (default) world: its tokens are what the fuzzer replays there.
  const [run] = await runCollections({ providers: [provider], baseUrl: world.origin, world: 'default', reset: true });
  const found = Object.entries(run?.environment ?? {})
    .filter(([k, v]) => /token|code|key/i.test(k) && typeof v === 'string' && v.length >= 8)
    .map(([, v]) => v);
  world.credentials.get(provider)?.push(...found);
  const dropped = new Set([
    'host',
    'connection',
    'content-length',
    'postman-token',
    'accept-encoding',
    'user-agent',
    'cache-control',
  ]);
  for (const sent of run?.sent ?? []) {
    if (!sent.url.startsWith(`${world.origin}/`)) continue; // the control plane is not fuzzed
    const rest = sent.url.slice(world.origin.length + 1);
    const slash = rest.indexOf('/');
    if (slash <= 0 || rest.startsWith('__control')) continue;
    world.recorded.get(provider)?.push({
      method: sent.method,
      host: rest.slice(0, slash),
      target: rest.slice(slash),
      headers: sent.headers.filter(([k]) => !dropped.has(k.toLowerCase())),
      ...(sent.body === undefined
        ? {}
        : {
            body: {
              contentType: sent.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null,
              text: sent.body,
            },
          }),
    });
  }
  // The collection leaves the clock moved; later expiry decisions should not depend on it.
  world.server.engine.violations.splice(0);
  return found.length;
}

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
// Strings that tend to break parsers: encodings, traversal, control-free unicode, prototype keys.
const nasty = [
  '',
  ' ',
  '%',
  '%zz',
  '%00',
  '..',
  '../..',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  '-1',
  '0',
  '1e309',
  '9'.repeat(30),
  'é',
  '💥',
  '\u202e',
  '<script>',
  "' OR 1=1 --",
  '*',
  ',',
  'a,b,,c',
];

function paramNames(op: SpecOperation, where: 'query' | 'header'): string[] {
  const params = (op.operation.parameters ?? []) as { name?: string; in?: string }[];
  return params.filter((p) => p.in === where && typeof p.name === 'string').map((p) => p.name as string);
}

function bodyFieldNames(op: SpecOperation, spec: Record<string, unknown>): string[] {
  const text = JSON.stringify(op.operation.requestBody ?? {});
  const refs = [...text.matchAll(/"\$ref":"#\/components\/(?:schemas|requestBodies)\/([^"]+)"/g)].map((m) => m[1]);
  const components = (spec.components ?? {}) as Record<string, Record<string, unknown>>;
  const resolved = refs.map((r) =>
    JSON.stringify(components.schemas?.[r as string] ?? components.requestBodies?.[r as string] ?? {}),
  );
  const names = new Set<string>();
  for (const chunk of [text, ...resolved]) {
    for (const m of chunk.matchAll(/"properties":\{([^}]*)/g)) {
      for (const k of (m[1] as string).matchAll(/"([A-Za-z0-9_.-]+)":\{/g)) names.add(k[1] as string);
    }
  }
  return [...names];
}

/** Arbitrary requests aimed at one provider's operations (and a little beside them). */
export function requestArbitrary(world: FuzzWorld, provider: string): fc.Arbitrary<FuzzRequest> {
  const spec = loadSpec(provider);
  const ops = specOperations(spec);
  const pool = world.pools.get(provider) ?? [];
  const live = world.credentials.get(provider) ?? [];
  const liveToken = fc.constantFrom(...(live.length > 0 ? live : ['none']));
  const secret = fc.oneof(liveToken, fc.constantFrom('none', ...pool.filter((v) => /^[\x21-\x7e]{12,}$/.test(v))));
  const word = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(pool.length > 0 ? pool : ['x'])) },
    { weight: 2, arbitrary: secret },
    { weight: 2, arbitrary: fc.constantFrom(...nasty) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(5000)) },
  );
  const headerValue = word.map((w) => w.replace(/[\r\n\0]/g, '').replace(/[^\x20-\xff]/g, '?'));

  const recorded = world.recorded.get(provider) ?? [];
  const replay = recorded.length === 0 ? undefined : replayArbitrary(recorded, word);
  const fresh = fc.constantFrom(...ops).chain((op) => {
    const queryNames = paramNames(op, 'query');
    const headerNames = paramNames(op, 'header');
    const fields = bodyFieldNames(op, spec as Record<string, unknown>);
    const segment = word.map((w) => encodeURIComponent(w));
    const path = fc
      .tuple(
        fc.array(segment, { minLength: op.path.split('{').length - 1, maxLength: op.path.split('{').length - 1 }),
        fc.oneof(
          { weight: 8, arbitrary: fc.constant('as-is') },
          { weight: 1, arbitrary: fc.constantFrom('upper', 'lower', 'trailing-slash', 'extra-segment', 'raw-percent') },
        ),
      )
      .map(([values, shape]) => {
        let i = 0;
        let p = op.path.replace(/\{[^}]+\}/g, () => values[i++] || 'x');
        if (shape === 'upper') p = p.toUpperCase();
        if (shape === 'lower') p = p.toLowerCase();
        if (shape === 'trailing-slash') p = `${p}/`;
        if (shape === 'extra-segment') p = `${p}/extra`;
        if (shape === 'raw-percent') p = `${p}%`;
        return p;
      });
    const query = fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...(queryNames.length > 0 ? queryNames : ['q'])), fc.string({ maxLength: 10 })),
          word,
        ),
        {
          maxLength: 4,
        },
      )
      .map((pairs) =>
        pairs.length === 0
          ? ''
          : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`,
      );
    const credential = fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 8, arbitrary: liveToken.map((w) => `Bearer ${w}`) },
      { weight: 2, arbitrary: secret.map((w) => `Bearer ${w}`) },
      { weight: 2, arbitrary: secret },
      { weight: 1, arbitrary: word.map((w) => `Bearer ${w}`) },
      {
        weight: 2,
        arbitrary: fc.tuple(word, word).map(([u, p]) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(word, word).map(([u, p]) => `Integrator ${Buffer.from(`${u}:${p}`).toString('base64')}`),
      },
      { weight: 1, arbitrary: fc.constantFrom('Basic', 'Bearer', 'Basic !!!', 'Bearer  ') },
    );
    const extraHeaders = fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...(headerNames.length > 0 ? headerNames : ['x-anything'])),
          fc.constantFrom('authorization', 'authentication', 'content-length-x', 'x-forwarded-host', 'accept'),
        ),
        headerValue,
      ),
      { maxLength: 4 },
    );
    const jsonValue = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        word,
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(
          fc.oneof(fc.constantFrom(...fields, '__proto__', 'constructor'), fc.string({ maxLength: 8 })),
          tie('value'),
          {
            maxKeys: 5,
          },
        ),
      ),
    })).value;
    const objectBody = fc.dictionary(
      fc.oneof(fc.constantFrom(...(fields.length > 0 ? fields : ['a']), '__proto__'), fc.string({ maxLength: 8 })),
      jsonValue,
      {
        maxKeys: 8,
      },
    );
    const body = fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 6, arbitrary: objectBody.map((o) => ({ contentType: 'application/json', text: JSON.stringify(o) })) },
      {
        weight: 1,
        arbitrary: jsonValue.map((v) => ({ contentType: 'application/json', text: JSON.stringify(v) ?? 'null' })),
      },
      {
        weight: 2,
        arbitrary: objectBody.map((o) => ({
          contentType: 'application/x-www-form-urlencoded',
          text: new URLSearchParams(
            Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]),
          ).toString(),
        })),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          { contentType: 'application/json', text: '{"grant_type": ' },
          { contentType: 'application/json', text: `${'['.repeat(5000)}${']'.repeat(5000)}` },
          {
            contentType: 'application/json',
            text: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}',
          },
          { contentType: 'application/json', text: JSON.stringify({ s: 'x'.repeat(200_000) }) },
          { contentType: 'text/plain', text: 'grant_type=client_credentials' },
          { contentType: 'application/xml', text: '<a/>' },
          { contentType: 'multipart/form-data', text: 'no boundary' },
          { contentType: null, text: 'bare' },
          { contentType: 'application/json; charset=utf-16', text: '{}' },
        ),
      },
    );
    return fc
      .record({
        method: fc.oneof(
          { weight: 8, arbitrary: fc.constant(op.method) },
          { weight: 1, arbitrary: fc.constantFrom(...methods) },
        ),
        host: fc.constantFrom(...op.hosts),
        path,
        query,
        credential,
        extraHeaders,
        body,
      })
      .map((r) => {
        const headers: [string, string][] = [];
        if (r.credential !== null) headers.push(['authorization', r.credential.replace(/[^\x20-\xff]/g, '?')]);
        headers.push(...r.extraHeaders);
        const withBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD';
        if (withBody && r.body?.contentType) headers.push(['content-type', r.body.contentType]);
        return {
          method: r.method,
          host: r.host,
          target: `${r.path}${r.query}`,
          headers,
          ...(withBody && r.body !== undefined ? { body: r.body } : {}),
        };
      });
  });
  return replay === undefined ? fresh : fc.oneof({ weight: 1, arbitrary: fresh }, { weight: 1, arbitrary: replay });
}

/** A request the collection sent, as it was or with one mutation. */
function replayArbitrary(recorded: FuzzRequest[], word: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> {
  const clean = (v: string) => v.replace(/[\r\n\0]/g, '').replace(/[^\x20-\xff]/g, '?');
  return fc
    .tuple(
      fc.constantFrom(...recorded),
      fc.constantFrom('as-is', 'drop-header', 'header-value', 'path-segment', 'body-field', 'method', 'no-body'),
      word,
      fc.nat(),
    )
    .map(([request, mutation, w, n]): FuzzRequest => {
      const headers = request.headers.map(([k, v]) => [k, v] as [string, string]);
      switch (mutation) {
        case 'drop-header':
          if (headers.length > 0) headers.splice(n % headers.length, 1);
          return { ...request, headers };
        case 'header-value':
          if (headers.length > 0) (headers[n % headers.length] as [string, string])[1] = clean(w);
          return { ...request, headers };
        case 'path-segment': {
          const [path = '', query] = request.target.split('?');
          const parts = path.split('/');
          if (parts.length > 1) parts[1 + (n % (parts.length - 1))] = encodeURIComponent(w);
          return { ...request, target: `${parts.join('/')}${query === undefined ? '' : `?${query}`}` };
        }
        case 'body-field': {
          if (request.body === undefined) return request;
          try {
            const value = JSON.parse(request.body.text) as Record<string, unknown>;
            const keys = Object.keys(value);
            if (keys.length > 0) value[keys[n % keys.length] as string] = n % 3 === 0 ? n : w;
            return { ...request, body: { ...request.body, text: JSON.stringify(value) } };
          } catch {
            return { ...request, body: { ...request.body, text: `${request.body.text}${w}` } };
          }
        }
        case 'method':
          return { ...request, method: methods[n % methods.length] as string };
        case 'no-body': {
          const { body: _body, ...rest } = request;
          return rest;
        }
        default:
          return request;
      }
    })
    .map((r: FuzzRequest): FuzzRequest => {
      // Fetch sends no body with GET or HEAD.
      if (r.body === undefined || (r.method !== 'GET' && r.method !== 'HEAD')) return r;
      const { body: _body, ...rest } = r;
      return rest;
    });
}

export interface Outcome {
  status: number;
  problems: string[];
}

/** Sends one request through a door and checks every invariant. */
export async function checkRequest(
  world: FuzzWorld,
  door: DoorName,
  provider: string,
  request: FuzzRequest,
): Promise<Outcome> {
  const { engine } = world.server;
  const p = engine.providers.get(provider);
  const before = p?.snapshot();
  const url =
    door === 'http' ? `${world.origin}/${request.host}${request.target}` : `https://${request.host}${request.target}`;
  const problems: string[] = [];
  let status = 0;
  try {
    const res = await fetch(url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body.text }),
      redirect: 'manual',
    });
    status = res.status;
    const text = await res.text();
    if (status >= 500) problems.push(`status ${status}: ${text.slice(0, 300)}`);
    // A bare 404 / 405 is a framework's own answer to a route (ASP.NET Core's, for EventBookings).
    const bareRouteRefusal = text === '' && (status === 404 || status === 405);
    if (status >= 400 && request.method !== 'HEAD' && !bareRouteRefusal) {
      try {
        const body = JSON.parse(text) as unknown;
        if (body === null || typeof body !== 'object' || Array.isArray(body))
          problems.push('error body is not a JSON object');
      } catch {
        problems.push(`error body is not JSON: ${text.slice(0, 100)}`);
      }
    }
  } catch (error) {
    problems.push(`network error: ${String(error)}`);
  }
  const violations = engine.violations.splice(0);
  const bugs = world.bugs.splice(0);
  for (const v of violations) problems.push(`contract: ${v.operationId} ${v.status}: ${v.problems.join('; ')}`);
  for (const b of bugs) problems.push(`bug in ${b.operationId}: ${b.message}`);
  if (status >= 400 && p !== undefined && p.snapshot() !== before) problems.push('a refused request changed the state');
  return { status, problems };
}

/** Fuzzes one provider through one door; throws fast-check's report (seed, shrunk case) on failure. */
export async function fuzzProvider(
  world: FuzzWorld,
  provider: string,
  door: DoorName,
  options: { numRuns: number; seed?: number },
): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(requestArbitrary(world, provider), async (request) => {
      const outcome = await checkRequest(world, door, provider, request);
      statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
      if (outcome.problems.length > 0) throw new Error(outcome.problems.join('\n'));
    }),
    { numRuns: options.numRuns, ...(options.seed === undefined ? {} : { seed: options.seed }), endOnFailure: false },
  );
  return statuses;
}
