/** Eventix state: companies, users, clients, events, tickets and orders in @msw/data; tokens in core. */
import * as z from 'zod';
import {
  type Clock,
  collection,
  createTokenStore,
  type PkceChallenge,
  type SnapshotParts,
  snapshotParts,
} from '../../core/index.js';
import type { EventixFixtureSet } from './config.js';

/*
 * The records: each entity's fields described once, here. `fixtures.ts` types its demo data with
 * them, and `config.ts` builds what a user may configure from them (the fields the server fills
 * in left out, ids checked as GUIDs, defaults added).
 */
const companySchema = z.object({ guid: z.string(), name: z.string() });
const userSchema = z.object({
  guid: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  default_company_id: z.string(),
  whitelabel_id: z.string(),
  companies: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});
const clientSchema = z.object({
  client_id: z.string(),
  client_secret: z.string(),
  name: z.string(),
  redirect_uris: z.array(z.string()),
  default_user: z.string(),
});
/**
 * An event in the vendor's shape (OpenTicket "Setting up events": status, name, type, currency,
 * locale, location_id, company_id, guid, created_at, updated_at; a description is named on the
 * "Overview" page). `start` and `end` are the mock's own: the vendor keeps dates in separate
 * eventDate resources; the mock uses them only to order events and to answer /event/upcoming,
 * and never sends them.
 */
const eventSchema = z.object({
  guid: z.string(),
  company_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  location_id: z.string(),
  status: z.string(),
  type: z.enum(['once', 'recurring']),
  currency: z.string(),
  locale: z.string(),
  start: z.string(),
  end: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
const ticketSchema = z.object({
  guid: z.string(),
  event_id: z.string(),
  company_id: z.string(),
  name: z.string(),
  vat_percentage: z.number(),
  status: z.string().nullable(),
  increment: z.number().int(),
  min_orderable_amount_per_order: z.number().int(),
  max_orderable_amount_per_order: z.number().int(),
  availability_margin: z.number().int(),
  percentage_service_costs_in_ticket: z.number(),
  swappable: z.boolean(),
  seated: z.boolean(),
  include_service_cost_in_price: z.boolean(),
  reserved_count: z.number().int(),
  pending_count: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
const orderSchema = z.object({
  guid: z.string(),
  company_id: z.string(),
  event_id: z.string(),
  status: z.enum(['paid', 'refunded']),
  email: z.string(),
  total_price: z.number().int(),
  currency: z.string(),
  created_at: z.string(),
});

/** The record schemas, for `config.ts` to build the configurable entities from. */
export const records = {
  company: companySchema,
  user: userSchema,
  client: clientSchema,
  event: eventSchema,
  ticket: ticketSchema,
  order: orderSchema,
};

export type Company = z.infer<typeof companySchema>;
export type Client = z.infer<typeof clientSchema>;
export type User = z.infer<typeof userSchema>;
export type EventRecord = z.infer<typeof eventSchema>;
export type Ticket = z.infer<typeof ticketSchema>;
export type Order = z.infer<typeof orderSchema>;

/** What an authorization code stands for. */
export interface CodeData {
  clientId: string;
  userGuid: string;
  /** The redirect URI the code was issued for; the exchange must name the same one. */
  redirectUri: string;
  /** Whether the authorize request named the redirect URI (RFC 6749 §4.1.3). */
  redirectUriGiven: boolean;
  /** The PKCE challenge of the authorize request, if it sent one (RFC 7636). */
  pkce?: PkceChallenge;
}

/** One grant: an access token and its refresh token point at the same object. */
export interface Grant {
  clientId: string;
  userGuid: string;
  /** Company GUIDs the tokens cover (at least one). */
  companies: string[];
  access: string;
  refresh: string;
}

/** `world`: the fixture set to seed from, read at every seed (the demo world unless a config names another). */
export function createState(clock: Clock, world: () => EventixFixtureSet) {
  const companies = collection(companySchema);
  const users = collection(userSchema);
  const clients = collection(clientSchema);
  const events = collection(eventSchema);
  const tickets = collection(ticketSchema);
  const orders = collection(orderSchema);
  // Every credential counts against its user and client only: no pair can evict another's.
  const ownerOf = (d: { userGuid: string; clientId: string }) => `${d.userGuid} ${d.clientId}`;
  const codes = createTokenStore<CodeData>({ clock, ownerOf });
  const refreshTokens = createTokenStore<Grant>({ clock, ownerOf });
  // A token evicted by the user/client cap takes its refresh token with it.
  const accessTokens = createTokenStore<Grant>({
    clock,
    ownerOf,
    onEvict: (entry) => refreshTokens.revoke(entry.data.refresh, 'token_evicted'),
  });

  /**
   * Read-only views of the seeded events and companies (nothing changes them after the seed), for
   * the hot list operations: events by start with their times parsed once, company names by id.
   */
  const index = {
    events: [] as { event: EventRecord; start: number; end: number }[],
    companyNames: new Map<string, string>(),
  };
  /**
   * Clients by id and users by GUID, for the token endpoint and every call. Unlike the views above
   * these records change (a client's secret rotates, a user edits their profile): whatever updates
   * one calls `reindex()` afterwards.
   */
  let clientsById = new Map<string, Client>();
  let usersByGuid = new Map<string, User>();
  function reindex(): void {
    clientsById = new Map(clients.findMany().map((c) => [c.client_id, c]));
    usersByGuid = new Map(users.findMany().map((u) => [u.guid, u]));
  }

  async function seed(): Promise<void> {
    const fixtures = world();
    for (const c of [companies, users, clients, events, tickets, orders]) c.clear();
    for (const store of [codes, accessTokens, refreshTokens]) store.clear();
    for (const c of fixtures.companies) await companies.create({ ...c });
    for (const u of fixtures.users) await users.create({ ...u, companies: [...u.companies] });
    for (const c of fixtures.clients) await clients.create({ ...c, redirect_uris: [...c.redirect_uris] });
    for (const e of fixtures.events) await events.create({ ...e });
    for (const t of fixtures.tickets) await tickets.create({ ...t });
    for (const o of fixtures.orders) await orders.create({ ...o });
    index.events = events
      .findMany()
      .map((event) => ({ event, start: Date.parse(event.start), end: Date.parse(event.end) }))
      .sort((a, b) => a.start - b.start);
    index.companyNames = new Map(companies.findMany().map((c) => [c.guid, c.name]));
    reindex();
  }

  /** Mutable state as plain values, so a test can prove a refused request changed nothing. */
  const snapshot = (): SnapshotParts =>
    snapshotParts({ companies, users, clients, events, tickets, orders }, { codes, refreshTokens, accessTokens });

  return {
    companies,
    users,
    clients,
    events,
    tickets,
    orders,
    codes,
    accessTokens,
    refreshTokens,
    index,
    clientById: (clientId: string) => clientsById.get(clientId),
    userByGuid: (guid: string) => usersByGuid.get(guid),
    reindex,
    seed,
    snapshot,
  };
}

export type State = ReturnType<typeof createState>;
