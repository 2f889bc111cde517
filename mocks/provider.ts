/**
 * `authflow-mocks/provider`: the provider kit. Everything a provider folder uses to build a
 * provider of its own (see docs/adding-a-provider.md and examples/provider-template/):
 * `defineProvider` and its option and fixtures types, the token store, the OAuth 2.0 helpers,
 * typed responders and route tables, the error table and `MockError`, fixture-config helpers,
 * and `createRegistry` with the tools that take one, so they know the provider: the starter
 * config of `init` (`starterConfig`), `--option` (`parseOptionFlags`), the config file
 * (`parseConfig`, `configJsonSchema`) and the Postman environments of `collections`
 * (`mockEnvironments`).
 *
 * @example
 * import { defineProvider } from 'authflow-mocks/provider';
 * import { createMockServer } from 'authflow-mocks/http';
 * const acme = defineProvider({ id: 'acme', title: 'Acme', options, credentialKinds: [], create(env, settings) { … } });
 * await createMockServer({ providers: ['eventix', acme] }).listen(4010);
 */

export { mockEnvironments } from './config/environments.js';
export { configJsonSchema, starterConfig } from './config/init.js';
export { optionsTable, parseOptionFlags } from './config/options.js';
export { parseConfig } from './config/schema.js';
export type {
  AnyProviderDefinition,
  Authorization,
  ClientAuthOptions,
  Clock,
  DemoCredential,
  EntityLists,
  ErrorBody,
  ErrorBodyTable,
  ErrorContext,
  FixtureMode,
  FixturesSlot,
  HeaderReader,
  HeldCredential,
  HttpMethod,
  JsonOf,
  JwtIssuer,
  JwtIssuerOptions,
  MockErrorCode,
  MockErrorDetails,
  MockRequest,
  MockResponse,
  OAuthErrorBody,
  Operation,
  OperationContext,
  OptionInfo,
  OptionsOf,
  OptionsSchema,
  ParsedBody,
  PkceChallenge,
  PostmanVariables,
  Provider,
  ProviderAction,
  ProviderDefinition,
  ProviderDefinitionInput,
  ProviderEnv,
  Route,
  SeededState,
  SettingsOf,
  SnapshotParts,
  StatusOf,
  TokenCheck,
  TokenEntry,
  TokenRefusal,
  TokenStore,
  TokenStoreOptions,
} from './core/index.js';
export {
  absoluteUrl,
  authenticateClient,
  bearerToken,
  checkAccessToken,
  checkParameterHint,
  checkRef,
  checkUnique,
  checkUniqueKeys,
  collection,
  compareCodeUnits,
  configOptions,
  createJwtIssuer,
  createTokenStore,
  credentialRefusals,
  crossChecked,
  DryRunWrite,
  decodeBasic,
  defaultStatus,
  defineProvider,
  describeRefusal,
  epochSeconds,
  errorBodies,
  fieldsOf,
  findBySecret,
  fixtureModeSchema,
  fixtureSection,
  grantRefused,
  isDryRun,
  isMockError,
  isoWithOffset,
  MockError,
  mergeById,
  oauthErrorBodies,
  openTokenRequest,
  optionInfos,
  randomToken,
  randomUuid,
  randomUuidV7,
  readAuthorization,
  readPkceChallenge,
  readTokenFields,
  refuseInDryRun,
  requireField,
  responder,
  routeTable,
  safeEqual,
  sameBody,
  snapshotParts,
  storeCredentials,
  tokenResponseHeaders,
  verifyPkce,
  withSeededState,
} from './core/index.js';
export type { Registry } from './providers/index.js';
export { createRegistry, providerDefinitions, registry } from './providers/index.js';
