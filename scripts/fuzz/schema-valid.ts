/**
 * The schema-valid property, on the fuzz world (`harness.ts`): every operation is driven with
 * requests its own (dereferenced) spec accepts, carrying credentials that work. The credentials,
 * path and a valid starting point come from the provider's Postman collection: each request it
 * sent is replayed once, newest first, and the first that an operation answers with 2xx or 3xx
 * becomes that operation's template. A generated request keeps the template's headers and path, and takes its
 * query parameters and body from the spec's schemas (each parameter or field either the
 * template's value or a generated one).
 *
 * Invariants, on top of `checkRequest`'s (no 5xx, the status declared for the operation and the
 * body valid against its schema, refusals change nothing): the request is never refused for its
 * shape, i.e. the journal's reason is none of `shapeRefusals`.
 */
import fc from 'fast-check';
import { loadSpec, type SpecOperation, specOperations } from '../../mocks/contract.js';
import { checkRequest, type DoorName, type FuzzRequest, type FuzzWorld } from './harness.js';
import { deref, schemaArbitrary } from './schema-arbitrary.js';

type Json = Record<string, unknown>;

/** Journal reasons that mean "this request is malformed": a schema-valid one must never get them. */
export const shapeRefusals = ['validation_failed', 'malformed_body', 'unsupported_media_type'] as const;

export interface Template {
  op: SpecOperation;
  request: FuzzRequest;
  /** Whether the template itself was answered 2xx/3xx (its credentials work). */
  working: boolean;
}

/**
 * Replays the collection's requests once each, newest first; the first 2xx/3xx per operation is
 * its template (`working: true`). An operation whose recorded requests no longer work (their
 * tokens were refreshed or expired later in the run) is tried again with the credential headers
 * of a working template laid over it; failing that, its last recorded request is its template
 * (`working: false`: token endpoints, whose single-use codes and refresh tokens are spent).
 */
export async function findTemplates(world: FuzzWorld, provider: string): Promise<Map<string, Template>> {
  const ops = new Map(specOperations(loadSpec(provider)).map((op) => [op.operationId, op]));
  const templates = new Map<string, Template>();
  const fallback = new Map<string, Template>();
  const byOp: [SpecOperation, FuzzRequest][] = [];
  for (const request of [...(world.recorded.get(provider) ?? [])].reverse()) {
    const path = request.target.split('?')[0] ?? '';
    const match = world.server.engine.router.match(request.host, request.method, path);
    const op = match?.kind === 'operation' ? ops.get(match.operation.operationId) : undefined;
    if (op !== undefined) byOp.push([op, request]);
  }
  const works = async (request: FuzzRequest) => {
    const { status } = await checkRequest(world, 'http', provider, request);
    return status >= 200 && status < 400;
  };
  for (const [op, request] of byOp) {
    if (templates.has(op.operationId)) continue;
    if (!fallback.has(op.operationId)) fallback.set(op.operationId, { op, request, working: false });
    if (await works(request)) templates.set(op.operationId, { op, request, working: true });
  }
  // Credential headers of the working templates, laid over the requests that no longer work.
  const credentialHeader = (name: string) => /^(authorization|authentication|x-[a-z]+-token)$/i.test(name);
  for (const [op, request] of byOp) {
    if (templates.has(op.operationId)) continue;
    for (const donor of [...templates.values()]) {
      const fresh = new Map(
        donor.request.headers.filter(([k]) => credentialHeader(k)).map(([k, v]) => [k.toLowerCase(), v]),
      );
      const names = request.headers.filter(([k]) => credentialHeader(k)).map(([k]) => k.toLowerCase());
      if (names.length === 0 || !names.every((n) => fresh.has(n))) continue;
      const headers = request.headers.map(([k, v]): [string, string] => [k, fresh.get(k.toLowerCase()) ?? v]);
      const candidate = { ...request, headers };
      if (await works(candidate)) {
        templates.set(op.operationId, { op, request: candidate, working: true });
        break;
      }
    }
  }
  for (const [id, template] of fallback) if (!templates.has(id)) templates.set(id, template);
  world.server.engine.violations.splice(0);
  world.bugs.splice(0);
  return templates;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
}

const scalar = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Schema-valid requests for one operation, starting from its template. */
export function validRequestArbitrary(provider: string, template: Template): fc.Arbitrary<FuzzRequest> {
  const spec = loadSpec(provider);
  const { op, request } = template;
  const [path = '', rawQuery = ''] = request.target.split('?');
  const given = new URLSearchParams(rawQuery);
  const params = ((op.operation.parameters ?? []) as unknown[])
    .map((p) => deref(spec, p) as unknown as Parameter)
    .filter((p) => p.in === 'query');
  // Each query parameter: the template's value, a generated one, or (when optional) none.
  const query = fc
    .tuple(
      ...params.map((p) => {
        const choices: fc.Arbitrary<string | null>[] = [schemaArbitrary(spec, p.schema ?? {}).map(scalar)];
        const kept = given.get(p.name);
        if (kept !== null) choices.push(fc.constant(kept));
        if (p.required !== true) choices.push(fc.constant(null));
        return fc.oneof(...choices).map((v) => [p.name, v] as const);
      }),
    )
    .map((pairs) => {
      const q = new URLSearchParams();
      for (const [k, v] of pairs) if (v !== null) q.set(k, v);
      const text = q.toString();
      return text === '' ? '' : `?${text}`;
    });
  const headers = request.headers.filter(([k]) => k.toLowerCase() !== 'content-type');
  const body = bodyArbitrary(spec, op, request);
  return fc.tuple(query, body).map(([q, b]) => ({
    method: request.method,
    host: request.host,
    target: `${path}${q}`,
    headers: b === undefined ? headers : [...headers, ['content-type', b.contentType] as [string, string]],
    ...(b === undefined ? {} : { body: { contentType: b.contentType, text: b.text } }),
  }));
}

