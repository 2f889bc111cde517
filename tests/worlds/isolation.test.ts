import { describe, expect, it } from 'vitest';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';
import { providerIds } from '../../mocks/providers/index.js';
import { call, credentialIn, listeningServer, newWorld, send } from './support.js';

const server = listeningServer();

/** The same request with its credential swapped for one no world issued: the provider's own 401. */
function withUnknownCredential(r: Awaited<ReturnType<typeof credentialIn>>) {
  const headers = Object.fromEntries(
    Object.entries(r.headers ?? {}).map(([k, v]) =>
      k.toLowerCase() === 'authorization' ? [k, `Bearer never-issued-${'x'.repeat(30)}`] : [k, v],
    ),
  );
  return { ...r, headers };
}

describe.each(providerIds)('%s: a credential belongs to the world that issued it', (provider) => {
  it('works in its own world and is refused, in the provider’s own 401, in another world and in the default one', async () => {
    const a = await newWorld(server.url);
    const b = await newWorld(server.url);
    const get = await credentialIn(provider, a.base);
    expect((await send(a.base, get)).status).toBe(200);
    const expected = await send(b.base, withUnknownCredential(get));
    for (const elsewhere of [b.base, server.url]) {
      const refused = await send(elsewhere, get);
      expect(refused.status).toBe(expected.status);
      expect(refused.status).toBe(401);
      // The same body shape as any unknown credential in that provider (its own keys, not the server's).
      expect(Object.keys(JSON.parse(refused.text)).sort()).toEqual(Object.keys(JSON.parse(expected.text)).sort());
    }
  });

  it('the default world’s credential is refused in a created world', async () => {
    const a = await newWorld(server.url);
    const get = await credentialIn(provider, server.url);
    expect((await send(server.url, get)).status).toBe(200);
    expect((await send(a.base, get)).status).toBe(401);
  });
});

