import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { clients, companies, users } from '../../mocks/providers/eventix/fixtures.js';

describe('eventix on the control plane (standalone server)', () => {
  const mock = createMockServer({ providers: ['eventix'] });
  const agent = supertest(mock.httpServer);
  afterEach(() => mock.control.reset());

  it('GET /__control/fixtures lists clients (id, secret, redirect URIs), users with companies, and companies', async () => {
    const res = await agent.get('/__control/fixtures');
    expect(res.status).toBe(200);
    const eventix = res.body.eventix;
    expect(eventix.clients).toEqual(
      clients.map((c) =>
        expect.objectContaining({
          client_id: c.client_id,
          client_secret: c.client_secret,
          redirect_uris: c.redirect_uris,
        }),
      ),
    );
    expect(eventix.users).toEqual(
      users.map((u) => expect.objectContaining({ guid: u.guid, name: u.name, companies: u.companies })),
    );
    expect(eventix.companies).toEqual(companies.map((c) => ({ guid: c.guid, name: c.name })));
    expect(eventix).toMatchObject({ token_cap: 10, code_ttl_seconds: 60, access_token_ttl_seconds: 259200 });
  });

  it('POST /__control/eventix/rotate-secret rotates a secret; reset brings the seeded one back', async () => {
    const [client] = clients as [(typeof clients)[0]];
    const rotated = await agent.post('/__control/eventix/rotate-secret').send({ client_id: client.client_id });
    expect(rotated.status).toBe(200);
    expect(rotated.body.client_secret).toMatch(/^exs_/);
    expect(rotated.body.client_secret).not.toBe(client.client_secret);
    const unknown = await agent.post('/__control/eventix/rotate-secret').send({ client_id: 'nope' });
    expect([unknown.status, unknown.body.error]).toEqual([404, 'not_found']);
    const bad = await agent
      .post('/__control/eventix/rotate-secret')
      .send({ client_id: client.client_id, client_secret: 5 });
    expect([bad.status, bad.body.error]).toEqual([400, 'invalid_request']);
    await agent.post('/__control/reset');
    const after = await agent.get('/__control/fixtures');
    expect(after.body.eventix.clients[0].client_secret).toBe(client.client_secret);
  });

  it('never writes a secret or token into the journal', async () => {
    const [client] = clients as [(typeof clients)[0]];
    const redirect = client.redirect_uris[0] as string;
    const authorize = await agent
      .get('/auth.eventix.io/tokens/authorize')
      .query({ client_id: client.client_id, redirect_uri: redirect, response_type: 'code', state: 's' });
    const code = new URL(authorize.headers.location as string).searchParams.get('code') as string;
    const token = await agent.post('/auth.eventix.io/tokens').send({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirect,
      client_id: client.client_id,
      client_secret: client.client_secret,
    });
    expect(token.status).toBe(200);
    await agent.get('/api.eventix.io/event').set('authorization', `Bearer ${token.body.access_token}`);
    const journal = JSON.stringify((await agent.get('/__control/journal')).body);
    for (const secret of [client.client_secret, code, token.body.access_token, token.body.refresh_token]) {
      expect(journal).not.toContain(secret);
    }
    expect(journal).toContain('requestToken');
  });
});
