/**
 * `npm run build`: builds into a temporary folder, then moves each file into dist/ with a rename,
 * so that no file a running process may read (dist/cli/cli.js, dist/mocks/…, the inspector) is
 * ever missing: a server started with `npm start`, a test run or the inspector keep working while
 * a build runs. A rename over an existing file is atomic; the entry points
 * (scripts/ensure-built.mjs `builtFiles`) are moved last, so they are the newest files, and files
 * the new build no longer has are removed once everything is in place. An interrupted build
 * leaves dist/ as it was.
 *
 * The temporary folder is under node_modules/.cache (ignored by git, Biome and npm pack).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { builtFiles } from './ensure-built.mjs';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(join(cache, 'authflow-mocks-build-'));

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, base) : [relative(base, path)];
  });
}

/** Moves one built file over its dist/ path in one rename (copied next to it first when on another file system). */
function place(file) {
  const from = join(work, file);
  const to = join(dist, file);
  mkdirSync(dirname(to), { recursive: true });
  if (existsSync(to) && statSync(to).isDirectory()) rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if (error.code !== 'EXDEV') throw error;
    const next = `${to}.next-${process.pid}`;
    copyFileSync(from, next);
    renameSync(next, to);
  }
}

/** Removes the folders a removed file left empty. */
function pruneEmpty(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) pruneEmpty(join(dir, entry.name));
  }
  if (dir !== dist && readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
}

try {
  run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', work]);
  run(['scripts/bundle-cli.mjs', work]);
  run(['scripts/bundle-inspector.mjs', work]);
  const built = filesUnder(work);
  const entries = new Set(builtFiles.map((f) => relative('dist', f)));
  for (const file of built.filter((f) => !entries.has(f))) place(file);
  for (const file of built.filter((f) => entries.has(f))) place(file);
  const kept = new Set(built);
  for (const file of filesUnder(dist)) if (!kept.has(file)) rmSync(join(dist, file), { force: true });
  pruneEmpty(dist);
} finally {
  rmSync(work, { recursive: true, force: true });
}
