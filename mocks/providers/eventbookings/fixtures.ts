/**
 * Seeded demo data for EventBookings. Fixed values, so docs, Postman environments and tests can
 * name them; discoverable at `GET /__control/fixtures`.
 */
import type { Application } from './state.js';

export const organisations = [
  { org_uuid: '0b6f2c1e-6a39-4c1e-9f4a-2d1b7c9e5a10', name: 'Harbour Events Co' },
  { org_uuid: 'c3e1d7a2-9b84-4f06-8e2d-5a7f1c0b3e92', name: 'Northside Arts Trust' },
] as const;

const [harbour, northside] = organisations;

/** An application (the record of `state.ts`). */
export type ApplicationFixture = Application;

export const applications: ApplicationFixture[] = [
  {
    client_id: 'eb-demo-events',
    client_secret: 'ebs_7Kq2vN9xR4mT8wZ1pL6c',
    name: 'Demo Events App',
    org_uuid: harbour.org_uuid,
    scopes: ['event.read', 'event.create'],
  },
  {
    client_id: 'eb-demo-reporting',
    client_secret: 'ebs_3Hf8jD5sA0gY6uE2nB9k',
    name: 'Read-only Reporting App',
    org_uuid: harbour.org_uuid,
    scopes: ['event.read'],
  },
  {
    client_id: 'eb-northside',
    client_secret: 'ebs_9Wc4tM1qV7zX3rK8yH5d',
    name: 'Northside Box Office',
    org_uuid: northside.org_uuid,
    scopes: ['event.read', 'event.create'],
  },
  {
    // A secret with a space and a plus: sent with HTTP Basic it must be form-encoded
    // (RFC 6749 §2.3.1), as IdentityServer form-decodes it.
    client_id: 'eb-demo-kiosk',
    client_secret: 'ebs 5Jr+8Pw 2Lx',
    name: 'Kiosk App',
    org_uuid: harbour.org_uuid,
    scopes: ['event.read'],
  },
];

export const events = [
  {
    event_uuid: '6d0b6c5e-2f43-4d8a-9f1c-3b8e2a7d4c01',
    org_uuid: harbour.org_uuid,
    name: 'Harbour Lights Festival',
    starts_at: '2027-03-14T18:00:00Z',
    ends_at: '2027-03-14T23:00:00Z',
    status: 'published' as const,
  },
  {
    event_uuid: '1f9a3c7e-8d24-4b6a-a3e5-0c2d9b8f7e16',
    org_uuid: harbour.org_uuid,
    name: 'Dockside Jazz Night',
    starts_at: '2027-05-02T20:00:00Z',
    ends_at: null,
    status: 'draft' as const,
  },
  {
    event_uuid: '4b2e8f1a-6c93-4d7e-b5a0-9e1f3c6d2a88',
    org_uuid: northside.org_uuid,
    name: 'Northside Open Studios',
    starts_at: '2027-06-10T10:00:00Z',
    ends_at: '2027-06-11T17:00:00Z',
    status: 'published' as const,
  },
];