describe('control of one world changes nothing in another', () => {
  it('a clock move in A leaves B and the default world on real time', async () => {
    const a = await newWorld(server.url);
    const b = await newWorld(server.url);
    const moved = await call(`${a.base}/__control/clock`, { method: 'POST', json: { advanceSeconds: 86_400 } });
    expect(moved.body.offsetSeconds).toBe(86_400);
    expect((await call(`${b.base}/__control/clock`)).body.offsetSeconds).toBe(0);
    expect((await call(`${server.url}/__control/clock`)).body.offsetSeconds).toBe(0);
  });

  it('expiry follows each world’s own clock', async () => {
    const a = await newWorld(server.url);
    const b = await newWorld(server.url);
    const inA = await credentialIn('eventbookings', a.base);
    const inB = await credentialIn('eventbookings', b.base);
    await call(`${a.base}/__control/clock`, { method: 'POST', json: { advanceSeconds: 30 * 86_400 } });
    expect((await send(a.base, inA)).status).toBe(401);
    expect((await send(b.base, inB)).status).toBe(200);
  });

  it('a fault in A answers only in A', async () => {
    const a = await newWorld(server.url);
    const b = await newWorld(server.url);
    const fault = await call(`${a.base}/__control/faults`, {
      method: 'POST',
      json: { provider: 'eventbookings', status: 418 },
    });
    expect(fault.status).toBe(201);
    const get = await credentialIn('eventbookings', b.base);
    expect((await send(b.base, get)).status).toBe(200);
    expect((await call(`${b.base}/__control/faults`)).body.faults).toEqual([]);
    expect((await call(`${server.url}/__control/faults`)).body.faults).toEqual([]);
    expect((await send(a.base, get)).status).toBe(418);
  });

  it('a reset of A keeps B’s tokens', async () => {
    const a = await newWorld(server.url);
    const b = await newWorld(server.url);
    const inA = await credentialIn('eventbookings', a.base);
    const inB = await credentialIn('eventbookings', b.base);
    expect((await call(`${a.base}/__control/reset`, { method: 'POST' })).status).toBe(200);
    expect((await send(a.base, inA)).status).toBe(401);
    expect((await send(b.base, inB)).status).toBe(200);
  });

  it('a fixtures change in A is not seen in B', async () => {
    const a = await newWorld(server.url);
    const b = await newWorld(server.url);
    const org = { org_uuid: '0a0a0a0a-0000-4000-8000-00000000000a', name: 'Team A' };
    const own = {
      client_id: 'team-a-client',
      client_secret: 'team-a-secret-0123456789',
      name: 'Team A app',
      org_uuid: org.org_uuid,
      scopes: ['event.read'],
    };
    const put = await call(`${a.base}/__control/fixtures`, {
      method: 'PUT',
      json: { eventbookings: { mode: 'replace', organisations: [org], applications: [own] } },
    });
    expect(put.body).toMatchObject({ status: 'replaced' });
    const token = (base: string, id: string, secret: string) =>
      call(`${base}/identity.eventbookings.com/connect/token`, {
        method: 'POST',
        json: { grant_type: 'client_credentials', client_id: id, client_secret: secret },
      });
    const demo = applications[0] as (typeof applications)[0];
    expect((await token(a.base, own.client_id, own.client_secret)).status).toBe(200);
    expect((await token(a.base, demo.client_id, demo.client_secret)).body.error).toBe('invalid_client');
    expect((await token(b.base, own.client_id, own.client_secret)).body.error).toBe('invalid_client');
    expect((await token(b.base, demo.client_id, demo.client_secret)).status).toBe(200);
  });

  it('journals and token lists are per world', async () => {
    const a = await newWorld(server.url);
    const b = await newWorld(server.url);
    const before = (await call(`${server.url}/__control/journal`)).body.entries.length;
    await credentialIn('eventbookings', a.base);
    expect((await call(`${a.base}/__control/journal`)).body.entries.length).toBeGreaterThan(0);
    expect((await call(`${b.base}/__control/journal`)).body.entries).toEqual([]);
    expect((await call(`${server.url}/__control/journal`)).body.entries.length).toBe(before);
    // Seeded keys (BackOps' API keys) are in every world; issued credentials only where issued.
    const issued = async (base: string) =>
      (await call(`${base}/__control/tokens`)).body.tokens.filter((t: { issuedAt: unknown }) => t.issuedAt !== null);
    expect((await issued(a.base)).length).toBeGreaterThan(0);
    expect(await issued(b.base)).toEqual([]);
  });

  it('created entities are per world', async () => {
    const a = await newWorld(server.url);
    const b = await newWorld(server.url);
    const get = await credentialIn('eventbookings', a.base);
    const auth = (get.headers ?? {}) as Record<string, string>;
    const events = `/api.eventbookings.com/orgs/${(applications[0] as (typeof applications)[0]).org_uuid}/events`;
    const created = await fetch(`${a.base}${events}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        event: {
          name: 'Only in A',
          occurrence: { type: 'single', attributes: { starts_on: '2031-05-01 19:00:00', event_duration: '04:00' } },
        },
      }),
    });
    const inB = await credentialIn('eventbookings', b.base);
    const list = async (base: string, headers: Record<string, string>) =>
      (await call(`${base}${events}`, { headers })).body;
    const titles = (page: { data?: { name?: string }[] } | undefined) => (page?.data ?? []).map((e) => e.name);
    if (created.status === 201) {
      expect(titles(await list(a.base, auth))).toContain('Only in A');
      expect(titles(await list(b.base, (inB.headers ?? {}) as Record<string, string>))).not.toContain('Only in A');
    } else {
      throw new Error(`event not created: ${created.status} ${await created.text()}`);
    }
  });

  it('two worlds created from the same config issue different tokens', async () => {
    const a = await newWorld(server.url);
    const b = await newWorld(server.url);
    const demo = applications[0] as (typeof applications)[0];
    const body = { grant_type: 'client_credentials', client_id: demo.client_id, client_secret: demo.client_secret };
    const ta = await call(`${a.base}/identity.eventbookings.com/connect/token`, { method: 'POST', json: body });
    const tb = await call(`${b.base}/identity.eventbookings.com/connect/token`, { method: 'POST', json: body });
    expect(ta.body.access_token).toEqual(expect.any(String));
    expect(ta.body.access_token).not.toBe(tb.body.access_token);
  });
});
