/**
 * BackOps state: organizations, API keys, events, areas, collaborators and shifts in @msw/data;
 * the event, collaborator and area tokens in one core token store, so a token of the wrong kind
 * is recognised as such rather than as unknown.
 */
import { Collection } from '@msw/data';
import { z } from 'zod';
import { type Clock, createTokenStore } from '../../core/index.js';
import * as fixtures from './fixtures.js';

const organizationSchema = z.object({ id: z.string(), name: z.string() });
const apiKeySchema = z.object({
  id: z.string(),
  api_key: z.string(),
  name: z.string(),
  organizationId: z.string(),
  admin: z.boolean(),
  revoked: z.boolean(),
});
const attributeSchema = z.object({ name: z.string(), value: z.string() });
const eventSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  archived: z.boolean(),
  eventAttributes: z.array(attributeSchema),
  attributes: z.array(attributeSchema),
});
const areaSchema = z.object({ id: z.string(), eventId: z.string(), name: z.string() });
const collaboratorSchema = z.object({ id: z.string(), eventId: z.string(), name: z.string() });
const shiftSchema = z.object({
  areaId: z.string(),
  collaboratorId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});

export type ApiKey = z.infer<typeof apiKeySchema>;
export type EventRecord = z.infer<typeof eventSchema>;

/** What a token opens. Every token remembers the API key it was derived from (by id). */
export type TokenData =
  | { kind: 'event'; apiKeyId: string; eventId: string }
  | { kind: 'collaborator'; apiKeyId: string; eventId: string; collaboratorId: string }
  | { kind: 'area'; apiKeyId: string; eventId: string; areaId: string };

export function createState(clock: Clock) {
  const organizations = new Collection({ schema: organizationSchema });
  const apiKeys = new Collection({ schema: apiKeySchema });
  const events = new Collection({ schema: eventSchema });
  const areas = new Collection({ schema: areaSchema });
  const collaborators = new Collection({ schema: collaboratorSchema });
  const shifts = new Collection({ schema: shiftSchema });
  // Each API key's tokens count against that key only.
  const tokens = createTokenStore<TokenData>({ clock, ownerOf: (d) => d.apiKeyId });

  async function seed(): Promise<void> {
    for (const c of [organizations, apiKeys, events, areas, collaborators, shifts]) c.clear();
    tokens.clear();
    for (const o of fixtures.organizations) await organizations.create({ ...o });
    for (const k of fixtures.apiKeys) await apiKeys.create({ ...k, revoked: false });
    for (const e of fixtures.events) {
      await events.create({
        ...e,
        eventAttributes: e.eventAttributes.map((a) => ({ ...a })),
        attributes: e.attributes.map((a) => ({ ...a })),
      });
    }
    for (const a of fixtures.areas) await areas.create({ ...a });
    for (const c of fixtures.collaborators) await collaborators.create({ ...c });
    for (const s of fixtures.shifts) await shifts.create({ ...s });
  }

  return { organizations, apiKeys, events, areas, collaborators, shifts, tokens, seed };
}

export type State = ReturnType<typeof createState>;
