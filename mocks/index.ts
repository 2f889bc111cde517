/** `authflow-mocks`: create a mock world and read its pieces. Front doors: `./node`, `./browser`, `./http`. */

export type { AuthflowConfig, ConfigProblem, FixturesConfig } from './config/schema.js';
export { ConfigError } from './config/schema.js';
export type {
  Clock,
  ControlPlane,
  CredentialKind,
  Engine,
  Fault,
  FaultSpec,
  JournalEntry,
  MockErrorCode,
  Provider,
  ResponseValidator,
} from './core/index.js';
export { createClock, MockError } from './core/index.js';
export type { Mocks, MocksOptions } from './mocks.js';
export { createMocks } from './mocks.js';
export type { ProviderId, ProviderOptions } from './providers/index.js';
export { providerIds } from './providers/index.js';
