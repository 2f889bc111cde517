import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { isPreflight, preflightResponse, withCors } from '../../mocks/core/index.js';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { eachDoor } from '../support/doors.js';
import { api, bearer, tokenFor, tokenUrl } from '../support/eventbookings.js';
import { authorizeUrl, demoApp } from '../support/eventix.js';

const headersOf = (values: Record<string, string>) => new Headers(values);

describe('CORS pieces', () => {
  it('a preflight is OPTIONS with Access-Control-Request-Method, nothing else', () => {
    expect(isPreflight('OPTIONS', headersOf({ 'access-control-request-method': 'POST' }))).toBe(true);
    expect(isPreflight('options', headersOf({ 'access-control-request-method': 'GET' }))).toBe(true);
    expect(isPreflight('OPTIONS', headersOf({}))).toBe(false);
    expect(isPreflight('OPTIONS', headersOf({ 'access-control-request-method': '' }))).toBe(false);
    expect(isPreflight('GET', headersOf({ 'access-control-request-method': 'GET' }))).toBe(false);
  });

  it('allows exactly the headers asked for, since a wildcard would not cover Authorization', () => {
    const asked = preflightResponse(headersOf({ 'access-control-request-headers': 'authorization,content-type' }));
    expect(asked).toMatchObject({
      status: 204,
      headers: { 'access-control-allow-headers': 'authorization,content-type' },
    });
    expect(asked.body).toBeUndefined();
    expect(preflightResponse(headersOf({})).headers).not.toHaveProperty('access-control-allow-headers');
  });

  it('exposes a response’s own headers but not safelisted ones, and leaves a dropped connection alone', () => {
    const answer = withCors({ status: 302, headers: { location: 'https://x.test/', 'cache-control': 'no-store' } });
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'location',
    });
    expect(withCors({ status: 200, body: {} }).headers).not.toHaveProperty('access-control-expose-headers');
    const dropped = { status: 0, drop: true };
    expect(withCors(dropped)).toBe(dropped);
  });
});

eachDoor('CORS through the %s door', (door) => {
  it('answers a preflight on any path of a provider host with 204, past the engine and the journal', async () => {
    for (const url of [tokenUrl, `${api}/me`, `${api}/no/such/path`]) {
      const res = await door.call(url, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:3000',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-methods']).toContain('POST');
      expect(res.headers['access-control-allow-headers']).toBe('authorization, content-type');
    }
    expect(door.mocks.control.journal().entries).toEqual([]);
  });

  it('still answers a plain OPTIONS (no preflight) with the provider’s 405', async () => {
    const res = await door.call(`${api}/me`, { method: 'OPTIONS' });
    expect(res.status).toBe(405);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toContain('allow');
  });

  it('lets a page read every answer, its WWW-Authenticate and Location included', async () => {
    const token = await tokenFor(door);
    const me = await door.call(`${api}/me`, { headers: bearer(token.access_token) });
    expect(me.status).toBe(200);
    expect(me.headers['access-control-allow-origin']).toBe('*');

    const refused = await door.call(`${api}/me`);
    expect(refused.status).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    expect(refused.headers['access-control-expose-headers']).toContain('www-authenticate');

    const redirect = await door.call(authorizeUrl({ client: demoApp }));
    expect(redirect.status).toBe(302);
    expect(redirect.headers['access-control-expose-headers']).toContain('location');
  });
});

describe('CORS on the standalone server beyond provider hosts', () => {
  const agent = supertest(createMockServer().httpServer);
  const preflight = (path: string) =>
    agent.options(path).set('origin', 'http://localhost:3000').set('access-control-request-method', 'POST');

  it('does not open the control plane to other origins', async () => {
    const res = await preflight('/__control/reset');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const health = await agent.get('/__control/health');
    expect(health.status).toBe(200);
    expect(health.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a preflight to an unknown host with 404 unknown_host, without CORS', async () => {
    const res = await preflight('/api.unknown.test/me');
    expect(res.status).toBe(404);
    expect(res.body).toEqual(expect.objectContaining({ error: 'unknown_host' }));
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
