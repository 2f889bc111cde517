/**
 * BackOps state: organizations, API keys, attribute definitions, events, areas, collaborators,
 * crew, activities and organization users in @msw/data; the organization, event, collaborator
 * and area tokens in one core token store, so a token of the wrong kind is recognised as such
 * rather than as unknown.
 */
import * as z from 'zod';
import { type Clock, collection, createTokenStore, type SnapshotParts, snapshotParts } from '../../core/index.js';
import type { BackOpsFixtureSet } from './config.js';

/*
 * The records: each entity's fields described once, here. `fixtures.ts` types its demo data with
 * them, and `config.ts` builds what a user may configure from them (non-empty ids, defaults).
 */
const organizationSchema = z.object({ id: z.string(), name: z.string(), personal: z.boolean() });
const apiKeySchema = z.object({
  /** Stable handle for the key; tokens remember it instead of the secret. */
  id: z.string(),
  api_key: z.string(),
  name: z.string(),
  organizationId: z.string(),
  /** Admin permission (EventAdmin on the organization's events, OrganizationAdmin on it). */
  admin: z.boolean(),
  /** The collaborators the key's user is crew of (the `collaborator` of Get Events). */
  collaboratorIds: z.array(z.string()),
  /** Set when the key is revoked at run time; never configured. */
  revoked: z.boolean(),
});
const attributeDefinitionSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  type: z.string(),
  isRequired: z.boolean(),
  options: z.array(z.object({ id: z.string(), value: z.string(), color: z.string() })),
});
const eventSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  archived: z.boolean(),
  attributes: z.array(z.object({ attributeId: z.string(), value: z.string() })),
});
const areaSchema = z.object({ id: z.string(), eventId: z.string(), name: z.string() });
const collaboratorSchema = z.object({ id: z.string(), eventId: z.string(), name: z.string() });
const crewSchema = z.object({
  id: z.string(),
  collaboratorId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phoneNumber: z.string(),
  title: z.string(),
  isPointOfContact: z.boolean(),
  connectedUserId: z.string().nullable(),
});
const activitySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  exactLocation: z.string(),
  startDateTime: z.string(),
  endDateTime: z.string(),
  areaIds: z.array(z.string()),
  collaboratorIds: z.array(z.string()),
});
const organizationUserSchema = z.object({
  organizationId: z.string(),
  email: z.string(),
  status: z.enum(['member', 'invited']),
});

/** The record schemas, for `config.ts` to build the configurable entities from. */
export const records = {
  organization: organizationSchema,
  apiKey: apiKeySchema,
  event: eventSchema,
  area: areaSchema,
  collaborator: collaboratorSchema,
};

export type Organization = z.infer<typeof organizationSchema>;
export type ApiKey = z.infer<typeof apiKeySchema>;
export type EventRecord = z.infer<typeof eventSchema>;
export type Area = z.infer<typeof areaSchema>;
export type Collaborator = z.infer<typeof collaboratorSchema>;
export type AttributeDefinition = z.infer<typeof attributeDefinitionSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type CrewMember = z.infer<typeof crewSchema>;

/** What a token opens. Every token remembers the API key it was derived from (by id). */
export type TokenData =
  | { kind: 'organization'; apiKeyId: string; organizationId: string }
  | { kind: 'event'; apiKeyId: string; eventId: string }
  | { kind: 'collaborator'; apiKeyId: string; eventId: string; collaboratorId: string }
  | { kind: 'area'; apiKeyId: string; eventId: string; areaId: string };

/** `world`: the fixture set to seed from, read at every seed (the demo world unless a config names another). */
export function createState(clock: Clock, world: () => BackOpsFixtureSet) {
  const organizations = collection(organizationSchema);
  const apiKeys = collection(apiKeySchema);
  const attributeDefinitions = collection(attributeDefinitionSchema);
  const events = collection(eventSchema);
  const areas = collection(areaSchema);
  const collaborators = collection(collaboratorSchema);
  const crew = collection(crewSchema);
  const activities = collection(activitySchema);
  const organizationUsers = collection(organizationUserSchema);
  // Each API key's tokens count against that key only.
  const tokens = createTokenStore<TokenData>({ clock, ownerOf: (d) => d.apiKeyId });
  const collections = {
    organizations,
    apiKeys,
    attributeDefinitions,
    events,
    areas,
    collaborators,
    crew,
    activities,
    organizationUsers,
  };

  let eventsById = new Map<string, EventRecord>();
  let definitionsByOrganization = new Map<string, AttributeDefinition[]>();

  async function seed(): Promise<void> {
    const fixtures = world();
    for (const c of Object.values(collections)) c.clear();
    tokens.clear();
    for (const o of fixtures.organizations) await organizations.create({ ...o });
    for (const k of fixtures.apiKeys) {
      await apiKeys.create({ ...k, collaboratorIds: [...k.collaboratorIds], revoked: false });
    }
    for (const d of fixtures.attributeDefinitions) {
      await attributeDefinitions.create({ ...d, options: d.options.map((o) => ({ ...o })) });
    }
    for (const e of fixtures.events) await events.create({ ...e, attributes: e.attributes.map((a) => ({ ...a })) });
    for (const a of fixtures.areas) await areas.create({ ...a });
    for (const c of fixtures.collaborators) await collaborators.create({ ...c });
    for (const m of fixtures.crew) await crew.create({ ...m });
    for (const a of fixtures.activities) {
      await activities.create({ ...a, areaIds: [...a.areaIds], collaboratorIds: [...a.collaboratorIds] });
    }
    for (const u of fixtures.organizationUsers) await organizationUsers.create({ ...u });
    // Nothing changes events or attribute definitions after seeding: hot reads use these indexes.
    eventsById = new Map(events.all().map((e) => [e.id, e]));
    definitionsByOrganization = new Map();
    for (const d of attributeDefinitions.all()) {
      const list = definitionsByOrganization.get(d.organizationId) ?? [];
      list.push(d);
      definitionsByOrganization.set(d.organizationId, list);
    }
  }

  /** Mutable state as plain values, so a test can prove a refused request changed nothing. */
  const snapshot = (): SnapshotParts => snapshotParts(collections, { tokens });

  return {
    ...collections,
    tokens,
    seed,
    snapshot,
    eventById: (id: string) => eventsById.get(id),
    /** An organization's attribute definitions, in fixture order. */
    definitionsOf: (organizationId: string): readonly AttributeDefinition[] =>
      definitionsByOrganization.get(organizationId) ?? [],
  };
}

export type State = ReturnType<typeof createState>;
