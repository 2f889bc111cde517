/** `engine.onAnswered`: every request the engine answered, with its journal entry and, for a 500 of a bug, the bug. */
import { describe, expect, it } from 'vitest';
import { createClock } from '../../mocks/core/clock.js';
import { type AnsweredListener, createEngine, type IncomingRequest } from '../../mocks/core/engine.js';
import { MockError } from '../../mocks/core/errors.js';
import type { Operation, Provider } from '../../mocks/core/provider.js';

const op = (operationId: string, path: string, handle: Operation['handle']): Operation => ({
  operationId,
  method: 'GET',
  hosts: ['api.test'],
  path,
  handle,
});

const provider = {
  id: 'api',
  title: 'api',
  hosts: ['api.test'],
  caseInsensitivePaths: false,
  operations: [
    op('ok', '/ok', () => ({ status: 200, body: {} })),
    op('refused', '/refused', () => {
      throw new MockError('credentials_missing', 'No credentials.');
    }),
    op('broken', '/broken', () => {
      throw new TypeError('boom');
    }),
  ],
  ready: () => Promise.resolve(),
  reset: async () => {},
  fixtures: () => ({}),
  demo: () => [],
  snapshot: () => '{}',
  errorResponse: (error: MockError) => ({ status: error.code === 'internal' ? 500 : 401, body: { error: error.code } }),
} as unknown as Provider;

function request(path: string): IncomingRequest {
  return {
    method: 'GET',
    host: 'api.test',
    path,
    query: new URLSearchParams(),
    search: '',
    headers: { get: () => null },
    readBody: async () => new Uint8Array(0),
  };
}

describe('engine.onAnswered', () => {
  it('tells each listener of every answered request, its entry, and the bug of a 500', async () => {
    const engine = createEngine({ providers: [provider], clock: createClock() });
    const heard: Parameters<AnsweredListener>[] = [];
    engine.onAnswered((...args) => heard.push(args));
    const asked = ['/ok', '/refused', '/broken', '/nowhere'].map(request);
    for (const r of asked) await engine.answer(r);
    expect(heard.map(([r]) => r)).toEqual(asked);
    expect(heard.map(([, entry]) => [entry.operationId, entry.status, entry.reason])).toEqual([
      ['ok', 200, undefined],
      ['refused', 401, 'credentials_missing'],
      ['broken', 500, 'internal'],
      [null, 401, 'route_not_found'],
    ]);
    expect(heard.map(([, , bug]) => bug?.operationId)).toEqual([undefined, undefined, 'broken', undefined]);
    expect(heard[2]?.[2]).toMatchObject({ method: 'GET', host: 'api.test', path: '/broken' });
  });

  it('stops telling a listener once it unsubscribes; others go on', async () => {
    const engine = createEngine({ providers: [provider], clock: createClock() });
    let first = 0;
    let second = 0;
    const stop = engine.onAnswered(() => first++);
    engine.onAnswered(() => second++);
    await engine.answer(request('/ok'));
    stop();
    await engine.answer(request('/ok'));
    expect([first, second]).toEqual([1, 2]);
  });

  it('does not tell of a request for a host no provider serves', async () => {
    const engine = createEngine({ providers: [provider], clock: createClock() });
    let told = 0;
    engine.onAnswered(() => told++);
    expect(await engine.answer({ ...request('/ok'), host: 'other.test' })).toBeUndefined();
    expect(told).toBe(0);
  });
});
