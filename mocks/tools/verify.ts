/**
 * `authflow-mocks/verify`: drift checks, the other direction of contract testing. Runs a
 * provider's Postman collection with Newman against the real hosts (or any base URL: a sandbox,
 * a staging proxy, the mock itself) and checks every answer against the provider's spec: the
 * status is declared for the operation, the body fits its schema, the required headers are
 * there. The operation is found by the same router the mocks use (host + method + path).
 *
 * Nothing secret leaves this module: token values, secrets and personal fields are redacted in
 * the report and in every file and line written from it. Node only.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { dirname, join } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { NewmanRunSummary } from 'newman';
import type { ContractProblem } from '../contract.js';
import type { AnyProviderDefinition } from '../core/define.js';
import { isSecretQueryName, redactQuery } from '../core/journal.js';
import type { Operation } from '../core/provider.js';
import { isProviderId, type ProviderId, providerIds } from '../providers/index.js';
import { createWorld } from '../world.js';
import { type WorldTarget, WorldTargetError, worldTarget } from './world-target.js';

export type OperationVerdict = 'conforms' | 'drifts' | 'not_exercised';

export interface Drift {
  /** The collection step that sent the request. */
  step: string;
  /** The status that came back (0: no answer). */
  status: number;
  /** `too_large`: the body was over `maxBodyBytes`, kept shortened and not checked. */
  kind: ContractProblem['kind'] | 'no_answer' | 'too_large';
  /** A `$`-rooted JSON path into the body, or a header name; `$` for the whole answer. */
  path: string;
  /** What the spec says. */
  expected: string;
  /** What came back, shortened and redacted. */
  actual: string;
}

export interface OperationReport {
  operationId: string;
  method: string;
  /** The spec's path template. */
  path: string;
  verdict: OperationVerdict;
  /** Requests of the run that reached this operation. */
  calls: number;
  /** Statuses seen, ascending. */
  statuses: number[];
  drifts: Drift[];
}

export interface VerifyReport {
  provider: string;
  /** `live`, or the base URL the collection ran against. */
  target: string;
  /** On a mock server: `new` (a fresh world, deleted afterwards), `default`, or the id of the given world. */
  world?: string;
  startedAt: string;
  finishedAt: string;
  /**
   * True when nothing drifts and the collection's own assertions all passed (or their failures
   * were allowed: `allowFailedAssertions`).
   */
  ok: boolean;
  /**
   * `pass`; `drift` when an operation drifts; `assertions_failed` when nothing drifts but the
   * collection's own assertions failed (a login refused with a declared 401 conforms, yet the run
   * did not do what it should). With `allowFailedAssertions`, such a run is a `pass`.
   */
  verdict: 'pass' | 'drift' | 'assertions_failed';
  counts: {
    operations: number;
    conforms: number;
    drifts: number;
    notExercised: number;
    /** Requests checked against the spec (control-plane steps are not counted). */
    requests: number;
  };
  operations: OperationReport[];
  /** Requests to paths or methods the spec does not have (a collection's deliberate 404/405 probes). */
  outside: { step: string; method: string; host: string; path: string; query: string; status: number }[];
  /** The collection's own `pm.test` assertions (they may assume the mock's data: see `allowFailedAssertions`). */
  assertions: { total: number; failed: number; allowedToFail: boolean };
  /**
   * Redirects answered (3xx with a Location): never followed, since the next request would carry
   * the same body and headers (a client secret) to wherever the answer points. Each is checked
   * against the spec like any answer; `location` is shown without its query.
   */
  redirects: { step: string; status: number; location: string }[];
}

export interface VerifyOptions {
  provider: string;
  /**
   * Where the hosts are served as `<baseUrl>/<host>/<path>` (the mock's layout), e.g.
   * `http://127.0.0.1:4010`. Absent: the real hosts (`live`).
   */
  baseUrl?: string;
  /**
   * Collection variables: the mock environment's values with `baseUrl`, none (the live
   * environment is empty) without. Later sources win: `AUTHFLOW_<PROVIDER>_<VAR>` environment
   * variables, then `envFile`, then `variables`.
   */
  variables?: Record<string, string>;
  /** A Postman environment (JSON) or a `KEY=value` file. */
  envFile?: string;
  /** Where `AUTHFLOW_<PROVIDER>_<VAR>` are read from. Default `process.env`. */
  processEnv?: Record<string, string | undefined>;
  /** Per-request timeout in ms. Default 15,000. */
  timeoutMs?: number;
  /**
   * With `baseUrl` a server's root: `new` (default) runs in a fresh world, deleted afterwards;
   * `default` in the server's own world. A world's own URL (`…/w/<id>`) runs in that world.
   */
  world?: 'new' | 'default';
  /** Let the collection reset an existing world before it runs. Default false. */
  reset?: boolean;
  /** The mock server's control token, for creating the world and the collection's control steps. */
  controlToken?: string;
  /**
   * A run whose collection's own assertions failed is not `ok` (verdict `assertions_failed`)
   * unless this is true: against real data they may fail where nothing drifts.
   */
  allowFailedAssertions?: boolean;
  /**
   * Largest answer body checked, in bytes. A larger one is reported (`too_large`, with a
   * shortened copy), never parsed. Default 1 MiB.
   */
  maxBodyBytes?: number;
  /**
   * A provider of your own, not in the package's registry: its definition, its spec and the
   * folder holding `<id>.postman_collection.json` and its mock and live environments.
   */
  custom?: { definition: AnyProviderDefinition; spec: Record<string, unknown>; collectionsDir: string };
}

