/**
 * Eight tests over four workers, all against one server at once. Each signs in through a page,
 * moves its world's clock past the token's expiry, sees the 401, and resets: if any of that
 * leaked between worlds, another worker's clock, journal or reset would break these checks.
 */
import { expect, test } from './fixtures.js';

const client = { client_id: 'eb-demo-events', client_secret: 'ebs_7Kq2vN9xR4mT8wZ1pL6c' };

for (let i = 1; i <= 8; i++) {
  test(`sign in, expire, reset — run ${i}`, async ({ page, world }) => {
    // A page on loopback stands in for your app (Chromium lets only a loopback page call loopback);
    // its fetches to the world's URLs are then same-origin.
    await page.goto(world.url('https://identity.eventbookings.com/.well-known/openid-configuration'));
    const tokenUrl = world.url('https://identity.eventbookings.com/connect/token');
    const meUrl = world.url('https://api.eventbookings.com/me');
    const signIn = () =>
      page.evaluate(
        async ({ url, body }) => {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(body).toString(),
          });
          return { status: res.status, token: ((await res.json()) as { access_token?: string }).access_token };
        },
        { url: tokenUrl, body: { grant_type: 'client_credentials', ...client } },
      );
    const me = (token: string) =>
      page.evaluate(
        async ({ url, token }) => (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status,
        { url: meUrl, token },
      );

    await world.reset();
    const first = await signIn();
    expect(first.status).toBe(200);
    expect(await me(first.token as string)).toBe(200);

    // An hour and a second later on this world's clock only: the token has expired.
    const moved = await world.clock.advance(3601);
    expect(Math.round(moved.offsetSeconds)).toBe(3601);
    expect(await me(first.token as string)).toBe(401);
    const journal = await world.journal();
    expect(journal.entries.map((e) => e.status)).toEqual([200, 200, 401]);

    await world.reset();
    expect((await world.clock()).offsetSeconds).toBe(0);
    expect((await world.journal()).entries).toEqual([]);
    expect(await me(first.token as string)).toBe(401);
  });
}
