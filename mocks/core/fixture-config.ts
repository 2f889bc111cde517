/**
 * Helpers for a provider's fixture schema (`providers/<id>/config.ts`): merging a user's entities
 * into a base list by id, and cross-reference checks that report the path of the bad value.
 * Providers declare their own schemas; the config loader (`mocks/config/`) reads them.
 */
import * as z from 'zod';
import { configOptions, type OptionsSchema } from './define.js';
import type { FixtureProblem } from './errors.js';

/** `merge` adds the user's entities to the demo world; `replace` starts from none. */
export const fixtureModeSchema = z
  .enum(['merge', 'replace'])
  .describe('merge: the demo world plus these entities (same id replaces the demo one); replace: only these.');
export type FixtureMode = z.infer<typeof fixtureModeSchema>;

/** Each entity kind of a section as the config file writes it: an optional list. */
export type EntityLists<E extends Record<string, z.ZodType>> = { [K in keyof E]: z.ZodOptional<z.ZodArray<E[K]>> };

/**
 * A provider's section of the config file before its cross-checks (the slot's `sectionSchema`):
 * `mode`, the provider's `options` (see `configOptions`) and, for each entity kind, a list of
 * `entities[kind]`, every key optional and no other allowed.
 *
 * @example
 * export const sectionSchema = fixtureSection(options, { users: user, clients: client });
 */
export function fixtureSection<S extends OptionsSchema, E extends Record<string, z.ZodType>>(options: S, entities: E) {
  const lists = Object.fromEntries(
    Object.entries(entities).map(([kind, entity]) => [kind, z.array(entity).optional()]),
  ) as EntityLists<E>;
  return z.strictObject({ mode: fixtureModeSchema.optional(), options: configOptions(options).optional(), ...lists });
}

/** The section with its cross-references checked (the slot's `configSchema`): `crossCheck` over the demo world. */
export function crossChecked<T extends z.ZodType>(
  section: T,
  crossCheck: (section: z.output<T>, ctx: z.RefinementCtx) => void,
): T {
  return section.superRefine((parsed, ctx) => crossCheck(parsed, ctx));
}

/** An absolute URL (scheme and host), as a redirect URI must be. */
export const absoluteUrl = z.string().refine(
  (value) => {
    try {
      return new URL(value).protocol.length > 1 && /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
    } catch {
      return false;
    }
  },
  { message: 'not an absolute URL' },
);

/**
 * The base list with the user's entities: an entity whose id is already in the base replaces
 * that one (in place); the others are appended in order.
 */
export function mergeById<T, K extends keyof T>(base: readonly T[], mine: readonly T[] | undefined, key: K): T[] {
  if (mine === undefined || mine.length === 0) return [...base];
  const byId = new Map(mine.map((item) => [item[key], item]));
  const out = base.map((item) => byId.get(item[key]) ?? item);
  const baseIds = new Set(base.map((item) => item[key]));
  for (const item of mine) if (!baseIds.has(item[key])) out.push(item);
  return out;
}

type Ctx = z.RefinementCtx;

/** Reports every entity of `list` whose `key` an earlier one already has. */
export function checkUnique<T>(ctx: Ctx, list: readonly T[] | undefined, key: keyof T & string, at: string): void {
  const seen = new Set<unknown>();
  list?.forEach((item, i) => {
    const id = item[key];
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [at, i, key], message: `duplicate id ${String(id)}` });
    seen.add(id);
  });
}

type KeyOfEach<L> = L extends readonly (infer T)[] | undefined ? keyof T & string : never;

/**
 * Reports duplicate ids in a section: for each entity kind, the keys no two of its entities may
 * share, checked in the order given (`{ users: ['guid', 'username'], calls: ['call_id'] }`).
 */
