/** `authflow-mocks`: create a mock world and read its pieces. Front doors: `./node`, `./browser`, `./http`. */
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
export type { Mocks, MocksOptions } from './doors/msw/mocks.js';
export { createMocks } from './doors/msw/mocks.js';
export type { ProviderId, ProviderOptions } from './providers/index.js';
export { providerIds } from './providers/index.js';
