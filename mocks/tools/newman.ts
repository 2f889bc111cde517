/**
 * Runs the generated Postman collections with Newman's library API against a mock server:
 * a fresh one on an ephemeral loopback port by default, or a running one (`baseUrl`).
 * Node only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import newman, { type NewmanRunSummary } from 'newman';
import { specsDir } from '../contract.js';
import { createMockServer } from '../doors/http/index.js';
import type { MocksOptions } from '../world.js';
import { type WorldTargetOptions, worldTarget } from './world-target.js';

export function collectionsDir(): string {
  return join(specsDir(), '..', 'collections');
}

export interface CollectionRun {
  provider: string;
  /** Where it ran: `new` (a fresh world, deleted afterwards), `default`, or a world's id. */
  world: string;
  assertions: number;
  failedAssertions: number;
  requests: number;
  failures: { source: string; message: string }[];
  /** The environment at the end of the run (tokens the collection stored, and so on). */
  environment: Record<string, string>;
  /** Every request as sent, variables resolved (the fuzzer replays and mutates them). */
  sent: SentRequest[];
}

export interface SentRequest {
  name: string;
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
}

export interface RunCollectionsOptions extends WorldTargetOptions {
  providers: readonly string[];
  /**
   * A running server: its root (`http://127.0.0.1:4010`; each collection then runs in a fresh
   * world, deleted afterwards) or a world's own URL (`…/w/<id>`, run as it is). A fresh private
   * server when absent. See `world`, `reset`, `controlToken`.
   */
  baseUrl?: string;
  /** Newman reporters, e.g. `['cli', 'junit']`. None by default. */
  reporters?: string[];
  /** Where the JUnit reporter writes `<provider>.xml`. */
  junitDir?: string;
  /** Options of the fresh server (e.g. a contract validator, or `fixtures`). */
  mocks?: MocksOptions;
  /** Where the mock environments are read from (e.g. written by `collections --config`); the shipped ones by default. */
  environmentsDir?: string;
  /** Where `<provider>.postman_collection.json` is read from (a provider of your own); the shipped ones by default. */
  collectionsDir?: string;
}

function runOne(options: newman.NewmanRunOptions): Promise<NewmanRunSummary> {
  return new Promise((resolve, reject) => {
    newman.run(options, (error, summary) => (error ? reject(error) : resolve(summary)));
  });
}

export async function runCollections(options: RunCollectionsOptions): Promise<CollectionRun[]> {
  const server = options.baseUrl === undefined ? createMockServer(options.mocks ?? {}) : undefined;
  const origin = options.baseUrl ?? (await server?.listen(0))?.url;
  try {
    const runs: CollectionRun[] = [];
    for (const provider of options.providers) {
      const collection = join(options.collectionsDir ?? collectionsDir(), `${provider}.postman_collection.json`);
      const environment = join(
        options.environmentsDir ?? options.collectionsDir ?? collectionsDir(),
        `${provider}.mock.postman_environment.json`,
      );
      if (!existsSync(collection)) throw new Error(`No collection for ${provider}: run npm run generate`);
      const reporters = options.reporters ?? [];
      // A server of our own is private: the collection resets it as it likes. A running one may be shared.
      const target = server === undefined ? await worldTarget(origin as string, options) : undefined;
      const variables = { mockServer: target?.base ?? (origin as string), ...target?.variables };
      let summary: NewmanRunSummary;
      try {
        summary = await runOne({
          collection: JSON.parse(readFileSync(collection, 'utf8')),
          environment: JSON.parse(readFileSync(environment, 'utf8')),
          envVar: Object.entries(variables).map(([key, value]) => ({ key, value })),
          reporters,
          reporter: { junit: { export: join(options.junitDir ?? 'reports/newman', `${provider}.xml`) } },
          timeoutRequest: 10_000,
        });
      } finally {
        await target?.done();
      }
      const stats = summary.run.stats;
      runs.push({
        provider,
        world: target?.world ?? 'new',
        assertions: stats.assertions.total ?? 0,
        failedAssertions: stats.assertions.failed ?? 0,
        requests: stats.requests.total ?? 0,
        failures: summary.run.failures.map((f) => ({
          source: (f.source as { name?: string } | undefined)?.name ?? 'run',
          message: f.error.message,
        })),
        // The summary's environment is a postman-collection VariableScope at run time.
        sent: summary.run.executions.map((execution) => {
          const request = execution.request;
          const body = request.body?.toString();
          return {
            name: execution.item.name,
            method: request.method,
            url: request.url.toString(),
            headers: request.headers.all().map((h) => [h.key, String(h.value)] as [string, string]),
            ...(body === undefined || body === '' ? {} : { body }),
          };
        }),
        environment: (summary.environment as unknown as { toObject(): Record<string, unknown> }).toObject() as Record<
          string,
          string
        >,
      });
    }
    return runs;
  } finally {
    await server?.close();
  }
}
