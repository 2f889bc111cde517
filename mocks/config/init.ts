/**
 * `authflow-mocks init`: a starter config holding the demo world (every provider, or the ones
 * named), in the config file's own vocabulary, with a `$schema` line for editors. The JSON
 * Schema itself is generated from the same zod schemas (`configJsonSchema`).
 */
import * as z from 'zod';
import { demoFixtures as backops } from '../providers/backops/config.js';
import { demoFixtures as eventbookings } from '../providers/eventbookings/config.js';
import { demoFixtures as eventix } from '../providers/eventix/config.js';
import { demoFixtures as teletracker } from '../providers/teletracker/config.js';
import { demoFixtures as tracx } from '../providers/tracx/config.js';
import { type AuthflowConfig, type ConfiguredProviderId, configSchema } from './schema.js';

/** Where the JSON Schema ships in the package, and the `$schema` a starter config names. */
export const schemaFile = 'schema/authflow-mocks.config.schema.json';
export const schemaRef = `./node_modules/authflow-mocks/${schemaFile}`;

/** The JSON Schema of the config file (what editors validate and complete against). */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://github.com/authflow-mocks/authflow-mocks/schema/authflow-mocks.config.schema.json',
    title: 'authflow-mocks config',
  };
}

/** The demo world of each provider, as config sections (`mode: replace`, so the file is the whole world). */
const demoSections: { [K in ConfiguredProviderId]: () => NonNullable<AuthflowConfig[K]> } = {
  eventbookings: () => ({
    mode: 'replace',
    organisations: eventbookings.organisations.map((o) => ({ ...o })),
    applications: eventbookings.applications.map((a) => ({
      ...a,
      scopes: [...a.scopes] as ('event.read' | 'event.create')[],
    })),
    events: eventbookings.events.map((e) => ({ ...e })),
  }),
  eventix: () => ({
    mode: 'replace',
    companies: eventix.companies.map((c) => ({ ...c })),
    users: eventix.users.map(({ guid, name, email, phone, companies, default_company_id }) => ({
      guid,
      name,
      email,
      phone,
      companies: [...companies],
      default_company_id,
    })),
    clients: eventix.clients.map((c) => ({ ...c, redirect_uris: [...c.redirect_uris] })),
    events: eventix.events.map(({ guid, company_id, name, description, start, end, status, currency, locale }) => ({
      guid,
      company_id,
      name,
      description,
      start,
      end,
      status,
      currency,
      locale,
    })),
    orders: eventix.orders.map(({ company_id: _c, ...o }) => o),
  }),
  tracx: () => ({
    mode: 'replace',
    connect_tokens: tracx.connectTokens.map((t) => ({
      ...t,
      permissions: [...t.permissions],
      event_ids: t.event_ids === null ? null : [...t.event_ids],
    })),
    events: tracx.events.map((e) => ({ ...e })),
    races: tracx.races.map((r) => ({ ...r })),
  }),
  backops: () => ({
    mode: 'replace',
    organizations: backops.organizations.map((o) => ({ ...o })),
    api_keys: backops.apiKeys.map((k) => ({ ...k, collaboratorIds: [...k.collaboratorIds] })),
    events: backops.events.map(({ id, organizationId, name, archived }) => ({ id, organizationId, name, archived })),
    areas: backops.areas.map((a) => ({ ...a })),
    collaborators: backops.collaborators.map((c) => ({ ...c })),
  }),
  teletracker: () => ({
    mode: 'replace',
    accounts: teletracker.accounts.map((a) => ({ ...a })),
    users: teletracker.users.map((u) => ({ ...u, accounts: [...u.accounts], permissions: [...u.permissions] })),
    calls: teletracker.calls.map((c) => ({ ...c })),
  }),
};

/** A starter config: the demo world of every provider, or of the ones named (then served alone). */
export function starterConfig(providers: readonly ConfiguredProviderId[] = []): AuthflowConfig {
  const ids = providers.length === 0 ? (Object.keys(demoSections) as ConfiguredProviderId[]) : providers;
  const config: Record<string, unknown> = { $schema: schemaRef, port: 4010, host: '127.0.0.1' };
  if (providers.length > 0) config.providers = [...ids];
  for (const id of ids) config[id] = demoSections[id]();
  return config as AuthflowConfig;
}
