import { describe, expect, it } from 'vitest';
import { loadSpec, specOperations } from '../../mocks/contract.js';
import { createMocks } from '../../mocks/mocks.js';

describe('tracx spec and operation table', () => {
  const spec = specOperations(loadSpec('tracx'));
  const provider = createMocks({ providers: ['tracx'] }).engine.providers.get('tracx');

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
  });

  it.each(spec.map((o) => [o.operationId, o] as const))('%s says where its behaviour comes from', (_id, op) => {
    expect(['documented', 'inferred']).toContain(op.operation['x-fidelity']);
    expect(typeof op.operation['x-fidelity-source']).toBe('string');
  });
});
