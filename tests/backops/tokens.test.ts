import { expect, it } from 'vitest';
import {
  adminKey,
  allTokens,
  api,
  aurora,
  type Credentials,
  creds,
  eventToken,
  lastReason,
  mainStage,
  northern,
  sam,
} from '../support/backops.js';
import { eachDoor } from '../support/doors.js';
import { lastEntry } from '../support/kit.js';

type Tokens = Awaited<ReturnType<typeof allTokens>>;

/** Every operation, with the credentials it needs (from `allTokens`). */
const operations: [string, string, string, (t: Tokens) => Credentials][] = [
  ['authorizeOrganization', 'GET', `${api}/Organizations/${northern.id}/authorize`, (t) => ({ key: t.key })],
  [
    'addOrganizationUser',
    'POST',
    `${api}/Organizations/${northern.id}/users`,
    (t) => ({ key: t.key, organization: t.organization }),
  ],
  ['authorizeEvent', 'GET', `${api}/Events/${aurora.id}/authorize`, (t) => ({ key: t.key })],
  ['listOrganizationEvents', 'GET', `${api}/Organizations/${northern.id}/events`, (t) => ({ key: t.key })],
  ['authorizeCollaborator', 'GET', `${api}/Collaborators/${sam.id}/authorize`, (t) => ({ key: t.key, event: t.event })],
  ['authorizeArea', 'GET', `${api}/Areas/${mainStage.id}/authorize`, (t) => ({ key: t.key, event: t.event })],
  ['getEvent', 'GET', `${api}/Events/${aurora.id}`, (t) => ({ key: t.key, event: t.event })],
  ['listEventAreas', 'GET', `${api}/Events/${aurora.id}/areas`, (t) => ({ key: t.key, event: t.event })],
  ['createEventArea', 'POST', `${api}/Events/${aurora.id}/areas`, (t) => ({ key: t.key, event: t.event })],
  [
    'listEventCollaborators',
    'GET',
    `${api}/Events/${aurora.id}/collaborators`,
    (t) => ({ key: t.key, event: t.event }),
  ],
  [
    'getAreaDaysheet',
    'GET',
    `${api}/Areas/${mainStage.id}/daysheet`,
    (t) => ({ key: t.key, event: t.event, area: t.area }),
  ],
  ...(['daySheet', 'dashboard', 'crew'] as const).map((leaf): [string, string, string, (t: Tokens) => Credentials] => [
    `getCollaborator ${leaf}`,
    'GET',
    `${api}/collaborators/${sam.id}/${leaf}`,
    (t) => ({ key: t.key, event: t.event, collaborator: t.collaborator }),
  ]),
];

/** Operations the API key alone opens. */
const keyOnly = ['authorizeEvent', 'listOrganizationEvents', 'authorizeOrganization'];

const without = (c: Credentials, name: keyof Credentials): Credentials => ({ ...c, [name]: undefined });

