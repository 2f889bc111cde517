import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { eachDoor } from '../support/doors.js';
import { api, marketing, northShore } from '../support/teletracker.js';

describe('TeleTracker fixtures on the control plane', () => {
  it('GET /__control/fixtures lists users (username, password, accounts, default account) and accounts', async () => {
    const server = createMockServer({ providers: ['teletracker'] });
    const res = await supertest(server.httpServer).get('/__control/fixtures');
    expect(res.status).toBe(200);
    const { users, accounts } = res.body.teletracker;
    expect(users).toContainEqual({
      guid: marketing.guid,
      username: marketing.username,
      password: marketing.password,
      accounts: marketing.accounts,
      default_account_id: marketing.default_account_id,
      permissions: marketing.permissions,
    });
    expect(accounts.map((a: { account_id: number }) => a.account_id)).toEqual(
      expect.arrayContaining(users.flatMap((u: { accounts: number[] }) => u.accounts)),
    );
  });
});

eachDoor('TeleTracker fixtures work as they say through the %s door', { providers: ['teletracker'] }, (door) => {
  it('every listed user logs in to every listed account of theirs', async () => {
    const { users } = door.mocks.control.fixtures().teletracker as {
      users: { username: string; password: string; accounts: number[] }[];
    };
    for (const user of users) {
      for (const account of user.accounts) {
        const res = await door.call(`${api}/auth/login`, {
          form: { username: user.username, password: user.password, account_id: String(account) },
        });
        expect(res.status).toBe(200);
      }
    }
    expect(users.some((u) => u.accounts.includes(northShore.account_id))).toBe(true);
  });
});
