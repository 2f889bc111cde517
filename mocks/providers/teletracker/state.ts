/**
 * TeleTracker state: accounts, users and calls in @msw/data; tokens and refresh tokens in two core
 * token stores, so a refresh token presented as a token (or the reverse) is recognised as such.
 */
import * as z from 'zod';
import {
  type Clock,
  collection,
  compareCodeUnits,
  createTokenStore,
  type SnapshotParts,
  snapshotParts,
} from '../../core/index.js';
import type { TeleTrackerFixtureSet } from './config.js';

/*
 * The records: each entity's fields described once, here. `fixtures.ts` types its demo data with
 * them, and `config.ts` builds what a user may configure from them (stricter ids, defaults).
 */
const accountSchema = z.object({ account_id: z.number().int(), name: z.string() });
const userSchema = z.object({
  guid: z.string(),
  username: z.string(),
  password: z.string(),
  accounts: z.array(z.number().int()),
  default_account_id: z.number().int(),
  /**
   * What the user may do (inferred: the docs say a session's permissions "depend on the
   * permissions associated with the username" but name none). `reports` lets a session read
   * `/reports/call-data`.
   */
  permissions: z.array(z.string()),
});
const callSchema = z.object({
  call_id: z.string(),
  account_id: z.number().int(),
  started_at: z.string(),
  caller_number: z.string(),
  tracking_number: z.string(),
  source: z.string(),
  duration_seconds: z.number().int(),
  status: z.enum(['answered', 'missed', 'voicemail']),
});

/** The record schemas, for `config.ts` to build the configurable entities from. */
export const records = { account: accountSchema, user: userSchema, call: callSchema };

export type Account = z.infer<typeof accountSchema>;
export type User = z.infer<typeof userSchema>;
export type CallRecord = z.infer<typeof callSchema>;

/** One login session: its user and the one account its tokens are bound to. */
export interface Session {
  userGuid: string;
  accountId: number;
}

/** A token remembers its refresh token (and the reverse), so masquerade can end the pair. */
export interface TokenData extends Session {
  partner: string;
}

/** `world`: the fixture set to seed from, read at every seed (the demo world unless a config names another). */
export function createState(clock: Clock, world: () => TeleTrackerFixtureSet) {
  const accounts = collection(accountSchema);
  const users = collection(userSchema);
  const calls = collection(callSchema);
  // Each user's tokens count against that user only.
  const tokens = createTokenStore<TokenData>({ clock, ownerOf: (d) => d.userGuid });
  const refreshTokens = createTokenStore<TokenData>({ clock, ownerOf: (d) => d.userGuid });
  // Nothing changes users or calls after seeding: the report reads these indexes, not a query.
  const usersByGuid = new Map<string, User>();
  /** Each account's calls, oldest first, with the day (`YYYY-MM-DD`) each started on. */
  const callsByAccount = new Map<number, { day: string; call: CallRecord }[]>();

  async function seed(): Promise<void> {
    const fixtures = world();
    for (const c of [accounts, users, calls]) c.clear();
    tokens.clear();
    refreshTokens.clear();
    for (const a of fixtures.accounts) await accounts.create({ ...a });
    for (const u of fixtures.users)
      await users.create({ ...u, accounts: [...u.accounts], permissions: [...u.permissions] });
    for (const c of fixtures.calls) await calls.create({ ...c });
    usersByGuid.clear();
    for (const u of users.all()) usersByGuid.set(u.guid, u);
    callsByAccount.clear();
    const sorted = [...calls.all()].sort((a, b) => compareCodeUnits(a.started_at, b.started_at));
    for (const call of sorted) {
      const list = callsByAccount.get(call.account_id) ?? [];
      callsByAccount.set(call.account_id, list);
      list.push({ day: call.started_at.slice(0, 10), call });
    }
  }

  /** Mutable state as plain values, so a test can prove a refused request changed nothing. */
  const snapshot = (): SnapshotParts => snapshotParts({ accounts, users, calls }, { tokens, refreshTokens });

  return {
    accounts,
    users,
    calls,
    tokens,
    refreshTokens,
    seed,
    snapshot,
    userByGuid: (guid: string) => usersByGuid.get(guid),
    callsOf: (accountId: number) => callsByAccount.get(accountId) ?? [],
  };
}

export type State = ReturnType<typeof createState>;
