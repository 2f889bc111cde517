import { describe, expect, it } from 'vitest';
import { parseBody } from '../../mocks/core/body.js';
import { decodeBasic, findBySecret, readAuthorization, safeEqual } from '../../mocks/core/credentials.js';
import { createJournal, redactQuery } from '../../mocks/core/journal.js';
import type { Provider } from '../../mocks/core/provider.js';
import { compileRouter } from '../../mocks/core/router.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('body parsing', () => {
  it.each([
    ['application/json', '{"a":1}', { kind: 'json', value: { a: 1 } }],
    ['application/json; charset=utf-8', '[1]', { kind: 'json', value: [1] }],
    ['application/x-www-form-urlencoded', 'a=1&b=x%20y', { kind: 'form', value: { a: '1', b: 'x y' } }],
    ['text/plain', '', { kind: 'none' }],
  ])('parses %s', (type, text, want) => {
    expect({ ...parseBody(type, bytes(text)) }).toEqual(want);
  });

  it.each([
    ['application/json', '{"a":', 'malformed_body'],
    ['text/plain', 'hi', 'unsupported_media_type'],
    [null, 'hi', 'unsupported_media_type'],
  ])('refuses %s %j with a stable code', (type, text, code) => {
    expect(() => parseBody(type, bytes(text))).toThrow(expect.objectContaining({ code }));
  });

  it('refuses invalid UTF-8', () => {
    expect(() => parseBody('application/json', new Uint8Array([0xff, 0xfe]))).toThrow(
      expect.objectContaining({ code: 'malformed_body' }),
    );
  });

  it('does not let __proto__ in a form body reach the prototype', () => {
    const body = parseBody('application/x-www-form-urlencoded', bytes('__proto__=x&a=1'));
    expect(body.kind === 'form' && Object.getPrototypeOf(body.value)).toBe(null);
  });
});

describe('credentials', () => {
  const headers = (value: string) => ({ get: () => value });
  it('splits scheme and credentials, and accepts a bare token', () => {
    expect(readAuthorization(headers('Bearer abc'))).toEqual({ scheme: 'bearer', credentials: 'abc' });
    expect(readAuthorization(headers('abc'))).toEqual({ scheme: '', credentials: 'abc' });
    expect(readAuthorization({ get: () => null })).toBe(null);
  });
  it('decodes Basic and refuses malformed values', () => {
    expect(decodeBasic(Buffer.from('u:p:q').toString('base64'))).toEqual({ user: 'u', password: 'p:q' });
    expect(decodeBasic('!!!')).toBe(null);
    expect(decodeBasic(Buffer.from('nocolon').toString('base64'))).toBe(null);
  });
  it('compares secrets', () => {
    expect(safeEqual('secret', 'secret')).toBe(true);
    expect(safeEqual('secreT', 'secret')).toBe(false);
    const keys = [
      { id: 'a', key: 'key-aaaa' },
      { id: 'b', key: 'key-bbbb' },
    ];
    expect(findBySecret(keys, 'key-bbbb', (k) => k.key)?.id).toBe('b');
    expect(findBySecret(keys, 'key-bbb', (k) => k.key)).toBeUndefined();
    expect(safeEqual('secret-longer', 'secret')).toBe(false);
    expect(safeEqual('', 'secret')).toBe(false);
  });
});

describe('journal', () => {
  it('is a ring buffer that keeps the newest entries', () => {
    const journal = createJournal(3);
    for (let i = 0; i < 5; i++) {
      journal.record({
        time: '',
        provider: 'p',
        operationId: `op${i}`,
        method: 'GET',
        host: 'h',
        path: '/',
        query: '',
        status: 200,
        credential: 'none',
        outcome: 'ok',
      });
    }
    expect(journal.entries().map((e) => e.operationId)).toEqual(['op2', 'op3', 'op4']);
    expect(journal.size).toBe(3);
  });
  it('redacts secret-looking query values', () => {
    expect(redactQuery(new URLSearchParams('code=abc&state=s&client_secret=x&page=2'))).toBe(
      'code=%5Bredacted%5D&state=s&client_secret=%5Bredacted%5D&page=2',
    );
  });
});

describe('router', () => {
  const op = (operationId: string, method: 'GET' | 'POST', path: string) => ({
    operationId,
    method,
    hosts: ['api.test'],
    path,
    handle: () => ({ status: 200 }),
  });
  const provider = (caseInsensitivePaths: boolean): Provider => ({
    id: 'p',
    title: 'P',
    hosts: ['api.test'],
    caseInsensitivePaths,
    operations: [
      op('me', 'GET', '/me'),
      op('list', 'GET', '/orgs/{org}/events'),
      op('make', 'POST', '/orgs/{org}/events'),
    ],
    ready: async () => {},
    reset: async () => {},
    fixtures: () => ({}),
    demo: () => [],
    snapshot: () => '{}',
    errorResponse: () => ({ status: 500 }),
  });

  it('matches static and templated paths, decodes params, and tells 404 from 405', () => {
    const router = compileRouter([provider(false)]);
    expect(router.match('api.test', 'GET', '/me')).toMatchObject({
      kind: 'operation',
      operation: { operationId: 'me' },
    });
    expect(router.match('api.test', 'POST', '/orgs/a%20b/events/')).toMatchObject({
      kind: 'operation',
      operation: { operationId: 'make' },
      params: { org: 'a b' },
    });
    expect(router.match('api.test', 'DELETE', '/me')).toMatchObject({ kind: 'method_not_allowed', allow: ['GET'] });
    expect(router.match('api.test', 'GET', '/orgs//events')).toMatchObject({ kind: 'not_found' });
    expect(router.match('api.test', 'GET', '/orgs/%E0%A4%A/events')).toMatchObject({ kind: 'not_found' });
    expect(router.match('api.test', 'GET', '/ME')).toMatchObject({ kind: 'not_found' });
    expect(router.match('other.test', 'GET', '/me')).toBeUndefined();
  });

  it('folds case for providers that route case-insensitively, keeping parameter case', () => {
    const router = compileRouter([provider(true)]);
    expect(router.match('api.test', 'GET', '/ORGS/AbC/Events')).toMatchObject({
      kind: 'operation',
      params: { org: 'AbC' },
    });
  });
});
