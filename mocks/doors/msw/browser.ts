/**
 * `authflow-mocks/browser`: the mocks in a browser under MSW's `setupWorker`. Serve MSW's
 * `mockServiceWorker.js` from your app's public folder (`npx msw init public/`).
 *
 * @example
 * const mocks = setupMocks();
 * await mocks.worker.start({ onUnhandledRequest: 'bypass' });
 */
import { type SetupWorker, setupWorker } from 'msw/browser';
import { createMocks, type Mocks, type MswMocksOptions } from './mocks.js';

export type { Mocks, MocksOptions, MswDoorOptions, MswMocksOptions } from './mocks.js';
export { createMocks } from './mocks.js';

export interface BrowserMocks extends Mocks {
  readonly worker: SetupWorker;
}

export function setupMocks(options: MswMocksOptions = {}): BrowserMocks {
  const mocks = createMocks(options);
  return { ...mocks, worker: setupWorker(...mocks.handlers) };
}
