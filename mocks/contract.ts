/**
 * Contract by construction: a `ResponseValidator` that checks each response the
 * mocks send against the provider's OpenAPI spec — the status must be declared and the body
 * must match the schema. Node only: it reads `specs/*.openapi.yaml`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
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

/** One way a response breaks the spec, with where and what (`createContractChecker`). */
export interface ContractProblem {
  kind: 'operation' | 'status' | 'header' | 'content' | 'body';
  /** Where: a `$`-rooted JSON path into the body, or the header's name; `$` for the whole answer. */
  path: string;
  /** What the spec says, in a few words. */
  expected: string;
  /** For body problems: the JSON pointer of the value that broke the schema. */
  instancePath?: string;
  /** The whole sentence (what `createContractValidator` returns). */
  message: string;
}

/** `/a/0/b~1c` → `$.a[0]["b/c"]`. */
export function jsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return `$${pointer
    .split('/')
    .slice(1)
    .map((raw) => {
      const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (/^\d+$/.test(part)) return `[${part}]`;
      return /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;
    })
    .join('')}`;
}

function expectedOf(e: ErrorObject): { pointer: string; expected: string } {
  const params = e.params as Record<string, unknown>;
  const at = (name: unknown) => `${e.instancePath}/${String(name).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  switch (e.keyword) {
    case 'required':
      return { pointer: at(params.missingProperty), expected: 'required property' };
    case 'additionalProperties':
      return { pointer: at(params.additionalProperty), expected: 'no such property (additionalProperties: false)' };
    case 'enum':
      return {
        pointer: e.instancePath,
        expected: `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { pointer: e.instancePath, expected: `equal to ${JSON.stringify(params.allowedValue)}` };
    default:
      return { pointer: e.instancePath, expected: e.message ?? 'valid' };
  }
}

/**
 * A structured checker for the given providers' specs: each problem says where (JSON path or
 * header) and what the spec expects. `createContractValidator` is this checker's messages.
 * @param providerIds ids whose `specs/<id>.openapi.yaml` to load.
 * @param specs parsed specs by id, for providers whose spec is not in `specs/` (your own).
 */
export function createContractChecker(
  providerIds: readonly string[],
  specs: Readonly<Record<string, Json>> = {},
): (check: ResponseCheck) => ContractProblem[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const byProvider = new Map<string, Map<string, SpecOperation>>();
  const loaded = new Map<string, Json>();
  for (const id of [...providerIds, ...Object.keys(specs)]) {
    if (loaded.has(id)) continue;
    const spec = Object.hasOwn(specs, id) ? (specs[id] as Json) : loadSpec(id);
    loaded.set(id, spec);
    ajv.addSchema(spec, `urn:authflow:${id}`);
    byProvider.set(id, new Map(specOperations(spec).map((op) => [op.operationId, op])));
  }
  const compiled = new Map<string, ValidateFunction>();

  return (check: ResponseCheck) => {
    const spec = loaded.get(check.provider);
    const op = byProvider.get(check.provider)?.get(check.operationId);
    const whole = (kind: ContractProblem['kind'], expected: string, message: string): ContractProblem => ({
      kind,
      path: '$',
      expected,
      message,
    });
    if (spec === undefined || op === undefined) {
      return [
        whole('operation', 'an operation of the spec', `${check.provider}.${check.operationId} is not in the spec`),
      ];
    }
    const responses = (op.operation.responses ?? {}) as Record<string, Json>;
    const key = [String(check.status), `${String(check.status)[0]}XX`, 'default'].find((k) => k in responses);
    if (key === undefined) {
      return [
        whole(
          'status',
          `status ${Object.keys(responses).join(', ')}`,
          `status ${check.status} is not declared for ${check.operationId}`,
        ),
      ];
    }
    let pointer = `${op.pointer}/responses/${key}`;
    let response = responses[key] as Json;
    if (typeof response.$ref === 'string') {
      pointer = response.$ref;
      response = resolve(spec, pointer) as Json;
    }
    const sent = new Set(Object.keys(check.headers).map((h) => h.toLowerCase()));
    const missing = Object.entries((response.headers ?? {}) as Record<string, Json>)
      .filter(([name, header]) => header.required === true && !sent.has(name.toLowerCase()))
      .map(
        ([name]): ContractProblem => ({
          kind: 'header',
          path: name,
          expected: `required header ${name}`,
          message: `status ${check.status} of ${check.operationId} must send the ${name} header`,
        }),
      );
    const content = response.content as Record<string, Json> | undefined;
    const prefix = `status ${check.status} of ${check.operationId}`;
    if (content === undefined) {
      return check.body === undefined
        ? missing
        : [...missing, whole('content', 'no body', `${prefix} declares no body`)];
    }
    if (missing.length > 0) return missing;
    if (check.body === undefined) return [whole('content', 'a body', `${prefix} must have a body`)];
    if (!('application/json' in content)) return [whole('content', 'a JSON body', `${prefix} is not JSON`)];
    const schemaRef = `urn:authflow:${check.provider}${pointer}/content/application~1json/schema`;
    let validate = compiled.get(schemaRef);
    if (validate === undefined) {
      validate = ajv.compile({ $ref: schemaRef });
      compiled.set(schemaRef, validate);
    }
    if (validate(check.body)) return [];
    return (validate.errors ?? []).map((e) => {
      const { pointer: at, expected } = expectedOf(e);
      return {
        kind: 'body',
        path: jsonPath(at),
        expected,
        instancePath: at,
        message: `${check.operationId} ${check.status}: body${e.instancePath} ${e.message ?? 'is invalid'}`,
      };
    });
  };
}

/**
 * A validator for the given providers' specs.
 * @param providerIds ids whose `specs/<id>.openapi.yaml` to load.
 * @param specs parsed specs by id, for providers whose spec is not in `specs/` (your own).
 */
export function createContractValidator(
  providerIds: readonly string[],
  specs: Readonly<Record<string, Json>> = {},
): ResponseValidator {
  const check = createContractChecker(providerIds, specs);
  return (response: ResponseCheck) => check(response).map((p) => p.message);
}
