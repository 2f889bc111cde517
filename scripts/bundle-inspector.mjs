/**
 * Part of `npm run build`: the inspector page served at /__inspector/ (dist/inspector/). The page
 * (inspector/app.ts) is bundled with esbuild; each spec's API reference is rendered by Redocly's
 * build-docs, with the local server listed beside each real one, and made to work offline: the
 * Redoc script it would load from a CDN is served from dist/inspector/docs/ (the same file,
 * shipped in @redocly/cli) and telemetry is off. Nothing is read from disk by `serve` until
 * /__inspector/ is asked for.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { parse, stringify } from 'yaml';

/** Under the build's output folder (scripts/build.mjs passes its temporary one); dist/ by default. */
const out = join(process.argv[2] ?? 'dist', 'inspector');
/** Must match `docsLocalBase` in mocks/doors/http/inspector.ts (replaced there by the address asked on). */
const localBase = 'http://127.0.0.1:4010';
const titleStyle =
  'h1[data-component-name="Typography/H1"]{word-break:normal!important;overflow-wrap:normal!important;' +
  'hyphens:manual!important;font-size:clamp(1.5rem,6vw,2.25rem)!important;line-height:1.2!important}';
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}/docs`, { recursive: true });

await build({
  entryPoints: ['inspector/app.ts'],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome115',
  minify: true,
  outfile: `${out}/app.js`,
  logLevel: 'warning',
});
copyFileSync('inspector/index.html', `${out}/index.html`);
copyFileSync('inspector/app.css', `${out}/app.css`);

/** Adds `http://127.0.0.1:4010/<host>` after every `https://<host>` server the spec does not already pair with one. */
function withLocal(servers) {
  if (!Array.isArray(servers)) return servers;
  return servers.flatMap((s) => {
    const url = new URL(s.url);
    if (url.protocol !== 'https:') return [s];
    const local = {
      url: `${localBase}/${url.host}${url.pathname.replace(/\/$/, '')}`,
      description: `authflow-mocks (local) for ${url.host}`,
    };
    return servers.some((t) => t.url === local.url) ? [s] : [s, local];
  });
}

const operations = {};
/** The Redoc version build-docs' HTML asks the CDN for. */
let cdnVersion;
const work = mkdtempSync(join(tmpdir(), 'authflow-inspector-'));
const redocly = join('node_modules', '.bin', 'redocly');
try {
  for (const file of readdirSync('specs')
    .filter((f) => f.endsWith('.openapi.yaml'))
    .sort()) {
    const id = file.replace('.openapi.yaml', '');
    const spec = parse(readFileSync(join('specs', file), 'utf8'));
    operations[id] = [];
    spec.servers = withLocal(spec.servers);
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      if (item.servers) item.servers = withLocal(item.servers);
      for (const method of methods) {
        const op = item[method];
        if (op === undefined) continue;
        if (op.servers) op.servers = withLocal(op.servers);
        operations[id].push({
          operationId: op.operationId,
          method: method.toUpperCase(),
          path,
          summary: op.summary ?? '',
        });
      }
    }
    const input = join(work, file);
    writeFileSync(input, stringify(spec));
    const html = `${out}/docs/${id}.html`;
    execFileSync(redocly, ['build-docs', input, '-o', html], { stdio: ['ignore', 'ignore', 'pipe'] });
    const rendered = readFileSync(html, 'utf8');
    cdnVersion = /cdn\.redocly\.com\/redoc\/v([\d.]+)\/bundles/.exec(rendered)?.[1];
    const page = rendered
      .replace(/https:\/\/cdn\.redocly\.com\/redoc\/v[\d.]+\/bundles\/redoc\.standalone\.js/g, './redoc.standalone.js')
      // The served copy differs from the CDN's by the logo URLs (below): no integrity hash.
      .replace(/ integrity="[^"]*"/g, '')
      .replace('"disableTelemetry":false', '"disableTelemetry":true')
      // Redoc breaks its big title anywhere ("EventBook/ings" on a phone): between words only,
      // a size that fits a narrow screen.
      .replace('</head>', `<style>${titleStyle}</style></head>`);
    if (/https:\/\/cdn\./.test(page)) throw new Error(`${html} still loads from a CDN`);
    writeFileSync(html, page);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
writeFileSync(`${out}/operations.json`, JSON.stringify(operations));
// The file build-docs' HTML would fetch from the CDN (same version: @redocly/cli ships it).
const require = createRequire(import.meta.url);
const cli = dirname(require.resolve('@redocly/cli/package.json'));
const standalone = readFileSync(join(cli, 'lib/chunks/redoc.standalone.js'), 'utf8');
const version = /Version: ([\d.]+)/.exec(standalone)?.[1];
if (cdnVersion !== version) throw new Error(`build-docs wants Redoc ${cdnVersion}; @redocly/cli ships ${version}`);
// The footer's Redocly logo would come from a CDN; an empty image makes Redoc hide it.
writeFileSync(
  `${out}/docs/redoc.standalone.js`,
  standalone.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, 'data:,'),
);
