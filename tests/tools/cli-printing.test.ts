/**
 * What the CLI prints from a config or a request reaches the terminal as text: control
 * characters are escaped in the start banner, `--log` lines and `--watch` messages, and a JSON
 * syntax error names its line and column without quoting the file.
 */
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listeningUrl, startCli, waitFor } from '../support/cli.js';

/** Whether `text` holds a C0 control but newline, DEL, or a C1 control: what a terminal would obey. */
const hasControl = (text: string) =>
  [...text].some((ch) => {
    const code = ch.charCodeAt(0);
    return (code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
  });

const hostile = '\u001b]0;TITLE\u0007\u001b[2J\u009b31m';

function configFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'authflow-print-')), 'authflow-mocks.config.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('the CLI escapes control characters from configs and requests', () => {
  it('in the banner, --log lines and --watch messages', async () => {
    const file = configFile({
      port: 0,
      providers: ['eventix'],
      eventix: {
        clients: [
          {
            client_id: `evil${hostile}`,
            client_secret: 'evil-secret-123456',
            name: hostile,
            redirect_uris: ['https://app.example/cb'],
          },
        ],
      },
    });
    const cli = startCli(['serve', '--config', file, '--watch', '--log']);
    try {
      const url = await listeningUrl(cli);
      // The banner lists the configured client, escaped.
      await waitFor(() => cli.output().includes('\\u001b]0;TITLE'));
      expect(hasControl(cli.output())).toBe(false);

      // A request line with raw bytes C2 9B: Node reads the path as latin1, so it holds U+009B (CSI).
      const { port } = new URL(url);
      const socket = connect(Number(port), '127.0.0.1');
      socket.write(
        Buffer.concat([
          Buffer.from('GET /auth.eventix.io/x'),
          Buffer.from([0xc2, 0x9b]),
          Buffer.from('31m HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
        ]),
      );
      socket.resume();
      await once(socket, 'close');
      await waitFor(() => cli.output().includes('\\u009b31m'));
      expect(hasControl(cli.output())).toBe(false);

      // A bad edit whose key carries escapes: the message names it, escaped.
      // Written again each second until seen: the watcher starts a moment after the banner.
      const edit = () =>
        writeFileSync(file, JSON.stringify({ port: 0, providers: ['eventix'], eventix: { [`x${hostile}`]: 1 } }));
      edit();
      const rewrite = setInterval(edit, 1000);
      try {
        await waitFor(() => cli.stderr().includes('config not reloaded'));
      } finally {
        clearInterval(rewrite);
      }
      expect(cli.stderr()).toContain('\\u001b[2J');
      expect(hasControl(cli.stderr())).toBe(false);
    } finally {
      cli.child.kill('SIGTERM');
      await once(cli.child, 'exit');
    }
  }, 60_000);
});

describe('a JSON config with a syntax error', () => {
  it('is reported by line and column, never quoting the file', async () => {
    const file = configFile('{\n  "eventix": {\n    "clients": [{ "client_secret": "TOPSECRET-4b1c9" ,}]\n  }\n}\n');
    const cli = startCli(['serve', '--config', file, '--port', '0']);
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(2);
    expect(cli.stderr()).toContain('JSON syntax error at line 3, column 55');
    expect(cli.stderr()).not.toContain('TOPSECRET');
  }, 60_000);

  it('a file that is not JSON at all (a symlinked /etc/shadow, say) shows none of its text', async () => {
    const file = configFile('root:*:20202:0:99999:7:::\ndaemon:*:20202:0:99999:7:::\n');
    const cli = startCli(['serve', '--config', file, '--port', '0']);
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(2);
    expect(cli.stderr()).toContain('JSON syntax error at line 1, column 1');
    expect(cli.stderr()).not.toContain('root');
    expect(cli.stderr()).not.toContain('20202');
  }, 60_000);
});
