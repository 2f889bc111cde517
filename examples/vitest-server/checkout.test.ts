import { expect, it } from 'vitest';
import { me, signIn, useWorld } from './world.js';

const world = useWorld('checkout');

for (let i = 1; i <= 5; i++) {
  it(`checkout: a token expires on this file's clock only (${i})`, async () => {
    await world.current.reset();
    const token = await signIn(world.current);
    expect(await me(world.current, token)).toBe(200);
    expect(Math.round((await world.current.clock.advance(3601)).offsetSeconds)).toBe(3601);
    expect(await me(world.current, token)).toBe(401);
    expect((await world.current.journal()).entries.map((e) => e.status)).toEqual([200, 200, 401]);
  });
}
