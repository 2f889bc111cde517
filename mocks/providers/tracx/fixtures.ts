/**
 * Seeded demo data for Tracx. Fixed values, so docs, Postman environments and tests can name
 * them; discoverable at `GET /__control/fixtures`. Timestamps use the docs' `YYYY-MM-DD HH:MM:SS`.
 */
import type { ConnectToken } from './state.js';

/** Every permission a connect token can grant. `participants.list` is the mock's (inferred). */
export const permissions = [
  'events.list',
  'races.list',
  'participants.list',
  'participants.store',
  'participants.store-multiple',
] as const;

export type Permission = (typeof permissions)[number];

/** A connect token as seeded (the record of `state.ts` before any revocation). */
export type ConnectTokenFixture = Omit<ConnectToken, 'revoked'>;

export const events = [
  { id: 1, name: 'Amstel Trail Run 2027', created_at: '2025-02-25 09:30:00', updated_at: '2025-02-25 09:30:00' },
  {
    id: 2,
    name: 'Zeeland Coastal Marathon 2027',
    created_at: '2025-02-26 14:05:10',
    updated_at: '2025-03-01 08:12:44',
  },
  { id: 3, name: 'Veluwe Night Ride 2027', created_at: '2025-03-02 18:20:00', updated_at: '2025-03-02 18:20:00' },
];

export const races = [
  { id: 101, event_id: 1, name: 'Trail 10 km', created_at: '2025-02-25 09:45:32', updated_at: '2025-02-25 09:45:32' },
  { id: 102, event_id: 1, name: 'Trail 21 km', created_at: '2025-02-25 10:59:46', updated_at: '2025-02-25 11:25:52' },
  { id: 201, event_id: 2, name: 'Marathon', created_at: '2025-02-26 14:10:00', updated_at: '2025-02-26 14:10:00' },
  { id: 202, event_id: 2, name: 'Half marathon', created_at: '2025-02-26 14:11:00', updated_at: '2025-02-26 14:11:00' },
  {
    id: 301,
    event_id: 3,
    name: 'Night ride 60 km',
    created_at: '2025-03-02 18:25:00',
    updated_at: '2025-03-02 18:25:00',
  },
];

export const connectTokens: ConnectTokenFixture[] = [
  {
    id: 1,
    name: 'Timing partner (every permission, every event)',
    connect_token: 'tcx_ct_full_4Fq9Lm2Xv7Rb1Nz8Wd5Hs3Kp',
    permissions: [...permissions],
    event_ids: null,
  },
  {
    id: 2,
    name: 'Results website (list only)',
    connect_token: 'tcx_ct_list_8Hw3Kd6Tp1Ys5Jc0Mv2Qe7Lb',
    permissions: ['events.list', 'races.list', 'participants.list'],
    event_ids: null,
  },
  {
    id: 3,
    name: 'Zeeland Coastal Marathon registration (event 2 only)',
    connect_token: 'tcx_ct_event_2Qn7Vx4Bm9Gf3Rk6Tz1Yc8D',
    permissions: [...permissions],
    event_ids: [2],
  },
  {
    id: 4,
    name: 'Registration sync (store only, no list)',
    connect_token: 'tcx_ct_store_6Jp1Wc9Nr4Dx7Ht2Bs5Fm0G',
    permissions: ['participants.store', 'participants.store-multiple'],
    event_ids: null,
  },
];
