import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { createMockServer, type MockServerOptions } from '../../mocks/doors/http/index.js';

const token = 'a-control-token-of-32-characters';

describe.each<[string, MockServerOptions]>([
  ['the default server', {}],
  ['a server with --no-control', { control: false }],
  ['a server guarded by a control token', { controlToken: token }],
  ['a server with only one provider', { providers: ['eventix'] }],
])('GET /healthz on %s', (_name, options) => {
  const mock = createMockServer(options);
  const agent = supertest(mock.httpServer);

  it('answers 200 {"status":"ok"} without any credential', async () => {
    const res = await agent.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('ignores a query string and answers HEAD with no body', async () => {
    expect((await agent.get('/healthz?probe=1')).status).toBe(200);
    const head = await agent.head('/healthz');
    expect(head.status).toBe(200);
    expect(head.text ?? '').toBe('');
  });

  it('answers whatever Host and Origin the probe sends (it reveals nothing about the world)', async () => {
    const res = await agent.get('/healthz').set('host', 'mocks:4010').set('origin', 'https://evil.example');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('refuses other methods with 405 and an Allow header', async () => {
    const res = await agent.post('/healthz').send({});
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.body.error).toBe('method_not_allowed');
  });
});

describe('the control plane is unchanged by /healthz', () => {
  it('still refuses /__control/health without the control token', async () => {
    const mock = createMockServer({ controlToken: token });
    const res = await supertest(mock.httpServer).get('/__control/health');
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('control_unauthorized');
  });
});
