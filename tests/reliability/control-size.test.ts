/**
 * A fixtures request of any size the body limit lets in answers small and at once, and the
 * server keeps answering while it runs: sizes are refused before any entity is checked, entities
 * are checked one by one up to 100 problems. Health is asked every 20 ms during each request;
 * the worst wait is the stall a client sees. Through the standalone server (its own process,
 * the CLI from source), the world's control object (what the MSW door's `mocks.control` is),
 * `serve --config` and `serve --watch`.
 */
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlBodyLimit, fixtureLimits, MockError } from '../../mocks/core/index.js';
import { createWorld } from '../../mocks/world.js';
import { measureStall, sendJson } from '../../scripts/stall/probe.js';
import { type CliProcess, listeningUrl, startCli, waitFor } from '../support/cli.js';

/** `count` copies of `item` as a JSON list, built as text (as an attacker would send it). */
const list = (item: string, count: number) => `[${Array(count).fill(item).join(',')}]`;
/** Just under `limit` bytes (the control plane's 512 KiB: the largest request it reads). */
const nearLimit = (wrap: (items: string) => string, item: string, limit = controlBodyLimit) => {
  const overhead = wrap('[]').length;
  return wrap(list(item, Math.floor((limit - overhead) / (item.length + 1))));
};

const rssKiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

const cases: { name: string; method: string; path: string; body: string; status?: number }[] = [
  {
    name: 'PUT /__control/fixtures with about 174 700 empty Eventix users (512 KiB)',
    method: 'PUT',
    path: '/__control/fixtures',
    body: nearLimit((items) => `{"eventix":{"users":${items}}}`, '{}'),
  },
  {
    // The report's request: past the control plane's body limit now, so refused unread.
    name: 'PUT /__control/fixtures with 349 500 empty Eventix users (1 MiB)',
    method: 'PUT',
    path: '/__control/fixtures',
    body: nearLimit((items) => `{"eventix":{"users":${items}}}`, '{}', 1024 * 1024),
    status: 413,
  },
  {
    name: 'POST /__control/tracx/fixtures with empty connect tokens up to the body limit',
    method: 'POST',
    path: '/__control/tracx/fixtures',
    body: nearLimit((items) => `{"connect_tokens":${items}}`, '{}'),
  },
  {
    name: 'POST /__control/teletracker/fixtures with users that are numbers',
    method: 'POST',
    path: '/__control/teletracker/fixtures',
    body: nearLimit((items) => `{"users":${items}}`, '0'),
  },
  {
    name: 'PUT /__control/fixtures with the most bad entities the sizes allow',
    method: 'PUT',
    path: '/__control/fixtures',
    body: `{"eventix":{"users":${list('{"companies":[0]}', 250)},"clients":${list('{"redirect_uris":[0]}', 250)}}}`,
  },
];

describe('fixtures requests of any size (standalone server)', () => {
  let cli: CliProcess;
  let base: string;
  beforeAll(async () => {
    cli = startCli(['serve', '--port', '0']);
    base = await listeningUrl(cli);
  }, 60_000);
  afterAll(async () => {
    cli.child.kill('SIGTERM');
    await once(cli.child, 'exit');
  });

  it.each(cases)(
    '$name: refused under 64 KiB, health answered within 100 ms, RSS grows < 100 MiB',
    async (c) => {
      const rssBefore = rssKiB(cli.child.pid as number);
      // The stall is a wall-clock measure on a shared machine: the best of up to five runs is the
      // server's own cost, not another process's time slice or a collection another test caused
      // (each run must still answer right). Before the limits this request stalled for seconds.
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 5 && best >= 100; run++) {
        const { worstMs, value } = await measureStall(base, () => sendJson(`${base}${c.path}`, c.method, c.body));
        expect(value.status).toBe(c.status ?? 400);
        expect(value.bytes).toBeLessThan(64 * 1024);
        const answer = value.json as { error: string; problems: unknown[]; truncated: boolean };
        if (c.status === 413) expect(answer.error).toBe('payload_too_large');
        else {
          expect(answer.error).toBe('invalid_request');
          expect(answer.problems.length).toBeGreaterThan(0);
          expect(answer.problems.length).toBeLessThanOrEqual(fixtureLimits.maxProblems);
        }
        best = Math.min(best, worstMs);
      }
      expect(best).toBeLessThan(100);
      expect(rssKiB(cli.child.pid as number) - rssBefore).toBeLessThan(100 * 1024);
    },
    60_000,
  );

  it('refuses an over-long list by its size, with the code too_many_entries', async () => {
    const answer = (await sendJson(`${base}/__control/fixtures`, 'PUT', cases[0]?.body as string)).json as {
      problems: { path: string; code?: string }[];
      truncated: boolean;
    };
    // The list, and the input's total, each refused by its length alone.
    expect(answer.problems).toEqual([
      expect.objectContaining({ path: 'eventix.users', code: 'too_many_entries' }),
      expect.objectContaining({ path: '(root)', code: 'too_many_entries' }),
    ]);
    expect(answer.truncated).toBe(false);
  });

  it('lists at most 100 problems and says the rest was not checked', async () => {
    const { json } = await sendJson(`${base}/__control/fixtures`, 'PUT', cases[4]?.body as string);
    const answer = json as { problems: unknown[]; truncated: boolean; uncheckedEntries?: number };
    expect(answer.problems).toHaveLength(100);
    expect(answer.truncated).toBe(true);
    expect(answer.uncheckedEntries).toBeGreaterThan(0);
  });

  it('counts entities of every kind together and inner lists on their own', async () => {
    const many = (n: number, item: string) => list(item, n);
    const together = await sendJson(
      `${base}/__control/fixtures`,
      'PUT',
      `{"eventix":{"users":${many(400, '{}')},"events":${many(400, '{}')}},"tracx":{"events":${many(400, '{}')}}}`,
    );
    expect(together.status).toBe(400);
    expect((together.json as { problems: { path: string; code?: string }[] }).problems).toEqual([
      { path: '(root)', code: 'too_many_entries', message: expect.any(String) },
    ]);
    const inner = await sendJson(
      `${base}/__control/eventix/fixtures`,
      'POST',
      `{"users":[{"companies":${many(101, '"x"')}}]}`,
    );
    expect((inner.json as { problems: { path: string; code?: string }[] }).problems).toEqual([
      expect.objectContaining({ path: 'eventix.users[0].companies', code: 'too_many_entries' }),
    ]);
  });

  it('holds additions to the same sizes: the world they build cannot pass them', async () => {
    const tokens = (from: number) =>
      JSON.stringify({
        connect_tokens: Array.from({ length: 300 }, (_, i) => ({
          id: from + i,
          connect_token: `added-token-${from + i}`,
        })),
      });
    expect((await sendJson(`${base}/__control/tracx/fixtures`, 'POST', tokens(1000))).status).toBe(200);
    const second = await sendJson(`${base}/__control/tracx/fixtures`, 'POST', tokens(2000));
    expect(second.status).toBe(400);
    expect((second.json as { problems: { code?: string }[] }).problems[0]?.code).toBe('too_many_entries');
    expect((await sendJson(`${base}/__control/reset`, 'POST', '{}')).status).toBe(200);
    expect((await sendJson(`${base}/__control/fixtures`, 'PUT', '{}')).status).toBe(200);
  });
});