/** Default of `VerifyOptions.maxBodyBytes`. */
export const defaultMaxBodyBytes = 1024 * 1024;

/**
 * `usage`: bad options; `unreachable`: the host does not answer (checked before the run). An edge
 * error, not a `MockError`: thrown to the tool's caller (the CLI exits 2), never answered to a
 * request. See docs/architecture.md, "Errors".
 */
export class VerifyError extends Error {
  override readonly name = 'VerifyError';
  constructor(
    readonly code: 'usage' | 'unreachable',
    message: string,
  ) {
    super(message);
  }
}

/**
 * `collections/` beside `specs/` (the folder `runCollections` reads), found from source, the
 * build or the CLI bundle without loading ajv and yaml (usage errors answer fast).
 */
function collectionsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'collections')) && existsSync(join(dir, 'specs'))) return join(dir, 'collections');
    dir = dirname(dir);
  }
  throw new Error('collections/ folder not found beside authflow-mocks');
}

// ---- redaction ----

/** Field and variable names whose values are secret or personal. */
const secretName =
  /token|secret|password|passwd|api_?key|apikey|_key$|^key$|authorization|assertion|signature|session|credential|cookie|email|e_mail|username|user_name|phone|first_?name|last_?name|full_?name|address/i;
/** Variable names that hold a secret (besides Postman's `secret` type). */
const secretVariable = new RegExp(`${secretName.source}|code$|Code$`, 'i');
/** A request field whose value the run must never show: the journal's list, and personal names. */
const sentSecret = (name: string) => isSecretQueryName(name) || secretName.test(name);
const jwtLike = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const emailLike = /[\w.+-]+@[\w-]+\.[\w.-]+/g;
const maxShown = 80;

/** The secret values seen in a run; every output is scrubbed of them. */
class Secrets {
  private readonly values = new Set<string>();
  add(value: unknown): void {
    if (typeof value !== 'string') return;
    const v = value.trim();
    // Short values (ids like "1", "true") would blank out unrelated text.
    if (v.length >= 6) this.values.add(v);
  }
  /** Every string under a secret-looking key, anywhere in a JSON value. */
  harvest(value: unknown, secretKey = false): void {
    if (typeof value === 'string') {
      if (secretKey) this.add(value);
      return;
    }
    if (Array.isArray(value)) for (const v of value) this.harvest(v, secretKey);
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) this.harvest(v, secretKey || secretName.test(k));
    }
  }
  scrub(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is replaced whole.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) out = out.split(v).join('[redacted]');
    return out.replace(jwtLike, '[redacted]').replace(emailLike, '[redacted]');
  }
  /** A deep copy with secret and personal fields replaced. */
  redact(value: unknown): unknown {
    if (typeof value === 'string') return this.scrub(value);
    if (Array.isArray(value)) return value.map((v) => this.redact(v));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          secretName.test(k) && v !== null && typeof v !== 'object' ? '[redacted]' : this.redact(v),
        ]),
      );
    }
    return value;
  }
  shown(value: unknown): string {
    if (value === undefined) return 'absent';
    const text = typeof value === 'string' ? JSON.stringify(this.scrub(value)) : JSON.stringify(this.redact(value));
    return text.length > maxShown ? `${text.slice(0, maxShown - 1)}…` : text;
  }
}

function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

// ---- variables ----

interface PostmanEnvironment {
  name?: string;
  values: { key: string; value: string; type?: string; enabled?: boolean }[];
}

function readEnvFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new VerifyError('usage', `cannot read the environment file ${file}`);
  }
  if (text.trimStart().startsWith('{')) {
    try {
      const env = JSON.parse(text) as Partial<PostmanEnvironment>;
      if (!Array.isArray(env.values)) throw new Error('no values');
      return Object.fromEntries(env.values.filter((v) => v.enabled !== false).map((v) => [v.key, String(v.value)]));
    } catch {
      throw new VerifyError('usage', `${file} is not a Postman environment (JSON with "values")`);
    }
  }
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) throw new VerifyError('usage', `${file}: a line is not KEY=value`);
    out[trimmed.slice(0, eq).trim()] = trimmed
      .slice(eq + 1)
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}

