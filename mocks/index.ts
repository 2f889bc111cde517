/**
 * `authflow-mocks`: create a mock world (`createWorld`, or `createMocks` for one with its MSW
 * handlers) and read its pieces. Front doors: `./node`, `./browser` (MSW), `./http` (node:http).
 */
export type { AuthflowConfig, ConfigProblem, FixturesConfig } from './config/schema.js';
export { ConfigError } from './config/schema.js';
export type {
  Clock,
  ControlPlane,
  Engine,
  Fault,
  FaultSpec,
  JournalEntry,
  MockErrorCode,
  Provider,
  ResponseValidator,
} from './core/index.js';
export { createClock, MockError } from './core/index.js';
export type { Mocks, MswDoorOptions, MswMocksOptions } from './doors/msw/mocks.js';
export { createMocks } from './doors/msw/mocks.js';
export type { CredentialKind, ProviderId, ProviderOptions } from './providers/index.js';
export { providerIds } from './providers/index.js';
export type { MocksOptions, World } from './world.js';
export { createWorld } from './world.js';
