import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock, createEngine, type Provider } from '../../mocks/core/index.js';
import { createHandlers } from '../../mocks/doors/msw/handlers.js';

/** A provider whose operations echo their id and path parameters. */
function provider(id: string, host: string, caseInsensitivePaths: boolean): Provider {
  const op = (operationId: string, path: string) => ({
    operationId,
    method: 'GET' as const,
    hosts: [host],
    path,
    handle: (request: { params: Readonly<Record<string, string>> }) => ({
      status: 200,
      body: { operationId, params: request.params },
    }),
  });
  return {
    id,
    title: id,
    hosts: [host],
    caseInsensitivePaths,
    operations: [op('me', '/me'), op('event', '/Events/{eventId}/authorize')],
    ready: async () => {},
    reset: async () => {},
    fixtures: () => ({}),
    demo: () => [],
    snapshot: () => '{}',
    errorResponse: (error) => ({ status: error.code === 'route_not_found' ? 404 : 405, body: { code: error.code } }),
  };
}

describe('the MSW door routes as the engine router does', () => {
  const engine = createEngine({
    clock: createClock(),
    providers: [provider('strict', 'api.strict.test', false), provider('folded', 'api.folded.test', true)],
  });
  const server = setupServer(...createHandlers(engine));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  const get = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, body: await res.json() };
  };

  it('matches paths exactly for a provider that routes case-sensitively', async () => {
    expect(await get('https://api.strict.test/me')).toMatchObject({ status: 200, body: { operationId: 'me' } });
    expect(await get('https://api.strict.test/ME')).toEqual({ status: 404, body: { code: 'route_not_found' } });
    expect((await get('https://api.strict.test/events/abc/AUTHORIZE')).status).toBe(404);
  });

  it('folds the case of literal segments, not of parameters, for a provider that asks for it', async () => {
    expect(await get('https://api.folded.test/ME')).toMatchObject({ status: 200, body: { operationId: 'me' } });
    expect(await get('https://api.folded.test/events/AbC%20d/AUTHORIZE')).toEqual({
      status: 200,
      body: { operationId: 'event', params: { eventId: 'AbC d' } },
    });
  });
});

describe('the MSW door is one handler per host over the shared pipeline', () => {
  const engine = createEngine({ clock: createClock(), providers: [provider('strict', 'api.strict.test', false)] });
  const handlers = createHandlers(engine);

  it('has one handler per provider host', () => {
    expect(handlers).toHaveLength(1);
  });

  it('leaves a request for any other host unhandled (MSW then bypasses or errors, as configured)', async () => {
    expect(await getResponse(handlers, new Request('https://elsewhere.test/me'))).toBeUndefined();
  });

  it('answers a preflight with 204 and CORS headers, outside the journal, as the node:http door does', async () => {
    const preflight = new Request('https://api.strict.test/me', {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    const res = await getResponse(handlers, preflight);
    expect(res?.status).toBe(204);
    expect(res?.headers.get('access-control-allow-headers')).toBe('authorization');
    expect(engine.journal.entries()).toHaveLength(0);
    const answer = await getResponse(handlers, new Request('https://api.strict.test/me'));
    expect(answer?.headers.get('access-control-allow-origin')).toBe('*');
    expect(engine.journal.entries()).toHaveLength(1);
  });
});
