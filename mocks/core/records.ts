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
import { refuseInDryRun } from './dry-run.js';

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

/** The methods of a collection that change it. */
const changing = ['create', 'createMany', 'update', 'updateMany', 'delete', 'deleteMany', 'clear'] as const;

/**
 * An @msw/data collection of records shaped by `schema` (see `recordSchema`). Its changing
 * methods refuse inside a dry run (`./dry-run.ts`): a replica answering a read from its own copy
 * must not change it.
 */
export function collection<T extends ZodType>(schema: T) {
  const made = new Collection({ schema: recordSchema(schema) });
  const methods = made as unknown as Record<(typeof changing)[number], (...args: unknown[]) => unknown>;
  for (const name of changing) {
    const method = methods[name].bind(made);
    methods[name] = (...args: unknown[]) => {
      refuseInDryRun(`change a record (${name})`);
      return method(...args);
    };
  }
  return made;
}
