/**
 * A full import queue through the real process (`serve`, spawned): applying 10,000 queued
 * participants runs in slices, so the control plane answers meanwhile, and SIGTERM during an
 * import closes the server within the grace time.
 */
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliProcess, listeningUrl, startCli } from '../support/cli.js';
import { fullToken, participant, raceOf } from '../support/tracx.js';

const started: CliProcess[] = [];
afterEach(() => {
  for (const cli of started.splice(0)) if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
});

/** The acceptance bound of the issue: health while a full queue settles. */
const healthBoundMs = 200;
/** The CLI door's default grace time for requests in flight on close. */
const graceMs = 5000;

describe('a full Tracx import queue against `serve`', () => {
  it('answers /__control/health within 200 ms while 10,000 queued participants settle, and closes on SIGTERM mid-import', async () => {
    const cli = startCli(['serve', '--port', '0', '--provider', 'tracx']);
    started.push(cli);
    const base = await listeningUrl(cli);
    const api = `${base}/api.tracx.events`;
    const session = await fetch(`${api}/v1/connect/session-token`, {
      method: 'POST',
      headers: { accept: 'application/json', authorization: fullToken.connect_token },
    });
    const { token } = ((await session.json()) as { data: { token: string } }).data;
    const headers = { accept: 'application/json', authorization: token, 'content-type': 'application/json' };
    const race = raceOf(1);
    // Two bodies of 5,000 (about 700 KB each, under the 1 MiB limit) fill the queue of event 1.
    const slim = { team_name: undefined, gender: undefined, state: undefined };
    const batch = (from: number) =>
      JSON.stringify(Array.from({ length: 5000 }, (_, i) => participant(race, { ...slim, unique_id: `r${from + i}` })));
    const post = (body: string) => fetch(`${api}/v1/connect/events/1/participants`, { method: 'POST', headers, body });
    const fill = async () => {
      for (const from of [0, 5000]) expect((await post(batch(from))).status).toBe(202);
    };
    const advance = () =>
      fetch(`${base}/__control/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceSeconds: 10 }),
      });

    await fill();
    const over = await post(JSON.stringify([participant(race, { unique_id: 'one-more' })]));
    expect(over.status).toBe(422);
    expect(Object.keys(((await over.json()) as { errors: object }).errors)).toEqual(['participants']);
    expect((await advance()).status).toBe(200);

    // The next Tracx call applies the queue; health is asked meanwhile, one request at a time.
    let settled = false;
    const events = fetch(`${api}/v1/connect/events`, { headers }).then(async (res) => {
      settled = true;
      return res.status;
    });
    const healthTimes: number[] = [];
    do {
      const start = performance.now();
      const health = await fetch(`${base}/__control/health`);
      healthTimes.push(performance.now() - start);
      expect(health.status).toBe(200);
    } while (!settled);
    expect(await events).toBe(200);
    expect(Math.max(...healthTimes)).toBeLessThan(healthBoundMs);
    const list = await fetch(`${api}/v1/connect/events/1/participants`, { headers });
    expect(((await list.json()) as { data: { items: unknown[] } }).data.items).toHaveLength(10_000);

    // Again (updates of the same 10,000), and SIGTERM while the import is applied.
    await fill();
    expect((await advance()).status).toBe(200);
    const inFlight = fetch(`${api}/v1/connect/events`, { headers }).catch(() => undefined);
    const exited = once(cli.child, 'exit');
    const start = performance.now();
    cli.child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(performance.now() - start).toBeLessThan(graceMs);
    expect(cli.output()).toContain('SIGTERM, closing');
    await inFlight;
  }, 120_000);
});
