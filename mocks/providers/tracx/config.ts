/**
 * Tracx fixtures a user can configure (connect tokens with their permissions and event scope,
 * events, races) and its options, as zod schemas; the config file, `setupMocks({ fixtures })`
 * and the control plane read them.
 */
import * as z from 'zod';
import type { PostmanVariables } from '../../core/define.js';
import { checkRef, checkUniqueKeys, crossChecked, fixtureSection, mergeById } from '../../core/fixture-config.js';
import * as demo from './fixtures.js';
import { type ConnectToken, type Race, records, type TracxEvent } from './state.js';

const positiveInt = z.number().int().positive();
const stamp = '2025-01-01 00:00:00';

/** Every option: type, default and description (the README's options table is generated from it). */
export const options = z.strictObject({
  sessionTokenTtlSeconds: positiveInt
    .default(3600)
    .describe('Session-token lifetime in seconds. Inferred default: 3600 (the docs say "a set time").'),
  revokeEndsSessions: z
    .boolean()
    .default(true)
    .describe(
      'Whether revoking a connect token also ends the session tokens it issued. Inferred default: true (a ' +
        "Laravel JWT guard resolves the token's subject on every request, so a deleted connect token fails " +
        'it); false models a purely stateless verifier.',
    ),
  batchDelaySeconds: z
    .number()
    .int()
    .nonnegative()
    .default(5)
    .describe(
      'Clock seconds after which a queued import (store-multiple) is visible; 0 means "from the next request on".',
    ),
  maxQueuedParticipantsPerEvent: positiveInt
    .default(10_000)
    .describe(
      "Most participants waiting in one event's import queue (accepted by store-multiple, not yet applied). " +
        'Inferred default: 10,000; a batch that would pass it is refused with a 422.',
    ),
  maxParticipantsPerEvent: positiveInt
    .default(10_000)
    .describe(
      'Most participants one event holds, stored or queued (distinct unique_ids). Inferred default: 10,000 ' +
        "(so an event's listing stays a few megabytes); a store that would pass it is refused with a 422.",
    ),
});

const connectToken = z.strictObject({
  ...records.connectToken.omit({ revoked: true }).shape,
  id: positiveInt,
  name: z.string().optional(),
  connect_token: z.string().min(8),
  permissions: z.array(z.enum(demo.permissions)).default([...demo.permissions]),
  event_ids: z.array(positiveInt).nullable().default(null).describe('Events the token may see; null for every event.'),
});
const event = z.strictObject({
  ...records.event.shape,
  id: positiveInt,
  created_at: z.string().default(stamp),
  updated_at: z.string().default(stamp),
});
const race = event.extend({ event_id: positiveInt });

/** What the state seeds from: the records of `state.ts`. */
export interface TracxFixtureSet {
  connectTokens: readonly Omit<ConnectToken, 'revoked'>[];
  events: readonly TracxEvent[];
  races: readonly Race[];
  permissions: readonly demo.Permission[];
}

export const demoFixtures: TracxFixtureSet = {
  connectTokens: demo.connectTokens,
  events: demo.events,
  races: demo.races,
  permissions: demo.permissions,
};

export const sectionSchema = fixtureSection(options, { connect_tokens: connectToken, events: event, races: race });
export const configSchema = crossChecked(sectionSchema, crossCheck);
export type TracxConfig = z.output<typeof sectionSchema>;

export function toFixtureSet(config: Omit<TracxConfig, 'options'>, base = demoFixtures): TracxFixtureSet {
  const from = config.mode === 'replace' ? { ...base, connectTokens: [], events: [], races: [] } : base;
  return {
    connectTokens: mergeById(
      from.connectTokens,
      config.connect_tokens?.map((t) => ({ ...t, name: t.name ?? `connect token ${t.id}` })),
      'id',
    ),
    events: mergeById(from.events, config.events, 'id'),
    races: mergeById(from.races, config.races, 'id'),
    permissions: demo.permissions,
  };
}

export function crossCheck(config: TracxConfig, ctx: z.RefinementCtx, base = demoFixtures): void {
  checkUniqueKeys(ctx, config, { connect_tokens: ['id', 'connect_token'], events: ['id'], races: ['id'] });
  const world = toFixtureSet(config, base);
  const events = new Set(world.events.map((e) => e.id));
  config.connect_tokens?.forEach((t, i) => {
    t.event_ids?.forEach((id, j) => void checkRef(ctx, events, id, ['connect_tokens', i, 'event_ids', j], 'event'));
  });
  config.races?.forEach((r, i) => void checkRef(ctx, events, r.event_id, ['races', i, 'event_id'], 'event'));
}

export function starterSection(): z.input<typeof configSchema> {
  return {
    mode: 'replace',
    connect_tokens: demoFixtures.connectTokens.map((t) => ({
      ...t,
      permissions: [...t.permissions],
      event_ids: t.event_ids === null ? null : [...t.event_ids],
    })),
    events: demoFixtures.events.map((e) => ({ ...e })),
    races: demoFixtures.races.map((r) => ({ ...r })),
  };
}

/** The Postman variables a fixture set names: a full and an event-scoped connect token, and their events and races. */
export function postmanVariables(set: TracxFixtureSet): PostmanVariables {
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
}
