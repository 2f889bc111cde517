/**
 * The benchmark's per-provider table: which request is the authorized GET, which is the token
 * issuance, and how to obtain the credentials they need, each provider's from its folder
 * (`mocks/providers/<id>/bench.ts`), found through the registry. The benchmark walks
 * `providerIds` and skips (with a printed note) any provider that has none, so adding a provider
 * never breaks `npm run bench`; add one to measure it.
 *
 * Requests name the real host and path; each target maps them to its own URL (the standalone
 * server and the MSW door take `/<host><path>`, Prism takes `<path>` on the provider's spec).
 */

import { providerIds } from '../../mocks/providers/index.js';
import type { BenchRequest, Scenario } from './scenario-kit.js';

export type { BenchOperation, BenchRequest, Caller, ConnectionLoad, Reply, Scenario } from './scenario-kit.js';

/**
 * Provider id → its benchmark entry: `mocks/providers/<id>/bench.ts` of each provider of the
 * registry (its default export). A provider without one is skipped with a note.
 */
async function loadScenarios(): Promise<Readonly<Record<string, Scenario>>> {
  const out: Record<string, Scenario> = {};
  for (const id of providerIds) {
    const module = (await import(/* @vite-ignore */ `../../mocks/providers/${id}/bench.js`).catch(() => undefined)) as
      | { default?: Scenario<never> }
      | undefined;
    if (module?.default !== undefined) out[id] = module.default as unknown as Scenario;
  }
  return out;
}

export const scenarios: Readonly<Record<string, Scenario>> = await loadScenarios();

/** The 401 row: an unknown bearer token on EventBookings' `GET /me`. */
export const unauthorized: BenchRequest = {
  method: 'GET',
  host: 'api.eventbookings.com',
  path: '/me',
  headers: { authorization: 'Bearer not-a-token-this-mock-issued' },
};
