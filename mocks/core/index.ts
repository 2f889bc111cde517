/**
 * mocks/core: provider-agnostic pieces (clock, token store, JWTs, errors, journal, router,
 * engine, control plane). No provider, no I/O.
 */
export type { FieldsOptions, ParsedBody } from './body.js';
export {
  controlBodyLimit,
  defaultBodyLimit,
  defaultOperationBodyLimit,
  fieldsOf,
  maxFormFields,
  mediaType,
  parseBody,
} from './body.js';
export type { Clock, ClockOptions } from './clock.js';
export { compareCodeUnits, createClock, epochSeconds, isoWithOffset } from './clock.js';
export type { ClockState, ControlPlane, FixtureProblem, FixtureRefusal, FixturesHook, TokenView } from './control.js';
export { maxListedTokens } from './control.js';
export { isPreflight, preflightMaxAge, preflightResponse, withCors } from './cors.js';
export type { Authorization } from './credentials.js';
export { decodeBasic, findBySecret, readAuthorization, safeEqual } from './credentials.js';
export type {
  AnyProviderDefinition,
  FixturesSlot,
  OptionInfo,
  OptionsOf,
  OptionsSchema,
  PostmanVariables,
  ProviderDefinition,
  ProviderDefinitionInput,
  SettingsOf,
} from './define.js';
export { configOptions, defineProvider, optionInfos } from './define.js';
export { DryRunWrite, isDryRun, refuseInDryRun } from './dry-run.js';
export type {
  AnsweredListener,
  AnsweredRead,
  ContractViolation,
  Engine,
  EngineBug,
  EngineOptions,
  IncomingRequest,
  ResponseCheck,
  ResponseValidator,
} from './engine.js';
export { createEngine } from './engine.js';
export type {
  CommonDetails,
  ErrorBody,
  ErrorBodyTable,
  ErrorContext,
  FieldProblems,
  MockErrorCode,
  MockErrorDetails,
  MockErrorDetailsMap,
} from './errors.js';
export {
  credentialRefusals,
  defaultStatus,
  errorBodies,
  isMockError,
  laravelRouteMessage,
  MockError,
  sameBody,
} from './errors.js';
export type { Fault, FaultSpec, FaultTable } from './faults.js';
export { createFaultTable } from './faults.js';
export type { EntityLists, FixtureMode } from './fixture-config.js';
export {
  absoluteUrl,
  boundProblems,
  checkRef,
  checkUnique,
  checkUniqueKeys,
  crossChecked,
  fixtureLimits,
  fixtureModeSchema,
  fixtureSection,
  mergeById,
  sizeProblems,
} from './fixture-config.js';
export type { CredentialFields, CredentialState, HeldCredential } from './inventory.js';
export { credentialId, prefixLength, storeCredentials } from './inventory.js';
export type { CredentialKind, GenericCredentialKind, Journal, JournalEntry, JournalRecord } from './journal.js';
export { createJournal, isSecretQueryName, redactQuery, secretQueryNames } from './journal.js';
export type { JwtIssuer, JwtIssuerOptions } from './jwt.js';
export { createJwtIssuer } from './jwt.js';
export type {
  ClientAuthOptions,
  OAuthErrorBody,
  OAuthErrorOptions,
  PkceChallenge,
  PkceMethod,
  TokenRequest,
} from './oauth2.js';
export {
  authenticateClient,
  bearerToken,
  checkAccessToken,
  checkParameterHint,
  describeRefusal,
  grantRefused,
  oauthErrorBodies,
  openTokenRequest,
  readPkceChallenge,
  readTokenFields,
  requireField,
  tokenResponseHeaders,
  verifyPkce,
} from './oauth2.js';
export { printable, printableLines } from './printable.js';
export type {
  DemoCredential,
  HeaderReader,
  HttpMethod,
  JsonOf,
  MockRequest,
  MockResponse,
  Operation,
  OperationContext,
  Provider,
  ProviderAction,
  ProviderEnv,
  Route,
  StatusOf,
} from './provider.js';
export { responder, routeTable } from './provider.js';
export { randomBytes, randomToken, randomUuid, randomUuidV7 } from './random.js';
export type { StandardSchema } from './records.js';
export { collection, recordSchema } from './records.js';
export type { RouteMatch, Router } from './router.js';
export { compileRouter } from './router.js';
export type { Slicer } from './slices.js';
export { createSlicer } from './slices.js';
export type { SeededState, SnapshotParts } from './snapshot.js';
export { snapshotParts, withSeededState } from './snapshot.js';
export type {
  IssueOptions,
  TokenCheck,
  TokenEntry,
  TokenListing,
  TokenRefusal,
  TokenStore,
  TokenStoreOptions,
} from './token-store.js';
export { createTokenStore, defaultMaxTokensPerOwner } from './token-store.js';
