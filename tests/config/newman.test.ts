/** Newman runs the shipped collections with environments written from a custom config (the user's own credentials). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeMockEnvironments } from '../../mocks/config/environments.js';
import { fixturesOf } from '../../mocks/config/load.js';
import { parseConfig } from '../../mocks/config/schema.js';
import { createContractValidator } from '../../mocks/contract.js';
import { runCollections } from '../../mocks/tools/newman.js';

// Merge mode: the user's own entities take the roles the collection needs; the demo world
// keeps the rest (a foreign company, a user without report access, …).
const config = parseConfig({
  eventbookings: {
    organisations: [{ org_uuid: 'acme-org', name: 'Acme' }],
    applications: [
      {
        client_id: 'acme-writer',
        client_secret: 'acme-writer-secret',
        org_uuid: 'acme-org',
        scopes: ['event.read', 'event.create'],
      },
    ],
  },
  teletracker: {
    accounts: [
      { account_id: 7001, name: 'Acme North' },
      { account_id: 7002, name: 'Acme South' },
    ],
    users: [
      {
        guid: '66666666-6666-4666-8666-666666666666',
        username: 'ops@acme.example',
        password: 'acme-pass-2',
        accounts: [7001, 7002],
      },
    ],
    calls: [
      {
        call_id: 'acme-1',
        account_id: 7001,
        started_at: '2025-03-01T10:00:00Z',
        caller_number: '+155500001',
        tracking_number: '+18005550100',
        source: 'Web',
        duration_seconds: 60,
        status: 'answered' as const,
      },
      {
        call_id: 'acme-2',
        account_id: 7002,
        started_at: '2025-03-02T10:00:00Z',
        caller_number: '+155500002',
        tracking_number: '+18005550100',
        source: 'Web',
        duration_seconds: 60,
        status: 'answered' as const,
      },
    ],
  },
});

describe.each(['eventbookings', 'teletracker'])('%s collection with environments from a custom config', (provider) => {
  it('passes every assertion with the configured credentials', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authflow-env-'));
    const written = writeMockEnvironments(config, dir);
    expect(written).toHaveLength(2);
    const env = JSON.parse(readFileSync(join(dir, `${provider}.mock.postman_environment.json`), 'utf8'));
    const values = Object.fromEntries(env.values.map((v: { key: string; value: string }) => [v.key, v.value]));
    expect(values.client_id ?? values.username).toMatch(/^acme-writer$|^ops@acme\.example$/);
    const [run] = await runCollections({
      providers: [provider],
      environmentsDir: dir,
      mocks: { fixtures: fixturesOf(config), validator: createContractValidator([provider]) },
    });
    expect(run?.failures).toEqual([]);
    expect(run?.failedAssertions).toBe(0);
    const sent = JSON.stringify(run?.sent);
    expect(sent).toMatch(provider === 'eventbookings' ? /acme-org/ : /ops(%40|@)acme\.example/);
  });
});
