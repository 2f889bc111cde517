import { describe, expect, it } from 'vitest';
import type { HttpMethod, Operation, Provider } from '../../mocks/core/provider.js';
import { compileRouter, type RouteMatch } from '../../mocks/core/router.js';

const op = (operationId: string, method: HttpMethod, path: string, hosts = ['api.test']): Operation => ({
  operationId,
  method,
  hosts,
  path,
  handle: () => ({ status: 200 }),
});

function provider(id: string, hosts: string[], operations: Operation[], caseInsensitivePaths = false): Provider {
  return {
    id,
    title: id,
    hosts,
    caseInsensitivePaths,
    operations,
    ready: async () => {},
    reset: async () => {},
    fixtures: () => ({}),
    demo: () => [],
    snapshot: () => '{}',
    errorResponse: () => ({ status: 500 }),
  } as Provider;
}

const api = provider(
  'api',
  ['api.test', 'api2.test'],
  [
    op('root', 'GET', '/'),
    op('me', 'GET', '/me'),
    op('meUpdate', 'PUT', '/me'),
    op('list', 'GET', '/orgs/{org}/events'),
    op('make', 'POST', '/orgs/{org}/events'),
    op('orgMembers', 'GET', '/orgs/{org}/members'),
    op('event', 'GET', '/orgs/{org}/events/{event}'),
    op('eventDelete', 'DELETE', '/orgs/{org}/events/{event}'),
    op('mine', 'GET', '/orgs/mine/events', ['api.test']),
    op('other', 'GET', '/elsewhere', ['api2.test']),
  ],
);
const folding = provider(
  'fold',
  ['fold.test'],
  [op('list', 'GET', '/Orgs/{Org}/Events', ['fold.test']), op('me', 'GET', '/Me', ['fold.test'])],
  true,
);

/** What a match comes to: the operation and its params, `405 <allow>`, `404`, or undefined. */
function outcome(m: RouteMatch | undefined) {
  if (m === undefined) return undefined;
  if (m.kind === 'operation') return [m.provider.id, m.operation.operationId, m.params];
  if (m.kind === 'method_not_allowed') return [m.provider.id, 405, [...m.allow].sort()];
  return [m.provider.id, 404];
}

describe('the router', () => {
  // Compiled in each test, not at collection time, so a mutant of compileRouter is seen by the test.
  const router = {
    match: (...args: Parameters<ReturnType<typeof compileRouter>['match']>) =>
      compileRouter([api, folding]).match(...args),
  };

  it.each([
    ['api.test', 'GET', '/', ['api', 'root', {}]],
    ['api.test', 'GET', '/me', ['api', 'me', {}]],
    ['api.test', 'PUT', '/me', ['api', 'meUpdate', {}]],
    ['api.test', 'GET', '/me/', ['api', 'me', {}]],
    ['api.test', 'HEAD', '/me', ['api', 'me', {}]],
    ['api.test', 'HEAD', '/orgs/o1/events', ['api', 'list', { org: 'o1' }]],
    ['api.test', 'DELETE', '/me', ['api', 405, ['GET', 'PUT']]],
    ['api.test', 'POST', '/', ['api', 405, ['GET']]],
    ['api.test', 'GET', '/orgs/o1/events', ['api', 'list', { org: 'o1' }]],
    ['api.test', 'POST', '/orgs/o1/events/', ['api', 'make', { org: 'o1' }]],
    ['api.test', 'PUT', '/orgs/o1/events', ['api', 405, ['GET', 'POST']]],
    ['api.test', 'GET', '/orgs/o1/members', ['api', 'orgMembers', { org: 'o1' }]],
    ['api.test', 'GET', '/orgs/o1/events/e9', ['api', 'event', { org: 'o1', event: 'e9' }]],
    ['api.test', 'DELETE', '/orgs/o1/events/e9', ['api', 'eventDelete', { org: 'o1', event: 'e9' }]],
    ['api.test', 'POST', '/orgs/o1/events/e9', ['api', 405, ['DELETE', 'GET']]],
    ['api.test', 'GET', '/orgs/a%20b/events', ['api', 'list', { org: 'a b' }]],
    ['api.test', 'GET', '/orgs/a%2Fb/events', ['api', 'list', { org: 'a/b' }]],
    ['api.test', 'GET', '/orgs/mine/events', ['api', 'mine', {}]],
    ['api.test', 'GET', '/orgs/mine/events/', ['api', 'mine', {}]],
    ['api2.test', 'GET', '/orgs/mine/events', ['api', 404]],
    ['api2.test', 'GET', '/elsewhere', ['api', 'other', {}]],
    ['api.test', 'GET', '/elsewhere', ['api', 404]],
    ['api.test', 'GET', '/orgs//events', ['api', 404]],
    ['api.test', 'GET', '/orgs/o1/tickets', ['api', 404]],
    ['api.test', 'GET', '/orgs/o1/events/e9/x', ['api', 404]],
    ['api.test', 'GET', '/orgs/%E0%A4%A/events', ['api', 404]],
    ['api.test', 'GET', '/ME', ['api', 404]],
    ['api.test', 'GET', '/Orgs/o1/events', ['api', 404]],
    ['fold.test', 'GET', '/ME', ['fold', 'me', {}]],
    ['fold.test', 'GET', '/me/', ['fold', 'me', {}]],
    ['fold.test', 'GET', '/ORGS/AbC/events', ['fold', 'list', { Org: 'AbC' }]],
    ['fold.test', 'GET', '/orgs/AbC/Events/', ['fold', 'list', { Org: 'AbC' }]],
    ['fold.test', 'POST', '/orgs/AbC/events', ['fold', 405, ['GET']]],
    ['fold.test', 'GET', '/orgs/AbC/other', ['fold', 404]],
    ['other.test', 'GET', '/me', undefined],
  ] as const)('on %s answers %s %s with %j', (host, method, path, want) => {
    expect(outcome(router.match(host, method, path))).toEqual(want);
  });

  it('refuses a provider whose operation names a host it does not list', () => {
    const broken = provider('broken', ['a.test'], [op('x', 'GET', '/x', ['b.test'])]);
    expect(() => compileRouter([broken])).toThrow(/broken: x names unlisted host b\.test/);
  });
});
