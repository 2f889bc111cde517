/** A world for the calling test file: created before its tests, deleted after them. */
import { connect, type RemoteWorld } from 'authflow-mocks/remote';
import { afterAll, beforeAll, inject } from 'vitest';

export function useWorld(name: string): { readonly current: RemoteWorld } {
  const holder = {} as { current: RemoteWorld };
  beforeAll(async () => {
    holder.current = await connect(inject('mocksUrl')).createWorld({ name });
  });
  afterAll(() => holder.current.delete());
  return holder;
}
