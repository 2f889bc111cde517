/**
 * mocks/core: provider-agnostic pieces (clock, token store, JWTs, errors, journal, router,
 * engine, control plane). No provider, no I/O.
 */
export type { FieldsOptions, ParsedBody } from './body.js';
export { defaultBodyLimit, fieldsOf, maxFormFields, mediaType, parseBody } from './body.js';
export type { Clock, ClockOptions } from './clock.js';
export { createClock, epochSeconds } from './clock.js';
export type { ClockState, ControlPlane, FixtureProblem, FixturesHook, TokenView } from './control.js';
export { answerControl, ControlError, maxListedTokens } from './control.js';
export { checkControlRequest, controlHostNames, hostName, loopbackNames } from './control-guard.js';
export { isPreflight, preflightMaxAge, preflightResponse, withCors } from './cors.js';
export type { Authorization } from './credentials.js';
export { decodeBasic, findBySecret, formDecode, readAuthorization, safeEqual } from './credentials.js';
export type {
  ContractViolation,
  Engine,
  EngineBug,
  EngineOptions,
  IncomingRequest,
  ResponseCheck,
  ResponseValidator,
} from './engine.js';
export { createEngine } from './engine.js';
export type { MockErrorCode, MockErrorDetails } from './errors.js';
export { credentialCodes, defaultStatus, isMockError, MockError } from './errors.js';
export type { Fault, FaultSpec, FaultTable } from './faults.js';
export { createFaultTable, FaultSpecError, parseFaultSpec } from './faults.js';
export type { CredentialFields, CredentialState, HeldCredential } from './inventory.js';
export { credentialId, prefixLength, storeCredentials } from './inventory.js';
export type { CredentialKind, Journal, JournalEntry, JournalRecord } from './journal.js';
export { createJournal, isSecretQueryName, redactQuery, secretQueryNames } from './journal.js';
export type { JwtIssuer, JwtIssuerOptions } from './jwt.js';
export { createJwtIssuer } from './jwt.js';
export type { ClientAuthOptions, OAuthErrorBody, OAuthErrorOptions, PkceChallenge, PkceMethod } from './oauth2.js';
export {
  authenticateClient,
  bearerToken,
  checkAccessToken,
  describeRefusal,
  grantRefused,
  oauthErrorResponse,
  readPkceChallenge,
  readTokenFields,
  requireField,
  tokenResponseHeaders,
  verifyPkce,
} from './oauth2.js';
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
  ProviderModule,
  StatusOf,
} from './provider.js';
export { responder } from './provider.js';
export { randomToken, randomUuid, randomUuidV7 } from './random.js';
export type { RouteMatch, Router } from './router.js';
export { compileRouter } from './router.js';
export type { Slicer } from './slices.js';
export { createSlicer } from './slices.js';
export type { SeededState } from './snapshot.js';
export { stateSnapshot, withSeededState } from './snapshot.js';
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
