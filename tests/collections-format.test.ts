/** The generated collections as other tools read them: raw URLs, unique ids, any base URL. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../mocks/doors/http/index.js';
import { providerIds } from '../mocks/providers/index.js';
import { collectionsDir, runCollections } from '../mocks/tools/newman.js';

interface Item {
  id: string;
  name: string;
  request: { url: { raw?: string; host?: string[]; path?: string[] } };
  event?: { script: { id: string } }[];
}

describe.each(providerIds)('%s collection', (provider) => {
  const collection = JSON.parse(
    readFileSync(join(collectionsDir(), `${provider}.postman_collection.json`), 'utf8'),
  ) as { info: { _postman_id?: string; id?: string }; item: Item[] };

  it('gives every request a raw URL that matches its parsed host and path', () => {
    for (const item of collection.item) {
      const { raw, host = [], path = [] } = item.request.url;
      expect(raw, item.name).toMatch(/^\{\{\w+\}\}/);
      const withoutQuery = (raw as string).split('?')[0];
      expect(withoutQuery, item.name).toBe([host.join('.'), ...path].join('/'));
    }
  });

  it('gives every request and every script a distinct id', () => {
    const ids = collection.item.flatMap((item) => [item.id, ...(item.event ?? []).map((e) => e.script.id)]);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('a base URL with a trailing slash', () => {
  it('runs a collection as well as without one', { timeout: 120_000 }, async () => {
    const server = createMockServer();
    const { url } = await server.listen(0);
    try {
      const [run] = await runCollections({ providers: ['eventbookings'], baseUrl: `${url}/` });
      expect(run?.failures).toEqual([]);
      expect(run?.failedAssertions).toBe(0);
      expect(run?.requests).toBeGreaterThan(5);
    } finally {
      await server.close();
    }
  });
});
