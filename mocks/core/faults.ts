/**
 * Fault injection: users test their own clients against a provider that answers 429 with
 * `Retry-After`, 500, 503, answers late, or drops the connection. A fault matches the next N
 * requests to a provider (and optionally one operation); it shows in the journal. Faults are
 * deliberate departures from the spec, so they skip the contract check.
 */
import { randomToken } from './random.js';

export interface FaultSpec {
  /** Provider id; any provider when absent. */
  provider?: string;
  /** The spec's operationId; any operation of the provider when absent. */
  operationId?: string;
  /** How many matching requests the fault takes. Default 1. */
  count?: number;
  /** Answer with this status (400–599) instead of the operation's answer. */
  status?: number;
  /** Response headers, e.g. `{"retry-after": "5"}`. */
  headers?: Record<string, string>;
  /** JSON body of the faulted response. Default `{error: "fault_injected", status, fault}`. */
  body?: unknown;
  /** Wait this long (real milliseconds) before answering or dropping. */
  delayMs?: number;
  /** Close the connection without an answer (the MSW door answers a network error). */
  drop?: boolean;
}

export interface Fault {
  readonly id: string;
  readonly provider: string | null;
  readonly operationId: string | null;
  /** Matching requests still to take. */
  remaining: number;
  readonly status: number | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly delayMs: number;
  readonly drop: boolean;
}

export interface FaultTable {
  add(spec: FaultSpec): Fault;
  list(): Fault[];
  /** Removes one fault (by id) or all of them; returns how many were removed. */
  clear(id?: string): number;
  /** The first fault matching a request, with one use taken; `undefined` when none matches. */
  take(provider: string, operationId: string): Fault | undefined;
}

export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
}

const maxDelayMs = 60_000;
const maxCount = 1_000_000;

/** Checks a fault spec from the control plane; throws `FaultSpecError` with the reason. */
export function parseFaultSpec(input: unknown, providerIds: readonly string[]): FaultSpec {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new FaultSpecError('A fault is a JSON object.');
  }
  const raw = input as Record<string, unknown>;
  const known = new Set(['provider', 'operationId', 'count', 'status', 'headers', 'body', 'delayMs', 'drop']);
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new FaultSpecError(`Unknown fault field(s): ${unknown.join(', ')}.`);
  const spec: FaultSpec = {};
  if (raw.provider !== undefined) {
    if (typeof raw.provider !== 'string' || !providerIds.includes(raw.provider)) {
      throw new FaultSpecError(`provider must be one of ${providerIds.join(', ')}.`);
    }
    spec.provider = raw.provider;
  }
  if (raw.operationId !== undefined) {
    if (typeof raw.operationId !== 'string' || raw.operationId === '') {
      throw new FaultSpecError('operationId must be a non-empty string.');
    }
    spec.operationId = raw.operationId;
  }
  if (raw.count !== undefined) {
    if (!Number.isInteger(raw.count) || (raw.count as number) < 1 || (raw.count as number) > maxCount) {
      throw new FaultSpecError(`count must be an integer from 1 to ${maxCount}.`);
    }
    spec.count = raw.count as number;
  }
  if (raw.status !== undefined) {
    if (!Number.isInteger(raw.status) || (raw.status as number) < 400 || (raw.status as number) > 599) {
      throw new FaultSpecError('status must be an integer from 400 to 599.');
    }
    spec.status = raw.status as number;
  }
  if (raw.headers !== undefined) {
    const headers = raw.headers;
    if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
      throw new FaultSpecError('headers must be an object of strings.');
    }
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) {
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(k) || typeof v !== 'string' || /[\r\n\0]/.test(v)) {
        throw new FaultSpecError(`headers.${k.slice(0, 40)} is not a valid header.`);
      }
      out[k.toLowerCase()] = v;
    }
    spec.headers = out;
  }
  if (raw.body !== undefined) spec.body = raw.body;
  if (raw.delayMs !== undefined) {
    if (
      typeof raw.delayMs !== 'number' ||
      !Number.isFinite(raw.delayMs) ||
      raw.delayMs < 0 ||
      raw.delayMs > maxDelayMs
    ) {
      throw new FaultSpecError(`delayMs must be a number from 0 to ${maxDelayMs}.`);
    }
    spec.delayMs = raw.delayMs;
  }
  if (raw.drop !== undefined) {
    if (typeof raw.drop !== 'boolean') throw new FaultSpecError('drop must be true or false.');
    spec.drop = raw.drop;
  }
  if (spec.status === undefined && spec.drop !== true && spec.delayMs === undefined) {
    throw new FaultSpecError('Give a status, a delayMs, or drop: true.');
  }
  if (spec.drop === true && spec.status !== undefined) {
    throw new FaultSpecError('A dropped connection has no status: give one or the other.');
  }
  return spec;
}

export function createFaultTable(): FaultTable {
  let faults: Fault[] = [];
  return {
    add(spec) {
      const fault: Fault = {
        id: `fault_${randomToken(6)}`,
        provider: spec.provider ?? null,
        operationId: spec.operationId ?? null,
        remaining: spec.count ?? 1,
        status: spec.status ?? null,
        headers: { ...spec.headers },
        body: spec.body,
        delayMs: spec.delayMs ?? 0,
        drop: spec.drop === true,
      };
      faults.push(fault);
      return fault;
    },
    list: () => faults.map((f) => ({ ...f })),
    clear(id) {
      const before = faults.length;
      faults = id === undefined ? [] : faults.filter((f) => f.id !== id);
      return before - faults.length;
    },
    take(provider, operationId) {
      if (faults.length === 0) return undefined;
      const fault = faults.find(
        (f) =>
          (f.provider === null || f.provider === provider) && (f.operationId === null || f.operationId === operationId),
      );
      if (fault === undefined) return undefined;
      fault.remaining--;
      if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
      return fault;
    },
  };
}
