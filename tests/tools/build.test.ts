/**
 * `npm run build` builds into a temporary folder and renames each file into dist/: a process that
 * reads the built CLI while a build runs (a server started with `npm start`, a test run) never
 * finds it missing, and the CLI keeps answering. The package has no install-time script.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { builtFiles } from '../../scripts/ensure-built.mjs';

describe('npm run build', () => {
  it('never leaves dist/cli/cli.js (or any built entry point) missing while it runs', {
    timeout: 240_000,
  }, async () => {
    const build = spawn('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => build.once('exit', resolve));
    let running = true;
    void exited.then(() => {
      running = false;
    });
    let checks = 0;
    const missing: string[] = [];
    let cliRuns = 0;
    const cliFailures: (number | null)[] = [];
    while (running) {
      for (const file of builtFiles as string[]) {
        if (!existsSync(file)) missing.push(file);
      }
      checks++;
      // Every few rounds, the CLI itself runs from dist/ (as `npm start` would).
      if (checks % 20 === 0) {
        const run = spawnSync(process.execPath, ['dist/cli/cli.js', '--version'], { encoding: 'utf8' });
        cliRuns++;
        if (run.status !== 0) cliFailures.push(run.status);
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(await exited).toBe(0);
    expect(missing).toEqual([]);
    expect(cliFailures).toEqual([]);
    // The build took long enough to have been watched throughout.
    expect(checks).toBeGreaterThan(100);
    expect(cliRuns).toBeGreaterThan(2);
    for (const file of builtFiles as string[]) expect(existsSync(file)).toBe(true);
  });

  it('is a publish-time step: the package runs no script when installed', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[hook]).toBeUndefined();
    expect(pkg.scripts.prepack).toBe('npm run build');
  });
});
