/**
 * Bad control input is refused before anything is stored (the clock, faults, provider actions),
 * control resources are bounded, the journal redacts every secret-looking query parameter, and
 * the server reports its own 500s on standard error without secrets.
 */
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createFaultTable, maxFaultBodyBytes, maxFaults } from '../../mocks/core/faults.js';
import { secretQueryNames } from '../../mocks/core/journal.js';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { eachDoor } from '../support/doors.js';

const [app] = applications;
const tokenForm = {
  grant_type: 'client_credentials',
  client_id: app?.client_id ?? '',
  client_secret: app?.client_secret ?? '',
};

describe('control input over HTTP', () => {
  const mock = createMockServer();
  const agent = supertest(mock.httpServer);
  afterEach(() => mock.control.reset());

  const faultCount = async () => (await agent.get('/__control/faults')).body.faults.length;

  it.each([
    [{ advanceSeconds: 1e300 }],
    [{ advanceSeconds: -1e300 }],
    [{ advanceSeconds: -100 * 365 * 24 * 3600 }], // before 1970
    [{ advanceSeconds: 9000 * 365 * 24 * 3600 }], // past 9999
    [{ set: '2024-02-30T00:00:00Z' }],
    [{ set: '2023-02-29T00:00:00Z' }],
    [{ set: '2024-13-01T00:00:00Z' }],
    [{ set: '2024-01-01T24:00:00Z' }],
    [{ set: '2024-01-01T00:60:00Z' }],
    [{ set: '1969-12-31T23:59:59Z' }],
    [{ set: '+010000-01-01T00:00:00Z' }],
    [{ set: '2024-01-01T00:00:00+25:00' }],
  ])('refuses the clock input %j with 400 and keeps the clock and server usable', async (body) => {
    const res = await agent.post('/__control/clock').send(body);
    expect([res.status, res.body.error]).toEqual([400, 'invalid_request']);
    const clock = await agent.get('/__control/clock');
    expect([clock.status, clock.body.offsetSeconds]).toEqual([200, 0]);
    expect((await agent.get('/__control/journal')).status).toBe(200);
    const token = await agent.post('/identity.eventbookings.com/connect/token').type('form').send(tokenForm);
    expect(token.status).toBe(200);
  });

  it('accepts the edges of the clock’s range and a real 29 February', async () => {
    for (const set of ['2024-02-29T12:00:00Z', '1970-01-01T00:00:00Z', '9999-12-31T00:00:00.000Z']) {
      const res = await agent.post('/__control/clock').send({ set });
      expect([set, res.status]).toEqual([set, 200]);
      expect(res.body.now.slice(0, 10)).toBe(set.slice(0, 10));
    }
  });

  it.each([
    [{ 'x-a': 'bell\u0007' }, 'a control character'],
    [{ 'x-a': 'tab\tok but nul\u0000' }, 'a NUL'],
    [{ 'x-a': 'euro €' }, 'a character beyond Latin-1'],
    [{ 'Transfer-Encoding': 'chunked' }, 'transfer-encoding'],
    [{ 'content-length': '5' }, 'content-length'],
    [{ Connection: 'close' }, 'connection'],
    [{ 'keep-alive': 'timeout=5' }, 'keep-alive'],
    [{ upgrade: 'websocket' }, 'upgrade'],
    [{ te: 'trailers' }, 'te'],
    [{ trailer: 'x-a' }, 'trailer'],
    [{ 'x-a': 1 }, 'not a string'],
  ] as [Record<string, unknown>, string][])(
    'refuses fault headers %j (%s) with 400, storing nothing',
    async (headers) => {
      const res = await agent.post('/__control/faults').send({ provider: 'eventbookings', status: 503, headers });
      expect([res.status, res.body.error]).toEqual([400, 'invalid_request']);
      expect(await faultCount()).toBe(0);
    },
  );

  it('keeps Latin-1 fault headers and serves them', async () => {
    const added = await agent
      .post('/__control/faults')
      .send({ provider: 'eventbookings', status: 503, headers: { 'Retry-After': '5', 'x-note': 'caf\u00e9' } });
    expect(added.status).toBe(201);
    const res = await agent.get('/api.eventbookings.com/me');
    expect([res.status, res.headers['retry-after']]).toEqual([503, '5']);
  });

  it('refuses a fault body nested deeper than the limit (100,000 levels) with 400, storing nothing', async () => {
    const deep = `{"provider":"eventbookings","status":500,"body":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const res = await agent.post('/__control/faults').set('content-type', 'application/json').send(deep);
    expect([res.status, res.body.error]).toEqual([400, 'invalid_request']);
    const list = await agent.get('/__control/faults');
    expect([list.status, list.body.faults]).toEqual([200, []]);
  });

  it(`refuses a fault body over ${maxFaultBodyBytes} bytes with 413, storing nothing`, async () => {
    const over = await agent
      .post('/__control/faults')
      .send({ provider: 'eventbookings', status: 500, body: { text: 'x'.repeat(maxFaultBodyBytes) } });
    expect([over.status, over.body.error]).toEqual([413, 'payload_too_large']);
    expect(await faultCount()).toBe(0);
    const body = { text: 'x'.repeat(maxFaultBodyBytes - 100) };
    const under = await agent.post('/__control/faults').send({ provider: 'eventbookings', status: 500, body });
    expect(under.status).toBe(201);
    expect((await agent.get('/api.eventbookings.com/me')).body).toEqual(body);
  });

  it(`caps live faults at ${maxFaults}: one more answers 400 too_many_faults`, async () => {
    for (let i = 0; i < maxFaults; i++) mock.control.addFault({ provider: 'tracx', status: 500, count: 5 });
    const res = await agent.post('/__control/faults').send({ provider: 'eventbookings', status: 503 });
    expect([res.status, res.body.error]).toEqual([400, 'too_many_faults']);
    expect(await faultCount()).toBe(maxFaults);
    // Faults aimed at another provider do not touch this one's answers.
    expect((await agent.get('/api.eventbookings.com/me')).status).toBe(401);
    await agent.delete('/__control/faults');
    expect((await agent.post('/__control/faults').send({ provider: 'eventbookings', status: 503 })).status).toBe(201);
  });

  it('refuses an unknown operationId with 400 naming the known ones', async () => {
    const res = await agent
      .post('/__control/faults')
      .send({ provider: 'eventbookings', operationId: 'nope', status: 500 });
    expect([res.status, res.body.error]).toEqual([400, 'invalid_request']);
    expect(res.body.message).toContain('getMe');
    const anyProvider = await agent.post('/__control/faults').send({ operationId: 'nope', status: 500 });
    expect(anyProvider.status).toBe(400);
    // An operation of another provider is not one of this provider's.
    const wrong = await agent.post('/__control/faults').send({ provider: 'tracx', operationId: 'getMe', status: 500 });
    expect(wrong.status).toBe(400);
    expect((await agent.post('/__control/faults').send({ operationId: 'getMe', status: 500 })).status).toBe(201);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])(
    'answers POST /__control/eventbookings/%s (not a declared action) with 404',
    async (name) => {
      const res = await agent.post(`/__control/eventbookings/${name}`).send({ client_id: 'x' });
      expect([res.status, res.body.error]).toEqual([404, 'not_found']);
    },
  );

  it('answers every provider action with 404 for an unknown or missing target', async () => {
    for (const [path, unknown] of [
      ['eventbookings/revoke-client', { client_id: 'nope' }],
      ['eventix/rotate-secret', { client_id: 'nope' }],
      ['tracx/revoke-connect-token', { connect_token: 'nope' }],
      ['backops/revoke-api-key', { api_key: 'nope' }],
    ] as const) {
      for (const body of [unknown, {}]) {
        const res = await agent.post(`/__control/${path}`).send(body);
        expect([path, body, res.status]).toEqual([path, body, 404]);
      }
    }
    const ok = await agent.post('/__control/eventbookings/revoke-client').send({ client_id: app?.client_id });
    expect(ok.status).toBe(200);
  });
});

describe('fault matching', () => {
  it('takes the oldest matching fault whatever its scope, and faults elsewhere never match', () => {
    const table = createFaultTable();
    for (let i = 0; i < 50; i++) table.add({ provider: 'tracx', operationId: 'other', status: 500 });
    const any = table.add({ status: 501 });
    const provider = table.add({ provider: 'eventix', status: 502 });
    const exact = table.add({ provider: 'eventix', operationId: 'requestToken', status: 503, count: 2 });
    const operation = table.add({ operationId: 'requestToken', status: 504 });
    expect(table.take('eventix', 'requestToken')?.id).toBe(any.id);
    expect(table.take('eventix', 'requestToken')?.id).toBe(provider.id);
    expect(table.take('eventix', 'requestToken')?.id).toBe(exact.id);
    expect(table.take('backops', 'requestToken')?.id).toBe(operation.id);
    expect(table.take('eventix', 'getEvents')).toBeUndefined();
    expect(table.take('eventix', 'requestToken')?.id).toBe(exact.id);
    expect(table.take('eventix', 'requestToken')).toBeUndefined();
    expect(table.size).toBe(50);
    expect(table.list().map((f) => f.operationId)).toEqual(Array(50).fill('other'));
    expect(table.clear(table.list()[3]?.id)).toBe(1);
    expect(table.size).toBe(49);
  });
});

eachDoor('control input in-process, through the %s door', { providers: ['eventbookings'] }, (door) => {
  it('refuses bad clock and fault input and declared-action lookups on the prototype', async () => {
    const { control } = door.mocks;
    expect(() => control.advanceClock(1e300)).toThrow(expect.objectContaining({ code: 'clock_invalid' }));
    expect(() => control.setClock('2024-02-30T00:00:00Z')).toThrow(expect.objectContaining({ code: 'clock_invalid' }));
    expect(() => control.setClock(new Date(Date.UTC(10_000, 0, 1)))).toThrow();
    expect(control.clock().offsetSeconds).toBe(0);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const body of [cyclic, { n: Number.NaN }, { f: () => 1 }, { b: 1n }]) {
      expect(() => control.addFault({ status: 500, body })).toThrow(expect.objectContaining({ code: 'fault_invalid' }));
    }
    expect(control.faults().faults).toEqual([]);
    await expect(control.action('eventbookings', 'constructor', {})).rejects.toMatchObject({ code: 'action_unknown' });
    await expect(control.action('eventbookings', 'revoke-client', {})).rejects.toMatchObject({ code: 'not_found' });
  });

  it('an injected fault aimed at one operation takes its requests only', async () => {
    door.mocks.control.addFault({ provider: 'eventbookings', operationId: 'getMe', status: 503 });
    const token = await door.call('https://identity.eventbookings.com/connect/token', { form: tokenForm });
    expect(token.status).toBe(200);
    const me = await door.call('https://api.eventbookings.com/me', {
      headers: { authorization: `Bearer ${token.body.access_token}` },
    });
    expect(me.status).toBe(503);
  });

  it('redacts every query parameter on the one secret list in the journal, and keeps the others', async () => {
    const names = [
      ...new Set([
        ...secretQueryNames,
        ...['pwd', 'pass', 'password', 'passwd', 'jwt', 'bearer', 'id_token', 'code_verifier', 'client_secret'],
      ]),
    ];
    const query = new URLSearchParams(names.map((n, i) => [n.toUpperCase(), `s3cret-${i}`]));
    query.append('page', '2');
    await door.call(`https://api.eventbookings.com/me?${query}`);
    const [entry] = door.mocks.control.journal().entries;
    expect(entry?.query).toBeDefined();
    for (let i = 0; i < names.length; i++) expect(entry?.query).not.toContain(`s3cret-${i}`);
    expect(new URLSearchParams(entry?.query).get('page')).toBe('2');
    expect(new URLSearchParams(entry?.query).getAll('PWD')).toEqual(['[redacted]']);
  });
});

describe('the server reports its own 500s on standard error', () => {
  it('one line with method, host, path and operation; no query, header or long token', async () => {
    const lines: string[] = [];
    const mock = createMockServer({ providers: ['eventbookings'], reportError: (line) => lines.push(line) });
    const secret = 'tok_abcdefghijklmnopqrstuvwxyz0123456789';
    const operation = mock.engine.providers.get('eventbookings')?.operations.find((o) => o.operationId === 'getMe');
    if (operation === undefined) throw new Error('no getMe');
    Object.assign(operation, {
      handle: () => {
        throw new TypeError(`boom near ${secret}`);
      },
    });
    const res = await supertest(mock.httpServer)
      .get('/api.eventbookings.com/me?access_token=querysecret')
      .set('authorization', 'Bearer headersecret');
    expect(res.status).toBe(500);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toContain('GET /api.eventbookings.com/me');
    expect(line).toContain('getMe');
    expect(line).toContain('boom');
    for (const hidden of ['querysecret', 'headersecret', secret]) expect(line).not.toContain(hidden);
  });
});
