/** The generated collections as other tools read them: raw URLs, unique ids, any base URL. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { providerIds } from '../../mocks/providers/index.js';
import { collectionsDir, runCollections } from '../../mocks/tools/newman.js';

interface Auth {
  type: string;
  [type: string]: string | { key: string; value: string }[];
}

interface Item {
  id: string;
  name: string;
  request: {
    url: { raw?: string; host?: string[]; path?: string[] };
    header?: { key: string; value: string }[];
    auth?: Auth;
  };
  event?: { script: { id: string } }[];
}

/** An auth object's settings as a map (`token`, `accessToken`, `key`, `value`, `in`, …). */
const settings = (auth: Auth) =>
  Object.fromEntries((auth[auth.type] as { key: string; value: string }[]).map((p) => [p.key, p.value]));

describe.each(providerIds)('%s collection', (provider) => {
  const collection = JSON.parse(
    readFileSync(join(collectionsDir(), `${provider}.postman_collection.json`), 'utf8'),
  ) as { info: { _postman_id?: string; id?: string }; item: Item[]; auth?: Auth };

  it('gives every request a raw URL that matches its parsed host and path', () => {
    for (const item of collection.item) {
      const { raw, host = [], path = [] } = item.request.url;
      expect(raw, item.name).toMatch(/^\{\{\w+\}\}/);
      const withoutQuery = (raw as string).split('?')[0];
      expect(withoutQuery, item.name).toBe([host.join('.'), ...path].join('/'));
    }
  });

  it("authenticates in Postman's Auth tab: the collection's token variable, no Bearer or bare token header by hand", () => {
    const auth = collection.auth as Auth;
    expect(['bearer', 'oauth2', 'apikey']).toContain(auth.type);
    const own = settings(auth);
    // The collection's token comes from a variable the run sets or the environment holds.
    expect(own.token ?? own.accessToken ?? own.value).toMatch(/^\{\{\w+\}\}$/);
    let inherited = 0;
    for (const item of collection.item) {
      const header = (item.request.header ?? []).filter((h) => h.key.toLowerCase() === 'authorization');
      // Only a scheme Postman's auth has no type for (Basic with a computed value, a vendor's own) stays a header.
      for (const h of header) expect(h.value, item.name).toMatch(/^(Basic|Integrator) /);
      if (header.length > 0) expect(item.request.auth?.type, item.name).toBe('noauth');
      if (item.request.auth === undefined) inherited++;
    }
    expect(inherited).toBeGreaterThan(0);
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
