/**
 * What the node:http door says about what it answered: one line per failure for standard error,
 * and the entry of the request log (`onRequest`, the CLI's `--log`). Never a header, a body or a
 * query string.
 */
import type { EngineBug, MockResponse } from '../../core/index.js';
import type { DoorRequest } from './request.js';

/** One answered request, as `onRequest` sees it. */
export interface RequestLogEntry {
  /** Wall-clock time the request arrived (ISO 8601); the journal's time is the mock clock's. */
  time: string;
  method: string;
  /** The real host the request was for; empty for the index and the control plane. */
  host: string;
  /** The path on that host, without the query string. */
  path: string;
  /** The first 8 characters of the world that answered, when not the default one (an id is a capability). */
  world?: string;
  /** 0: the connection was dropped (an injected fault). */
  status: number;
  provider: string | null;
  operationId: string | null;
  /** Stable code of the refusal, when refused. */
  reason?: string;
  /** The id of the injected fault that answered. */
  fault?: string;
  durationMs: number;
}

/** One line for standard error about a failure: where, which operation, the error; no query, header or body. */
export function describeBug(bug: EngineBug): string {
  const where = bug.method === undefined ? '' : ` on ${bug.method} ${bug.host ? `/${bug.host}` : ''}${bug.path ?? ''}`;
  const operation = bug.operationId === null ? '' : ` (operation ${bug.operationId})`;
  // An error message may quote input: long token-like runs are cut out, the rest kept short.
  const message = bug.message
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/[A-Za-z0-9_\-.~+/=]{24,}/g, '[redacted]')
    .slice(0, 300);
  return `authflow-mocks: answered 500${where}${operation}: ${message}. This is a bug; please report it.`;
}

/** What `onRequest` is told of an answered request: never a header, body or query string. */
export function logEntry(
  request: DoorRequest,
  response: MockResponse,
  world: string | undefined,
  started: number,
): RequestLogEntry {
  const ownPath = request.segment === '__control' || request.segment === '';
  const known = ownPath ? undefined : request.record;
  // Refusals past the engine (control plane, unknown host) carry their code in the body.
  const code = (response.body as { error?: unknown } | undefined)?.error;
  const reason = known?.reason ?? (response.status >= 400 && typeof code === 'string' ? code : undefined);
  return {
    time: new Date(Date.now() - Math.round(performance.now() - started)).toISOString(),
    method: request.method,
    host: ownPath ? '' : request.host,
    path: ownPath ? request.pathname : request.rest,
    status: response.drop ? 0 : response.status,
    provider: known?.provider ?? null,
    operationId: known?.operationId ?? null,
    // A world id is a capability: the log names its first 8 characters only.
    ...(world === undefined ? {} : { world: world.slice(0, 8) }),
    ...(reason === undefined ? {} : { reason }),
    ...(known?.fault === undefined ? {} : { fault: known.fault }),
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