describe('fixtures of any size (the control object, as mocks.control in-process)', () => {
  it('refuses a huge list by its length and 500 bad entities with 100', async () => {
    const world = createWorld();
    const refusal = async (input: unknown) => {
      const error = await world.control.replaceFixtures(input).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(error instanceof MockError) || !error.is('fixtures_invalid')) throw new Error('expected fixtures_invalid');
      return error.details;
    };
    const huge = await refusal({ eventix: { users: Array(349_500).fill({}) } });
    expect(huge.problems.map((p) => p.code)).toEqual(['too_many_entries', 'too_many_entries']);
    const bad = await refusal({ eventix: { users: Array(250).fill({}), clients: Array(250).fill({}) } });
    expect(bad.problems).toHaveLength(100);
    expect(bad.unchecked).toBeGreaterThan(0);
  });
});

describe('serve --config and --watch print at most 100 problems', () => {
  const badConfig = JSON.stringify({ eventix: { users: Array(250).fill({}), clients: Array(250).fill({}) } });
  const problemLines = (text: string) => text.split('\n').filter((line) => /^\s+eventix\./.test(line)).length;

  it('serve --config with 500 bad entities exits with at most 100 problem lines', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'authflow-size-')), 'authflow-mocks.config.json');
    writeFileSync(file, badConfig);
    const cli = startCli(['serve', '--config', file, '--port', '0']);
    const [code] = await once(cli.child, 'exit');
    expect(code).not.toBe(0);
    expect(problemLines(cli.stderr())).toBeGreaterThan(0);
    expect(problemLines(cli.stderr())).toBeLessThanOrEqual(100);
    expect(cli.stderr().length).toBeLessThan(64 * 1024);
  }, 60_000);

  it('serve --watch reloading such a file keeps the old world and prints at most 100', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'authflow-size-')), 'authflow-mocks.config.json');
    writeFileSync(file, JSON.stringify({ port: 0 }));
    const cli = startCli(['serve', '--config', file, '--watch']);
    try {
      await listeningUrl(cli);
      // Written again each second until seen: the watcher starts a moment after the banner.
      writeFileSync(file, badConfig);
      const rewrite = setInterval(() => writeFileSync(file, badConfig), 1000);
      try {
        await waitFor(() => cli.stderr().includes('config not reloaded'));
      } finally {
        clearInterval(rewrite);
      }
      await new Promise((r) => setTimeout(r, 300));
      // Each reload prints at most 100 (there may have been more than one reload).
      const reloads = cli.stderr().split('config not reloaded').length - 1;
      expect(problemLines(cli.stderr())).toBeGreaterThan(0);
      expect(problemLines(cli.stderr())).toBeLessThanOrEqual(100 * reloads);
      expect(cli.stderr().length).toBeLessThan(64 * 1024 * reloads);
    } finally {
      cli.child.kill('SIGTERM');
      await once(cli.child, 'exit');
    }
  }, 60_000);
});
