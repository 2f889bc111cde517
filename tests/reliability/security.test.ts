import { once } from 'node:events';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/doors/http/index.js';
import { providerIds } from '../../mocks/providers/index.js';
import { runCollections } from '../../mocks/tools/newman.js';
import { listeningUrl, startCli } from '../support/cli.js';

/** Every secret-looking fixture value: client secrets, passwords, connect tokens, API keys. */
function secretsIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    return /secret|password|token|api_key/i.test(key) && /^[\x21-\x7e]{12,}$/.test(value) && !value.startsWith('http')
      ? [value]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v) => secretsIn(v, key));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => secretsIn(v, k));
  }
  return [];
}

describe('no secret in logs or the journal', () => {
  it('runs every collection against the CLI server; no fixture secret or issued token is logged or journaled', async () => {
    const cli = startCli(['serve', '--port', '0']);
    try {
      const url = await listeningUrl(cli);
      const fixtures = await (await fetch(`${url}/__control/fixtures`)).json();
      const secrets = secretsIn(fixtures);
      expect(secrets.length).toBeGreaterThanOrEqual(providerIds.length * 2);
      const journals: string[] = [];
      const issued: string[] = [];
      for (const provider of providerIds) {
        // One collection at a time in the server's own world (so its journal can be read after the
        // run): each starts with a reset, which empties the journal.
        const [run] = await runCollections({ providers: [provider], baseUrl: url, world: 'default', reset: true });
        expect(run?.failedAssertions).toBe(0);
        for (const [k, v] of Object.entries(run?.environment ?? {})) {
          if (/token|code/i.test(k) && typeof v === 'string' && v.length >= 16) issued.push(v);
        }
        journals.push(await (await fetch(`${url}/__control/journal`)).text());
      }
      expect(issued.length).toBeGreaterThanOrEqual(providerIds.length);
      const logs = cli.output() + cli.stderr();
      const journal = journals.join('\n');
      expect(journal).toContain('"outcome":"refused"');
      for (const secret of [...secrets, ...issued]) {
        expect(logs.includes(secret), `log holds ${secret.slice(0, 6)}…`).toBe(false);
        expect(journal.includes(secret), `journal holds ${secret.slice(0, 6)}…`).toBe(false);
      }
    } finally {
      cli.child.kill('SIGTERM');
      await once(cli.child, 'exit');
    }
  });
});

describe('control plane guard', () => {
  it('answers 404 control_disabled when the control plane is off', async () => {
    const agent = supertest(createMockServer({ control: false }).httpServer);
    const res = await agent.get('/__control/health');
    expect([res.status, res.body.error]).toEqual([404, 'control_disabled']);
    // The mocked APIs still answer.
    expect((await agent.get('/api.eventbookings.com/me')).status).toBe(401);
  });

  it('needs the control token when one is set (Bearer or X-Control-Token), compared in constant time', async () => {
    const token = 'ctl_0123456789abcdef';
    const agent = supertest(createMockServer({ controlToken: token }).httpServer);
    for (const headers of [
      {},
      { authorization: 'Bearer wrong-token-000000' },
      { 'x-control-token': token.slice(0, -1) },
    ]) {
      let req = agent.post('/__control/reset');
      for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
      const res = await req;
      expect([res.status, res.body.error]).toEqual([401, 'control_unauthorized']);
    }
    expect((await agent.post('/__control/reset').set('authorization', `Bearer ${token}`)).status).toBe(200);
    expect((await agent.get('/__control/health').set('x-control-token', token)).status).toBe(200);
  });

  it('CLI: beyond loopback the control plane is off unless --control-token is given', async () => {
    const open = startCli(['serve', '--port', '0', '--host', '0.0.0.0']);
    try {
      const url = (await listeningUrl(open)).replace('0.0.0.0', '127.0.0.1');
      expect(open.output()).toContain('control plane: off');
      expect((await fetch(`${url}/__control/health`)).status).toBe(404);
      expect(open.stderr()).toContain('beyond loopback');
    } finally {
      open.child.kill('SIGTERM');
      await once(open.child, 'exit');
    }
    const token = 'ctl_fedcba9876543210';
    const guarded = startCli(['serve', '--port', '0', '--host', '0.0.0.0', '--control-token', token]);
    try {
      const url = (await listeningUrl(guarded)).replace('0.0.0.0', '127.0.0.1');
      expect((await fetch(`${url}/__control/health`)).status).toBe(401);
      const ok = await fetch(`${url}/__control/health`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(guarded.output() + guarded.stderr()).not.toContain(token);
    } finally {
      guarded.child.kill('SIGTERM');
      await once(guarded.child, 'exit');
    }
  });

  it('CLI: refuses a control token shorter than 16 characters', async () => {
    const cli = startCli(['serve', '--port', '0', '--control-token', 'short']);
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(2);
  });
});
