/**
 * The bin's code cache on Node 20 (mocks/tools/bin.cjs): the built CLI writes V8's cached data
 * for its bundle to a directory only this user may write, uses it on the next start, replaces
 * data V8 rejects, and never uses a directory others could write or a cache file it does not
 * own alone (a planted file of the same length would run its planter's code: the first planted
 * test shows it does when this user owns it). The tests run as root and hand files to uid 12345
 * to play the other user. On Node 22.1+ the bin gives Node's own compile cache the same checked
 * directory, so these checks run on Node 20 only.
 */

import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
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
import { type CliProcess, listeningUrl, startBuilt, waitFor } from '../support/cli.js';

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

  /**
   * Cached data for a script of exactly the bundle's wrapped length that writes `marker` when run:
   * V8 checks only the length (and its version and flags), so started with this data the bin
   * would run this script instead of the bundle. Made by a plain `node` like the bin's own.
   */
  function plantedCache(): Buffer {
    const craft = `
      const { Module } = require('node:module');
      const fs = require('node:fs');
      const vm = require('node:vm');
      const source = Module.wrap(fs.readFileSync(${JSON.stringify(join(process.cwd(), 'dist/cli/main.js'))}, 'utf8').replace(/^#!.*/, ''));
      let evil = '(function (exports, require, module, __filename, __dirname) { if (process.env.PLANT_MARKER) { require("node:fs").writeFileSync(process.env.PLANT_MARKER, "planted code ran"); process.exit(0); } });';
      evil = evil + ' '.repeat(source.length - evil.length);
      const script = new vm.Script(evil, { filename: ${JSON.stringify(join(process.cwd(), 'dist/cli/main.js'))} });
      script.runInThisContext();
      process.stdout.write(script.createCachedData().toString('base64'));
    `;
    const made = spawnSync(process.execPath, ['-e', craft], {
      encoding: 'utf8',
      env: { ...process.env, PLANT_MARKER: '' },
    });
    expect(made.status).toBe(0);
    return Buffer.from(made.stdout, 'base64');
  }

  /** Starts the bin and waits for it to listen or exit; whether the planted code ran is the marker. */
  async function startWithPlant(marker: string): Promise<void> {
    const cli = startBuilt(['serve', '--port', '0', '--quiet'], { TMPDIR: temp, PLANT_MARKER: marker });
    started.push(cli);
    await waitFor(() => cli.child.exitCode !== null || /listening on/.test(cli.output()), 20_000);
  }

  it('runs a planted cache of the same length when this user owns it (the attack these checks stop works)', async () => {
    const first = await serve();
    await waitFor(() => files().length === 1, 10_000);
    await stop(first);
    const file = join(cacheDir, files()[0] as string);
    const marker = join(temp, 'marker');
    writeFileSync(file, plantedCache(), { mode: 0o600 });
    await startWithPlant(marker);
    expect(existsSync(marker)).toBe(true);
  });

  it('never runs a planted cache of the same length owned by another user (uid 12345)', async () => {
    const first = await serve();
    await waitFor(() => files().length === 1, 10_000);
    await stop(first);
    const file = join(cacheDir, files()[0] as string);
    const marker = join(temp, 'marker');
    writeFileSync(file, plantedCache(), { mode: 0o600 });
    chownSync(file, 12345, 12345);
    await startWithPlant(marker);
    expect(existsSync(marker)).toBe(false);
    // The bundle itself ran and answers; the foreign file is replaced by one of this user's.
    const cli = started.at(-1) as CliProcess;
    expect(cli.output()).toMatch(/listening on/);
    await waitFor(() => statSync(file).uid === uid, 10_000);
  });

  it.each([
    ['that its group may write', (file: string) => chmodSync(file, 0o620)],
    ['with a second link to it', (file: string) => linkSync(file, `${file}.link`)],
  ])('never runs a planted cache %s', async (_name, spoil) => {
    const first = await serve();
    await waitFor(() => files().length === 1, 10_000);
    await stop(first);
    const file = join(cacheDir, files()[0] as string);
    const marker = join(temp, 'marker');
    writeFileSync(file, plantedCache(), { mode: 0o600 });
    spoil(file);
    await startWithPlant(marker);
    expect(existsSync(marker)).toBe(false);
  });

  it('uses no cache under a parent others may write that is not sticky, and does under a sticky one', async () => {
    chmodSync(temp, 0o777);
    const open = await serve();
    await settle();
    await stop(open);
    expect(existsSync(cacheDir)).toBe(false);
    chmodSync(temp, 0o1777);
    const sticky = await serve();
    await waitFor(() => files().length === 1, 10_000);
    await stop(sticky);
  });

  it('uses no cache under a parent another user owns', async () => {
    chownSync(temp, 12345, 12345);
    const cli = await serve();
    await settle();
    await stop(cli);
    expect(existsSync(cacheDir)).toBe(false);
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