export function checkUniqueKeys<P extends Record<string, unknown>>(
  ctx: Ctx,
  section: P,
  keys: { readonly [K in keyof P]?: readonly KeyOfEach<P[K]>[] },
): void {
  for (const [kind, names] of Object.entries(keys) as [string, readonly string[]][]) {
    const list = section[kind] as readonly Record<string, unknown>[] | undefined;
    for (const key of names) checkUnique(ctx, list, key, kind);
  }
}

/** Reports `value` at `path` when it is not one of `known` (a broken cross-reference). */
export function checkRef(
  ctx: Ctx,
  known: ReadonlySet<unknown>,
  value: unknown,
  path: (string | number)[],
  what: string,
): void {
  if (!known.has(value)) ctx.addIssue({ code: 'custom', path, message: `no ${what} ${String(value)}` });
}

/**
 * What one fixtures input may hold: validation (zod, then each provider's cross-checks) and the
 * seeding of @msw/data run on the event loop, at tens of microseconds per entity, so the sizes
 * are refused before any entity is looked at. With these, the largest accepted input validates
 * and seeds in under 100 ms (docs/security.md has the measurements), and the largest refused one
 * is answered at once.
 */
export const fixtureLimits = {
  /** Entries of one entity kind of one provider (`eventix.users`, `tracx.connect_tokens`, …). */
  maxPerKind: 500,
  /** Entities of one input together, every provider and kind. */
  maxEntities: 500,
  /** Entries of a list inside an entity (`companies`, `redirect_uris`, `event_ids`, …). */
  maxPerList: 100,
  /** Problems listed in a refusal; past it the refusal says how many more there were. */
  maxProblems: 100,
} as const;

/** A size problem: a `FixtureProblem` whose code is always `too_many_entries`. */
export type SizeProblem = FixtureProblem & { code: 'too_many_entries' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Sizes of a fixtures input, checked before any validation: every list of each section
 * (`sections`: provider id → its section as written) is an entity kind, every list inside one of
 * its entities a reference list. Reads only lengths and, when those fit, the entities' own keys:
 * bounded work whatever the input holds. Problems carry the code `too_many_entries`.
 */
export function sizeProblems(sections: Iterable<readonly [string, unknown]>): SizeProblem[] {
  const out: SizeProblem[] = [];
  let entities = 0;
  const kinds: [string, unknown[]][] = [];
  for (const [id, section] of sections) {
    if (!isRecord(section)) continue;
    for (const kind of Object.keys(section)) {
      const list = section[kind];
      if (!Array.isArray(list)) continue;
      entities += list.length;
      if (list.length > fixtureLimits.maxPerKind) {
        out.push({
          path: `${id}.${kind}`,
          code: 'too_many_entries',
          message: `at most ${fixtureLimits.maxPerKind} entries (this has ${list.length})`,
        });
      } else kinds.push([`${id}.${kind}`, list]);
    }
  }
  if (entities > fixtureLimits.maxEntities) {
    out.push({
      path: '(root)',
      code: 'too_many_entries',
      message: `at most ${fixtureLimits.maxEntities} entities in one input (this has ${entities})`,
    });
  }
  if (out.length > 0) return out;
  // Now at most maxEntities entities: their lists, each read by length only.
  for (const [at, list] of kinds) {
    list.forEach((entity, i) => {
      if (!isRecord(entity)) return;
      for (const field of Object.keys(entity)) {
        const inner = entity[field];
        if (Array.isArray(inner) && inner.length > fixtureLimits.maxPerList && out.length < fixtureLimits.maxProblems) {
          out.push({
            path: `${at}[${i}].${field}`,
            code: 'too_many_entries',
            message: `at most ${fixtureLimits.maxPerList} entries (this has ${inner.length})`,
          });
        }
      }
    });
  }
  return out;
}

/** The first `maxProblems` of `problems` and how many more there were. */
export function boundProblems<P>(problems: readonly P[]): { problems: P[]; more: number } {
  const shown = problems.slice(0, fixtureLimits.maxProblems);
  return { problems: shown, more: problems.length - shown.length };
}
