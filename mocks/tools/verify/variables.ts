/**
 * The variables a collection runs with: its Postman environment, then `AUTHFLOW_*` variables
 * and an env file; and where the collections are.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Secrets, secretVariable } from './secrets.js';
import { VerifyError, type VerifyOptions } from './types.js';

/**
 * `collections/` beside `specs/` (the folder `runCollections` reads), found from source, the
 * build or the CLI bundle without loading ajv and yaml (usage errors answer fast).
 */
export function collectionsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'collections')) && existsSync(join(dir, 'specs'))) return join(dir, 'collections');
    dir = dirname(dir);
  }
  throw new Error('collections/ folder not found beside authflow-mocks');
}

export interface PostmanEnvironment {
  name?: string;
  values: { key: string; value: string; type?: string; enabled?: boolean }[];
}

function readEnvFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new VerifyError('usage', `cannot read the environment file ${file}`);
  }
  if (text.trimStart().startsWith('{')) {
    try {
      const env = JSON.parse(text) as Partial<PostmanEnvironment>;
      if (!Array.isArray(env.values)) throw new Error('no values');
      return Object.fromEntries(env.values.filter((v) => v.enabled !== false).map((v) => [v.key, String(v.value)]));
    } catch {
      throw new VerifyError('usage', `${file} is not a Postman environment (JSON with "values")`);
    }
  }
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) throw new VerifyError('usage', `${file}: a line is not KEY=value`);
    out[trimmed.slice(0, eq).trim()] = trimmed
      .slice(eq + 1)
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}

/** `authorizationCode` → `AUTHORIZATION_CODE`, `client_secret` → `CLIENT_SECRET`. */
function envName(provider: string, key: string): string {
  return `AUTHFLOW_${provider.toUpperCase()}_${key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

export function environmentFor(provider: string, options: VerifyOptions, secrets: Secrets): PostmanEnvironment {
  const kind = options.baseUrl === undefined ? 'live' : 'mock';
  const base = JSON.parse(
    readFileSync(
      join(options.custom?.collectionsDir ?? collectionsDir(), `${provider}.${kind}.postman_environment.json`),
      'utf8',
    ),
  ) as PostmanEnvironment;
  const values = new Map(base.values.map((v) => [v.key, { ...v }]));
  const set = (key: string, value: string) => {
    const existing = values.get(key);
    if (existing === undefined) values.set(key, { key, value, type: 'default', enabled: true });
    else existing.value = value;
  };
  const processEnv = options.processEnv ?? process.env;
  for (const key of [...values.keys(), 'refreshToken', 'accessToken']) {
    const value = processEnv[envName(provider, key)];
    if (value !== undefined && value !== '') set(key, value);
  }
  if (options.envFile !== undefined) for (const [k, v] of Object.entries(readEnvFile(options.envFile))) set(k, v);
  for (const [k, v] of Object.entries(options.variables ?? {})) set(k, v);
  if (options.baseUrl !== undefined) set('mockServer', options.baseUrl);
  for (const v of values.values()) {
    if (v.type === 'secret' || secretVariable.test(v.key)) secrets.add(v.value);
  }
  return { name: base.name ?? provider, values: [...values.values()] };
}

/**
 * The collection variables a run would use (the mock environment with `baseUrl`, the empty live
 * one without, then `AUTHFLOW_<PROVIDER>_<VAR>`, `envFile`, `variables`). Holds secrets.
 */
export function verifyVariables(options: VerifyOptions): Record<string, string> {
  const environment = environmentFor(options.provider, options, new Secrets());
  return Object.fromEntries(environment.values.map((v) => [v.key, v.value]));
}
