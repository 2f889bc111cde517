/**
 * The package as a consumer gets it: `npm pack`, install the tarball in an empty folder offline
 * (the dependencies come from the local npm cache, pinned by this repository's lockfile), start
 * the server with `npx authflow-mocks`, typecheck a consumer against the exported types, and build
 * a provider of its own from the installed provider kit.
 * Needs a fresh dist/ (`npm run build`) and a populated npm cache (`npm ci` did it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { needsBuild } from '../../scripts/ensure-built.mjs';
import { cleanServerEnv, listeningUrl, spawnProcess } from '../support/cli.js';

const repo = resolve('.');
let dir = '';
let consumer = '';

interface LockEntry {
  dev?: boolean;
  link?: boolean;
}

/** A lockfile for a consumer depending on the tarball: this repository's production packages. */
function consumerLock(tarball: string): object {
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', version: '1.0.0', dependencies: { 'authflow-mocks': `file:${tarball}` } },
    'node_modules/authflow-mocks': {
      version: pkg.version,
      resolved: `file:${tarball}`,
      dependencies: pkg.dependencies,
      peerDependencies: pkg.peerDependencies,
      peerDependenciesMeta: pkg.peerDependenciesMeta,
      bin: pkg.bin,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path !== '' && !entry.dev && !entry.link) packages[path] = entry;
  }
  return { name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

beforeAll(() => {
  if ((needsBuild as (root: string) => boolean)(repo))
    expect(spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' }).status).toBe(0);
  dir = mkdtempSync(join(tmpdir(), 'authflow-pack-'));
  // dist/ is fresh: skip `prepack` (the build) during the pack.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { encoding: 'utf8' }),
  ) as { filename: string; files: { path: string }[] }[];
  const tarball = join(dir, (packed[0] as { filename: string }).filename);
  consumer = join(dir, 'consumer');
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      version: '1.0.0',
      private: true,
      dependencies: { 'authflow-mocks': `file:${tarball}` },
    }),
  );
  writeFileSync(join(consumer, 'package-lock.json'), JSON.stringify(consumerLock(tarball)));
  execFileSync('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: consumer,
    stdio: 'ignore',
  });
  writeFileSync(join(dir, 'files.json'), JSON.stringify(packed[0]?.files.map((f) => f.path)));
}, 120_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** Every `authflow-mocks[/…]` import path README.md names (placeholders such as `<id>` left out). */
function readmeImportPaths(): string[] {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const found = [...readme.matchAll(/['`](authflow-mocks(?:\/[A-Za-z0-9_.\-/]+)?)['`]/g)].map((m) => m[1] as string);
  return [...new Set(found)].sort();
}

describe('the packed package', () => {
  it('has no install-time script: installing the tarball runs none', () => {
    const pkg = JSON.parse(readFileSync(join(consumer, 'node_modules/authflow-mocks/package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(pkg.scripts?.[hook], hook).toBeUndefined();
  });

  it('answers every import path the README names, runCollections from authflow-mocks/newman', {
    timeout: 60_000,
  }, () => {
    const paths = readmeImportPaths();
    expect(paths).toEqual(expect.arrayContaining(['authflow-mocks', 'authflow-mocks/node', 'authflow-mocks/newman']));
    // authflow-mocks/newman and /verify need Newman, /testcontainers needs testcontainers (optional
    // peers): lent from this repository.
    const newman = join(consumer, 'node_modules', 'newman');
    symlinkSync(join(repo, 'node_modules', 'newman'), newman, 'dir');
    const testcontainers = join(consumer, 'node_modules', 'testcontainers');
    symlinkSync(join(repo, 'node_modules', 'testcontainers'), testcontainers, 'dir');
    try {
      const script = `
const results = {};
for (const path of ${JSON.stringify(paths)}) {
  try {
    const url = import.meta.resolve(path);
    if (/.(json|ya?ml)$/.test(path) || path.endsWith('/browser')) {
      // Data files, and the browser entry (MSW's browser build does not load in Node): resolved.
      const { existsSync } = await import('node:fs');
      results[path] = existsSync(new URL(url)) ? 'ok' : 'missing';
    } else {
      const module = await import(path);
      results[path] = Object.keys(module).length > 0 || path.includes('/types/') ? 'ok' : 'empty';
    }
  } catch (error) {
    results[path] = error.code ?? error.message;
  }
}
const { runCollections } = await import('authflow-mocks/newman');
results.runCollections = typeof runCollections;
console.log(JSON.stringify(results));
`;
      writeFileSync(join(consumer, 'imports.mjs'), script);
      const run = spawnSync(process.execPath, ['imports.mjs'], { cwd: consumer, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const results = JSON.parse(run.stdout) as Record<string, string>;
      expect(results).toEqual({ ...Object.fromEntries(paths.map((p) => [p, 'ok'])), runCollections: 'function' });
    } finally {
      rmSync(newman, { force: true });
      rmSync(testcontainers, { force: true });
    }
  });

  it('ships a LICENSE, specs and collections, and no source maps', () => {
    const files = JSON.parse(readFileSync(join(dir, 'files.json'), 'utf8')) as string[];
    expect(files).toContain('LICENSE');
    expect(files).toContain('specs/eventix.openapi.yaml');
    expect(files).toContain('collections/eventix.postman_collection.json');
    expect(files).toContain('schema/authflow-mocks.config.schema.json');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('installs offline without Newman, and npx authflow-mocks serves', { timeout: 60_000 }, async () => {
    expect(existsSync(join(consumer, 'node_modules', 'newman'))).toBe(false);
    // In a process group of its own: npx does not pass SIGTERM on to the server it started, which
    // outlived the test before.
    const npx = spawnProcess('npx', ['--offline', 'authflow-mocks', 'serve', '--port', '0', '--quiet'], {
      cwd: consumer,
      env: cleanServerEnv,
      detached: true,
    });
    const { child } = npx;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const url = await listeningUrl(npx, 30_000);
      expect((await fetch(`${url}/__control/health`)).status).toBe(200);
      const response = await fetch(`${url}/identity.eventbookings.com/connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=eb-demo-events&client_secret=ebs_7Kq2vN9xR4mT8wZ1pL6c',
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toHaveProperty('access_token');
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  });

  it('the newman command without Newman installed: one clear line, exit 2', () => {
    const run = spawnSync('npx', ['--offline', 'authflow-mocks', 'newman'], { cwd: consumer, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('npm install --save-dev newman');
  });

  it('exports the generated types, specs and collections', { timeout: 60_000 }, () => {
    const resolveIn = (specifier: string) =>
      execFileSync(process.execPath, ['-p', `require.resolve(${JSON.stringify(specifier)})`], {
        cwd: consumer,
        encoding: 'utf8',
      }).trim();
    expect(resolveIn('authflow-mocks/specs/tracx.openapi.yaml')).toMatch(/specs[/\\]tracx\.openapi\.yaml$/);
    expect(resolveIn('authflow-mocks/collections/tracx.postman_collection.json')).toMatch(
      /tracx\.postman_collection\.json$/,
    );
    // An ES module consumer (module: nodenext) and a CommonJS one (module: node20) typecheck.
    const source = `import type { paths } from 'authflow-mocks/types/eventix';
import { setupMocks } from 'authflow-mocks/node';
type Events = paths['/event']['get']['responses'][200]['content']['application/json'];
export const events: Events | undefined = undefined;
export const mocks = setupMocks({ providers: ['eventix'] });
`;
    for (const [type, module] of [
      ['module', 'nodenext'],
      ['commonjs', 'node20'],
    ] as const) {
      const project = join(consumer, type);
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ type }));
      writeFileSync(join(project, 'client.ts'), source);
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { module, strict: true, noEmit: true, skipLibCheck: true, types: [] },
          files: ['client.ts'],
        }),
      );
      const tsc = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', project], {
        encoding: 'utf8',
      });
      expect(tsc.stdout, `${type} consumer`).toBe('');
      expect(tsc.status).toBe(0);
    }
  });

  it('builds a provider from the installed kit (authflow-mocks/provider): the template compiles, serves and shows in the tools', {
    timeout: 90_000,
  }, async () => {
    // examples/provider-template/ as a user copies it (its Postman and bench files use this
    // repository's kits, so they stay behind), compiled against the installed package's types.
    const folder = join(consumer, 'acme');
    mkdirSync(join(folder, 'src'), { recursive: true });
    for (const file of [
      'tiny.openapi.yaml',
      'routes.ts',
      'fixtures.ts',
      'state.ts',
      'errors.ts',
      'operations.ts',
      'config.ts',
      'index.ts',
    ]) {
      copyFileSync(join(repo, 'examples/provider-template', file), join(folder, 'src', file));
    }
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(
      join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          target: 'es2022',
          strict: true,
          skipLibCheck: true,
          types: [],
          outDir: 'out',
        },
        include: ['src'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', folder], {
      encoding: 'utf8',
    });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
    writeFileSync(
      join(folder, 'serve.mjs'),
      `import { createMockServer } from 'authflow-mocks/http';
import { configJsonSchema, createRegistry, parseOptionFlags, providerDefinitions, starterConfig } from 'authflow-mocks/provider';
import tiny from './out/index.js';
const server = createMockServer({ providers: ['eventbookings', tiny], options: { tiny: { tokenTtlSeconds: 30 } } });
const { url } = await server.listen(0);
const token = await fetch(url + '/api.tiny.test/token', { method: 'POST', body: new URLSearchParams({ api_key: 'tiny_key_ada' }) });
const { access_token, expires_in } = await token.json();
const me = await fetch(url + '/api.tiny.test/me', { headers: { authorization: 'Bearer ' + access_token } });
const refused = await fetch(url + '/api.tiny.test/token', { method: 'POST', body: new URLSearchParams({ api_key: 'nope' }) });
await server.close();
const providers = createRegistry([...providerDefinitions, tiny]);
console.log(JSON.stringify({
  expires_in,
  me: [me.status, await me.json()],
  refused: [refused.status, await refused.json()],
  starter: starterConfig(['tiny'], providers).tiny,
  option: parseOptionFlags(['tiny.tokenTtlSeconds=5'], providers),
  schemaDefault: configJsonSchema(providers).properties.tiny.properties.options.properties.tokenTtlSeconds.default,
}));
`,
    );
    const run = spawnSync(process.execPath, ['serve.mjs'], { cwd: folder, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      expires_in: 30,
      me: [200, { name: 'Ada' }],
      refused: [401, { error: 'bad_key' }],
      starter: { mode: 'replace', keys: [{ name: 'Ada', apiKey: 'tiny_key_ada' }] },
      option: { options: { tiny: { tokenTtlSeconds: 5 } } },
      schemaDefault: 60,
    });
  });
});
