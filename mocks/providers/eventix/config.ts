/**
 * Eventix fixtures a user can configure (clients, users, companies and membership, events,
 * orders) and its options, as zod schemas; the config file, `setupMocks({ fixtures })` and the
 * control plane read them. Field names are the vendor's (client_id, redirect_uris, guid,
 * company_id, default_company_id). Each entity is the fields of its record in `state.ts` a
 * user configures (in the order the config file lists them), with GUID checks, defaults and
 * descriptions for the user.
 */
import * as z from 'zod';
import type { PostmanVariables } from '../../core/define.js';
import {
  absoluteUrl,
  checkRef,
  checkUniqueKeys,
  crossChecked,
  fixtureSection,
  mergeById,
} from '../../core/fixture-config.js';
import * as demo from './fixtures.js';
import { type Client, type Company, type EventRecord, type Order, records, type Ticket, type User } from './state.js';

const positiveInt = z.number().int().positive();

/** Every option: type, default and description (the README's options table is generated from it). */
export const options = z.strictObject({
  accessTokenTtlSeconds: positiveInt
    .default(259_200)
    .describe('Access-token lifetime in seconds. Documented: 259200 (3 days).'),
  refreshTokenTtlSeconds: positiveInt
    .default(365 * 24 * 3600)
    .describe('Refresh-token lifetime in seconds. Documented: 365 days.'),
  codeTtlSeconds: positiveInt
    .default(60)
    .describe('Authorization-code lifetime in seconds. Inferred: 60 (the docs say "short-lived").'),
  tokenCap: positiveInt
    .default(10)
    .describe('Live access tokens per user/client pair before the least recently used one ends. Inferred: 10.'),
  leagueVersion: z
    .enum(['9.x', '8.x'])
    .default('9.x')
    .describe(
      'The league/oauth2-server major the auth hosts answer as (Laravel Passport runs it): 9.x (Passport 13) ' +
        'or 8.x (Passport 12 and older), which answers an expired or used code with `invalid_request` instead ' +
        'of `invalid_grant`, a known client without a secret with 401 `invalid_client` instead of 400 ' +
        "`invalid_request`, and a token request's unregistered `redirect_uri` with 401 `invalid_client`.",
    ),
});

const timestamp = '2026-01-01T00:00:00+00:00';

/** Eventix ids are GUIDs (the spec's `format: uuid`). */
const guid = z.guid({ message: 'not a GUID' });

const company = z.strictObject({ ...records.company.shape, guid });
const user = z.strictObject({
  ...records.user.pick({ guid: true, name: true, email: true, phone: true, companies: true, default_company_id: true })
    .shape,
  guid,
  phone: z.string().nullable().default(null),
  companies: z.array(guid).min(1).describe('Companies the user belongs to (membership).'),
  default_company_id: z.string().optional().describe('One of `companies`; the first by default.'),
});
const client = z.strictObject({
  ...records.client.shape,
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  name: z.string().optional(),
  redirect_uris: z.array(absoluteUrl).min(1),
  default_user: guid
    .optional()
    .describe('GUID of the user the mock signs in without a login_hint; the first user of the world by default.'),
});
const event = z.strictObject({
  ...records.event.pick({
    guid: true,
    company_id: true,
    name: true,
    description: true,
    start: true,
    end: true,
    status: true,
    currency: true,
    locale: true,
  }).shape,
  guid,
  company_id: guid,
  description: z.string().nullable().default(null),
  status: z.string().default('normal'),
  currency: z.string().default('EUR'),
  locale: z.string().default('nl_NL'),
});
const order = z.strictObject({
  ...records.order.omit({ company_id: true }).shape,
  guid,
  event_id: guid,
  status: z.enum(['paid', 'refunded']).default('paid'),
  total_price: z.number().int().nonnegative(),
  currency: z.string().default('EUR'),
  created_at: z.string().default(timestamp),
});

/** What the state seeds from: the records of `state.ts`. */
export interface EventixFixtureSet {
  companies: readonly Company[];
  users: readonly User[];
  clients: readonly Client[];
  events: readonly EventRecord[];
  tickets: readonly Ticket[];
  orders: readonly Order[];
}

export const demoFixtures: EventixFixtureSet = {
  companies: demo.companies,
  users: demo.users,
  clients: demo.clients,
  events: demo.events,
  tickets: demo.tickets,
  orders: demo.orders,
};

export const sectionSchema = fixtureSection(options, {
  companies: company,
  users: user,
  clients: client,
  events: event,
  orders: order,
});
export const configSchema = crossChecked(sectionSchema, crossCheck);
export type EventixConfig = z.output<typeof sectionSchema>;

const empty: EventixFixtureSet = { companies: [], users: [], clients: [], events: [], tickets: [], orders: [] };

