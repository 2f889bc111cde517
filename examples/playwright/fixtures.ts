/**
 * A worker-scoped world: each Playwright worker gets its own, created on the shared server when
 * the worker starts and deleted when it ends. Tests import `test` and `expect` from here.
 */
import { test as base } from '@playwright/test';
import { connect, type RemoteWorld } from 'authflow-mocks/remote';
import { mocksUrl } from './playwright.config.js';

export const test = base.extend<object, { world: RemoteWorld }>({
  world: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use, workerInfo) => {
      const world = await connect(mocksUrl).createWorld({ name: `playwright worker ${workerInfo.workerIndex}` });
      await use(world);
      await world.delete();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