/** `authorizationCode` → `AUTHORIZATION_CODE`, `client_secret` → `CLIENT_SECRET`. */
function envName(provider: string, key: string): string {
  return `AUTHFLOW_${provider.toUpperCase()}_${key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

function environmentFor(provider: string, options: VerifyOptions, secrets: Secrets): PostmanEnvironment {
  const kind = options.baseUrl === undefined ? 'live' : 'mock';
  const base = JSON.parse(
    readFileSync(
      join(options.custom?.collectionsDir ?? collectionsDir(), `${provider}.${kind}.postman_environment.json`),
      'utf8',
    ),
  ) as PostmanEnvironment;
  const values = new Map(base.values.map((v) => [v.key, { ...v }]));
  const set = (key: string, value: string) => {
    const existing = values.get(key);
    if (existing === undefined) values.set(key, { key, value, type: 'default', enabled: true });
    else existing.value = value;
  };
  const processEnv = options.processEnv ?? process.env;
  for (const key of [...values.keys(), 'refreshToken', 'accessToken']) {
    const value = processEnv[envName(provider, key)];
    if (value !== undefined && value !== '') set(key, value);
  }
  if (options.envFile !== undefined) for (const [k, v] of Object.entries(readEnvFile(options.envFile))) set(k, v);
  for (const [k, v] of Object.entries(options.variables ?? {})) set(k, v);
  if (options.baseUrl !== undefined) set('mockServer', options.baseUrl);
  for (const v of values.values()) {
    if (v.type === 'secret' || secretVariable.test(v.key)) secrets.add(v.value);
  }
  return { name: base.name ?? provider, values: [...values.values()] };
}

/**
 * The collection variables a run would use (the mock environment with `baseUrl`, the empty live
 * one without, then `AUTHFLOW_<PROVIDER>_<VAR>`, `envFile`, `variables`). Holds secrets.
 */
export function verifyVariables(options: VerifyOptions): Record<string, string> {
  const environment = environmentFor(options.provider, options, new Secrets());
  return Object.fromEntries(environment.values.map((v) => [v.key, v.value]));
}

// ---- the run ----

interface Seen {
  step: string;
  method: string;
  url: string;
  error?: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The body was not JSON (kept as text). */
  text: boolean;
  /** Bytes of a body over the limit (then `body` is its first bytes as text, not parsed). */
  tooLarge?: number;
}

interface CollectionJson {
  item: unknown[];
}

/** Eventix's login needs a person: a run can start from a refresh token instead of a code. */
function startFromRefreshToken(collection: CollectionJson): void {
  const step = {
    name: 'Start from the given refresh token (authflow-mocks verify)',
    request: {
      method: 'POST',
      url: '{{authBase}}/tokens',
      header: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      body: {
        mode: 'urlencoded',
        urlencoded: [
          { key: 'grant_type', value: 'refresh_token' },
          { key: 'refresh_token', value: '{{refreshToken}}' },
          { key: 'client_id', value: '{{client_id}}' },
          { key: 'client_secret', value: '{{client_secret}}' },
        ],
      },
    },
    event: [
      {
        listen: 'test',
        script: {
          type: 'text/javascript',
          exec: [
            'if (pm.response.code === 200) {',
            '  const body = pm.response.json();',
            "  pm.environment.set('accessToken', body.access_token);",
            "  pm.environment.set('refreshToken', body.refresh_token);",
            '}',
          ],
        },
      },
    ],
  };
  collection.item.splice(1, 0, step);
}

/** Any HTTP answer will do; no answer (DNS, refused, timeout, TLS) is one line. */
function probeOne(url: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      { method: 'GET', timeout: timeoutMs },
      (response) => {
        response.destroy();
        resolve();
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => {
      reject(new VerifyError('unreachable', `cannot reach ${target.origin} (${error.code ?? error.message})`));
    });
    request.end();
  });
}

async function probe(urls: string[], timeoutMs: number): Promise<void> {
  await Promise.all(urls.map((url) => probeOne(url, timeoutMs)));
}

/** The error a connection is cut with once an answer passes the ceiling (see `cappedAgents`). */
const cutCode = 'ERESPONSETOOLARGE';

/**
 * Agent classes for Newman whose connections are cut once one answer has brought `ceiling` bytes:
 * Newman buffers a whole answer before anything here sees it, so without a cut a 20 MB answer
 * costs its size several times over. Counted per answer (reset when a keep-alive socket is
 * freed); TLS settings still come from Newman (`agentOptions`).
 */
function cappedAgents(ceiling: number) {
  const watch = (socket: Duplex) => {
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > ceiling) {
        socket.destroy(Object.assign(new Error(`answer over ${ceiling} bytes`), { code: cutCode }));
      }
    });
    socket.on('free', () => {
      received = 0;
    });
    return socket;
  };
  class CappedHttp extends HttpAgent {
    override createConnection(...args: Parameters<HttpAgent['createConnection']>) {
      return watch(super.createConnection(...args) as Duplex) as ReturnType<HttpAgent['createConnection']>;
    }
  }
  class CappedHttps extends HttpsAgent {
    override createConnection(...args: Parameters<HttpsAgent['createConnection']>) {
      return watch(super.createConnection(...args) as Duplex) as ReturnType<HttpsAgent['createConnection']>;
    }
  }
  // postman-request pools agents by their class's name for the whole process: a name per ceiling,
  // or a later run with a smaller limit would reuse an earlier run's agent (and its ceiling).
  Object.defineProperty(CappedHttp, 'name', { value: `CappedHttp${ceiling}` });
  Object.defineProperty(CappedHttps, 'name', { value: `CappedHttps${ceiling}` });
  return { http: { agentClass: CappedHttp }, https: { agentClass: CappedHttps } };
}

async function runNewman(
  collection: CollectionJson,
  environment: PostmanEnvironment,
  limits: { timeoutMs: number; maxBodyBytes: number },
  seen: Seen[],
  secrets: Secrets,
): Promise<NewmanRunSummary> {
  const { timeoutMs, maxBodyBytes } = limits;
  // Newman is loaded only when a run starts.
  const { default: newman } = await import('newman');
  return new Promise((resolve, reject) => {
    newman
      .run(
        {
          collection: collection as never,
          environment: environment as never,
          reporters: [],
          timeoutRequest: timeoutMs,
          // A redirect is an answer to check, not an address to send the client secret to.
          ignoreRedirects: true,
          // Past four times the body limit (headers besides) the connection is cut.
          requestAgents: cappedAgents(4 * maxBodyBytes + 64 * 1024) as never,
        },
        (error, summary) => (error ? reject(error) : resolve(summary)),
      )
      .on('request', (error, args) => {
        const request = args.request;
        const headers: Record<string, string> = {};
        const response = args.response;
        for (const h of response?.headers?.all() ?? []) headers[h.key.toLowerCase()] = String(h.value);
        const bytes = response?.stream === undefined ? undefined : Buffer.from(response.stream as Uint8Array);
        const tooLarge = bytes !== undefined && bytes.length > maxBodyBytes ? bytes.length : undefined;
        // Past the limit only a shortened copy is kept: parsing and redacting megabytes is the cost.
        const raw =
          bytes === undefined ? '' : bytes.subarray(0, tooLarge === undefined ? bytes.length : 256).toString('utf8');
        let body: unknown;
        let text = false;
        if (tooLarge !== undefined) {
          body = raw;
          text = true;
        } else if (raw !== '') {
          try {
            body = JSON.parse(raw);
          } catch {
            body = raw;
            text = true;
          }
        }
        seen.push({
          step: args.item.name,
          method: request.method.toUpperCase(),
          url: request.url.toString(),
          status: error ? 0 : (response?.code ?? 0),
          headers,
          body,
          text,
          ...(tooLarge === undefined ? {} : { tooLarge }),
          ...(error ? { error: (error as NodeJS.ErrnoException).code ?? error.name } : {}),
        });
        // What the request sent is secret where its name says so; so is what came back under such a name.
        for (const h of request.headers.all()) {
          const value = String(h.value);
          if (/^authorization$/i.test(h.key)) {
            const credential = value.replace(/^\w+\s+/, '');
            secrets.add(credential);
            if (/^basic /i.test(value)) {
              const decoded = Buffer.from(credential, 'base64').toString('utf8');
              secrets.add(decoded);
              secrets.add(decoded.slice(decoded.indexOf(':') + 1));
            }
          } else if (sentSecret(h.key)) secrets.add(value);
        }
        const sentBody = request.body;
        if (sentBody?.mode === 'urlencoded') {
          for (const p of sentBody.urlencoded?.all() ?? []) if (sentSecret(p.key ?? '')) secrets.add(p.value);
        } else if (sentBody?.mode === 'formdata') {
          for (const p of sentBody.formdata?.all() ?? []) if (sentSecret(p.key ?? '')) secrets.add(p.value);
        } else if (sentBody?.mode === 'raw' && sentBody.raw !== undefined) {
          try {
            secrets.harvest(JSON.parse(sentBody.raw));
          } catch {
            // not JSON: nothing named to harvest
          }
        }
        for (const p of request.url.query.all()) if (sentSecret(p.key ?? '')) secrets.add(p.value ?? '');
        secrets.harvest(body);
        const location = headers.location;
        if (location !== undefined) {
          for (const [k, v] of new URLSearchParams(location.split('?')[1] ?? '')) {
            if (sentSecret(k)) secrets.add(v);
          }
        }
      });
  });
}

/** Where a request went, as the mocks route it (host, path, query), or `control` for the mock's control plane. */
function locate(url: string, baseUrl: string | undefined): { host: string; path: string; query: string } | 'control' {
  const parsed = new URL(url);
  if (baseUrl === undefined)
    return { host: parsed.hostname.toLowerCase(), path: parsed.pathname, query: parsed.search };
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  let rest =
    parsed.origin === base.origin && parsed.pathname.startsWith(basePath) ? parsed.pathname.slice(basePath.length) : '';
  if (rest === '') rest = parsed.pathname;
  const [, host = '', ...segments] = rest.split('/');
  if (host === '__control') return 'control';
  return { host: host.toLowerCase(), path: `/${segments.join('/')}`, query: parsed.search };
}

/** A base URL as shown: never its `user:password@`. */
function withoutUserinfo(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString().replace(/\/+$/, '');
}

/**
 * Runs the provider's collection and checks every answer against its spec.
 * @throws VerifyError `usage` for bad options, `unreachable` when the target does not answer.
 */
export async function verifyCollection(options: VerifyOptions): Promise<VerifyReport> {
  const { provider } = options;
  if (!isProviderId(provider) && options.custom?.definition.id !== provider) {
    throw new VerifyError('usage', `unknown provider ${provider} (known: ${providerIds.join(', ')})`);
  }
  let baseUrl: string | undefined;
  if (options.baseUrl !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(options.baseUrl);
    } catch {
      throw new VerifyError('usage', `--base-url is not a URL: ${options.baseUrl}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new VerifyError('usage', '--base-url must be http:// or https://');
    }
    baseUrl = options.baseUrl.replace(/\/+$/, '');
  }
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new VerifyError('usage', 'the body limit must be a positive number of bytes');
  }
  const secrets = new Secrets();
  if (options.controlToken !== undefined) secrets.add(options.controlToken);
  if (baseUrl !== undefined) await probe([baseUrl], Math.min(timeoutMs, 10_000));
  // On a mock server, a fresh world unless a world (or the default one) is named: see world-target.ts.
  let target: WorldTarget | undefined;
  if (baseUrl !== undefined) {
    try {
      target = await worldTarget(baseUrl, options);
    } catch (error) {
      if (error instanceof WorldTargetError) throw new VerifyError('usage', error.message);
      throw error;
    }
  }
  try {
    return await verifyIn(provider, options, target, secrets, timeoutMs);
  } finally {
    await target?.done();
  }
}

