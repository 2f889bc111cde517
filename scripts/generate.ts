/**
 * `npm run generate`: writes, from each provider's spec and fixtures,
 *   mocks/generated/<p>.ts                          (openapi-typescript)
 *   mocks/generated/<p>.routes.ts                   (method, path and hosts of each operationId)
 *   collections/<p>.postman_collection.json         (postman-collection)
 *   collections/<p>.{mock,live}.postman_environment.json
 *   schema/authflow-mocks.config.schema.json
 *   mocks/providers/<p>/README.md                   (its generated blocks: options, fixtures, vendor pages)
 * `--check` writes nothing and fails when any committed file differs from a fresh generation.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { configJsonSchema, schemaFile } from '../mocks/config/init.js';
import { loadSpec, specOperations } from '../mocks/contract.js';
import { registry } from '../mocks/providers/index.js';
import { collectionBuilders, collectionFiles } from './collections/index.js';
import { fillReadme, readmeBlocks } from './provider-readmes.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

async function types(provider: string): Promise<string> {
  const spec = join(root, 'specs', `${provider}.openapi.yaml`);
  const ast = await openapiTS(pathToFileURL(spec));
  return [
    '/**',
    ` * Auto-generated from specs/${provider}.openapi.yaml by \`npm run generate\` (openapi-typescript).`,
    ' * Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.',
    ' */',
    '',
    astToString(ast),
  ].join('\n');
}

/**
 * The route table a provider's operations take their method, path and hosts from (`routeOf`),
 * so an operation the spec does not declare, or declares elsewhere, does not compile.
 */
function routes(provider: string): string {
  const lines = specOperations(loadSpec(provider)).map(
    (o) =>
      `  ${o.operationId}: { method: '${o.method}', path: '${o.path}', hosts: ${JSON.stringify(o.hosts).replace(/"/g, "'").replace(/,/g, ', ')} },`,
  );
  return [
    '/**',
    ` * Auto-generated from specs/${provider}.openapi.yaml by \`npm run generate\`: method, path and hosts of`,
    ' * each operation. Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.',
    ' */',
    '',
    'export const routes = {',
    ...lines,
    '} as const;',
    '',
  ].join('\n');
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const outputs = new Map<string, string>();
// Types for every spec (a provider's handlers need its types before it can be registered) …
for (const file of readdirSync(join(root, 'specs')).sort()) {
  const provider = file.match(/^(.+)\.openapi\.yaml$/)?.[1];
  if (provider === undefined) continue;
  outputs.set(`mocks/generated/${provider}.ts`, await types(provider));
  outputs.set(`mocks/generated/${provider}.routes.ts`, routes(provider));
}
// … collections for every registered provider.
for (const [provider, build] of await collectionBuilders()) {
  for (const [file, content] of collectionFiles(provider, build())) outputs.set(`collections/${file}`, json(content));
}

// … the config file's JSON Schema, from the same zod schemas the loader validates with …
outputs.set(schemaFile, json(configJsonSchema()));

// … and the generated parts of each provider's README (options, fixtures, vendor pages).
for (const definition of registry.definitions) {
  const file = `mocks/providers/${definition.id}/README.md`;
  const current = existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : '';
  outputs.set(file, fillReadme(current, readmeBlocks(definition, root), file));
}

const drifted: string[] = [];
for (const [file, content] of outputs) {
  const path = join(root, file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === content) continue;
  if (check) {
    drifted.push(file);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    process.stdout.write(`wrote ${file}\n`);
  }
}
if (drifted.length > 0) {
  process.stderr.write(
    `Generated files differ from their sources; run \`npm run generate\` and commit:\n  ${drifted.join('\n  ')}\n`,
  );
  process.exit(1);
}
if (check) process.stdout.write(`generated files up to date (${outputs.size})\n`);
