/** `serve --watch`: a good edit becomes the world; a bad one keeps the old world and says why. */
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listeningUrl, startCli, waitFor } from '../support/cli.js';

const connectToken = (id: number, token: string) => ({
  tracx: { mode: 'replace', events: [{ id: 1, name: 'Run' }], connect_tokens: [{ id, connect_token: token }] },
});

describe('serve --watch', () => {
  it('reloads a good edit and keeps the old world on a bad one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'authflow-watch-')), 'authflow-mocks.config.json');
    // Port and providers from the file (port 0: any free port).
    writeFileSync(file, JSON.stringify({ port: 0, providers: ['tracx'], ...connectToken(1, 'first-connect-token') }));
    const cli = startCli(['serve', '--config', file, '--watch']);
    try {
      const url = await listeningUrl(cli);
      const tokens = async () =>
        (
          (await (await fetch(`${url}/__control/fixtures`)).json()).tracx.connect_tokens as { connect_token: string }[]
        ).map((t) => t.connect_token);
      expect(await tokens()).toEqual(['first-connect-token']);
      // The banner and GET / follow the configured world and its providers.
      expect(cli.output()).toContain('connect token 1: connect_token=');
      expect(cli.output()).not.toContain('Timing partner');
      const index = await (await fetch(`${url}/`)).json();
      expect(index.providers.map((p: { id: string }) => p.id)).toEqual(['tracx']);

      writeFileSync(file, JSON.stringify({ providers: ['tracx'], ...connectToken(2, 'second-connect-token') }));
      await waitFor(() => cli.stderr().includes('config reloaded'));
      expect(await tokens()).toEqual(['second-connect-token']);

      writeFileSync(file, JSON.stringify({ tracx: { connect_tokens: [{ id: 'x' }] } }));
      await waitFor(() => cli.stderr().includes('config not reloaded'));
      expect(cli.stderr()).toContain('tracx.connect_tokens[0].id: ');
      expect(await tokens()).toEqual(['second-connect-token']);
      expect(cli.child.exitCode).toBeNull();
    } finally {
      cli.child.kill('SIGTERM');
      await once(cli.child, 'exit');
    }
  });
});