async function verifyIn(
  provider: string,
  options: VerifyOptions,
  target: WorldTarget | undefined,
  secrets: Secrets,
  timeoutMs: number,
): Promise<VerifyReport> {
  const baseUrl = target?.base;
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const environment = environmentFor(
    provider,
    {
      ...options,
      ...(baseUrl === undefined ? {} : { baseUrl }),
      variables: { ...options.variables, ...target?.variables },
    },
    secrets,
  );
  const world = createWorld({ providers: [options.custom?.definition ?? (provider as ProviderId)] });
  const router = world.engine.router;
  const operations = world.engine.providers.get(provider)?.operations as readonly Operation[];

  // The hosts the collection will call: the live environment's base URLs (apiBase, authBase, …).
  const liveBases = environment.values
    .filter((v) => v.key !== 'controlBase' && /^https?:\/\/[^{]+$/.test(v.value))
    .map((v) => `${new URL(v.value).origin}/`);
  if (baseUrl === undefined) await probe([...new Set(liveBases)], Math.min(timeoutMs, 10_000));

  const collection = JSON.parse(
    readFileSync(
      join(options.custom?.collectionsDir ?? collectionsDir(), `${provider}.postman_collection.json`),
      'utf8',
    ),
  ) as CollectionJson;
  const variables = Object.fromEntries(environment.values.map((v) => [v.key, v.value]));
  if (provider === 'eventix' && !variables.authorizationCode && variables.refreshToken && !variables.controlBase) {
    startFromRefreshToken(collection);
  }

  const startedAt = new Date().toISOString();
  const seen: Seen[] = [];
  const summary = await runNewman(collection, environment, { timeoutMs, maxBodyBytes }, seen, secrets);
  const finalEnv = (summary.environment as unknown as { toObject(): Record<string, unknown> }).toObject();
  for (const [k, v] of Object.entries(finalEnv)) if (secretVariable.test(k)) secrets.add(v);

  const { createContractChecker } = await import('../contract.js');
  const check =
    options.custom === undefined
      ? createContractChecker([provider])
      : createContractChecker([], { [provider]: options.custom.spec });
  const byOperation = new Map<string, { calls: number; statuses: Set<number>; drifts: Drift[] }>();
  const outside: VerifyReport['outside'] = [];
  const redirects: VerifyReport['redirects'] = [];
  let requests = 0;
  for (const s of seen) {
    const where = locate(s.url, baseUrl);
    if (where === 'control') continue;
    if (s.status >= 300 && s.status < 400 && s.headers.location !== undefined) {
      redirects.push({ step: s.step, status: s.status, location: s.headers.location.split(/[?#]/)[0] as string });
    }
    const match = router.match(where.host, s.method, where.path);
    if (match?.kind !== 'operation') {
      outside.push({
        step: s.step,
        method: s.method,
        host: where.host,
        path: secrets.scrub(where.path),
        query: secrets.scrub(redactQuery(new URLSearchParams(where.query))),
        status: s.status,
      });
      continue;
    }
    requests++;
    const id = match.operation.operationId;
    const entry = byOperation.get(id) ?? { calls: 0, statuses: new Set<number>(), drifts: [] };
    byOperation.set(id, entry);
    entry.calls++;
    entry.statuses.add(s.status);
    if (s.error === cutCode) {
      entry.drifts.push({
        step: s.step,
        status: 0,
        kind: 'too_large',
        path: '$',
        expected: `a body of at most ${maxBodyBytes} bytes`,
        actual: `over ${4 * maxBodyBytes} bytes: the connection was cut, nothing read`,
      });
      continue;
    }
    if (s.error !== undefined) {
      entry.drifts.push({
        step: s.step,
        status: 0,
        kind: 'no_answer',
        path: '$',
        expected: 'an answer',
        actual: s.error,
      });
      continue;
    }
    if (s.tooLarge !== undefined) {
      entry.drifts.push({
        step: s.step,
        status: s.status,
        kind: 'too_large',
        path: '$',
        expected: `a body of at most ${maxBodyBytes} bytes`,
        actual: `${s.tooLarge} bytes, not checked: ${secrets.shown(s.body)}`,
      });
      continue;
    }
    const problems = check({ provider, operationId: id, status: s.status, headers: s.headers, body: s.body });
    const unique = new Map<string, Drift>();
    for (const p of problems) {
      let actual: string;
      if (p.kind === 'status') actual = String(s.status);
      else if (p.kind === 'header') actual = 'absent';
      else if (p.kind === 'content') actual = s.body === undefined ? 'no body' : secrets.shown(s.body);
      else if (p.kind === 'body') {
        const value = valueAt(s.body, p.instancePath ?? '');
        const key = (p.instancePath ?? '').split('/').pop() ?? '';
        actual = secretName.test(key) && typeof value === 'string' ? '"[redacted]"' : secrets.shown(value);
      } else actual = '';
      const drift: Drift = {
        step: secrets.scrub(s.step),
        status: s.status,
        kind: p.kind,
        path: p.path,
        expected: p.expected,
        actual,
      };
      unique.set(`${drift.kind} ${drift.path} ${drift.expected}`, drift);
    }
    entry.drifts.push(...[...unique.values()].slice(0, 10));
  }

  const operationReports: OperationReport[] = operations.map((op) => {
    const entry = byOperation.get(op.operationId);
    const verdict: OperationVerdict =
      entry === undefined ? 'not_exercised' : entry.drifts.length > 0 ? 'drifts' : 'conforms';
    return {
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      verdict,
      calls: entry?.calls ?? 0,
      statuses: [...(entry?.statuses ?? [])].sort((a, b) => a - b),
      drifts: entry?.drifts ?? [],
    };
  });
  const count = (v: OperationVerdict) => operationReports.filter((o) => o.verdict === v).length;
  const stats = summary.run.stats;
  const assertions = {
    total: stats.assertions.total ?? 0,
    failed: stats.assertions.failed ?? 0,
    allowedToFail: options.allowFailedAssertions === true,
  };
  const verdict =
    count('drifts') > 0 ? 'drift' : assertions.failed > 0 && !assertions.allowedToFail ? 'assertions_failed' : 'pass';
  const report: VerifyReport = {
    provider,
    target: baseUrl === undefined ? 'live' : secrets.scrub(withoutUserinfo(baseUrl)),
    ...(target === undefined ? {} : { world: target.world }),
    startedAt,
    finishedAt: new Date().toISOString(),
    ok: verdict === 'pass',
    verdict,
    counts: {
      operations: operationReports.length,
      conforms: count('conforms'),
      drifts: count('drifts'),
      notExercised: count('not_exercised'),
      requests,
    },
    operations: operationReports,
    outside,
    assertions,
    redirects,
  };
  // A last pass over the whole report: no secret seen in the run survives in any string.
  return JSON.parse(secrets.scrub(JSON.stringify(report))) as VerifyReport;
}

// ---- outputs ----

/** The human summary (what `verify` prints). */
export function formatSummary(report: VerifyReport): string {
  const c = report.counts;
  const a = report.assertions;
  const failed = `${a.failed} of ${a.total} of the collection's own assertions failed`;
  const verdict =
    report.verdict === 'drift'
      ? `DRIFT${a.failed > 0 ? ` (and ${failed})` : ''}`
      : report.verdict === 'assertions_failed'
        ? `FAILED: ${failed} (nothing drifts)`
        : a.failed > 0
          ? `ok, though ${failed} (allowed by --allow-failed-assertions)`
          : 'ok';
  const lines = [
    `${report.provider} (${report.target}): ${verdict}; ${c.operations} operations, ${c.conforms} conform, ${c.drifts} drift, ${c.notExercised} not exercised (${c.requests} requests checked)`,
  ];
  for (const op of report.operations) {
    if (op.verdict === 'not_exercised') continue;
    lines.push(
      `  ${op.verdict === 'conforms' ? 'ok   ' : 'DRIFT'} ${op.operationId} ${op.method} ${op.path}  [${op.statuses.join(', ')}]`,
    );
    for (const d of op.drifts) {
      lines.push(`        ${d.status} ${d.path}: expected ${d.expected}, got ${d.actual}  [${d.step}]`);
    }
  }
  for (const r of report.redirects) {
    lines.push(`  redirect not followed: ${r.status} to ${r.location}  [${r.step}]`);
  }
  const idle = report.operations.filter((o) => o.verdict === 'not_exercised').map((o) => o.operationId);
  if (idle.length > 0) lines.push(`  not exercised: ${idle.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** Whether the collection's own assertions failed, and that counts against the run. */
const assertionsFailed = (r: VerifyReport) => r.assertions.failed > 0 && !r.assertions.allowedToFail;
const failuresOf = (r: VerifyReport) => r.counts.drifts + (assertionsFailed(r) ? 1 : 0);

const xml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);

/**
 * JUnit XML: one test case per operation, a failure per drifting one, skipped when not exercised;
 * and one for the collection's own assertions, a failure when they failed (unless allowed), so a
 * run that did not do what it should does not read as green.
 */
export function formatJunit(reports: readonly VerifyReport[]): string {
  const suites = reports.map((r) => {
    const cases = r.operations.map((op) => {
      const name = `${op.operationId} ${op.method} ${op.path}`;
      const open = `    <testcase classname="verify.${xml(r.provider)}" name="${xml(name)}">`;
      if (op.verdict === 'not_exercised') return `${open}<skipped message="not exercised"/></testcase>`;
      if (op.verdict === 'conforms') return `${open}</testcase>`;
      const detail = op.drifts
        .map((d) => `${d.status} ${d.path}: expected ${d.expected}, got ${d.actual} [${d.step}]`)
        .join('\n');
      const first = op.drifts[0] as Drift;
      return `${open}\n      <failure message="${xml(`${first.path}: expected ${first.expected}, got ${first.actual}`)}" type="drift">${xml(detail)}</failure>\n    </testcase>`;
    });
    const a = r.assertions;
    const open = `    <testcase classname="verify.${xml(r.provider)}" name="the collection's own assertions (${a.failed} of ${a.total} failed)">`;
    cases.push(
      assertionsFailed(r)
        ? `${open}\n      <failure message="${a.failed} of ${a.total} of the collection's own assertions failed" type="assertions"/>\n    </testcase>`
        : `${open}</testcase>`,
    );
    return `  <testsuite name="verify ${xml(r.provider)} (${xml(r.target)})" tests="${r.counts.operations + 1}" failures="${failuresOf(r)}" skipped="${r.counts.notExercised}" timestamp="${r.startedAt}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const tests = reports.reduce((n, r) => n + r.counts.operations + 1, 0);
  const failures = reports.reduce((n, r) => n + failuresOf(r), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="authflow-mocks verify" tests="${tests}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}

export type VerifyReporter = 'cli' | 'junit' | 'json';

/** Writes `<provider>.xml` (junit) and `<provider>.json` (json) into `outDir`; returns the paths. */
export function writeReports(report: VerifyReport, outDir: string, reporters: readonly VerifyReporter[]): string[] {
  const written: string[] = [];
  if (!reporters.includes('junit') && !reporters.includes('json')) return written;
  mkdirSync(outDir, { recursive: true });
  if (reporters.includes('junit')) {
    const file = join(outDir, `${report.provider}.xml`);
    writeFileSync(file, formatJunit([report]));
    written.push(file);
  }
  if (reporters.includes('json')) {
    const file = join(outDir, `${report.provider}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    written.push(file);
  }
  return written;
}

// ---- the command ----

export const verifyUsage =
  'authflow-mocks verify --provider ID [--base-url URL [--world default] [--reset] [--control-token T] | --live] [--env FILE] [--env-var K=V]... [--reporters cli,junit,json] [--out reports/verify] [--allow-failed-assertions] [--max-body BYTES]';

/** `verify --help`: every option, one line each. */
export const verifyHelp = `Usage: ${verifyUsage}

Runs a provider's Postman collection against the real hosts (--live, the default) or --base-url
and checks every answer against the spec. Needs the newman package (npm install --save-dev newman).

  --provider ID              the provider (required; repeat, or comma-separated, to run several)
  --live                     the real hosts (the default without --base-url); control-plane steps are skipped
  --base-url URL             a mock server (run in a fresh world, deleted after) or a world's URL …/w/<id> (run there as it is)
  --world default            with --base-url: run in the server's own world instead of a fresh one
  --reset                    with --base-url: let the collection reset an existing world first (off by default)
  --control-token T          the mock server's control token (or AUTHFLOW_CONTROL_TOKEN)
  --env FILE                 variables: a Postman environment (JSON) or KEY=value lines
  --env-var K=V              one variable (repeatable); wins over --env and AUTHFLOW_<PROVIDER>_<VAR>
  --reporters LIST           any of cli,junit,json (default all three)
  --out DIR                  where <provider>.xml and <provider>.json go (default reports/verify)
  --allow-failed-assertions  exit 0 when nothing drifts even if the collection's own assertions failed
  --max-body BYTES           largest answer body checked (default 1 MiB); a larger one is reported, not parsed
  -h, --help                 this help

Exit codes: 0 nothing drifts and every assertion of the collection passed; 1 drift, or the
collection's own assertions failed (unless --allow-failed-assertions); 2 usage error or a host
that does not answer.`;

/**
 * `authflow-mocks verify`: answers the exit code (0 pass, 1 drift or failed collection assertions,
 * 2 usage error or unreachable host) after printing the summary; errors are one line on `stderr`.
 */
export async function verifyCommand(
  args: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void } = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  },
): Promise<number> {
  const usageError = (message: string) => {
    io.stderr(`authflow-mocks verify: ${message}\n`);
    return 2;
  };
  let values: {
    provider?: string[];
    'base-url'?: string;
    live?: boolean;
    env?: string;
    'env-var'?: string[];
    reporters?: string;
    out?: string;
    world?: string;
    reset?: boolean;
    'control-token'?: string;
    'allow-failed-assertions'?: boolean;
    'max-body'?: string;
  };
  try {
    values = parseArgs({
      args,
      options: {
        provider: { type: 'string', multiple: true },
        'base-url': { type: 'string' },
        live: { type: 'boolean' },
        env: { type: 'string' },
        'env-var': { type: 'string', multiple: true },
        reporters: { type: 'string', default: 'cli,junit,json' },
        out: { type: 'string', default: join('reports', 'verify') },
        world: { type: 'string' },
        reset: { type: 'boolean' },
        'control-token': { type: 'string' },
        'allow-failed-assertions': { type: 'boolean' },
        'max-body': { type: 'string' },
      },
    }).values;
  } catch (error) {
    return usageError(`${(error as Error).message.split('\n')[0]}\nUsage: ${verifyUsage}`);
  }
  const providers = (values.provider ?? []).flatMap((p) => p.split(',')).filter((p) => p !== '');
  if (providers.length === 0) return usageError(`--provider is required\nUsage: ${verifyUsage}`);
  const unknown = providers.filter((p) => !isProviderId(p));
  if (unknown.length > 0)
    return usageError(`unknown provider ${unknown.join(', ')} (known: ${providerIds.join(', ')})`);
  if (values.live === true && values['base-url'] !== undefined)
    return usageError('give --base-url or --live, not both');
  const reporters = (values.reporters ?? '').split(',').filter((r) => r !== '');
  const badReporter = reporters.find((r) => !['cli', 'junit', 'json'].includes(r));
  if (badReporter !== undefined) return usageError(`unknown reporter ${badReporter} (cli, junit, json)`);
  const variables: Record<string, string> = {};
  for (const pair of values['env-var'] ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return usageError('--env-var takes KEY=value');
    variables[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  if (values.env !== undefined && !existsSync(values.env)) return usageError(`no environment file ${values.env}`);
  if (values.world !== undefined && values.world !== 'new' && values.world !== 'default')
    return usageError(`--world must be new or default, got ${values.world}`);
  const controlToken = values['control-token'] ?? (process.env.AUTHFLOW_CONTROL_TOKEN || undefined);
  const maxBody = values['max-body'];
  if (maxBody !== undefined && !/^[1-9]\d{0,9}$/.test(maxBody)) return usageError('--max-body takes a number of bytes');

  let failed = false;
  for (const provider of providers) {
    let report: VerifyReport;
    try {
      report = await verifyCollection({
        provider,
        ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
        ...(values.env === undefined ? {} : { envFile: values.env }),
        ...(maxBody === undefined ? {} : { maxBodyBytes: Number(maxBody) }),
        variables,
        ...(values.world === undefined ? {} : { world: values.world as 'new' | 'default' }),
        reset: values.reset === true,
        ...(controlToken === undefined ? {} : { controlToken }),
        ...(values['allow-failed-assertions'] === true ? { allowFailedAssertions: true } : {}),
      });
    } catch (error) {
      if (error instanceof VerifyError) return usageError(error.message);
      throw error;
    }
    if (reporters.includes('cli')) io.stdout(formatSummary(report));
    const written = writeReports(report, values.out ?? join('reports', 'verify'), reporters as VerifyReporter[]);
    if (written.length > 0 && reporters.includes('cli')) io.stdout(`  reports: ${written.join(', ')}\n`);
    failed ||= !report.ok;
  }
  return failed ? 1 : 0;
}
