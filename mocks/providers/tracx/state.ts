/**
 * Tracx state: connect tokens, events and races in @msw/data; participants in indexed maps (an
 * import of thousands is applied in linear time); queued imports in a list, applied in slices
 * across event-loop turns; session tokens are JWTs from core (stateless: the signing key is the
 * only state).
 */
import * as z from 'zod';
import {
  type Clock,
  collection,
  createJwtIssuer,
  createSlicer,
  type JwtIssuer,
  refuseInDryRun,
  type SnapshotParts,
  snapshotParts,
} from '../../core/index.js';
import type { TracxFixtureSet } from './config.js';
import { permissions } from './fixtures.js';

/*
 * The records: each entity's fields described once, here. `fixtures.ts` types its demo data with
 * them, and `config.ts` builds what a user may configure from them (positive ids, defaults).
 */
const connectTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  connect_token: z.string(),
  permissions: z.array(z.enum(permissions)),
  /** The events the token may see; `null` for every event. */
  event_ids: z.array(z.number().int()).nullable(),
  /** Set when the token is revoked at run time; never configured. */
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
/** The shape of a stored participant (the type; participants live in maps, not @msw/data). */
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

/** The record schemas, for `config.ts` to build the configurable entities from. */
export const records = { connectToken: connectTokenSchema, event: eventSchema };

export type ConnectToken = z.infer<typeof connectTokenSchema>;
export type TracxEvent = z.infer<typeof eventSchema>;
export type Race = z.infer<typeof raceSchema>;
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

/**
 * Participants indexed by id (insertion order is id order) and by event and unique_id, so a
 * lookup, an upsert and an event's listing never scan other participants. `findMany` lets the
 * state snapshot read it like an @msw/data collection.
 */
function createParticipantTable() {
  const byId = new Map<number, Participant>();
  const byEvent = new Map<number, Map<string, Participant>>();
  return {
    find: (eventId: number, uniqueId: string) => byEvent.get(eventId)?.get(uniqueId),
    /** How many participants an event holds. */
    count: (eventId: number) => byEvent.get(eventId)?.size ?? 0,
    /** An event's participants, by id. */
    ofEvent: (eventId: number): Participant[] => [...(byEvent.get(eventId)?.values() ?? [])],
    /** Every participant, by id. */
    findMany: (): Participant[] => [...byId.values()],
    /** Stores a new participant or replaces one (same id, same event and unique_id). */
    put(participant: Participant): void {
      byId.set(participant.id, participant);
      const ofEvent = byEvent.get(participant.event_id) ?? new Map<string, Participant>();
      ofEvent.set(participant.unique_id, participant);
      byEvent.set(participant.event_id, ofEvent);
    },
    clear(): void {
      byId.clear();
      byEvent.clear();
    },
  };
}

