/**
 * Before any test: builds dist/ when a built entry point is missing (a fresh clone after `npm ci`,
 * which runs no build: the package has no install-time script). A dist/ that is only older than
 * its sources is left alone here; the tests that need it fresh (the packed package, `npm start`)
 * rebuild it themselves. `npm run build` swaps files in atomically, so a build never takes
 * dist/cli away from a test that is running.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
// @ts-expect-error: a plain .mjs script without types
import { builtFiles } from '../../scripts/ensure-built.mjs';

export default function setup(): void {
  if ((builtFiles as string[]).every((file) => existsSync(file))) return;
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
}
