/**
 * EventBookings fixtures a user can configure (applications, organisations, events) and its
 * options, as zod schemas; the config file, `setupMocks({ fixtures })` and the control plane
 * read them. Field names are the vendor's (client_id, client_secret, org_uuid, event_uuid).
 */
import * as z from 'zod';
import type { PostmanVariables } from '../../core/define.js';
import { checkRef, checkUniqueKeys, crossChecked, fixtureSection, mergeById } from '../../core/fixture-config.js';
import * as demo from './fixtures.js';
import { type Application, type EventRecord, type Organisation, records } from './state.js';

const ttl = z.number().int().positive();

/** Every option: type, default and description (the README's options table is generated from it). */
export const options = z.strictObject({
  accessTokenTtlSeconds: ttl.default(3600).describe('Access-token lifetime in seconds. Documented: 3600.'),
  refreshTokenTtlSeconds: ttl
    .default(30 * 24 * 3600)
    .describe("Refresh-token lifetime in seconds. Inferred: IdentityServer's default absolute lifetime, 30 days."),
  issueRefreshToken: z
    .boolean()
    .default(true)
    .describe('Return a refresh token with client_credentials, as the vendor documents.'),
});

const organisation = z.strictObject({ ...records.organisation.shape, org_uuid: z.string().min(1) });
const application = z.strictObject({
  ...records.application.shape,
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  name: z.string().optional(),
  org_uuid: z.string().min(1).describe('The organisation the application belongs to.'),
  scopes: z.array(z.enum(['event.read', 'event.create'])).default(['event.read']),
});
const event = z.strictObject({
  ...records.event.shape,
  event_uuid: z.string().min(1),
  org_uuid: z.string().min(1),
  ends_at: z.string().nullable().default(null),
  status: z.enum(['draft', 'published']).default('published'),
});

/** What the state seeds from: the records of `state.ts`. */
export interface EventBookingsFixtureSet {
  organisations: readonly Organisation[];
  applications: readonly Application[];
  events: readonly EventRecord[];
}

export const demoFixtures: EventBookingsFixtureSet = {
  organisations: demo.organisations,
  applications: demo.applications,
  events: demo.events,
};

export const sectionSchema = fixtureSection(options, {
  organisations: organisation,
  applications: application,
  events: event,
});
export const configSchema = crossChecked(sectionSchema, crossCheck);
export type EventBookingsConfig = z.output<typeof sectionSchema>;

export function toFixtureSet(
  config: Omit<EventBookingsConfig, 'options'>,
  base: EventBookingsFixtureSet = demoFixtures,
): EventBookingsFixtureSet {
  const from = config.mode === 'replace' ? { organisations: [], applications: [], events: [] } : base;
  return {
    organisations: mergeById(from.organisations, config.organisations, 'org_uuid'),
    applications: mergeById(
      from.applications,
      config.applications?.map((a) => ({ ...a, name: a.name ?? a.client_id })),
      'client_id',
    ),
    events: mergeById(from.events, config.events, 'event_uuid'),
  };
}

export function crossCheck(config: EventBookingsConfig, ctx: z.RefinementCtx, base = demoFixtures): void {
  checkUniqueKeys(ctx, config, { organisations: ['org_uuid'], applications: ['client_id'], events: ['event_uuid'] });
  const world = toFixtureSet(config, base);
  const orgs = new Set(world.organisations.map((o) => o.org_uuid));
  config.applications?.forEach(
    (a, i) => void checkRef(ctx, orgs, a.org_uuid, ['applications', i, 'org_uuid'], 'organisation'),
  );
  config.events?.forEach((e, i) => void checkRef(ctx, orgs, e.org_uuid, ['events', i, 'org_uuid'], 'organisation'));
}

export function starterSection(): z.input<typeof configSchema> {
  return {
    mode: 'replace',
    organisations: demoFixtures.organisations.map((o) => ({ ...o })),
    applications: demoFixtures.applications.map((a) => ({
      ...a,
      scopes: [...a.scopes] as ('event.read' | 'event.create')[],
    })),
    events: demoFixtures.events.map((e) => ({ ...e })),
  };
}

/** The Postman variables a fixture set names: a writing and a read-only application, and their organisation. */
export function postmanVariables(set: EventBookingsFixtureSet): PostmanVariables {
  const writer = set.applications.find((a) => a.scopes.includes('event.create')) ?? set.applications[0];
  const reader = set.applications.find((a) => !a.scopes.includes('event.create'));
  return {
    client_id: writer?.client_id,
    client_secret: writer?.client_secret,
    readonly_id: reader?.client_id,
    readonly_secret: reader?.client_secret,
    org_uuid: writer?.org_uuid,
  };
}
