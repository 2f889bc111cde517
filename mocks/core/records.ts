/**
 * The providers' @msw/data collections. A collection validates every record it creates against
 * a Standard Schema; zod's own `~standard.validate` compiles a specialised parser for each
 * object schema (`new Function`) on its first call, which every start paid for a handful of
 * seeded records per schema (a third of the standalone server's start-up work after loading
 * its code). `collection` gives @msw/data the same zod schema parsed without that compile
 * (zod's `jitless` parse): the same checks, issues and output, records created at run time
 * included (rare and never on a hot path).
 */
import { Collection } from '@msw/data';
import type { input, output, ZodType } from 'zod';

/**
 * The part of the Standard Schema interface (standardschema.dev, whose spec asks libraries to copy
 * it rather than depend on it) a collection reads.
 */
export interface StandardSchema<Input, Output> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
    ) => { readonly value: Output; readonly issues?: undefined } | { readonly issues: readonly Issue[] };
    readonly types?: { readonly input: Input; readonly output: Output };
  };
}

export interface Issue {
  readonly message: string;
  readonly path?: readonly PropertyKey[];
}

/** `schema` as a Standard Schema whose validation skips zod's compiled fast path. */
export function recordSchema<T extends ZodType>(schema: T): StandardSchema<input<T>, output<T>> {
  return {
    '~standard': {
      version: 1,
      vendor: 'zod',
      validate(value: unknown) {
        const result = schema.safeParse(value, { jitless: true });
        return result.success ? { value: result.data } : { issues: result.error.issues };
      },
    },
  };
}

/** An @msw/data collection of records shaped by `schema` (see `recordSchema`). */
export function collection<T extends ZodType>(schema: T) {
  return new Collection({ schema: recordSchema(schema) });
}
