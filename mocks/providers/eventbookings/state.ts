/** EventBookings state: applications, organisations and events in @msw/data; tokens in core. */
import * as z from 'zod';
import { type Clock, collection, createTokenStore, type SnapshotParts, snapshotParts } from '../../core/index.js';
import type { EventBookingsFixtureSet } from './config.js';

/*
 * The records: each entity's fields described once, here. `fixtures.ts` types its demo data with
 * them, and `config.ts` builds what a user may configure from them (non-empty ids, defaults).
 */
const organisationSchema = z.object({ org_uuid: z.string(), name: z.string() });
const applicationSchema = z.object({
  client_id: z.string(),
  client_secret: z.string(),
  name: z.string(),
  org_uuid: z.string(),
  scopes: z.array(z.string()),
});
const eventSchema = z.object({
  event_uuid: z.string(),
  org_uuid: z.string(),
  name: z.string(),
  starts_at: z.string(),
  ends_at: z.string().nullable(),
  status: z.enum(['draft', 'published']),
});

/** The record schemas, for `config.ts` to build the configurable entities from. */
export const records = { organisation: organisationSchema, application: applicationSchema, event: eventSchema };

export type Organisation = z.infer<typeof organisationSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type EventRecord = z.infer<typeof eventSchema>;

export interface TokenData {
  clientId: string;
  scopes: string[];
}

/** `world`: the fixture set to seed from, read at every seed (the demo world unless a config names another). */
export function createState(clock: Clock, world: () => EventBookingsFixtureSet) {
  const organisations = collection(organisationSchema);
  const applications = collection(applicationSchema);
  const events = collection(eventSchema);
  // Each client's tokens count against that client only.
  const accessTokens = createTokenStore<TokenData>({ clock, ownerOf: (d) => d.clientId });
  const refreshTokens = createTokenStore<TokenData>({ clock, ownerOf: (d) => d.clientId });
  /** Applications by client id, for the token endpoint and every call (nothing changes them after the seed). */
  let applicationsById = new Map<string, Application>();

  async function seed(): Promise<void> {
    const fixtures = world();
    organisations.clear();
    applications.clear();
    events.clear();
    accessTokens.clear();
    refreshTokens.clear();
    for (const o of fixtures.organisations) await organisations.create({ ...o });
    for (const a of fixtures.applications) await applications.create({ ...a, scopes: [...a.scopes] });
    for (const e of fixtures.events) await events.create({ ...e });
    applicationsById = new Map(applications.findMany().map((a) => [a.client_id, a]));
  }

  /** Mutable state as plain values, so a test can prove a refused request changed nothing. */
  const snapshot = (): SnapshotParts =>
    snapshotParts({ organisations, applications, events }, { accessTokens, refreshTokens });

  return {
    organisations,
    applications,
    applicationById: (clientId: string): Application | undefined => applicationsById.get(clientId),
    events,
    accessTokens,
    refreshTokens,
    seed,
    snapshot,
  };
}

export type State = ReturnType<typeof createState>;
