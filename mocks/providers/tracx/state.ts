/**
 * Tracx state: connect tokens, events, races and participants in @msw/data; queued imports in a
 * list; session tokens are JWTs from core (stateless: the signing key is the only state).
 */
import { Collection } from '@msw/data';
import { z } from 'zod';
import { type Clock, createJwtIssuer, type JwtIssuer } from '../../core/index.js';
import * as fixtures from './fixtures.js';

const connectTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  connect_token: z.string(),
  permissions: z.array(z.string()),
  event_ids: z.array(z.number().int()).nullable(),
  revoked: z.boolean(),
});
const eventSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
const raceSchema = z.object({
  id: z.number().int(),
  event_id: z.number().int(),
  name: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
/** The documented values of `gender` and `state` (validation reads them too). */
export const genders = ['male', 'female', 'neutral'] as const;
export const participantStates = [
  'before',
  'during',
  'paused',
  'resumed',
  'after',
  'finished',
  'did_not_finish',
  'disqualified',
  'did_not_start',
] as const;
const genderSchema = z.enum(genders).nullable();
const participantStateSchema = z.enum(participantStates).nullable();
const participantSchema = z.object({
  id: z.number().int(),
  unique_id: z.string(),
  start_number: z.string().nullable(),
  chip_code: z.string().nullable(),
  event_id: z.number().int(),
  race_id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  full_name: z.string(),
  country_code: z.string().nullable(),
  team_name: z.string().nullable(),
  date_of_birth: z.string(),
  gender: genderSchema,
  state: participantStateSchema,
  created_at: z.string(),
  updated_at: z.string(),
});

export type ConnectToken = z.infer<typeof connectTokenSchema>;
export type Participant = z.infer<typeof participantSchema>;
/** What a client sends for one participant, once validated. */
export type ParticipantInput = Omit<Participant, 'id' | 'event_id' | 'full_name' | 'created_at' | 'updated_at'>;

/** A queued import (store-multiple): applied once the clock reaches `availableAt`. */
export interface ImportBatch {
  batchId: string;
  eventId: number;
  acceptedAt: number;
  availableAt: number;
  participants: ParticipantInput[];
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, as the docs print timestamps. */
export function timestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function createState(clock: Clock) {
  const connectTokens = new Collection({ schema: connectTokenSchema });
  const events = new Collection({ schema: eventSchema });
  const races = new Collection({ schema: raceSchema });
  const participants = new Collection({ schema: participantSchema });
  const batches: ImportBatch[] = [];
  const newIssuer = () => createJwtIssuer({ clock, issuer: 'https://api.tracx.events' });
  // A fresh key on every reset, so session tokens from before a reset are refused.
  let jwt: JwtIssuer = newIssuer();
  let nextParticipantId = 1;

  /** Inserts or updates (same event, same unique_id); true when inserted. */
  async function upsert(eventId: number, input: ParticipantInput, at: number): Promise<Participant> {
    const now = timestamp(at);
    const fullName = `${input.first_name} ${input.last_name}`;
    const existing = participants.findFirst((q) => q.where({ event_id: eventId, unique_id: input.unique_id }));
    if (existing !== undefined) {
      const updated = await participants.update(existing, {
        data(draft) {
          Object.assign(draft, input, { full_name: fullName, updated_at: now });
        },
      });
      return { ...(updated ?? existing) };
    }
    const created = await participants.create({
      ...input,
      id: nextParticipantId++,
      event_id: eventId,
      full_name: fullName,
      created_at: now,
      updated_at: now,
    });
    return { ...created };
  }

  /** Runs every queued import whose time has come (the mock's stand-in for Tracx's queue worker). */
  async function settle(): Promise<void> {
    const now = clock.now();
    const due = batches.filter((b) => b.availableAt <= now).sort((a, b) => a.availableAt - b.availableAt);
    if (due.length === 0) return;
    for (const batch of due) {
      batches.splice(batches.indexOf(batch), 1);
      for (const input of batch.participants) await upsert(batch.eventId, input, batch.availableAt);
    }
  }

  async function seed(): Promise<void> {
    connectTokens.clear();
    events.clear();
    races.clear();
    participants.clear();
    batches.length = 0;
    nextParticipantId = 1;
    jwt = newIssuer();
    for (const t of fixtures.connectTokens) {
      await connectTokens.create({
        ...t,
        permissions: [...t.permissions],
        event_ids: t.event_ids === null ? null : [...t.event_ids],
        revoked: false,
      });
    }
    for (const e of fixtures.events) await events.create({ ...e });
    for (const r of fixtures.races) await races.create({ ...r });
  }

  return {
    connectTokens,
    events,
    races,
    participants,
    batches,
    jwt: () => jwt,
    upsert,
    settle,
    seed,
  };
}

export type State = ReturnType<typeof createState>;
