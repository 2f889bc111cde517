import { afterAll, describe, expect, it } from 'vitest';
import { type CliProcess, listeningUrl, spawnCli, startCli, waitFor } from '../support/cli.js';

describe('serve and worlds', () => {
  const started: CliProcess[] = [];
  const start = (args: string[]) => {
    const cli = startCli(args);
    started.push(cli);
    return cli;
  };
  afterAll(() => {
    for (const cli of started) cli.child.kill('SIGTERM');
  });

  it('--max-worlds and --world-ttl set the limits', async () => {
    const cli = start(['--port', '0', '--quiet', '--max-worlds', '1', '--world-ttl', '30']);
    const url = await listeningUrl(cli);
    const first = await fetch(`${url}/__control/worlds`, { method: 'POST' });
    expect(first.status).toBe(201);
    expect(((await first.json()) as { ttlSeconds: number }).ttlSeconds).toBe(30);
    const second = await fetch(`${url}/__control/worlds`, { method: 'POST' });
    expect(second.status).toBe(429);
    expect(((await second.json()) as { error: string }).error).toBe('too_many_worlds');
  });

  it('--log names a world by the first 8 characters of its id, never the whole id', async () => {
    const cli = start(['--port', '0', '--quiet', '--log']);
    const url = await listeningUrl(cli);
    const { id } = (await (await fetch(`${url}/__control/worlds`, { method: 'POST' })).json()) as { id: string };
    await fetch(`${url}/w/${id}/api.eventbookings.com/me`);
    await waitFor(() => cli.output().includes('getMe'));
    const line = cli
      .output()
      .split('\n')
      .find((l) => l.includes('getMe')) as string;
    expect(line).toContain(`world=${id.slice(0, 8)}…`);
    expect(cli.output()).not.toContain(id);
  });

  it.each([
    ['--max-worlds', 'many'],
    ['--max-worlds', '-1'],
    ['--world-ttl', '0'],
    ['--world-ttl', '1.5'],
  ])('refuses %s %s with exit 2', async (option, value) => {
    const cli = spawnCli(['serve', '--port', '0', option, value]);
    const code = await new Promise<number | null>((resolve) => cli.child.on('close', resolve));
    expect(code).toBe(2);
    expect(cli.stderr()).toContain(option);
  });
});
