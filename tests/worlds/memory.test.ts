import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { listeningUrl, startBuilt } from '../support/cli.js';

/** Resident memory of a process, from /proc (Linux: every machine this suite runs on). */
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

describe('worlds and memory', () => {
  const cli = startBuilt(['serve', '--port', '0', '--quiet']);
  afterAll(() => {
    cli.child.kill('SIGTERM');
  });

  /** Creates a world, uses it once, deletes it: `n` times. */
  async function churn(url: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const created = await fetch(`${url}/__control/worlds`, { method: 'POST' });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const used = await fetch(`${url}/w/${id}/identity.eventbookings.com/.well-known/openid-configuration`);
      expect(used.status).toBe(200);
      await used.arrayBuffer();
      expect((await fetch(`${url}/__control/worlds/${id}`, { method: 'DELETE' })).status).toBe(204);
    }
  }

  it('creating and deleting 1,000 worlds leaves the server’s RSS flat (within 20 MiB)', async () => {
    const url = await listeningUrl(cli);
    const pid = cli.child.pid as number;
    // Warm up: the code paths compiled and the heap grown to its working size.
    await churn(url, 200);
    const before = rssMiB(pid);
    await churn(url, 1000);
    const after = rssMiB(pid);
    expect(after - before).toBeLessThan(20);
    const listed = (await (await fetch(`${url}/__control/worlds`)).json()) as { worlds: unknown[] };
    expect(listed.worlds).toHaveLength(1);
  }, 180_000);
});
