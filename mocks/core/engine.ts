/**
 * The engine: the providers of one mock world, the clock they share, the journal, and the one
 * request pipeline both front doors call (route → handle → error body → contract check → journal).
 */
import { defaultOperationBodyLimit, type ParsedBody, parseBody } from './body.js';
import type { Clock } from './clock.js';
import { type ControlPlane, createControlPlane, type FixturesHook } from './control.js';
import { isMockError, MockError } from './errors.js';
import { createFaultTable, type Fault, type FaultTable } from './faults.js';
import {
  type CredentialKind,
  createJournal,
  type Journal,
  type JournalRecord,
  redactQuery,
  redactSearch,
} from './journal.js';
import type { HeaderReader, MockRequest, MockResponse, Operation, OperationContext, Provider } from './provider.js';
import { compileRouter, type RouteMatch, type Router } from './router.js';

/** What a replica answered a read with from its copy (`Engine.answerRead`): when, and its (success) status. */
export interface AnsweredRead {
  /** Clock milliseconds. */
  time: number;
  status: number;
}

/** A request as a front door hands it over: no body read yet. */
export interface IncomingRequest {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** The raw query string without `?`, when the door has it: `''` lets the journal skip parsing it. */
  readonly search?: string;
  readonly headers: HeaderReader;
  /**
   * The URL the host is served under, without a trailing slash (see `MockRequest.base`);
   * `https://<host>` when the door does not say.
   */
  readonly base?: string;
  /**
   * Reads the whole body; throws `MockError('payload_too_large')` past the door's limit, or past
   * `limit` when that is lower (the operation's own).
   */
  readBody(limit?: number): Promise<Uint8Array>;
  /**
   * Set on a read a replica has already answered from its copy of the world (`Engine.answerRead`),
   * when the log applies it for its effects (the token marked used): no fault is taken, the
   * response is not checked again, and the journal records the time and status it was answered
   * with (a success) rather than the replay's.
   */
  readonly answered?: AnsweredRead | undefined;
}

export interface ResponseCheck {
  provider: string;
  operationId: string;
  status: number;
  headers: Readonly<Record<string, string>>;
  body: unknown;
}

/** Returns the ways a response breaks the spec; empty when it fits. */
export type ResponseValidator = (response: ResponseCheck) => string[];

export interface ContractViolation extends ResponseCheck {
  problems: string[];
}

/** A failure of the mocks themselves (answered 500): where it happened, never the query, headers or body. */
export interface EngineBug {
  operationId: string | null;
  message: string;
  method?: string;
  host?: string;
  /** Without the query string. */
  path?: string;
}

/**
 * Told of each request the engine answered, once its journal entry is recorded: the request as
 * the door handed it over, the entry, and the failure when the answer is a 500 for a bug.
 */
export type AnsweredListener = (request: IncomingRequest, entry: JournalRecord, bug: EngineBug | undefined) => void;

export interface EngineOptions {
  providers: readonly Provider[];
  clock: Clock;
  /** Journal ring-buffer size. Default 1000. */
  journalCapacity?: number;
  /**
   * Checks every response against the spec. A violation is recorded in `violations` and the
   * response is replaced by a 500 `contract_violation`, so no runner can miss it.
   */
  validator?: ResponseValidator;
  /** Installs configured fixtures at run time (`PUT /__control/fixtures`); the world supplies it. */
  fixtures?: FixturesHook;
  /**
   * A fault's delay is not waited for here but handed to the door (`MockResponse.delayMs`), which
   * waits before answering: a replicated store applies one request at a time. Default false.
   */
  deferDelays?: boolean;
}

export interface Engine {
  readonly clock: Clock;
  readonly providers: ReadonlyMap<string, Provider>;
  readonly journal: Journal;
  readonly router: Router;
  readonly control: ControlPlane;
  /** Injected faults (`POST /__control/faults`). */
  readonly faults: FaultTable;
  /** Responses that broke the spec (only with a validator). */
  readonly violations: ContractViolation[];
  /**
   * Calls `listener` after each request the engine answers (an operation, a fault or a refused
   * route); a handler that threw something other than `MockError` comes with its `EngineBug`
   * (always a bug in the mocks). Answers the function that stops it.
   */
  onAnswered(listener: AnsweredListener): () => void;
  /** Routes and answers a request; `undefined` when no provider serves its host. */
  answer(request: IncomingRequest): Promise<MockResponse | undefined>;
  /**
   * Answers a read-only operation (`Operation.readOnly`) without changing the world, for a replica
   * of a replicated store answering from its own copy (called inside a dry run, `./dry-run.ts`):
   * the response and the journal entry to record when the log applies it. `undefined` when the
   * request must go through the log instead: not a read-only operation, a fault armed, a seeding
   * in progress, a refusal (the log makes it exact), a response the spec refuses, or code that
   * would change the world.
   */
  answerRead(
    request: IncomingRequest,
  ): Promise<{ response: MockResponse; record: JournalRecord; answered: AnsweredRead } | undefined>;
}

