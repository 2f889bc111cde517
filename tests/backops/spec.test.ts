import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec, specOperations } from '../../mocks/contract.js';
import { createMocks } from '../../mocks/mocks.js';
import { collectionsDir } from '../../mocks/newman.js';

describe('backops spec, operation table and collection', () => {
  const spec = specOperations(loadSpec('backops'));
  const provider = createMocks({ providers: ['backops'] }).engine.providers.get('backops');

  it('lists exactly the operations of the spec, with the same method, path and hosts', () => {
    const table = (provider?.operations ?? []).map((o) => ({
      operationId: o.operationId,
      method: o.method,
      path: o.path,
      hosts: [...o.hosts],
    }));
    const fromSpec = spec.map((o) => ({ operationId: o.operationId, method: o.method, path: o.path, hosts: o.hosts }));
    expect(table).toEqual(expect.arrayContaining(fromSpec));
    expect(table).toHaveLength(fromSpec.length);
    expect(provider?.caseInsensitivePaths).toBe(true);
  });

  it.each(spec.map((o) => [o.operationId, o] as const))('%s says where its behaviour comes from', (_id, op) => {
    expect(['documented', 'inferred']).toContain(op.operation['x-fidelity']);
    expect(typeof op.operation['x-fidelity-source']).toBe('string');
  });

  it.each(spec.map((o) => [o.operationId, o] as const))('%s is called by the Postman collection', (_id, op) => {
    const collection = JSON.parse(readFileSync(join(collectionsDir(), 'backops.postman_collection.json'), 'utf8'));
    const pattern = new RegExp(`^\\{\\{apiBase\\}\\}${op.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`, 'i');
    type Url = { host: string[]; path: string[] };
    const requests = (collection.item as { request: { method: string; url: Url } }[]).map((i) => ({
      method: i.request.method,
      url: `${i.request.url.host.join('.')}/${i.request.url.path.join('/')}`,
    }));
    expect(requests.some((r) => r.method === op.method && pattern.test(r.url))).toBe(true);
  });
});
