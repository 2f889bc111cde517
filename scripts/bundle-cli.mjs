/**
 * Part of `npm run build`: bundles the CLI with esbuild into dist/cli/main.js, one CommonJS file,
 * so `authflow-mocks serve` starts from one file instead of resolving ~1,800 modules (@msw/data
 * pulls in es-toolkit/compat). Packages only `newman`, `verify`, `--version` and a Redis store
 * (`serve --store redis://…`) need stay external and are required when used. The bin (dist/cli/cli.js, from mocks/tools/bin.cjs) runs
 * the bundle with V8's code cache; a script, unlike an ES module, can be given cached data on
 * Node 20. dist/cli/package.json makes both files CommonJS (the package is `"type": "module"`).
 */
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** The build's output folder (scripts/build.mjs passes its temporary one); dist/ by default. */
const dist = process.argv[2] ?? 'dist';
const out = join(dist, 'cli');
rmSync(out, { recursive: true, force: true });

await build({
  entryPoints: { main: 'mocks/tools/cli.ts' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: out,
  // @redis/client: required only by `serve --store redis://…` (it would double the bundle every start parses).
  external: ['msw', 'newman', 'ajv', 'ajv-formats', 'yaml', 'postman-collection', '@redis/client'],
  // The sources are ES modules: `import.meta.url` becomes the bundle's own file URL.
  define: { 'import.meta.url': '__bundleUrl' },
  // No import() left in the bundle: a vm.Script with cached data cannot run one (see the bin).
  supported: { 'dynamic-import': false },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // Smaller to parse at every start; identifiers are kept, so profiles and stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [zodEnglishOnly],
  logLevel: 'warning',
});

writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
// The bin names its code cache after the bundle's hash (V8 itself checks only the source's length).
const bundleHash = createHash('sha256')
  .update(readFileSync(join(out, 'main.js')))
  .digest('hex');
const bin = readFileSync('mocks/tools/bin.cjs', 'utf8');
if (!bin.includes("'__BUNDLE_HASH__'")) throw new Error('mocks/tools/bin.cjs has no __BUNDLE_HASH__ to fill in');
writeFileSync(join(out, 'cli.js'), bin.replace("'__BUNDLE_HASH__'", `'${bundleHash}'`));
chmodSync(join(out, 'cli.js'), 0o755);