function bodyArbitrary(
  spec: Json,
  op: SpecOperation,
  request: FuzzRequest,
): fc.Arbitrary<{ contentType: string; text: string } | undefined> {
  const requestBody = op.operation.requestBody === undefined ? undefined : deref(spec, op.operation.requestBody);
  // Fetch sends no body with GET or HEAD.
  if (requestBody === undefined || op.method === 'get' || op.method === 'head') return fc.constant(undefined);
  const content = (requestBody.content ?? {}) as Record<string, { schema?: unknown }>;
  let templateFields: Json = {};
  try {
    const parsed = request.body === undefined ? {} : (JSON.parse(request.body.text) as unknown);
    const first = Array.isArray(parsed) ? parsed[0] : parsed;
    if (first !== null && typeof first === 'object' && !Array.isArray(first)) templateFields = first as Json;
  } catch {
    templateFields = Object.fromEntries(new URLSearchParams(request.body?.text ?? ''));
  }
  // References to things that must exist (`race_id`, `org_uuid`, …) always come from the
  // template: a well-formed id of nothing is refused for what it names, not for its shape.
  const references = Object.fromEntries(Object.entries(templateFields).filter(([k]) => /(^|_)(id|uuid)$/.test(k)));
  const kinds: fc.Arbitrary<{ contentType: string; text: string } | undefined>[] = [];
  const json = content['application/json'];
  if (json !== undefined) {
    kinds.push(
      fc.tuple(schemaArbitrary(spec, json.schema ?? {}), fc.boolean()).map(([value, keep]) => ({
        contentType: 'application/json',
        text: JSON.stringify(overlay(value, keep ? templateFields : references)),
      })),
    );
  }
  const form = content['application/x-www-form-urlencoded'];
  if (form !== undefined) {
    kinds.push(
      fc
        .tuple(schemaArbitrary(spec, form.schema ?? {}), fc.boolean())
        .filter(([value]) => isFlat(value))
        .map(([value, keep]) => ({
          contentType: 'application/x-www-form-urlencoded',
          text: new URLSearchParams(
            Object.entries(overlay(value, keep ? templateFields : references) as Json)
              .filter(([, v]) => v !== null)
              .map(([k, v]) => [k, scalar(v)]),
          ).toString(),
        })),
    );
  }
  if (requestBody.required !== true) kinds.push(fc.constant(undefined));
  return kinds.length === 0 ? fc.constant(undefined) : fc.oneof(...kinds);
}

/** A generated object (or each object of an array) with the template's fields laid over it. */
function overlay(value: unknown, fields: Json): unknown {
  if (Array.isArray(value)) return value.map((item) => overlay(item, fields));
  if (value === null || typeof value !== 'object') return value;
  return { ...(value as Json), ...fields };
}

const isFlat = (value: unknown) =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.values(value as Json).every((v) => v === null || typeof v !== 'object');

/** Drives one provider's operations through one door; throws fast-check's report on failure. */
export async function checkSchemaValid(
  world: FuzzWorld,
  provider: string,
  door: DoorName,
  templates: Map<string, Template>,
  options: { numRuns: number; seed?: number },
): Promise<Map<string, number>> {
  const runs = new Map<string, number>();
  const arbitraries = [...templates.values()].map((t) =>
    validRequestArbitrary(provider, t).map((request) => ({ operationId: t.op.operationId, request })),
  );
  if (arbitraries.length === 0) return runs;
  await fc.assert(
    fc.asyncProperty(fc.oneof(...arbitraries), async ({ operationId, request }) => {
      const outcome = await checkRequest(world, door, provider, request);
      runs.set(operationId, (runs.get(operationId) ?? 0) + 1);
      const entry = world.server.engine.journal.entries().at(-1);
      const reason = entry?.reason;
      if (reason !== undefined && (shapeRefusals as readonly string[]).includes(reason)) {
        outcome.problems.push(`${operationId}: a schema-valid request was refused for its shape (${reason})`);
      }
      if (outcome.problems.length > 0) throw new Error(outcome.problems.join('\n'));
    }),
    { numRuns: options.numRuns, ...(options.seed === undefined ? {} : { seed: options.seed }), endOnFailure: true },
  );
  return runs;
}
