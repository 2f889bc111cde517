/**
 * `authflow-mocks/node`: the mocks in-process under MSW's `setupServer`, for tests.
 *
 * @example
 * const mocks = setupMocks();
 * beforeAll(() => mocks.server.listen());
 * afterEach(() => mocks.control.reset());
 * afterAll(() => mocks.server.close());
 */
import { type SetupServer, setupServer } from 'msw/node';
import { createMocks, type Mocks, type MswMocksOptions } from './mocks.js';

export type { Mocks, MocksOptions, MswDoorOptions, MswMocksOptions } from './mocks.js';
export { createMocks } from './mocks.js';

export interface NodeMocks extends Mocks {
  readonly server: SetupServer;
}

export function setupMocks(options: MswMocksOptions = {}): NodeMocks {
  const mocks = createMocks(options);
  return { ...mocks, server: setupServer(...mocks.handlers) };
}
