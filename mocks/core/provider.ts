/**
 * What a provider is, to the engine: a table of operations (typed from the provider's generated
 * spec types), its seeded state, its fixtures, and the one function that turns a `MockError`
 * into its documented error body. Providers know nothing of HTTP servers or MSW.
 */
import type { ParsedBody } from './body.js';
import type { Clock } from './clock.js';
import type { MockError } from './errors.js';
import type { HeldCredential } from './inventory.js';
import type { CredentialKind } from './journal.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** The subset of Fetch `Headers` both front doors can give cheaply. */
export interface HeaderReader {
  /** All values of the header joined with ", " (as Fetch does), or null. */
  get(name: string): string | null;
}

export interface MockRequest {
  readonly method: string;
  /** Lower-case real host name, e.g. `identity.eventbookings.com`. */
  readonly host: string;
  /** Path on that host, without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: HeaderReader;
  /**
   * The URL the request's host is served under, without a trailing slash: `https://<host>`
   * under MSW, `http://127.0.0.1:4010/<host>` through the standalone server. For answers that
   * name the server's own URLs (discovery metadata), so a client can follow them on either door.
   */
  readonly base: string;
  /** Path parameters named as in the spec (`{org_uuid}` → `org_uuid`). */
  readonly params: Readonly<Record<string, string>>;
  /** The parsed body (read once, size-limited); throws `MockError` on bad input. */
  body(): Promise<ParsedBody>;
}

export interface MockResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON; `undefined` means no body. */
  body?: unknown;
  /** Close the connection without answering (an injected fault). */
  drop?: boolean;
  /**
   * Wait this long before answering (an injected fault's delay), set only when the engine does
   * not wait itself (`deferDelays`: a replicated store, whose log must not stall on one request).
   */
  delayMs?: number;
}

/** `K`: the credential kinds the provider declared (see `defineProvider`). */
export interface OperationContext<K extends string = string> {
  readonly clock: Clock;
  /** Records which kind of credential the request presented, for the journal. */
  present(kind: CredentialKind<K>): void;
}

/** `K`: the credential kinds the provider declared, besides the generic ones. */
export interface Operation<K extends string = string> {
  /** The spec's operationId. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Real hosts this operation is served on. */
  readonly hosts: readonly string[];
  /** OpenAPI path template, e.g. `/orgs/{org_uuid}/events`. */
  readonly path: string;
  /**
   * Largest request body it reads, in bytes; past it 413 in the provider's shape. Default
   * `defaultOperationBodyLimit` (64 KiB); never above the door's own limit (1 MiB by default).
   */
  readonly bodyLimit?: number;
  /**
   * Answers from the world without changing it, besides marking the presented token used: it
   * issues, uses up or revokes no token, creates or changes no record, draws nothing random and
   * settles nothing. A replica of a Redis store answers such a request from its own copy of the
   * world (a dry run, see `./dry-run.ts`) and applies its effects from the log. Leave it out when
   * unsure: the request then goes through the log, as every other does.
   */
  readonly readOnly?: boolean;
  /**
   * Answers the request. Refusals may be thrown as `MockError` (guards read better that way);
   * the engine turns them into the provider's error body, so nothing ever throws through MSW.
   */
  handle(request: MockRequest, context: OperationContext<K>): MockResponse | Promise<MockResponse>;
}

/** Method, path and hosts of an operation as its spec declares them (`mocks/generated/<id>.routes.ts`). */
export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly hosts: readonly string[];
}

/**
 * Looks an operation's route up by operationId in a provider's generated route table, so an
 * operation the spec does not declare does not compile and method, path and hosts cannot drift.
 *
 * @example
 * const route = routeTable(routes);
 * const getMe: Operation = { ...route('getMe'), handle: … };
 */
export function routeTable<R extends Readonly<Record<string, Route>>>(routes: R) {
  return <Id extends keyof R & string>(operationId: Id): { readonly operationId: Id } & R[Id] => ({
    operationId,
    ...routes[operationId],
  });
}

export interface DemoCredential {
  /** What this is, e.g. "application with event.create". */
  label: string;
  values: Record<string, string>;
}

/** A provider-specific control-plane action, e.g. revoking a key. */
export type ProviderAction = (input: Record<string, unknown>) => unknown;

export interface Provider {
  readonly id: string;
  readonly title: string;
  /** Every real host the provider is served on. */
  readonly hosts: readonly string[];
  readonly operations: readonly Operation[];
  /** ASP.NET-style providers route case-insensitively. */
  readonly caseInsensitivePaths?: boolean;
  /** Resolves once seeded state is in place (seeding with @msw/data is asynchronous). */
  ready(): Promise<void>;
  /** Back to the seeded state: every token forgotten. */
  reset(): Promise<void>;
  /** The seeded credentials and ids, in the provider's own vocabulary. */
  fixtures(): Record<string, unknown>;
  /** The fixture set its state seeds from (see the provider's `config.ts`). */
  fixtureSet?(): unknown;
  /** Seeds from another fixture set from the next reset on (a configured world at run time). */
  useFixtures?(set: unknown): void;
  /** A short list for the start-up banner. */
  demo(): DemoCredential[];
  /** Its mutable state as JSON (see `stateSnapshot`): a refused request must leave it unchanged. */
  snapshot(): string;
  /** The provider's documented error body for a refusal. */
  errorResponse(error: MockError, request: { host: string; operationId: string | null }): MockResponse;
  /** Provider-specific control-plane actions (`POST /__control/<id>/<action>`). */
  readonly actions?: Readonly<Record<string, ProviderAction>>;
  /** The credentials it holds, for `GET /__control/tokens` (read-only; `now` is clock ms). */
  credentials?(now: number): HeldCredential[];
}

export interface ProviderEnv {
  clock: Clock;
}

// ---- response typing from openapi-typescript's `operations` ----

type ResponsesOf<Op> = Op extends { responses: infer R } ? R : never;
export type StatusOf<Op> = Extract<keyof ResponsesOf<Op>, number>;
export type JsonOf<Op, S> = S extends keyof ResponsesOf<Op>
  ? ResponsesOf<Op>[S] extends { content: { 'application/json': infer B } }
    ? B
    : undefined
  : never;

/**
 * A response builder typed by the spec: the body must fit the schema the spec declares for that
 * operation and status, so a response that does not fit the spec does not compile.
 *
 * @example
 * const respond = responder<operations>();
 * return respond('getMe', 200, { client_id, name, scopes });
 */
export function responder<Ops>() {
  return <Id extends keyof Ops & string, S extends StatusOf<Ops[Id]>>(
    _operationId: Id,
    status: S,
    body: JsonOf<Ops[Id], S>,
    headers?: Record<string, string>,
  ): MockResponse => (headers === undefined ? { status, body } : { status, body, headers });
}
