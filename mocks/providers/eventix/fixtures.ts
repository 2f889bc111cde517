/**
 * Seeded demo data for Eventix. Fixed values, so docs, Postman environments and tests can name
 * them; discoverable at `GET /__control/fixtures`. Jane Appleseed and her default company are
 * the example of the docs' "Issuing requests" page. Typed by the records of `state.ts`.
 */
import type { Client, EventRecord, User } from './state.js';

export const companies = [
  { guid: '6eac75a2-354b-11eb-9322-acde48001122', name: 'Lowlands Live BV' },
  { guid: '9a7e2d14-3c5b-4f6a-8e91-2b3c4d5e6f70', name: 'Noorderzon Tickets' },
  { guid: '0b9b7c1e-4f2a-4d3b-8c5e-6a7f8e9d0c12', name: 'Elsewhere Events' },
] as const;

const [lowlands, noorderzon, elsewhere] = companies;

/** A user; `companies`: the companies the user's tokens cover, default first. */
export type UserFixture = User;

const whitelabel = '6eea7dc0-354b-11eb-9322-acde48001122';

export const users: UserFixture[] = [
  {
    guid: '6e26d618-354b-11eb-9322-acde48001122',
    name: 'Jane Appleseed',
    email: 'jane.appleseed@example.com',
    phone: null,
    default_company_id: lowlands.guid,
    whitelabel_id: whitelabel,
    companies: [lowlands.guid, noorderzon.guid],
    created_at: '2011-12-13T11:12:13+02:00',
    updated_at: '2020-12-13T14:15:16+01:00',
  },
  {
    guid: '3c8d1f6a-2b4e-4c7a-9d15-7e2f0a1b3c4d',
    name: 'Sam Jansen',
    email: 'sam.jansen@example.com',
    phone: '+31 20 555 0142',
    default_company_id: noorderzon.guid,
    whitelabel_id: whitelabel,
    companies: [noorderzon.guid],
    created_at: '2019-04-02T09:30:00+02:00',
    updated_at: '2024-01-15T10:00:00+01:00',
  },
  {
    guid: '8f4e2a7c-5d3b-4a1e-b6c9-0d2e4f6a8b1c',
    name: 'Priya Natarajan',
    email: 'priya.natarajan@example.com',
    phone: null,
    default_company_id: elsewhere.guid,
    whitelabel_id: whitelabel,
    companies: [elsewhere.guid],
    created_at: '2021-06-21T14:00:00+02:00',
    updated_at: '2021-06-21T14:00:00+02:00',
  },
];

const [jane] = users as [UserFixture];

/** A client; `default_user`: the user the mock signs in when the authorize request has no `login_hint`. */
export type ClientFixture = Client;

export const clients: ClientFixture[] = [
  {
    client_id: 'ex-demo-app',
    client_secret: 'exs_Hc8Tq3Lw6Zp1Vn4Rb9Ks',
    name: 'Demo Integration',
    redirect_uris: ['https://app.example.com/eventix/callback', 'http://localhost:8080/callback'],
    default_user: jane.guid,
  },
  {
    client_id: 'ex-box-office',
    client_secret: 'exs_Mf2Yd7Gj5Xa0Wc3Pt8Ue',
    name: 'Box Office Sync',
    redirect_uris: ['https://boxoffice.example.org/oauth/eventix'],
    default_user: jane.guid,
  },
];

/** An event in the vendor's shape (see `state.ts`); `start` and `end` are the mock's own. */
export type EventFixture = EventRecord;

const vendorDefaults = { status: 'normal', type: 'once' as const, currency: 'EUR', locale: 'nl_NL' };

