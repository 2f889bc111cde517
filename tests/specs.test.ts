/** Every provider's spec against its operation table; picks new providers up by itself. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContractValidator, loadSpec, specOperations } from '../mocks/contract.js';
import { createMocks } from '../mocks/doors/msw/mocks.js';
import { providerIds } from '../mocks/providers/index.js';
import { collectionsDir } from '../mocks/tools/newman.js';

/** Names of the project's internal briefs, which users of the package never see. */
const internalNames = /\bseed \d{3}\b|PROVIDERS\.md|DESIGN\.md|STYLE\.md/i;

describe.each(providerIds)('%s spec and operation table', (id) => {
  const spec = specOperations(loadSpec(id));
  const provider = createMocks({ providers: [id] }).engine.providers.get(id);

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

  it('serves every host of the spec, and only those', () => {
    expect(new Set(provider?.hosts)).toEqual(new Set(spec.flatMap((o) => o.hosts)));
  });

  it.each(spec.map((o) => [o.operationId, o] as const))('%s says where its behaviour comes from', (_id, op) => {
    expect(['documented', 'inferred']).toContain(op.operation['x-fidelity']);
    expect(typeof op.operation['x-fidelity-source']).toBe('string');
  });

  // Provenance a user of the package can follow: a documented operation quotes the vendor's own
  // words (in double quotes), and no source names the project's internal briefs.
  it.each(spec.map((o) => [o.operationId, o] as const))('%s names a findable source', (_id, op) => {
    const source = String(op.operation['x-fidelity-source'] ?? '');
    expect(source).not.toMatch(internalNames);
    if (op.operation['x-fidelity'] === 'documented') expect(source).toMatch(/"[^"]{3,}"/);
    else expect(source).toMatch(/"[^"]{3,}"|https:\/\/|no vendor page/i);
  });

  it.each(spec.map((o) => [o.operationId, o] as const))('%s is called by the Postman collection', (_id, op) => {
    const collection = JSON.parse(readFileSync(join(collectionsDir(), `${id}.postman_collection.json`), 'utf8'));
    const flags = provider?.caseInsensitivePaths ? 'i' : '';
    const pattern = new RegExp(`^\\{\\{\\w+Base\\}\\}${op.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`, flags);
    type Url = { host: string[]; path?: string[] };
    const requests = (collection.item as { request: { method: string; url: Url } }[]).map((i) => ({
      method: i.request.method,
      url: `${i.request.url.host.join('.')}/${(i.request.url.path ?? []).join('/')}`,
    }));
    expect(requests.some((r) => r.method === op.method && pattern.test(r.url))).toBe(true);
  });
});

describe('contract validator', () => {
  const validate = createContractValidator(['eventix']);
  const check = { provider: 'eventix', operationId: 'authorize', status: 302, body: undefined };

  it('requires the response headers a spec marks required', () => {
    const headers = { location: 'https://app.example.com/cb?code=x', 'cache-control': 'no-store', pragma: 'no-cache' };
    expect(validate({ ...check, headers })).toEqual([]);
    expect(validate({ ...check, headers: {} })).toHaveLength(3);
    const { location: _, ...withoutLocation } = headers;
    expect(validate({ ...check, headers: withoutLocation })).toHaveLength(1);
  });

  it('refuses an undeclared status and a body that breaks the schema', () => {
    expect(validate({ ...check, status: 200, headers: {} })).toHaveLength(1);
    const bad = validate({
      provider: 'eventix',
      operationId: 'getCurrentUser',
      status: 200,
      headers: {},
      body: { guid: 'x' },
    });
    expect(bad.length).toBeGreaterThan(0);
  });
});
