/**
 * Helpers for a provider's fixture schema (`providers/<id>/config.ts`): merging a user's entities
 * into a base list by id, and cross-reference checks that report the path of the bad value.
 * Providers declare their own schemas; the config loader (`mocks/config/`) reads them.
 */
import * as z from 'zod';

/** `merge` adds the user's entities to the demo world; `replace` starts from none. */
export const fixtureModeSchema = z
  .enum(['merge', 'replace'])
  .describe('merge: the demo world plus these entities (same id replaces the demo one); replace: only these.');
export type FixtureMode = z.infer<typeof fixtureModeSchema>;

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
