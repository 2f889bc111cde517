/**
 * Part of `npm run build`: bundles the CLI with esbuild into dist/cli/ so `authflow-mocks serve`
 * starts from a handful of files instead of resolving ~1,800 modules (@msw/data pulls in
 * es-toolkit/compat). Packages only `newman` and `--version` need stay external and load
 * lazily from node_modules (dynamic imports become their own chunks).
 */
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * zod's classic entry re-exports every locale (~350 KB of the bundle, parsed at each start); the
 * CLI never switches locale, so only English (zod's default) is bundled.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: "export { default as en } from './en.js';",
    }));
  },
};

rmSync('dist/cli', { recursive: true, force: true });

await build({
  // The entry is main.js; cli.js (below) turns on V8's compile cache first, where Node has one.
  entryPoints: { main: 'mocks/tools/cli.ts' },
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
  // Smaller to parse at every start; identifiers are kept, so profiles and stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [zodEnglishOnly],
  logLevel: 'warning',
});

// The bin. `module.enableCompileCache()` (Node 22.1+) caches the compiled bundle between starts;
// on older Node it does not exist and the CLI starts as before. Static imports would be compiled
// before it runs, hence the dynamic import.
writeFileSync(
  'dist/cli/cli.js',
  `#!/usr/bin/env node
import * as nodeModule from 'node:module';
if (typeof nodeModule.enableCompileCache === 'function') {
  try {
    nodeModule.enableCompileCache();
  } catch {}
}
await import('./main.js');
`,
);
chmodSync('dist/cli/cli.js', 0o755);