/** `world`: the fixture set to seed from, read at every seed (the demo world unless a config names another). */
export function createState(clock: Clock, world: () => TracxFixtureSet) {
  const connectTokens = collection(connectTokenSchema);
  const events = collection(eventSchema);
  const races = collection(raceSchema);
  const participants = createParticipantTable();
  const batches: ImportBatch[] = [];
  /** Participants waiting in the queue (accepted, not yet applied), per event. */
  const queuedCount = new Map<number, number>();
  /** Per event: every unique_id stored or waiting in the queue (what the event will hold). */
  const knownIds = new Map<number, Set<string>>();
  const newIssuer = () => createJwtIssuer({ clock, issuer: 'https://api.tracx.events' });
  // A fresh key on every reset, so session tokens from before a reset are refused.
  let jwt: JwtIssuer = newIssuer();
  let nextParticipantId = 1;
  /** Bumped on every reset: a settle in progress stops applying a batch of the old state. */
  let generation = 0;
  let settling: Promise<void> | undefined;

  /** Inserts or updates (same event, same unique_id). */
  let stamped = { at: Number.NaN, text: '' };
  function upsert(eventId: number, input: ParticipantInput, at: number): Participant {
    // A batch stores thousands at one time: format it once.
    if (stamped.at !== at) stamped = { at, text: timestamp(at) };
    const now = stamped.text;
    const fullName = `${input.first_name} ${input.last_name}`;
    const existing = participants.find(eventId, input.unique_id);
    const stored: Participant =
      existing !== undefined
        ? { ...existing, ...input, full_name: fullName, updated_at: now }
        : {
            ...input,
            id: nextParticipantId++,
            event_id: eventId,
            full_name: fullName,
            created_at: now,
            updated_at: now,
          };
    participants.put(stored);
    if (existing === undefined) remember(eventId, input.unique_id);
    return { ...stored };
  }

  /** Counts unique_ids an event will hold once `inputs` are stored too. */
  function projectedCount(eventId: number, inputs: readonly ParticipantInput[]): number {
    const known = knownIds.get(eventId);
    const fresh = new Set<string>();
    for (const input of inputs) if (known?.has(input.unique_id) !== true) fresh.add(input.unique_id);
    return (known?.size ?? 0) + fresh.size;
  }

  function remember(eventId: number, uniqueId: string): void {
    const known = knownIds.get(eventId) ?? new Set<string>();
    known.add(uniqueId);
    knownIds.set(eventId, known);
  }

  /** Queues an import (store-multiple) to be applied once the clock reaches `availableAt`. */
  function enqueue(batch: ImportBatch): void {
    batches.push(batch);
    queuedCount.set(batch.eventId, (queuedCount.get(batch.eventId) ?? 0) + batch.participants.length);
    for (const input of batch.participants) remember(batch.eventId, input.unique_id);
  }

  const isDue = (now: number) => batches.some((b) => b.availableAt <= now);

  /** Takes the due batches off the queue, earliest first (one pass, one sort). */
  function takeDue(now: number): ImportBatch[] {
    const due: ImportBatch[] = [];
    let kept = 0;
    for (const batch of batches) {
      if (batch.availableAt <= now) due.push(batch);
      else batches[kept++] = batch;
    }
    batches.length = kept;
    return due.sort((a, b) => a.availableAt - b.availableAt);
  }

  async function run(): Promise<void> {
    const mine = generation;
    // Let settle() record this run before any of it happens.
    await undefined;
    const slicer = createSlicer();
    try {
      await applyDue(mine, slicer);
    } finally {
      // Same turn as the last look at the queue: a batch queued after it starts a new run.
      if (mine === generation) settling = undefined;
    }
  }

  async function applyDue(mine: number, slicer: ReturnType<typeof createSlicer>): Promise<void> {
    for (;;) {
      if (mine !== generation) return;
      const due = takeDue(clock.now());
      if (due.length === 0) return;
      for (const batch of due) {
        for (const input of batch.participants) {
          await slicer.slice();
          // A reset while this batch was applied: the batch belonged to the state now gone.
          if (mine !== generation) return;
          upsert(batch.eventId, input, batch.availableAt);
        }
        const left = (queuedCount.get(batch.eventId) ?? 0) - batch.participants.length;
        if (left > 0) queuedCount.set(batch.eventId, left);
        else queuedCount.delete(batch.eventId);
      }
    }
  }

  /**
   * Applies every queued import whose time has come (the mock's stand-in for Tracx's queue
   * worker), in slices across event-loop turns. Callers arriving meanwhile wait for the same run.
   */
  function settle(): Promise<void> {
    if (settling !== undefined) return settling;
    if (!isDue(clock.now())) return Promise.resolve();
    // Imports that are due settle through the replicated log, not in a replica's dry run.
    refuseInDryRun('settle queued imports');
    settling = run();
    return settling;
  }

  let eventList: TracxEvent[] = [];
  let eventsById = new Map<number, TracxEvent>();
  let raceList: Race[] = [];
  let racesById = new Map<number, Race>();

  async function seed(): Promise<void> {
    const fixtures = world();
    generation++;
    settling = undefined;
    connectTokens.clear();
    events.clear();
    races.clear();
    participants.clear();
    batches.length = 0;
    queuedCount.clear();
    knownIds.clear();
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
    // Nothing changes events or races after seeding: the hot reads use these indexes, not queries.
    eventList = [...events.all()].sort((a, b) => a.id - b.id);
    eventsById = new Map(eventList.map((e) => [e.id, e]));
    raceList = [...races.all()].sort((a, b) => a.id - b.id);
    racesById = new Map(raceList.map((r) => [r.id, r]));
  }

  /** Mutable state as plain values, so a test can prove a refused request changed nothing. */
  const snapshot = (): SnapshotParts => snapshotParts({ connectTokens, events, races, participants });

  return {
    connectTokens,
    events,
    races,
    participants,
    batches,
    jwt: () => jwt,
    /** Every event, by id ascending. */
    eventList: (): readonly TracxEvent[] => eventList,
    eventById: (id: number) => eventsById.get(id),
    /** Every race, by id ascending. */
    raceList: (): readonly Race[] => raceList,
    raceById: (id: number) => racesById.get(id),
    /** Participants waiting in an event's import queue. */
    queued: (eventId: number) => queuedCount.get(eventId) ?? 0,
    projectedCount,
    enqueue,
    upsert,
    settle,
    seed,
    snapshot,
  };
}

export type State = ReturnType<typeof createState>;
