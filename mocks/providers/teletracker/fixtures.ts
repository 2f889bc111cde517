/**
 * Seeded demo data for TeleTracker. Fixed values, so docs, Postman environments and tests can
 * name them; discoverable at `GET /__control/fixtures`. Account ids are integers (the docs type
 * `account_id` as one); user GUIDs are UUIDs like the docs' `guid`. One user has two accounts (a
 * default and another, for `account_id` at login and masquerade); one user has a single account
 * that the first user cannot reach, for the cross-account refusals; one user has no report access.
 */
import type { CallRecord, User } from './state.js';

export const accounts = [
  { account_id: 10231, name: 'Harbourview Dental — Downtown' },
  { account_id: 10232, name: 'Harbourview Dental — North Shore' },
  { account_id: 20455, name: 'Lakeside Plumbing & Heating' },
] as const;

const [downtown, northShore, lakeside] = accounts;

/** A user (the record of `state.ts`). */
export type UserFixture = User;

export const users: UserFixture[] = [
  {
    guid: '71067212-8141-4887-b48e-ccabcfb07196',
    username: 'marketing@harbourview.example',
    password: 'Tr4ck-Every-Call!',
    accounts: [downtown.account_id, northShore.account_id],
    default_account_id: downtown.account_id,
    permissions: ['reports'],
  },
  {
    guid: '3f9d2c4e-5b6a-4c1d-9e8f-7a6b5c4d3e2f',
    username: 'office@lakeside.example',
    password: 'Pipes&Calls-2025',
    accounts: [lakeside.account_id],
    default_account_id: lakeside.account_id,
    permissions: ['reports'],
  },
  {
    // A user without report access: logs in, but call-data refuses it (403 FORBIDDEN).
    guid: '9c1e7b2a-4d3f-4a6b-8e5c-1f2a3b4c5d6e',
    username: 'frontdesk@harbourview.example',
    password: 'Front-Desk-Only-7',
    accounts: [downtown.account_id],
    default_account_id: downtown.account_id,
    permissions: [],
  },
];

/** A call (the record of `state.ts`). */
export type CallFixture = CallRecord;

const call = (
  account_id: number,
  n: number,
  started_at: string,
  source: string,
  duration_seconds: number,
  status: CallFixture['status'],
): CallFixture => ({
  call_id: `c-${account_id}-${String(n).padStart(4, '0')}`,
  account_id,
  started_at,
  caller_number: `+1416555${String(100 + n * 7).padStart(4, '0')}`,
  tracking_number: account_id === lakeside.account_id ? '+18005550199' : `+1800555${account_id % 10000}`,
  source,
  duration_seconds,
  status,
});

export const calls: CallFixture[] = [
  call(downtown.account_id, 1, '2025-03-03T09:12:44Z', 'Google Ads', 184, 'answered'),
  call(downtown.account_id, 2, '2025-03-03T14:40:02Z', 'Organic Search', 0, 'missed'),
  call(downtown.account_id, 3, '2025-03-05T11:05:19Z', 'Direct Mail', 62, 'voicemail'),
  call(downtown.account_id, 4, '2025-03-12T16:22:51Z', 'Google Ads', 305, 'answered'),
  call(northShore.account_id, 1, '2025-03-04T10:01:07Z', 'Facebook', 97, 'answered'),
  call(northShore.account_id, 2, '2025-03-06T15:33:40Z', 'Google Ads', 221, 'answered'),
  call(lakeside.account_id, 1, '2025-03-03T08:15:00Z', 'Yard Sign', 143, 'answered'),
  call(lakeside.account_id, 2, '2025-03-07T19:48:26Z', 'Google Ads', 0, 'missed'),
];