eachDoor('BackOps tokens through the %s door', { providers: ['backops'] }, (door) => {
  let invitee = 0;
  const bodyFor = (url: string) =>
    url.endsWith('/users') ? { email: `invitee.${++invitee}@example.com` } : { name: 'Gate 4' };
  const call = (method: string, url: string, c: Credentials) =>
    door.call(url, { method, headers: creds(c), ...(method === 'POST' ? { json: bodyFor(url) } : {}) });

  it('authorizeEvent exchanges the API key for an event token that opens the event', async () => {
    const res = await door.call(`${api}/Events/${aurora.id}/authorize`, { headers: creds({ key: adminKey.api_key }) });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['token']);
    const event = await door.call(`${api}/Events/${aurora.id}`, {
      headers: creds({ key: adminKey.api_key, event: res.body.token }),
    });
    expect(event.status).toBe(200);
    expect(event.body.id).toBe(aurora.id);
  });

  it('authorizeArea and authorizeCollaborator exchange the key and event token for tokens that open their calls', async () => {
    const t = await allTokens(door);
    expect(new Set([t.key, t.organization, t.event, t.area, t.collaborator]).size).toBe(5);
    expect((await call('GET', `${api}/Areas/${mainStage.id}/daysheet`, { ...t, collaborator: undefined })).status).toBe(
      200,
    );
    expect((await call('GET', `${api}/collaborators/${sam.id}/daySheet`, { ...t, area: undefined })).status).toBe(200);
  });

  it('issues a fresh event token on every authorize call, and both work', async () => {
    const first = await eventToken(door);
    const second = await eventToken(door);
    expect(first).not.toBe(second);
    for (const event of [first, second]) {
      expect((await call('GET', `${api}/Events/${aurora.id}`, { key: adminKey.api_key, event })).status).toBe(200);
    }
  });

  it.each(operations)('%s succeeds with exactly the credentials it needs', async (_id, method, url, needs) => {
    const t = await allTokens(door);
    const res = await call(method, url, needs(t));
    expect(res.status).toBe(url.endsWith('/areas') && method === 'POST' ? 201 : 200);
  });

  it.each(operations)('%s refuses a request without the API key with 401', async (_id, method, url, needs) => {
    const t = await allTokens(door);
    const res = await call(method, url, without(needs(t), 'key'));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'UNAUTHORIZED', message: expect.any(String) });
    expect(lastReason(door)).toBe('credentials_missing');
  });

  it.each(operations.filter(([id]) => !keyOnly.includes(id)))(
    '%s is not opened by the API key alone: 401',
    async (_id, method, url) => {
      const res = await call(method, url, { key: adminKey.api_key });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
      expect(lastReason(door)).toBe('credentials_missing');
    },
  );

  it.each([
    ['getAreaDaysheet without the event token', `${api}/Areas/${mainStage.id}/daysheet`, 'event', 'collaborator'],
    ['getAreaDaysheet without the area token', `${api}/Areas/${mainStage.id}/daysheet`, 'area', 'collaborator'],
    ['getCollaboratorDaySheet without the event token', `${api}/collaborators/${sam.id}/daySheet`, 'event', 'area'],
    [
      'getCollaboratorDaySheet without the collaborator token',
      `${api}/collaborators/${sam.id}/daySheet`,
      'collaborator',
      'area',
    ],
  ] as const)('refuses %s with 401', async (_name, url, missing, unused) => {
    const t = await allTokens(door);
    const res = await call('GET', url, without(without(t, missing), unused));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
    expect(lastReason(door)).toBe('credentials_missing');
  });

  it.each([
    ['a Basic header', 'Basic Zm9vOmJhcg=='],
    ['a bare key without a scheme', adminKey.api_key],
    ['an empty Bearer', 'Bearer '],
  ])('refuses the API key sent as %s with 401', async (_name, authorization) => {
    const res = await door.call(`${api}/Events/${aurora.id}/authorize`, { headers: { authorization } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
    expect(lastReason(door)).toBe('credentials_missing');
  });

  it('refuses an unknown API key and unknown scoped tokens with 401 token_unknown', async () => {
    const t = await allTokens(door);
    const cases: [string, Credentials][] = [
      [`${api}/Events/${aurora.id}/authorize`, { key: 'bo_live_not_a_key' }],
      [`${api}/Events/${aurora.id}`, { key: t.key, event: 'not-a-token' }],
      [`${api}/Areas/${mainStage.id}/daysheet`, { key: t.key, event: t.event, area: 'not-a-token' }],
      [`${api}/collaborators/${sam.id}/daySheet`, { key: t.key, event: t.event, collaborator: 'not-a-token' }],
    ];
    for (const [url, c] of cases) {
      const res = await call('GET', url, c);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
      expect(lastReason(door)).toBe('token_unknown');
    }
  });

  it.each([
    ['the event token as the API key', `${api}/Events/${aurora.id}/authorize`, (t: Tokens) => ({ key: t.event })],
    ['the area token as the API key', `${api}/Organizations/${northern.id}/events`, (t: Tokens) => ({ key: t.area })],
    ['the area token as the event token', `${api}/Events/${aurora.id}`, (t: Tokens) => ({ key: t.key, event: t.area })],
    [
      'the collaborator token as the event token',
      `${api}/Events/${aurora.id}/areas`,
      (t: Tokens) => ({ key: t.key, event: t.collaborator }),
    ],
    [
      'the API key as the event token',
      `${api}/Areas/${mainStage.id}/authorize`,
      (t: Tokens) => ({ key: t.key, event: t.key }),
    ],
    [
      'the event token as the area token',
      `${api}/Areas/${mainStage.id}/daysheet`,
      (t: Tokens) => ({ key: t.key, event: t.event, area: t.event }),
    ],
    [
      'the collaborator token as the area token',
      `${api}/Areas/${mainStage.id}/daysheet`,
      (t: Tokens) => ({ key: t.key, event: t.event, area: t.collaborator }),
    ],
    [
      'the area token as the collaborator token',
      `${api}/collaborators/${sam.id}/daySheet`,
      (t: Tokens) => ({ key: t.key, event: t.event, collaborator: t.area }),
    ],
    [
      'the event token as the organization token',
      `${api}/Organizations/${northern.id}/users`,
      (t: Tokens) => ({ key: t.key, organization: t.event }),
    ],
    [
      'the organization token as the event token',
      `${api}/Events/${aurora.id}`,
      (t: Tokens) => ({ key: t.key, event: t.organization }),
    ],
    [
      'the organization token as the API key',
      `${api}/Organizations/${northern.id}/events`,
      (t: Tokens) => ({ key: t.organization }),
    ],
    [
      'the event token as the collaborator token',
      `${api}/collaborators/${sam.id}/daySheet`,
      (t: Tokens) => ({ key: t.key, event: t.event, collaborator: t.event }),
    ],
  ])('refuses %s with 401 token_wrong_kind', async (_name, url, make) => {
    const res = await call(url.endsWith('/users') ? 'POST' : 'GET', url, make(await allTokens(door)));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
    expect(lastReason(door)).toBe('token_wrong_kind');
  });

  it('records which credential a request without the API key presented: Basic, or none', async () => {
    const url = `${api}/Events/${aurora.id}/authorize`;
    for (const [authorization, credential] of [
      ['Basic Zm9vOmJhcg==', 'basic'],
      [adminKey.api_key, 'none'],
      [undefined, 'none'],
    ] as const) {
      const res = await door.call(url, { headers: authorization === undefined ? {} : { authorization } });
      expect(res.status).toBe(401);
      expect([lastReason(door), lastEntry(door)?.credential]).toEqual(['credentials_missing', credential]);
    }
  });

  it('takes an empty or blank token header as missing, not as an unknown token', async () => {
    for (const blank of ['', '   ']) {
      const res = await door.call(`${api}/Events/${aurora.id}`, {
        headers: { authorization: `Bearer ${adminKey.api_key}`, 'x-Event-Token': blank },
      });
      expect(res.status).toBe(401);
      expect(lastReason(door)).toBe('credentials_missing');
    }
  });

  it('reads the token headers whatever their case', async () => {
    const event = await eventToken(door);
    const res = await door.call(`${api}/Events/${aurora.id}`, {
      headers: { AUTHORIZATION: `bearer ${adminKey.api_key}`, 'X-EVENT-TOKEN': event },
    });
    expect(res.status).toBe(200);
  });
});