/** One "Regular" ticket per configured event, at the vendor's documented defaults. */
function ticketOf(e: EventRecord, i: number): Ticket {
  const [regular] = demo.tickets as [Ticket];
  return {
    ...regular,
    guid: `ffff000${i}${e.guid.slice(8)}`,
    event_id: e.guid,
    company_id: e.company_id,
    pending_count: 0,
  };
}

export function toFixtureSet(config: Omit<EventixConfig, 'options'>, base = demoFixtures): EventixFixtureSet {
  const from = config.mode === 'replace' ? empty : base;
  const events = mergeById(
    from.events,
    config.events?.map((e) => ({
      ...e,
      location_id: '00000000-0000-4000-8000-000000000000',
      type: 'once' as const,
      created_at: timestamp,
      updated_at: timestamp,
    })),
    'guid',
  );
  const companyOf = new Map(events.map((e) => [e.guid, e.company_id]));
  const mineEvents = new Set(config.events?.map((e) => e.guid));
  const users = mergeById(
    from.users,
    config.users?.map((u) => ({
      ...u,
      default_company_id: u.default_company_id ?? u.companies[0] ?? '',
      whitelabel_id: '6eea7dc0-354b-11eb-9322-acde48001122',
      created_at: timestamp,
      updated_at: timestamp,
    })),
    'guid',
  );
  return {
    companies: mergeById(from.companies, config.companies, 'guid'),
    users,
    clients: mergeById(
      from.clients,
      config.clients?.map((c) => ({
        ...c,
        name: c.name ?? c.client_id,
        default_user: c.default_user ?? users[0]?.guid ?? '',
      })),
      'client_id',
    ),
    events,
    tickets: [
      ...from.tickets.filter((t) => !mineEvents.has(t.event_id)),
      ...events.filter((e) => mineEvents.has(e.guid)).map(ticketOf),
    ],
    orders: mergeById(
      from.orders,
      config.orders?.map((o) => ({ ...o, company_id: companyOf.get(o.event_id) ?? '' })),
      'guid',
    ),
  };
}

export function crossCheck(config: EventixConfig, ctx: z.RefinementCtx, base = demoFixtures): void {
  const byGuid = ['guid'] as const;
  checkUniqueKeys(ctx, config, {
    companies: byGuid,
    users: byGuid,
    events: byGuid,
    orders: byGuid,
    clients: ['client_id'],
  });
  const world = toFixtureSet(config, base);
  const companies = new Set(world.companies.map((c) => c.guid));
  const users = new Set(world.users.map((u) => u.guid));
  const events = new Set(world.events.map((e) => e.guid));
  config.users?.forEach((u, i) => {
    u.companies.forEach((c, j) => void checkRef(ctx, companies, c, ['users', i, 'companies', j], 'company'));
    if (u.default_company_id !== undefined)
      checkRef(ctx, new Set(u.companies), u.default_company_id, ['users', i, 'default_company_id'], 'membership of');
  });
  config.clients?.forEach((c, i) => {
    if (c.default_user !== undefined) checkRef(ctx, users, c.default_user, ['clients', i, 'default_user'], 'user');
    else if (users.size === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['clients', i, 'default_user'],
        message: 'no user in this world to sign in',
      });
  });
  config.events?.forEach((e, i) => void checkRef(ctx, companies, e.company_id, ['events', i, 'company_id'], 'company'));
  config.orders?.forEach((o, i) => void checkRef(ctx, events, o.event_id, ['orders', i, 'event_id'], 'event'));
}

export function starterSection(): z.input<typeof configSchema> {
  return {
    mode: 'replace',
    companies: demoFixtures.companies.map((c) => ({ ...c })),
    users: demoFixtures.users.map(({ guid, name, email, phone, companies, default_company_id }) => ({
      guid,
      name,
      email,
      phone,
      companies: [...companies],
      default_company_id,
    })),
    clients: demoFixtures.clients.map((c) => ({ ...c, redirect_uris: [...c.redirect_uris] })),
    events: demoFixtures.events.map(
      ({ guid, company_id, name, description, start, end, status, currency, locale }) => ({
        guid,
        company_id,
        name,
        description,
        start,
        end,
        status,
        currency,
        locale,
      }),
    ),
    orders: demoFixtures.orders.map(({ company_id: _c, ...o }) => o),
  };
}

/** The Postman variables a fixture set names: the first client, its user's companies and an event of theirs. */
export function postmanVariables(set: EventixFixtureSet): PostmanVariables {
  const client = set.clients[0];
  const user = set.users.find((u) => u.guid === client?.default_user);
  const companyA = user?.default_company_id;
  return {
    client_id: client?.client_id,
    client_secret: client?.client_secret,
    redirect_uri: client?.redirect_uris[0],
    company_a: companyA,
    company_b: user?.companies.find((c) => c !== companyA),
    foreign_company: set.companies.find((c) => !user?.companies.includes(c.guid))?.guid,
    example_event: set.events.find((e) => e.company_id === companyA)?.guid,
  };
}
