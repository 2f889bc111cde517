import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { eachDoor } from '../support/doors.js';
import { eventsApp, tokenUrl } from '../support/eventbookings.js';

const tokenRequest = {
  json: { grant_type: 'client_credentials', client_id: eventsApp.client_id, client_secret: eventsApp.client_secret },
};

eachDoor('fault injection (%s door)', (door) => {
  it('answers the next N matching requests with the fault, then the operation again; the journal shows it', async () => {
    const fault = door.mocks.control.addFault({
      provider: 'eventbookings',
      operationId: 'requestToken',
      count: 2,
      status: 429,
      headers: { 'Retry-After': '5' },
    });
    const other = await door.call('https://api.eventbookings.com/me');
    expect(other.status).toBe(401); // another operation: untouched
    for (let i = 0; i < 2; i++) {
      const res = await door.call(tokenUrl, tokenRequest);
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toMatchObject({ error: 'fault_injected', fault: fault.id });
    }
    expect((await door.call(tokenUrl, tokenRequest)).status).toBe(200);
    const outcomes = door.mocks.control.journal().entries.map((e) => [e.operationId, e.outcome, e.fault ?? null]);
    expect(outcomes).toEqual([
      ['getMe', 'refused', null],
      ['requestToken', 'fault', fault.id],
      ['requestToken', 'fault', fault.id],
      ['requestToken', 'ok', null],
    ]);
    expect(door.mocks.control.faults().faults).toEqual([]);
  });

  it('matches every operation of a provider when no operationId is given, with a chosen body', async () => {
    door.mocks.control.addFault({ provider: 'eventbookings', status: 503, body: { message: 'maintenance' } });
    const res = await door.call('https://api.eventbookings.com/me');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ message: 'maintenance' });
    expect((await door.call('https://api.eventbookings.com/me')).status).toBe(401);
  });

  it('delays an answer without changing it', async () => {
    door.mocks.control.addFault({ provider: 'eventbookings', operationId: 'requestToken', delayMs: 150 });
    const started = performance.now();
    const res = await door.call(tokenUrl, tokenRequest);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const [entry] = door.mocks.control.journal().entries;
    expect(entry?.outcome).toBe('ok');
    expect(entry?.fault).toMatch(/^fault_/);
  });

  it('drops the connection: the client sees a network error, and the next request is answered', async () => {
    door.mocks.control.addFault({ provider: 'eventbookings', operationId: 'requestToken', drop: true });
    await expect(door.call(tokenUrl, tokenRequest)).rejects.toThrow();
    expect((await door.call(tokenUrl, tokenRequest)).status).toBe(200);
    expect(door.mocks.control.journal().entries[0]).toMatchObject({ outcome: 'fault', status: 0 });
  });

  it('forgets faults on DELETE (one or all) and on reset', async () => {
    const a = door.mocks.control.addFault({ status: 500 });
    door.mocks.control.addFault({ status: 502 });
    expect(door.mocks.control.clearFaults(a.id)).toEqual({ removed: 1 });
    expect(door.mocks.control.clearFaults()).toEqual({ removed: 1 });
    door.mocks.control.addFault({ status: 500 });
    await door.mocks.control.reset();
    expect((await door.call(tokenUrl, tokenRequest)).status).toBe(200);
  });
});

describe('fault injection over /__control/faults', () => {
  const mock = createMockServer();
  const agent = supertest(mock.httpServer);
  afterEach(() => mock.control.reset());

  it('adds (201), lists, applies and deletes faults', async () => {
    const added = await agent
      .post('/__control/faults')
      .send({ provider: 'eventbookings', operationId: 'getMe', status: 500, count: 3 });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: expect.stringMatching(/^fault_/), remaining: 3, status: 500 });
    expect((await agent.get('/api.eventbookings.com/me')).status).toBe(500);
    expect((await agent.get('/__control/faults')).body.faults).toMatchObject([{ id: added.body.id, remaining: 2 }]);
    expect((await agent.delete(`/__control/faults/${added.body.id}`)).body).toEqual({ removed: 1 });
    expect((await agent.delete(`/__control/faults/${added.body.id}`)).status).toBe(404);
    expect((await agent.get('/api.eventbookings.com/me')).status).toBe(401);
  });

  it.each([
    [{ provider: 'eventbookings' }, 'no effect'],
    [{ status: 200 }, 'not an error status'],
    [{ status: 500, provider: 'nope' }, 'unknown provider'],
    [{ status: 500, drop: true }, 'both status and drop'],
    [{ status: 500, colour: 'red' }, 'unknown field'],
    [{ delayMs: 120_000 }, 'delay too long'],
    [{ status: 500, count: 0 }, 'count below 1'],
    [{ status: 500, headers: { 'bad header': 'x' } }, 'invalid header name'],
    [{ status: 500, headers: { 'x-a': 'line\r\nbreak' } }, 'header injection'],
    [['not', 'an', 'object'], 'not an object'],
  ] as [unknown, string][])('refuses %j (%s) with 400 invalid_request', async (spec) => {
    const res = await agent.post('/__control/faults').send(spec as object);
    expect([res.status, res.body.error]).toEqual([400, 'invalid_request']);
    expect((await agent.get('/__control/faults')).body.faults).toEqual([]);
  });
});
