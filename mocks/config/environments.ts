/**
 * Mock Postman environments for a configured world: the shipped mock environment of each
 * provider, with the variables that name credentials and ids taken from the config's world
 * (its own entities first, then the world they merge into, by role), and `mockServer` from its
 * host and port. Variables the
 * config has no entity for keep their demo values (in merge mode the demo world still has them).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Registry, registry } from '../providers/index.js';
import { fixturesOf } from './load.js';
import type { ParsedConfig } from './schema.js';

type Vars = Record<string, string | number | undefined>;

/** The shipped `collections/` folder (in the repository and in the installed package). */
export function shippedCollectionsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'collections', `${registry.ids[0]}.mock.postman_environment.json`)))
      return join(dir, 'collections');
    dir = dirname(dir);
  }
  throw new Error('The collections folder is missing from the package.');
}

interface Environment {
  name: string;
  values: { key: string; value: string; [k: string]: unknown }[];
  [k: string]: unknown;
}

/** The mock environments of a config's world, by provider (configured providers only). */
export function mockEnvironments(
  config: ParsedConfig,
  demoDir = shippedCollectionsDir(),
  providers: Registry = registry,
): Map<string, Environment> {
  const sections = fixturesOf(config) as Record<string, Record<string, unknown> | undefined>;
  const chosen = config.providers as readonly string[] | undefined;
  const ids = providers.ids.filter((id) => (chosen === undefined || chosen.includes(id)) && sections[id] !== undefined);
  const server = `http://${config.host ?? '127.0.0.1'}:${config.port ?? 4010}`;
  const out = new Map<string, Environment>();
  for (const id of ids) {
    const slot = providers.get(id)?.fixtures;
    const variablesOf = (section: unknown): Vars =>
      slot === undefined ? {} : slot.postmanVariables(slot.toFixtureSet(section as never));
    // The user's own entities first (as if alone), then the world they are merged into.
    const own = variablesOf({ ...sections[id], mode: 'replace' });
    const world = variablesOf(sections[id]);
    const vars: Vars = { ...world, mockServer: server };
    for (const [key, value] of Object.entries(own)) if (value !== undefined) vars[key] = value;
    const env = JSON.parse(readFileSync(join(demoDir, `${id}.mock.postman_environment.json`), 'utf8')) as Environment;
    env.name = `${env.name} (your config)`;
    env.values = env.values.map((v) => {
      const mine = vars[v.key];
      return mine === undefined ? v : { ...v, value: String(mine) };
    });
    out.set(id, env);
  }
  return out;
}

/** Writes `<id>.mock.postman_environment.json` per configured provider into `dir`; answers the files. */
export function writeMockEnvironments(config: ParsedConfig, dir: string, providers: Registry = registry): string[] {
  mkdirSync(dir, { recursive: true });
  return [...mockEnvironments(config, shippedCollectionsDir(), providers)].map(([id, env]) => {
    const file = join(dir, `${id}.mock.postman_environment.json`);
    writeFileSync(file, `${JSON.stringify(env, null, 2)}\n`);
    return file;
  });
}
