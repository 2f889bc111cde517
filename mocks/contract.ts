/**
 * Contract by construction (DESIGN.md): a `ResponseValidator` that checks each response the
 * mocks send against the provider's OpenAPI spec — the status must be declared and the body
 * must match the schema. Node only: it reads `specs/*.openapi.yaml`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import type { ResponseCheck, ResponseValidator } from './core/index.js';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = Record<string, unknown>;

/** The folder holding the specs, from source (`mocks/`) or from the build (`dist/mocks/`). */
export function specsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'specs');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('specs/ folder not found beside authflow-mocks');
}

export function loadSpec(providerId: string): Json {
  return parse(readFileSync(join(specsDir(), `${providerId}.openapi.yaml`), 'utf8')) as Json;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  /** Hosts from the operation's, the path's or the document's `servers`. */
  hosts: string[];
  /** JSON pointer of the operation object. */
  pointer: string;
  operation: Json;
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Each spec lists the local mock (`http://127.0.0.1:4010/<host>`) after every real host. */
const isLocalMock = (url: URL) => url.protocol === 'http:' && url.hostname === '127.0.0.1';

function hostsOf(...levels: unknown[]): string[] {
  for (const servers of levels) {
    if (Array.isArray(servers) && servers.length > 0) {
      return servers
        .map((s) => new URL((s as { url: string }).url))
        .filter((url) => !isLocalMock(url))
        .map((url) => url.hostname);
    }
  }
  return [];
}

export function specOperations(spec: Json): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Record<string, Json>)) {
    for (const method of methods) {
      const operation = item[method] as Json | undefined;
      if (operation === undefined) continue;
      out.push({
        operationId: operation.operationId as string,
        method: method.toUpperCase(),
        path,
        hosts: hostsOf(operation.servers, item.servers, spec.servers),
        pointer: `#/paths/${escapePointer(path)}/${method}`,
        operation,
      });
    }
  }
  return out;
}

function resolve(spec: Json, pointer: string): unknown {
  let node: unknown = spec;
  for (const part of pointer.replace(/^#\//, '').split('/')) {
    node = (node as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/**
 * A validator for the given providers' specs.
 * @param providerIds ids whose `specs/<id>.openapi.yaml` to load.
 */
export function createContractValidator(providerIds: readonly string[]): ResponseValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const byProvider = new Map<string, Map<string, SpecOperation>>();
  const specs = new Map<string, Json>();
  for (const id of providerIds) {
    const spec = loadSpec(id);
    specs.set(id, spec);
    ajv.addSchema(spec, `urn:authflow:${id}`);
    byProvider.set(id, new Map(specOperations(spec).map((op) => [op.operationId, op])));
  }
  const compiled = new Map<string, ValidateFunction>();

  return (check: ResponseCheck) => {
    const spec = specs.get(check.provider);
    const op = byProvider.get(check.provider)?.get(check.operationId);
    if (spec === undefined || op === undefined) return [`${check.provider}.${check.operationId} is not in the spec`];
    const responses = (op.operation.responses ?? {}) as Record<string, Json>;
    const key = [String(check.status), `${String(check.status)[0]}XX`, 'default'].find((k) => k in responses);
    if (key === undefined) return [`status ${check.status} is not declared for ${check.operationId}`];
    let pointer = `${op.pointer}/responses/${key}`;
    let response = responses[key] as Json;
    if (typeof response.$ref === 'string') {
      pointer = response.$ref;
      response = resolve(spec, pointer) as Json;
    }
    const sent = new Set(Object.keys(check.headers).map((h) => h.toLowerCase()));
    const missing = Object.entries((response.headers ?? {}) as Record<string, Json>)
      .filter(([name, header]) => header.required === true && !sent.has(name.toLowerCase()))
      .map(([name]) => `status ${check.status} of ${check.operationId} must send the ${name} header`);
    const content = response.content as Record<string, Json> | undefined;
    if (content === undefined) {
      return check.body === undefined
        ? missing
        : [...missing, `status ${check.status} of ${check.operationId} declares no body`];
    }
    if (missing.length > 0) return missing;
    if (check.body === undefined) return [`status ${check.status} of ${check.operationId} must have a body`];
    if (!('application/json' in content)) return [`status ${check.status} of ${check.operationId} is not JSON`];
    const schemaRef = `urn:authflow:${check.provider}${pointer}/content/application~1json/schema`;
    let validate = compiled.get(schemaRef);
    if (validate === undefined) {
      validate = ajv.compile({ $ref: schemaRef });
      compiled.set(schemaRef, validate);
    }
    if (validate(check.body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${check.operationId} ${check.status}: body${e.instancePath} ${e.message ?? 'is invalid'}`,
    );
  };
}
