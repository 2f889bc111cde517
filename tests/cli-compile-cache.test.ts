/**
 * The bin's code cache on Node 20 (mocks/tools/bin.cjs): the built CLI writes V8's cached data
 * for its bundle to a directory only this user may write, uses it on the next start, replaces
 * data V8 rejects, and never uses a directory others could write. On Node 22.1+ the bin uses
 * Node's own compile cache instead, so these checks apply to Node 20 only.
 */
import { once } from 'node:events';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliProcess, listeningUrl, startBuilt, waitFor } from './support/cli.js';

const nodeHasItsOwn = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;

describe.skipIf(nodeHasItsOwn || uid === undefined)('the CLI bin: V8 code cache on Node 20', () => {
  let temp: string;
  let cacheDir: string;
  const started: CliProcess[] = [];
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'authflow-cache-test-'));
    cacheDir = join(temp, `authflow-mocks-compile-cache-${uid}`);
  });
  afterEach(async () => {
    for (const cli of started.splice(0)) {
      if (cli.child.exitCode === null) {
        cli.child.kill('SIGTERM');
        await once(cli.child, 'exit');
      }
    }
    rmSync(temp, { recursive: true, force: true });
  });

  /** Starts `serve`, checks it answers, and leaves it running (stopped after the test). */
  async function serve(env: Record<string, string> = {}): Promise<CliProcess> {
    const cli = startBuilt(['serve', '--port', '0', '--quiet'], { TMPDIR: temp, ...env });
    started.push(cli);
    const url = await listeningUrl(cli);
    expect((await fetch(`${url}/__control/health`)).status).toBe(200);
    return cli;
  }
  async function stop(cli: CliProcess): Promise<void> {
    cli.child.kill('SIGTERM');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(0);
  }
  const files = () => (existsSync(cacheDir) ? readdirSync(cacheDir) : []);
  const settle = () => new Promise((r) => setTimeout(r, 1800));

  it('writes the cache a second after a start, in a directory of mode 0700, and keeps it when it is accepted', async () => {
    const first = await serve();
    await waitFor(() => files().some((f) => f.endsWith('.cache')), 10_000);
    await stop(first);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    const [name] = files();
    expect(files()).toHaveLength(1);
    expect(statSync(join(cacheDir, name as string)).mode & 0o777).toBe(0o600);
    const written = statSync(join(cacheDir, name as string)).mtimeMs;

    const second = await serve();
    await settle();
    await stop(second);
    // Accepted: not written again.
    expect(files()).toEqual([name]);
    expect(statSync(join(cacheDir, name as string)).mtimeMs).toBe(written);
  });

  it('starts normally from data V8 rejects, and replaces it', async () => {
    const first = await serve();
    await waitFor(() => files().length === 1, 10_000);
    await stop(first);
    const file = join(cacheDir, files()[0] as string);
    const garbage = Buffer.alloc(4096, 7);
    writeFileSync(file, garbage);
    const second = await serve();
    await waitFor(() => !readFileSync(file).equals(garbage), 10_000);
    await stop(second);
    expect(files()).toHaveLength(1);
  });

  it('does not use a cache directory others may write', async () => {
    const first = await serve();
    await waitFor(() => files().length === 1, 10_000);
    await stop(first);
    chmodSync(cacheDir, 0o777);
    const file = join(cacheDir, files()[0] as string);
    writeFileSync(file, Buffer.alloc(4096, 7));
    const before = statSync(file).mtimeMs;
    const second = await serve();
    await settle();
    await stop(second);
    // Not replaced: the bin did not use the directory (the data would have been rejected and
    // rewritten, as in the test above).
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('writes nothing with NODE_DISABLE_COMPILE_CACHE=1', async () => {
    const cli = await serve({ NODE_DISABLE_COMPILE_CACHE: '1' });
    await settle();
    await stop(cli);
    expect(existsSync(cacheDir)).toBe(false);
  });
});

describe('the CLI bundle', () => {
  it('holds no dynamic import() (a vm.Script with cached data cannot run one without an experimental option)', () => {
    const bundle = readFileSync('dist/cli/main.js', 'utf8');
    expect(bundle.length).toBeGreaterThan(100_000);
    expect(bundle).toMatch(/require\("yaml"\)/);
    expect(bundle).not.toMatch(/(^|[^\w$.])import\(/);
  });
});
