/**
 * TeleTracker fixtures a user can configure (users with username, password, accounts and
 * default account; accounts; calls) and its options, as zod schemas; the config file,
 * `setupMocks({ fixtures })` and the control plane read them.
 */
import * as z from 'zod';
import type { PostmanVariables } from '../../core/define.js';
import { checkRef, checkUniqueKeys, crossChecked, fixtureSection, mergeById } from '../../core/fixture-config.js';
import * as demo from './fixtures.js';
import { type Account, type CallRecord, records, type User } from './state.js';

const positiveInt = z.number().int().positive();

/** Every option: type, default and description (the README's options table is generated from it). */
export const options = z.strictObject({
  tokenLifetimeSeconds: positiveInt
    .default(3600)
    .describe('Token lifetime in seconds (`tokenLifetime`). Documented default 3600.'),
  refreshTokenLifetimeSeconds: positiveInt
    .default(29 * 86_400 + 3600)
    .describe("Refresh-token lifetime in seconds. Default 29 days and 1 hour, as the docs' example shows (inferred)."),
  expiredTokenStatus: z
    .union([z.literal(401), z.literal(403)])
    .default(401)
    .describe(
      'Status of a call with an expired token. The docs: "will result in a 401 or 403 response". ' +
        'Set 403 to test a client against the other answer.',
    ),
});

const account = z.strictObject({ ...records.account.shape, account_id: positiveInt });
const user = z.strictObject({
  ...records.user.shape,
  guid: z.guid({ message: 'not a GUID' }).describe("The user's GUID (the spec's `format: uuid`)."),
  username: z.string().min(1),
  password: z.string().min(1),
  accounts: z.array(positiveInt).min(1),
  default_account_id: positiveInt.optional().describe('One of `accounts`; the first by default.'),
  permissions: z.array(z.string()).default(['reports']).describe('`reports` lets a session read call data.'),
});
const call = z.strictObject({
  ...records.call.shape,
  call_id: z.string().min(1),
  account_id: positiveInt,
  duration_seconds: z.number().int().nonnegative(),
});

/** What the state seeds from: the records of `state.ts`. */
export interface TeleTrackerFixtureSet {
  accounts: readonly Account[];
  users: readonly User[];
  calls: readonly CallRecord[];
}

export const demoFixtures: TeleTrackerFixtureSet = { accounts: demo.accounts, users: demo.users, calls: demo.calls };

export const sectionSchema = fixtureSection(options, { accounts: account, users: user, calls: call });
export const configSchema = crossChecked(sectionSchema, crossCheck);
export type TeleTrackerConfig = z.output<typeof sectionSchema>;

export function toFixtureSet(config: Omit<TeleTrackerConfig, 'options'>, base = demoFixtures): TeleTrackerFixtureSet {
  const from = config.mode === 'replace' ? { accounts: [], users: [], calls: [] } : base;
  return {
    accounts: mergeById(from.accounts, config.accounts, 'account_id'),
    users: mergeById(
      from.users,
      config.users?.map((u) => ({ ...u, default_account_id: u.default_account_id ?? u.accounts[0] ?? 0 })),
      'guid',
    ),
    calls: mergeById(from.calls, config.calls, 'call_id'),
  };
}

export function crossCheck(config: TeleTrackerConfig, ctx: z.RefinementCtx, base = demoFixtures): void {
  checkUniqueKeys(ctx, config, { accounts: ['account_id'], users: ['guid', 'username'], calls: ['call_id'] });
  const world = toFixtureSet(config, base);
  const accounts = new Set(world.accounts.map((a) => a.account_id));
  config.users?.forEach((u, i) => {
    u.accounts.forEach((a, j) => void checkRef(ctx, accounts, a, ['users', i, 'accounts', j], 'account'));
    if (u.default_account_id !== undefined)
      checkRef(
        ctx,
        new Set(u.accounts),
        u.default_account_id,
        ['users', i, 'default_account_id'],
        'membership of account',
      );
  });
  config.calls?.forEach((c, i) => void checkRef(ctx, accounts, c.account_id, ['calls', i, 'account_id'], 'account'));
}

export function starterSection(): z.input<typeof configSchema> {
  return {
    mode: 'replace',
    accounts: demoFixtures.accounts.map((a) => ({ ...a })),
    users: demoFixtures.users.map((u) => ({ ...u, accounts: [...u.accounts], permissions: [...u.permissions] })),
    calls: demoFixtures.calls.map((c) => ({ ...c })),
  };
}

/** The Postman variables a fixture set names: a user with reports, its password and accounts. */
export function postmanVariables(set: TeleTrackerFixtureSet): PostmanVariables {
  const user = set.users.find((u) => u.permissions.includes('reports'));
  return {
    username: user?.username,
    password: user?.password,
    userGuid: user?.guid,
    defaultAccountId: user?.default_account_id,
    secondAccountId: user?.accounts.find((a) => a !== user.default_account_id),
  };
}
