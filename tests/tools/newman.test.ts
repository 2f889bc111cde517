import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContractValidator } from '../../mocks/contract.js';
import { providerIds } from '../../mocks/providers/index.js';
import { collectionsDir, runCollections } from '../../mocks/tools/newman.js';

/** Every `pm.test(` in the collection runs once against the mock (no test is conditional). */
function assertionsIn(provider: string): number {
  const text = readFileSync(join(collectionsDir(), `${provider}.postman_collection.json`), 'utf8');
  return text.split('pm.test(').length - 1;
}

describe.each(providerIds)('%s Postman collection under Newman', (provider) => {
  it('passes every assertion against a fresh mock server, with every response inside the spec', async () => {
    const validator = createContractValidator([provider]);
    const [run] = await runCollections({ providers: [provider], mocks: { validator } });
    expect(run?.failures).toEqual([]);
    expect(run?.failedAssertions).toBe(0);
    expect(run?.assertions).toBe(assertionsIn(provider));
    expect(run?.assertions).toBeGreaterThan(20);
  });
});
