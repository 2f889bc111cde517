/** A world for the calling test file: created before its tests, deleted after them. */
import { connect, type RemoteWorld } from 'authflow-mocks/remote';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export function useWorld(name: string): { readonly current: RemoteWorld } {
  const holder = {} as { current: RemoteWorld };
  beforeAll(async () => {
    holder.current = await connect(inject('mocksUrl')).createWorld({ name });
  });
  afterAll(() => holder.current.delete());
  return holder;
}

const client = {
  grant_type: 'client_credentials',
  client_id: 'eb-demo-events',
  client_secret: 'ebs_7Kq2vN9xR4mT8wZ1pL6c',
};

/** An EventBookings access token issued in the world. */
export async function signIn(world: RemoteWorld): Promise<string> {
  const res = await fetch(world.url('https://identity.eventbookings.com/connect/token'), {
    method: 'POST',
    body: new URLSearchParams(client),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The status of EventBookings' `GET /me` with that token, in the world. */
export async function me(world: RemoteWorld, token: string): Promise<number> {
  const res = await fetch(world.url('https://api.eventbookings.com/me'), {
    headers: { authorization: `Bearer ${token}` },
  });
  return res.status;
}
