/**
 * The run: a collection against the real hosts (or a base URL), each exchange checked against
 * the provider's spec.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractProblem } from '../../contract.js';
import { redactQuery } from '../../core/journal.js';
import type { Operation } from '../../core/provider.js';
import { isProviderId, type ProviderId, providerIds } from '../../providers/index.js';
import { createWorld } from '../../world.js';
import { type WorldTarget, WorldTargetError, worldTarget } from '../world-target.js';
import { type CollectionJson, cutCode, probe, runNewman, type Seen, startFromRefreshToken } from './newman-run.js';
import { Secrets, secretName, secretVariable, valueAt } from './secrets.js';
import {
  type Drift,
  defaultMaxBodyBytes,
  type OperationReport,
  type OperationVerdict,
  VerifyError,
  type VerifyOptions,
  type VerifyReport,
} from './types.js';
import { collectionsDir, environmentFor } from './variables.js';

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

/**
 * How one exchange drifts from the spec: no answer, a body over the ceiling, or the contract's
 * problems (asked only for an answer read whole; each once, at most 10), every value redacted.
 */
function driftsOf(
  s: Seen,
  problemsOf: () => readonly ContractProblem[],
  secrets: Secrets,
  maxBodyBytes: number,
): Drift[] {
  if (s.error === cutCode) {
    return [
      {
        step: s.step,
        status: 0,
        kind: 'too_large',
        path: '$',
        expected: `a body of at most ${maxBodyBytes} bytes`,
        actual: `over ${4 * maxBodyBytes} bytes: the connection was cut, nothing read`,
      },
    ];
  }
  if (s.error !== undefined) {
    return [
      {
        step: s.step,
        status: 0,
        kind: 'no_answer',
        path: '$',
        expected: 'an answer',
        actual: s.error,
      },
    ];
  }
  if (s.tooLarge !== undefined) {
    return [
      {
        step: s.step,
        status: s.status,
        kind: 'too_large',
        path: '$',
        expected: `a body of at most ${maxBodyBytes} bytes`,
        actual: `${s.tooLarge} bytes, not checked: ${secrets.shown(s.body)}`,
      },
    ];
  }
  const unique = new Map<string, Drift>();
  for (const p of problemsOf()) {
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
  return [...unique.values()].slice(0, 10);
}

/** Each operation of the provider: how often the run called it, what it answered, its drifts. */
function operationReportsOf(
  operations: readonly Operation[],
  byOperation: ReadonlyMap<string, Exercised>,
): OperationReport[] {
  return operations.map((op) => {
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
}

/** What the run saw of one operation. */
interface Exercised {
  calls: number;
  statuses: Set<number>;
  drifts: Drift[];
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

  const { createContractChecker } = await import('../../contract.js');
  const check =
    options.custom === undefined
      ? createContractChecker([provider])
      : createContractChecker([], { [provider]: options.custom.spec });
  const byOperation = new Map<string, Exercised>();
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
    entry.drifts.push(
      ...driftsOf(
        s,
        () => check({ provider, operationId: id, status: s.status, headers: s.headers, body: s.body }),
        secrets,
        maxBodyBytes,
      ),
    );
  }

  const operationReports = operationReportsOf(operations, byOperation);
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
