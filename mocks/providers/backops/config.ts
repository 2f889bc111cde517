/**
 * BackOps fixtures a user can configure (organizations, API keys with or without admin, events
 * archived or not, areas, collaborators) and its options, as zod schemas; the config file,
 * `setupMocks({ fixtures })` and the control plane read them. Field names are the vendor's
 * (organizationId, eventId, collaboratorIds).
 */
import * as z from 'zod';
import type { PostmanVariables } from '../../core/define.js';
import { checkRef, checkUnique, crossChecked, fixtureSection, mergeById } from '../../core/fixture-config.js';
import * as demo from './fixtures.js';
import {
  type Activity,
  type ApiKey,
  type Area,
  type AttributeDefinition,
  type Collaborator,
  type CrewMember,
  type EventRecord,
  type Organization,
  records,
} from './state.js';

const ttl = z.number().int().positive();

/** Every option: type, default and description (the README's options table is generated from it). */
export const options = z.strictObject({
  organizationTokenTtlSeconds: ttl
    .default(8 * 3600)
    .describe('Organization-token lifetime in seconds. Undocumented; inferred default 8 hours.'),
  eventTokenTtlSeconds: ttl
    .default(8 * 3600)
    .describe('Event-token lifetime in seconds. Undocumented; inferred default 8 hours.'),
  collaboratorTokenTtlSeconds: ttl
    .default(8 * 3600)
    .describe('Collaborator-token lifetime in seconds. Undocumented; inferred default 8 hours.'),
  areaTokenTtlSeconds: ttl
    .default(8 * 3600)
    .describe('Area-token lifetime in seconds. Undocumented; inferred default 8 hours.'),
  collaboratorTokensRequired: z
    .boolean()
    .default(true)
    .describe(
      'Whether the `/collaborators/{collaboratorId}/...` calls need the event and collaborator tokens besides ' +
        'the key. The Get Tokens page says so; the endpoint pages list only the key. true is the stricter ' +
        'reading; false answers them with the key alone.',
    ),
});

const id = z.string().min(1);
const organization = z.strictObject({ ...records.organization.shape, id, personal: z.boolean().default(false) });
const apiKey = z.strictObject({
  ...records.apiKey.omit({ revoked: true }).shape,
  id: id.describe('A stable handle for the key (tokens remember it instead of the secret).'),
  api_key: z.string().min(8),
  name: z.string().optional(),
  organizationId: id,
  admin: z.boolean().default(false),
  collaboratorIds: z.array(id).default([]).describe("Collaborators the key's user is crew of."),
});
const event = z.strictObject({
  ...records.event.omit({ attributes: true }).shape,
  id,
  organizationId: id,
  archived: z.boolean().default(false),
});
const area = z.strictObject({ ...records.area.shape, id, eventId: id });
const collaborator = z.strictObject({ ...records.collaborator.shape, id, eventId: id });

/** What the state seeds from: the records of `state.ts`. */
export interface BackOpsFixtureSet {
  organizations: readonly Organization[];
  apiKeys: readonly Omit<ApiKey, 'revoked'>[];
  attributeDefinitions: readonly AttributeDefinition[];
  events: readonly EventRecord[];
  areas: readonly Area[];
  collaborators: readonly Collaborator[];
  crew: readonly CrewMember[];
  activities: readonly Activity[];
  organizationUsers: readonly (typeof demo.organizationUsers)[number][];
  existingAccounts: readonly string[];
  blockedEmails: readonly string[];
}

export const demoFixtures: BackOpsFixtureSet = {
  organizations: demo.organizations,
  apiKeys: demo.apiKeys,
  attributeDefinitions: demo.attributeDefinitions,
  events: demo.events,
  areas: demo.areas,
  collaborators: demo.collaborators,
  crew: demo.crew,
  activities: demo.activities,
  organizationUsers: demo.organizationUsers,
  existingAccounts: demo.existingAccounts,
  blockedEmails: demo.blockedEmails,
};

export const sectionSchema = fixtureSection(options, {
  organizations: organization,
  api_keys: apiKey,
  events: event,
  areas: area,
  collaborators: collaborator,
});
export const configSchema = crossChecked(sectionSchema, crossCheck);
export type BackOpsConfig = z.output<typeof sectionSchema>;

const empty: BackOpsFixtureSet = {
  organizations: [],
  apiKeys: [],
  attributeDefinitions: [],
  events: [],
  areas: [],
  collaborators: [],
  crew: [],
  activities: [],
  organizationUsers: [],
  existingAccounts: [],
  blockedEmails: demo.blockedEmails,
};

export function toFixtureSet(config: Omit<BackOpsConfig, 'options'>, base = demoFixtures): BackOpsFixtureSet {
  const from = config.mode === 'replace' ? empty : base;
  return {
    ...from,
    organizations: mergeById(from.organizations, config.organizations, 'id'),
    apiKeys: mergeById(
      from.apiKeys,
      config.api_keys?.map((k) => ({ ...k, name: k.name ?? k.id })),
      'id',
    ),
    events: mergeById(
      from.events,
      config.events?.map((e) => ({ ...e, attributes: [] as { attributeId: string; value: string }[] })),
      'id',
    ),
    areas: mergeById(from.areas, config.areas, 'id'),
    collaborators: mergeById(from.collaborators, config.collaborators, 'id'),
  };
}

export function crossCheck(config: BackOpsConfig, ctx: z.RefinementCtx, base = demoFixtures): void {
  for (const key of ['organizations', 'api_keys', 'events', 'areas', 'collaborators'] as const) {
    checkUnique<{ id: string }>(ctx, config[key], 'id', key);
  }
  checkUnique(ctx, config.api_keys, 'api_key', 'api_keys');
  const world = toFixtureSet(config, base);
  const orgs = new Set(world.organizations.map((o) => o.id));
  const events = new Set(world.events.map((e) => e.id));
  const collaborators = new Set(world.collaborators.map((c) => c.id));
  config.api_keys?.forEach((k, i) => {
    checkRef(ctx, orgs, k.organizationId, ['api_keys', i, 'organizationId'], 'organization');
    k.collaboratorIds.forEach(
      (c, j) => void checkRef(ctx, collaborators, c, ['api_keys', i, 'collaboratorIds', j], 'collaborator'),
    );
  });
  config.events?.forEach(
    (e, i) => void checkRef(ctx, orgs, e.organizationId, ['events', i, 'organizationId'], 'organization'),
  );
  config.areas?.forEach((a, i) => void checkRef(ctx, events, a.eventId, ['areas', i, 'eventId'], 'event'));
  config.collaborators?.forEach(
    (c, i) => void checkRef(ctx, events, c.eventId, ['collaborators', i, 'eventId'], 'event'),
  );
}

export function starterSection(): z.input<typeof configSchema> {
  return {
    mode: 'replace',
    organizations: demoFixtures.organizations.map((o) => ({ ...o })),
    api_keys: demoFixtures.apiKeys.map((k) => ({ ...k, collaboratorIds: [...k.collaboratorIds] })),
    events: demoFixtures.events.map(({ id, organizationId, name, archived }) => ({
      id,
      organizationId,
      name,
      archived,
    })),
    areas: demoFixtures.areas.map((a) => ({ ...a })),
    collaborators: demoFixtures.collaborators.map((c) => ({ ...c })),
  };
}

/** The Postman variables a fixture set names: an admin and a staff key of one organization, its events, an area and a collaborator. */
export function postmanVariables(set: BackOpsFixtureSet): PostmanVariables {
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
}
