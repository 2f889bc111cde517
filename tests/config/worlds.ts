/** Custom worlds (replace mode, own credentials) shared by the config tests. */
import type { FixturesConfig } from '../../mocks/config/schema.js';

export const customWorld = {
  eventbookings: {
    mode: 'replace',
    organisations: [{ org_uuid: 'org-acme', name: 'Acme Events' }],
    applications: [
      {
        client_id: 'acme-app',
        client_secret: 'acme-secret-1',
        org_uuid: 'org-acme',
        scopes: ['event.read', 'event.create'],
      },
    ],
    events: [{ event_uuid: 'ev-acme-1', org_uuid: 'org-acme', name: 'Acme Gala', starts_at: '2030-01-01T10:00:00Z' }],
  },
  eventix: {
    mode: 'replace',
    companies: [{ guid: '11111111-1111-4111-8111-111111111111', name: 'Acme BV' }],
    users: [
      {
        guid: '22222222-2222-4222-8222-222222222222',
        name: 'Ada',
        email: 'ada@acme.example',
        companies: ['11111111-1111-4111-8111-111111111111'],
      },
    ],
    clients: [
      {
        client_id: 'acme-eventix',
        client_secret: 'acme-eventix-secret',
        redirect_uris: ['http://localhost:5173/callback'],
        default_user: '22222222-2222-4222-8222-222222222222',
      },
    ],
    events: [
      {
        guid: '33333333-3333-4333-8333-333333333333',
        company_id: '11111111-1111-4111-8111-111111111111',
        name: 'Acme Fair',
        start: '2031-05-01T10:00:00Z',
        end: '2031-05-01T18:00:00Z',
      },
    ],
    orders: [
      {
        guid: '44444444-4444-4444-8444-444444444444',
        event_id: '33333333-3333-4333-8333-333333333333',
        email: 'buyer@acme.example',
        total_price: 1234,
      },
    ],
  },
  tracx: {
    mode: 'replace',
    events: [{ id: 7, name: 'Acme Run' }],
    races: [{ id: 70, event_id: 7, name: '5 km' }],
    connect_tokens: [{ id: 1, connect_token: 'acme-connect-token-1', event_ids: [7] }],
  },
  backops: {
    mode: 'replace',
    organizations: [{ id: 'org-b', name: 'Acme Backstage' }],
    api_keys: [{ id: 'acme-admin', api_key: 'acme-backops-key-1', organizationId: 'org-b', admin: true }],
    events: [
      { id: 'ev-b1', organizationId: 'org-b', name: 'Acme Live' },
      { id: 'ev-b2', organizationId: 'org-b', name: 'Acme Old', archived: true },
    ],
    areas: [{ id: 'area-b1', eventId: 'ev-b1', name: 'Hall' }],
    collaborators: [{ id: 'col-b1', eventId: 'ev-b1', name: 'Acme Sound' }],
  },
  teletracker: {
    mode: 'replace',
    accounts: [{ account_id: 555, name: 'Acme Calls' }],
    users: [
      {
        guid: '55555555-5555-4555-8555-555555555555',
        username: 'ops@acme.example',
        password: 'acme-pass-1',
        accounts: [555],
      },
    ],
    calls: [
      {
        call_id: 'acme-call-1',
        account_id: 555,
        started_at: '2025-03-03T09:00:00Z',
        caller_number: '+15550001',
        tracking_number: '+18005550000',
        source: 'Web',
        duration_seconds: 30,
        status: 'answered',
      },
    ],
  },
} satisfies FixturesConfig;
