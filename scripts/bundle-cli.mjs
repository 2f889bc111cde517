/**
 * Part of `npm run build`: bundles the CLI with esbuild into dist/cli/ so `authflow-mocks serve`
 * starts from a handful of files instead of resolving ~1,800 modules (@msw/data pulls in
 * es-toolkit/compat). Packages only `newman` and `--version` need stay external and load
 * lazily from node_modules (dynamic imports become their own chunks).
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/cli', { recursive: true, force: true });

await build({
  entryPoints: ['mocks/tools/cli.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist/cli',
  external: ['msw', 'newman', 'ajv', 'ajv-formats', 'yaml', 'postman-collection'],
  // Some bundled CommonJS dependencies call require(); ESM has none of its own.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
