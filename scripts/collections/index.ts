/**
 * Collection builders, found through the registry: a provider's builder is the default export of
 * `mocks/providers/<id>/collection.ts` (left out of the built package; the kit is `./kit.ts`).
 * A registry of your own may name providers whose builder lives elsewhere: `builders` maps their
 * ids to it.
 */
import { type Registry, registry } from '../../mocks/providers/index.js';

export interface BuiltCollection {
  collection: object;
  mock: object;
  live: object;
}

export type CollectionBuilder = () => BuiltCollection;

/** Each provider of the registry with its collection builder; throws naming a provider that has none. */
export async function collectionBuilders(
  providers: Registry = registry,
  builders: Readonly<Record<string, CollectionBuilder>> = {},
): Promise<Map<string, CollectionBuilder>> {
  const out = new Map<string, CollectionBuilder>();
  for (const id of providers.ids) {
    const given = builders[id];
    if (given !== undefined) {
      out.set(id, given);
      continue;
    }
    const module = (await import(/* @vite-ignore */ `../../mocks/providers/${id}/collection.js`).catch(
      () => undefined,
    )) as { default?: CollectionBuilder } | undefined;
    if (typeof module?.default !== 'function')
      throw new Error(`No collection builder for ${id}: mocks/providers/${id}/collection.ts`);
    out.set(id, module.default);
  }
  return out;
}

/** The files `npm run generate` writes for one provider: its collection and its mock and live environments. */
export function collectionFiles(id: string, built: BuiltCollection): Map<string, object> {
  return new Map([
    [`${id}.postman_collection.json`, built.collection],
    [`${id}.mock.postman_environment.json`, built.mock],
    [`${id}.live.postman_environment.json`, built.live],
  ]);
}