/** What an injected fault answers instead of the operation; `undefined` for a delay only. */
function faultResponse(fault: Fault): MockResponse | undefined {
  if (fault.drop) return { status: 0, drop: true };
  if (fault.status === null) return undefined;
  return {
    status: fault.status,
    headers: { ...fault.headers, 'x-authflow-fault': fault.id },
    body: fault.body ?? { error: 'fault_injected', status: fault.status, fault: fault.id },
  };
}

/**
 * The request an operation sees. A class, not an object literal with a getter: V8 gives a
 * literal whose accessor is a fresh closure its own hidden class in old space, which keeps every
 * request's objects alive through the next scavenges (promoted, then left for a full GC): about
 * 0.9 KB per request and scavenges 10× longer in the node:http door (docs/benchmarks.md).
 */
class OperationRequest implements MockRequest {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly headers: HeaderReader;
  readonly base: string;
  #parsed: Promise<ParsedBody> | undefined;
  constructor(
    private readonly incoming: IncomingRequest,
    readonly params: Record<string, string>,
    private readonly bodyLimit: number,
  ) {
    this.method = incoming.method;
    this.host = incoming.host;
    this.path = incoming.path;
    this.headers = incoming.headers;
    this.base = incoming.base ?? `https://${incoming.host}`;
  }
  /** Forwarded on read: the door builds URLSearchParams only for an operation that looks. */
  get query(): URLSearchParams {
    return this.incoming.query;
  }
  body(): Promise<ParsedBody> {
    this.#parsed ??= this.incoming
      .readBody(this.bodyLimit)
      .then((bytes) => parseBody(this.incoming.headers.get('content-type'), bytes));
    return this.#parsed;
  }
}

/** What an operation is told besides its request; remembers the credential kind it presented. */
class Context implements OperationContext {
  credential: CredentialKind = 'none';
  constructor(readonly clock: Clock) {}
  present(kind: CredentialKind): void {
    this.credential = kind;
  }
}

