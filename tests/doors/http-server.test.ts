import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { providerIds } from '../../mocks/providers/index.js';

describe('standalone server and control plane', () => {
  const mock = createMockServer();
  const agent = supertest(mock.httpServer);
  afterEach(() => mock.control.reset());

  it('GET /__control/health lists the providers', async () => {
    const res = await agent.get('/__control/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', providers: [...providerIds] });
  });

  it('GET /__control/fixtures lists every provider’s demo credentials under its id', async () => {
    const res = await agent.get('/__control/fixtures');
    expect(res.body.eventbookings.applications.map((a: { client_id: string }) => a.client_id)).toEqual(
      applications.map((a) => a.client_id),
    );
  });

  it('moves the clock by advanceSeconds and to a set instant, and reset returns to real time', async () => {
    const before = Date.parse((await agent.get('/__control/clock')).body.now);
    const advanced = await agent.post('/__control/clock').send({ advanceSeconds: 3600 });
    expect(advanced.status).toBe(200);
    expect(Date.parse(advanced.body.now) - before).toBeGreaterThanOrEqual(3600_000);
    const set = await agent.post('/__control/clock').send({ set: '2030-01-01T00:00:00Z' });
    expect(set.body.now.startsWith('2030-01-01T00:00:0')).toBe(true);
    await agent.post('/__control/reset');
    expect((await agent.get('/__control/clock')).body.offsetSeconds).toBe(0);
  });

  it.each([[{ advanceSeconds: 'soon' }], [{ set: 'yesterday' }], [{}]])(
    'refuses a bad clock request %j with 400',
    async (body) => {
      const res = await agent.post('/__control/clock').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid_request');
    },
  );

  it('refuses malformed JSON on the control plane with 400', async () => {
    const res = await agent.post('/__control/clock').set('content-type', 'application/json').send('{"x":');
    expect(res.status).toBe(400);
  });

  it('reset forgets issued tokens and empties the journal', async () => {
    const [app] = applications;
    const token = await agent
      .post('/identity.eventbookings.com/connect/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: app?.client_id, client_secret: app?.client_secret });
    expect((await agent.get('/__control/journal')).body.entries).toHaveLength(1);
    await agent.post('/__control/reset');
    expect((await agent.get('/__control/journal')).body.entries).toHaveLength(0);
    const me = await agent.get('/api.eventbookings.com/me').set('authorization', `Bearer ${token.body.access_token}`);
    expect(me.status).toBe(401);
  });

  it('answers unknown control routes and actions with 404', async () => {
    expect((await agent.get('/__control/nothing')).status).toBe(404);
    expect((await agent.post('/__control/eventbookings/nothing')).status).toBe(404);
  });

  it('answers an unknown host with 404 unknown_host and never forwards it', async () => {
    const res = await agent.get('/example.com/anything');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('unknown_host');
  });

  it('lists providers and their local base URLs at /', async () => {
    const res = await agent.get('/');
    expect(res.status).toBe(200);
    expect(res.body.providers[0].hosts.map((h: { host: string }) => h.host)).toEqual([
      'identity.eventbookings.com',
      'api.eventbookings.com',
    ]);
  });

  it('serves hosts case-insensitively and HEAD without a body', async () => {
    expect((await agent.get('/API.EventBookings.com/me')).status).toBe(401);
    const head = await agent.head('/__control/health');
    expect(head.status).toBe(200);
    expect(head.text).toBeUndefined();
  });

  it('stays usable on a keep-alive connection after a refused oversized body', async () => {
    const { url } = await mock.listen(0);
    try {
      const big = await fetch(`${url}/identity.eventbookings.com/connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(2 * 1024 * 1024),
      });
      expect(big.status).toBe(413);
      const next = await fetch(`${url}/__control/health`);
      expect(next.status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});
