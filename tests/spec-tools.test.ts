/** The specs as other tools read them, run from the repository root. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../mocks/contract.js';
import { providerIds } from '../mocks/providers/index.js';

type Servers = { url: string; description?: string }[] | undefined;

/** Every `servers` list in a spec: the document's, each path's and each operation's. */
function serverLists(spec: Record<string, unknown>): Servers[] {
  const lists: Servers[] = [spec.servers as Servers];
  for (const item of Object.values((spec.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    lists.push(item.servers as Servers);
    for (const operation of Object.values(item)) {
      if (operation !== null && typeof operation === 'object' && 'servers' in operation)
        lists.push((operation as { servers: Servers }).servers);
    }
  }
  return lists.filter((l) => l !== undefined);
}

describe.each(providerIds)('%s spec', (id) => {
  it('lists the local mock (http://127.0.0.1:4010/<host>) right after every real host', () => {
    const lists = serverLists(loadSpec(id) as Record<string, unknown>);
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      const urls = (list ?? []).map((s) => s.url);
      const real = urls.filter((u) => u.startsWith('https://'));
      expect(real.length).toBeGreaterThan(0);
      expect(urls).toEqual(real.flatMap((u) => [u, `http://127.0.0.1:4010/${new URL(u).hostname}`]));
    }
  });

  it('openapi-typescript run from the repository root accepts it (redocly.yaml holds every exception)', () => {
    const run = spawnSync(
      process.execPath,
      ['node_modules/openapi-typescript/bin/cli.js', `specs/${id}.openapi.yaml`],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('export interface paths');
  }, 60_000);
});