export function createEngine(options: EngineOptions): Engine {
  const { clock, validator } = options;
  const providers = new Map(options.providers.map((p) => [p.id, p]));
  const journal = createJournal(options.journalCapacity ?? 1000);
  const router = compileRouter(options.providers);
  const violations: ContractViolation[] = [];
  /** Replaced, not mutated, on (un)subscribe: a request in flight keeps the list it started with. */
  let listeners: readonly AnsweredListener[] = [];
  const faults = createFaultTable();
  /** Seeding promises known to have settled (`provider.ready()` returns one per seed). */
  const seeded = new WeakSet<Promise<void>>();

  /** The journal entry of an answered request (`seq` is set by the journal when it records it). */
  function entryOf(
    provider: Provider,
    operationId: string | null,
    request: IncomingRequest,
    response: MockResponse,
    credential: CredentialKind,
    reason: MockError['code'] | undefined,
    fault?: Fault,
  ): JournalRecord & { seq: number } {
    // `seq` is named first so an entry keeps its field order.
    const entry: JournalRecord & { seq: number } = {
      seq: 0,
      time: clock.now(),
      provider: provider.id,
      operationId,
      method: request.method,
      host: request.host,
      path: request.path,
      // An empty query string is not parsed (the door builds URLSearchParams only when read), and
      // a raw query string seen before is not redacted again.
      query:
        request.search === undefined ? redactQuery(request.query) : redactSearch(request.search, () => request.query),
      status: response.status,
      credential,
      outcome: fault?.drop || (fault?.status ?? null) !== null ? 'fault' : response.status < 400 ? 'ok' : 'refused',
    };
    if (reason !== undefined) entry.reason = reason;
    if (fault !== undefined) entry.fault = fault.id;
    return entry;
  }

  /** Records a request's journal entry (`entryOf`) and tells the listeners. */
  function record(request: IncomingRequest, entry: JournalRecord & { seq: number }, bug?: EngineBug): void {
    // A read answered from a replica's copy is journaled as it was answered.
    const { answered } = request;
    if (answered !== undefined) {
      entry.time = answered.time;
      entry.status = answered.status;
      entry.outcome = 'ok';
      delete entry.reason;
    }
    journal.record(entry);
    for (const listener of listeners) listener(request, entry, bug);
  }

  function check(provider: Provider, operationId: string, response: MockResponse): MockResponse {
    if (validator === undefined) return response;
    const input: ResponseCheck = {
      provider: provider.id,
      operationId,
      status: response.status,
      headers: response.headers ?? {},
      body: response.body,
    };
    const problems = validator(input);
    if (problems.length === 0) return response;
    violations.push({ ...input, problems });
    return {
      status: 500,
      headers: { 'x-authflow-contract-violation': operationId },
      body: { error: 'contract_violation', operationId, problems },
    };
  }

  async function dispatch(
    provider: Provider,
    operation: Operation,
    params: Record<string, string>,
    incoming: IncomingRequest,
  ): Promise<MockResponse> {
    const request = new OperationRequest(incoming, params, operation.bodyLimit ?? defaultOperationBodyLimit);
    const context = new Context(clock);
    let response: MockResponse;
    let reason: MockError['code'] | undefined;
    let bug: EngineBug | undefined;
    // A read already answered is applied for its effects only: it takes no fault.
    const fault = incoming.answered === undefined ? faults.take(provider.id, operation.operationId) : undefined;
    if (fault !== undefined) {
      if (fault.delayMs > 0 && options.deferDelays !== true) {
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      }
      const injected = faultResponse(fault);
      if (injected !== undefined) {
        record(incoming, entryOf(provider, operation.operationId, incoming, injected, 'none', undefined, fault));
        return options.deferDelays === true && fault.delayMs > 0 ? { ...injected, delayMs: fault.delayMs } : injected;
      }
    }
    try {
      // Awaited only while seeding (a settled seed is the same promise until the next reset), and
      // a synchronous operation's answer is taken as it is: each await is a turn of the microtask
      // queue per request.
      const seeding = provider.ready();
      if (!seeded.has(seeding)) {
        await seeding;
        seeded.add(seeding);
      }
      const answer = operation.handle(request, context);
      response =
        typeof (answer as Partial<PromiseLike<MockResponse>>).then === 'function'
          ? await answer
          : (answer as MockResponse);
    } catch (error) {
      const mockError = isMockError(error)
        ? error
        : new MockError('internal', 'The mock failed unexpectedly; this is a bug in authflow-mocks.');
      if (!isMockError(error)) {
        bug = {
          operationId: operation.operationId,
          message: String(error),
          method: incoming.method,
          host: incoming.host,
          path: incoming.path,
        };
      }
      reason = mockError.details.reason ?? mockError.code;
      response = provider.errorResponse(mockError, { host: incoming.host, operationId: operation.operationId });
    }
    if (incoming.answered === undefined) response = check(provider, operation.operationId, response);
    const entry = entryOf(provider, operation.operationId, incoming, response, context.credential, reason, fault);
    record(incoming, entry, bug);
    if (fault !== undefined && fault.delayMs > 0 && options.deferDelays === true) {
      return { ...response, delayMs: fault.delayMs };
    }
    return response;
  }

  function refuse(match: Exclude<RouteMatch, { kind: 'operation' }>, request: IncomingRequest): MockResponse {
    const error =
      match.kind === 'not_found'
        ? new MockError('route_not_found', `No operation at ${request.method} ${request.path}.`, {
            path: request.path.replace(/^\//, ''),
          })
        : new MockError('method_not_allowed', `${request.path} does not take ${request.method}.`, {
            allow: match.allow,
            method: request.method,
            path: request.path.replace(/^\//, ''),
          });
    const response = match.provider.errorResponse(error, { host: request.host, operationId: null });
    if (match.kind === 'method_not_allowed') {
      response.headers = { ...response.headers, allow: match.allow.join(', ') };
    }
    record(request, entryOf(match.provider, null, request, response, 'none', error.code));
    return response;
  }

  return {
    clock,
    providers,
    journal,
    router,
    violations,
    faults,
    control: createControlPlane({ clock, providers, journal, faults, fixtures: options.fixtures }),
    onAnswered(listener) {
      listeners = [...listeners, listener];
      return () => {
        listeners = listeners.filter((l) => l !== listener);
      };
    },
    async answer(request) {
      const match = router.match(request.host, request.method, request.path);
      if (match === undefined) return undefined;
      if (match.kind === 'operation') return dispatch(match.provider, match.operation, match.params, request);
      return refuse(match, request);
    },
    async answerRead(request) {
      if (faults.size > 0) return undefined;
      const match = router.match(request.host, request.method, request.path);
      if (match?.kind !== 'operation' || match.operation.readOnly !== true) return undefined;
      const { provider, operation } = match;
      if (!seeded.has(provider.ready())) return undefined;
      const context = new Context(clock);
      const bodyLimit = operation.bodyLimit ?? defaultOperationBodyLimit;
      let response: MockResponse;
      try {
        const answer = operation.handle(new OperationRequest(request, match.params, bodyLimit), context);
        response =
          typeof (answer as Partial<PromiseLike<MockResponse>>).then === 'function'
            ? await answer
            : (answer as MockResponse);
      } catch {
        // A refusal, or code that would change the world (`DryRunWrite`): the log answers it.
        return undefined;
      }
      if (response.status >= 400) return undefined;
      if (validator !== undefined) {
        const input = { provider: provider.id, operationId: operation.operationId, status: response.status };
        if (validator({ ...input, headers: response.headers ?? {}, body: response.body }).length > 0) return undefined;
      }
      const record = entryOf(provider, operation.operationId, request, response, context.credential, undefined);
      return { response, record, answered: { time: record.time as number, status: response.status } };
    },
  };
}