export const events: EventFixture[] = [
  {
    guid: '2d4f6a8c-1e3b-4d5f-8a7c-9e1b3d5f7a90',
    company_id: lowlands.guid,
    name: 'Lowlands Warm-up 2025',
    description: 'Last summer; no longer upcoming.',
    location_id: '3c1d5e7f-9a2b-4c4d-8e6f-0a1b2c3d4e01', // Biddinghuizen
    ...vendorDefaults,
    start: '2025-08-15T12:00:00+02:00',
    end: '2025-08-17T23:59:00+02:00',
    created_at: '2025-01-10T10:00:00+01:00',
    updated_at: '2025-08-18T09:00:00+02:00',
  },
  {
    guid: '5a7c9e1b-3d5f-4a7c-9e1b-3d5f7a9c1e2f',
    company_id: lowlands.guid,
    name: 'Lowlands Winter Edition',
    description: null,
    location_id: '3c1d5e7f-9a2b-4c4d-8e6f-0a1b2c3d4e02', // Amsterdam
    ...vendorDefaults,
    start: '2031-01-24T20:00:00+01:00',
    end: '2031-01-25T04:00:00+01:00',
    created_at: '2026-09-01T10:00:00+02:00',
    updated_at: '2026-09-01T10:00:00+02:00',
  },
  {
    guid: '7c9e1b3d-5f7a-4c9e-8b3d-5f7a9c1e3b4d',
    company_id: noorderzon.guid,
    name: 'Noorderzon Opening Night',
    description: 'Festival opening in the Noorderplantsoen.',
    location_id: '3c1d5e7f-9a2b-4c4d-8e6f-0a1b2c3d4e03', // Groningen
    ...vendorDefaults,
    start: '2031-08-14T19:00:00+02:00',
    end: '2031-08-14T23:30:00+02:00',
    created_at: '2026-10-05T12:00:00+02:00',
    updated_at: '2026-10-05T12:00:00+02:00',
  },
  {
    guid: '9e1b3d5f-7a9c-4e1b-ad5f-7a9c1e3b5d6f',
    company_id: elsewhere.guid,
    name: 'Elsewhere Showcase',
    description: null,
    location_id: '3c1d5e7f-9a2b-4c4d-8e6f-0a1b2c3d4e04', // Utrecht
    ...vendorDefaults,
    start: '2031-03-06T20:00:00+01:00',
    end: '2031-03-06T23:00:00+01:00',
    created_at: '2026-11-01T08:00:00+01:00',
    updated_at: '2026-11-01T08:00:00+01:00',
  },
];

export const tickets = events.flatMap((event, e) =>
  ['Regular', 'Early bird'].map((name, t) => ({
    guid: `4b6d8f0a-${String(e).padStart(4, '0')}-4c${t}e-9a1b-3c5d7e9f1a2b`,
    event_id: event.guid,
    company_id: event.company_id,
    name,
    vat_percentage: 9,
    // The vendor's ticket fields ("Creating tickets"), at its documented defaults.
    status: null,
    increment: 1,
    min_orderable_amount_per_order: 1,
    max_orderable_amount_per_order: 20,
    availability_margin: 0,
    percentage_service_costs_in_ticket: 0,
    swappable: true,
    seated: false,
    include_service_cost_in_price: false,
    reserved_count: 0,
    pending_count: t === 0 ? 2 + e : 0,
    created_at: event.created_at,
    updated_at: event.created_at,
  })),
);

/** Orders per company: enough for Lowlands to page (23 orders: two pages of 15). */
const orderCounts: [string, number][] = [
  [lowlands.guid, 23],
  [noorderzon.guid, 4],
  [elsewhere.guid, 2],
];

export const orders = orderCounts.flatMap(([companyId, count], c) => {
  const event = events.find((e) => e.company_id === companyId) as EventFixture;
  return Array.from({ length: count }, (_, i) => ({
    guid: `1f3a5c7e-${String(c).padStart(4, '0')}-4b9d-8f1a-${String(i).padStart(12, '0')}`,
    company_id: companyId,
    event_id: event.guid,
    status: i % 7 === 6 ? ('refunded' as const) : ('paid' as const),
    email: `buyer${c}-${i}@example.net`,
    total_price: 4500 + ((i * 750) % 6000),
    currency: 'EUR',
    created_at: new Date(Date.UTC(2026, 9, 1 + i, 10 + c, 0, 0)).toISOString(),
  }));
});
