/**
 * Values that validate against a JSON Schema (the subset the specs use), as fast-check
 * arbitraries: `type` (and type lists), `enum`, `const`, strings with `minLength`/`maxLength`,
 * `pattern` and the formats the specs name, integers and numbers with `minimum`/`maximum`,
 * arrays with `items` and `minItems`/`maxItems`, objects with `properties`, `required` and
 * `additionalProperties: false`, and `allOf` / `anyOf` / `oneOf`. Local `$ref`s are followed in
 * the spec they come from. The schema-valid property (`scripts/fuzz/schema-valid.ts`) sends what
 * these generate.
 */
import fc from 'fast-check';

type Json = Record<string, unknown>;

/** Follows local `$ref`s (`#/components/...`) until a schema that is not a reference. */
export function deref(spec: Json, node: unknown, depth = 0): Json {
  let current = node as Json;
  for (let i = 0; i < 20 && current !== null && typeof current === 'object' && typeof current.$ref === 'string'; i++) {
    const path = (current.$ref as string).replace(/^#\//, '').split('/');
    let target: unknown = spec;
    for (const part of path) target = (target as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    current = target as Json;
  }
  if (depth > 20) throw new Error('schema nested too deeply');
  return current ?? {};
}

const formats: Record<string, fc.Arbitrary<string>> = {
  date: fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  'date-time': fc
    .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  uuid: fc.uuid(),
  email: fc.emailAddress(),
  uri: fc.webUrl(),
  password: fc.string({ minLength: 1, maxLength: 20 }),
};

/** Merges the members of an `allOf` (properties and `required` joined; the rest, last wins). */
function mergeAll(spec: Json, schema: Json): Json {
  const parts = (schema.allOf as unknown[]).map((s) => resolve(spec, s));
  const out: Json = { ...schema, allOf: undefined };
  const properties: Json = { ...((schema.properties as Json | undefined) ?? {}) };
  const required = new Set<string>((schema.required as string[] | undefined) ?? []);
  for (const part of parts) {
    Object.assign(out, part, { properties: undefined, required: undefined });
    Object.assign(properties, (part.properties as Json | undefined) ?? {});
    for (const r of (part.required as string[] | undefined) ?? []) required.add(r);
  }
  out.properties = properties;
  out.required = [...required];
  return out;
}

function resolve(spec: Json, node: unknown): Json {
  const schema = deref(spec, node);
  return Array.isArray(schema.allOf) ? mergeAll(spec, schema) : schema;
}

/** An arbitrary of values valid against `node`, a schema of `spec`. */
export function schemaArbitrary(spec: Json, node: unknown, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(spec, node);
  if (depth > 6) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) {
      // A list of `required` alternatives over the schema's own properties (anyOf: [{required: [a]}, …]).
      const onlyRequired = options.every((o) => Object.keys(deref(spec, o)).every((k) => k === 'required'));
      if (onlyRequired) {
        const { [key]: _alternatives, ...rest } = schema;
        return fc
          .constantFrom(...options.map((o) => (deref(spec, o).required as string[]) ?? []))
          .chain((req) =>
            schemaArbitrary(spec, { ...rest, required: [...((rest.required as string[]) ?? []), ...req] }, depth),
          );
      }
      // A oneOf of types (oneOf: [{$ref: X}, {type: 'null'}]) — the alternatives are disjoint in the specs.
      return fc.oneof(...options.map((o) => schemaArbitrary(spec, o, depth + 1)));
    }
  }
  const type = schema.type;
  if (Array.isArray(type)) {
    return fc.oneof(...type.map((t) => schemaArbitrary(spec, { ...schema, type: t }, depth)));
  }
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -1_000_000;
      const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
      return fc.integer({ min, max });
    }
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -1_000_000;
      const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'array': {
      const items = schema.items === undefined ? {} : schema.items;
      return fc.array(schemaArbitrary(spec, items, depth + 1), {
        minLength: typeof schema.minItems === 'number' ? schema.minItems : 0,
        maxLength: typeof schema.maxItems === 'number' ? schema.maxItems : 3,
      });
    }
    case 'object':
      return objectArbitrary(spec, schema, depth);
    case 'string':
      return stringArbitrary(schema);
    default:
      if (schema.properties !== undefined) return objectArbitrary(spec, schema, depth);
      // No type: any JSON scalar.
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

function stringArbitrary(schema: Json): fc.Arbitrary<string> {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const declaredMax = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  const fitting = (s: string) =>
    [...s].length >= minLength && (declaredMax === undefined || [...s].length <= declaredMax);
  if (typeof schema.format === 'string' && formats[schema.format] !== undefined) {
    return (formats[schema.format] as fc.Arbitrary<string>).filter(fitting);
  }
  if (typeof schema.pattern === 'string') {
    return fc.stringMatching(new RegExp(schema.pattern)).filter(fitting);
  }
  // Code points, as JSON Schema counts minLength and maxLength.
  return fc.string({ minLength, maxLength: declaredMax ?? Math.max(minLength, 24), unit: 'binary' });
}

function objectArbitrary(spec: Json, schema: Json, depth: number): fc.Arbitrary<Json> {
  const properties = (schema.properties as Json | undefined) ?? {};
  const required = (schema.required as string[] | undefined) ?? [];
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) record[name] = schemaArbitrary(spec, sub, depth + 1);
  return fc.record(record, { requiredKeys: required.filter((r) => r in record) }) as fc.Arbitrary<Json>;
}
