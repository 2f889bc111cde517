import { expect, it } from 'vitest';
import { useWorld } from './world.js';

const world = useWorld('refunds');
const client = {
  grant_type: 'client_credentials',
  client_id: 'eb-demo-events',
  client_secret: 'ebs_7Kq2vN9xR4mT8wZ1pL6c',
};

async function signIn(): Promise<string> {
  const res = await fetch(world.current.url('https://identity.eventbookings.com/connect/token'), {
    method: 'POST',
    body: new URLSearchParams(client),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const me = async (token: string) =>
  (
    await fetch(world.current.url('https://api.eventbookings.com/me'), {
      headers: { authorization: `Bearer ${token}` },
    })
  ).status;

for (let i = 1; i <= 5; i++) {
  it(`refunds: a token expires on this file's clock only (${i})`, async () => {
    await world.current.reset();
    const token = await signIn();
    expect(await me(token)).toBe(200);
    expect(Math.round((await world.current.clock.advance(3601)).offsetSeconds)).toBe(3601);
    expect(await me(token)).toBe(401);
    expect((await world.current.journal()).entries.map((e) => e.status)).toEqual([200, 200, 401]);
  });
}
