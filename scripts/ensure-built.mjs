/**
 * Whether dist/ must be rebuilt: a built file is missing, or a file it is built from changed after
 * it: mocks/, inspector/ and specs/ (the inspector's API reference is rendered from the specs),
 * the bundler scripts, the tsconfigs, package.json.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const builtFiles = ['dist/cli/cli.js', 'dist/mocks/index.js', 'dist/inspector/index.html'];
export const buildSources = [
  'mocks',
  'inspector',
  'specs',
  'scripts/build.mjs',
  'scripts/bundle-cli.mjs',
  'scripts/bundle-inspector.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
];

/** Newest modification time under `path` (a file, or a folder recursively); 0 when absent. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

export function needsBuild(root) {
  const built = builtFiles.map((f) => join(root, f));
  if (!built.every((f) => existsSync(f))) return true;
  const oldest = Math.min(...built.map((f) => statSync(f).mtimeMs));
  return buildSources.some((s) => newest(join(root, s)) > oldest);
}
