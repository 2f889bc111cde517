/**
 * Tracx fixtures a user can configure (connect tokens with their permissions and event scope,
 * events, races) and its options, as zod schemas; the config file, `setupMocks({ fixtures })`
 * and the control plane read them.
 */
import * as z from 'zod';
import { checkRef, checkUnique, fixtureModeSchema, mergeById } from '../../core/fixture-config.js';
import * as demo from './fixtures.js';
import { type ConnectToken, type Race, records, type TracxEvent } from './state.js';

const positiveInt = z.number().int().positive();
const stamp = '2025-01-01 00:00:00';

export const optionsSchema = z.strictObject({
  sessionTokenTtlSeconds: positiveInt.optional().describe('Session-token lifetime in seconds. Default 3600.'),
  revokeEndsSessions: z
    .boolean()
    .optional()
    .describe('Whether revoking a connect token ends its session tokens. Default true.'),
  batchDelaySeconds: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('Seconds before a queued import is visible. Default 5.'),
  maxQueuedParticipantsPerEvent: positiveInt.optional().describe('Import-queue cap per event. Default 10000.'),
  maxParticipantsPerEvent: positiveInt.optional().describe('Participants per event, stored or queued. Default 10000.'),
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

export const sectionSchema = z.strictObject({
  mode: fixtureModeSchema.optional(),
  options: optionsSchema.optional(),
  connect_tokens: z.array(connectToken).optional(),
  events: z.array(event).optional(),
  races: z.array(race).optional(),
});
export type TracxConfig = z.output<typeof sectionSchema>;

/** The fixture set for a parsed section: the demo world plus it (merge, the default) or it alone. */
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
  checkUnique(ctx, config.connect_tokens, 'id', 'connect_tokens');
  checkUnique(ctx, config.connect_tokens, 'connect_token', 'connect_tokens');
  checkUnique(ctx, config.events, 'id', 'events');
  checkUnique(ctx, config.races, 'id', 'races');
  const world = toFixtureSet(config, base);
  const events = new Set(world.events.map((e) => e.id));
  config.connect_tokens?.forEach((t, i) => {
    t.event_ids?.forEach((id, j) => void checkRef(ctx, events, id, ['connect_tokens', i, 'event_ids', j], 'event'));
  });
  config.races?.forEach((r, i) => void checkRef(ctx, events, r.event_id, ['races', i, 'event_id'], 'event'));
}

/** The provider's section of the config file, cross-references checked. */
export const configSchema = sectionSchema.superRefine((config, ctx) => crossCheck(config, ctx));
