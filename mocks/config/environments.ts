/**
 * Mock Postman environments for a configured world: the shipped mock environment of each
 * provider, with the variables that name credentials and ids taken from the config's world
 * (its own entities first, then the world they merge into, by role), and `mockServer` from its
 * host and port. Variables the
 * config has no entity for keep their demo values (in merge mode the demo world still has them).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackOpsFixtureSet } from '../providers/backops/config.js';
import type { EventBookingsFixtureSet } from '../providers/eventbookings/config.js';
import type { EventixFixtureSet } from '../providers/eventix/config.js';
import type { TeleTrackerFixtureSet } from '../providers/teletracker/config.js';
import type { TracxFixtureSet } from '../providers/tracx/config.js';
import { fixturesOf } from './load.js';
import { type ConfiguredProviderId, type ParsedConfig, providerConfigs } from './schema.js';

type Vars = Record<string, string | number | undefined>;

/** The shipped `collections/` folder (in the repository and in the installed package). */
export function shippedCollectionsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'collections', 'eventix.mock.postman_environment.json'))) return join(dir, 'collections');
    dir = dirname(dir);
  }
  throw new Error('The collections folder is missing from the package.');
}

/** Per provider: the environment variables its configured world names. */
const variablesOf: { [K in ConfiguredProviderId]: (set: never) => Vars } = {
  eventbookings: (set: EventBookingsFixtureSet) => {
    const writer = set.applications.find((a) => a.scopes.includes('event.create')) ?? set.applications[0];
    const reader = set.applications.find((a) => !a.scopes.includes('event.create'));
    return {
      client_id: writer?.client_id,
      client_secret: writer?.client_secret,
      readonly_id: reader?.client_id,
      readonly_secret: reader?.client_secret,
      org_uuid: writer?.org_uuid,
    };
  },
  eventix: (set: EventixFixtureSet) => {
    const client = set.clients[0];
    const user = set.users.find((u) => u.guid === client?.default_user);
    const companyA = user?.default_company_id;
    return {
      client_id: client?.client_id,
      client_secret: client?.client_secret,
      redirect_uri: client?.redirect_uris[0],
      company_a: companyA,
      company_b: user?.companies.find((c) => c !== companyA),
      foreign_company: set.companies.find((c) => !user?.companies.includes(c.guid))?.guid,
      example_event: set.events.find((e) => e.company_id === companyA)?.guid,
    };
  },
  tracx: (set: TracxFixtureSet) => {
    const full = set.connectTokens.find((t) => t.event_ids === null && t.permissions.length === set.permissions.length);
    const scoped = set.connectTokens.find((t) => t.event_ids !== null && t.event_ids.length > 0);
    const event = set.events[0];
    const scopedEvent = scoped?.event_ids?.[0];
    return {
      connect_token: full?.connect_token,
      event_connect_token: scoped?.connect_token,
      event_id: event?.id,
      race_id: set.races.find((r) => r.event_id === event?.id)?.id,
      scoped_event_id: scopedEvent,
      scoped_race_id: set.races.find((r) => r.event_id === scopedEvent)?.id,
    };
  },
  backops: (set: BackOpsFixtureSet) => {
    const admin = set.apiKeys.find((k) => k.admin);
    const org = admin?.organizationId;
    const live = set.events.filter((e) => e.organizationId === org && !e.archived);
    const event = live[0];
    return {
      api_key: admin?.api_key,
      staff_api_key: set.apiKeys.find((k) => !k.admin && k.organizationId === org)?.api_key,
      organizationId: org,
      eventId: event?.id,
      otherEventId: live[1]?.id,
      archivedEventId: set.events.find((e) => e.organizationId === org && e.archived)?.id,
      areaId: set.areas.find((a) => a.eventId === event?.id)?.id,
      collaboratorId: set.collaborators.find((c) => c.eventId === event?.id)?.id,
    };
  },
  teletracker: (set: TeleTrackerFixtureSet) => {
    const user = set.users.find((u) => u.permissions.includes('reports'));
    return {
      username: user?.username,
      password: user?.password,
      userGuid: user?.guid,
      defaultAccountId: user?.default_account_id,
      secondAccountId: user?.accounts.find((a) => a !== user.default_account_id),
    };
  },
};

interface Environment {
  name: string;
  values: { key: string; value: string; [k: string]: unknown }[];
  [k: string]: unknown;
}

/** The mock environments of a config's world, by provider (configured providers only). */
export function mockEnvironments(config: ParsedConfig, demoDir = shippedCollectionsDir()): Map<string, Environment> {
  const sections = fixturesOf(config);
  const ids = (Object.keys(providerConfigs) as ConfiguredProviderId[]).filter(
    (id) => (config.providers === undefined || config.providers.includes(id)) && sections[id] !== undefined,
  );
  const server = `http://${config.host ?? '127.0.0.1'}:${config.port ?? 4010}`;
  const out = new Map<string, Environment>();
  for (const id of ids) {
    const module = providerConfigs[id] as unknown as { toFixtureSet(config: unknown): unknown };
    // The user's own entities first (as if alone), then the world they are merged into.
    const own = variablesOf[id](module.toFixtureSet({ ...sections[id], mode: 'replace' }) as never);
    const world = variablesOf[id](module.toFixtureSet(sections[id]) as never);
    const vars: Vars = { ...world, mockServer: server };
    for (const [key, value] of Object.entries(own)) if (value !== undefined) vars[key] = value;
    const env = JSON.parse(readFileSync(join(demoDir, `${id}.mock.postman_environment.json`), 'utf8')) as Environment;
    env.name = `${env.name} (your config)`;
    env.values = env.values.map((v) => {
      const mine = vars[v.key];
      return mine === undefined ? v : { ...v, value: String(mine) };
    });
    out.set(id, env);
  }
  return out;
}

/** Writes `<id>.mock.postman_environment.json` per configured provider into `dir`; answers the files. */
export function writeMockEnvironments(config: ParsedConfig, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return [...mockEnvironments(config)].map(([id, env]) => {
    const file = join(dir, `${id}.mock.postman_environment.json`);
    writeFileSync(file, `${JSON.stringify(env, null, 2)}\n`);
    return file;
  });
}
