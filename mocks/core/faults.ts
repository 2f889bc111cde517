/**
 * Fault injection: users test their own clients against a provider that answers 429 with
 * `Retry-After`, 500, 503, answers late, or drops the connection. A fault matches the next N
 * requests to a provider (and optionally one operation); it shows in the journal. Faults are
 * deliberate departures from the spec, so they skip the contract check.
 */
import { MockError } from './errors.js';
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
  /**
   * The first fault (oldest first) matching a request, with one use taken; `undefined` when none
   * matches. Faults are indexed by provider and operation: faults aimed elsewhere cost nothing.
   */
  take(provider: string, operationId: string): Fault | undefined;
  /** Live faults. */
  readonly size: number;
}

const maxDelayMs = 60_000;
const maxCount = 1_000_000;
/** Live faults at most; one more is refused with 400 `too_many_faults`. */
export const maxFaults = 1000;
/** Largest fault `body`, serialized as JSON; past it 413 `payload_too_large`. */
export const maxFaultBodyBytes = 64 * 1024;
/** Deepest nesting of a fault `body`. */
export const maxFaultBodyDepth = 64;
const maxFaultHeaders = 64;
const maxFaultHeaderBytes = 8 * 1024;
/**
 * Header names a fault may not set: they frame the message or belong to one connection
 * (RFC 9110 §7.6.1), and a wrong value breaks the client's parser instead of testing it.
 */
const forbiddenFaultHeaders = new Set([
  'connection',
  'content-length',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);
const encoder = new TextEncoder();
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What Node and Fetch accept in a header value: tab, visible ASCII, Latin-1; no control characters. */
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * The fault body as plain JSON (a copy), or a `MockError` (`fault_invalid`, or `payload_too_large` for a body over `maxFaultBodyBytes`): only null, booleans, finite
 * numbers, strings, arrays and plain objects, at most `maxFaultBodyDepth` deep and
 * `maxFaultBodyBytes` serialized. Walked without recursion, so no depth overflows the stack.
 */
function checkFaultBody(body: unknown): unknown {
  const tooLarge = () => new MockError('payload_too_large', `body must be at most ${maxFaultBodyBytes} bytes as JSON.`);
  const stack: [unknown, number][] = [[body, 1]];
  let nodes = 0;
  let bytes = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    // Every value takes at least one byte; strings at least their length.
    if (++nodes > maxFaultBodyBytes) throw tooLarge();
    if (depth > maxFaultBodyDepth)
      throw new MockError('fault_invalid', `body must be at most ${maxFaultBodyDepth} levels deep.`);
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new MockError('fault_invalid', 'body numbers must be finite.');
      continue;
    }
    if (typeof value === 'string') {
      bytes += value.length;
      if (bytes > maxFaultBodyBytes) throw tooLarge();
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
      continue;
    }
    if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [k, v] of Object.entries(value)) {
        bytes += k.length;
        if (bytes > maxFaultBodyBytes) throw tooLarge();
        stack.push([v, depth + 1]);
      }
      continue;
    }
    throw new MockError(
      'fault_invalid',
      'body must be JSON: null, booleans, numbers, strings, arrays and plain objects.',
    );
  }
  const text = JSON.stringify(body);
  if (encoder.encode(text).byteLength > maxFaultBodyBytes) throw tooLarge();
  return JSON.parse(text);
}

function checkFaultHeaders(headers: unknown): Record<string, string> {
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
    throw new MockError('fault_invalid', 'headers must be an object of strings.');
  }
  const entries = Object.entries(headers);
  if (entries.length > maxFaultHeaders)
    throw new MockError('fault_invalid', `headers takes at most ${maxFaultHeaders} headers.`);
  const out: Record<string, string> = {};
  let bytes = 0;
  for (const [k, v] of entries) {
    const shown = JSON.stringify(k.slice(0, 40));
    if (!headerName.test(k)) throw new MockError('fault_invalid', `headers: ${shown} is not a valid header name.`);
    if (typeof v !== 'string' || !headerValue.test(v)) {
      throw new MockError(
        'fault_invalid',
        `headers.${k.slice(0, 40)} must be a string of visible ASCII or Latin-1 characters (no control characters).`,
      );
    }
    const name = k.toLowerCase();
    if (forbiddenFaultHeaders.has(name)) {
      throw new MockError(
        'fault_invalid',
        `headers.${name} is refused: framing and connection headers (${[...forbiddenFaultHeaders].join(', ')}) are the server's.`,
      );
    }
    bytes += k.length + v.length;
    if (bytes > maxFaultHeaderBytes)
      throw new MockError('fault_invalid', `headers must be at most ${maxFaultHeaderBytes} bytes.`);
    out[name] = v;
  }
  return out;
}

/**
 * Checks a fault spec from the control plane; throws `MockError` (`fault_invalid`, or `payload_too_large` for a body over `maxFaultBodyBytes`) with the reason.
 * @param operations every provider id with its operationIds (a list of ids alone skips the operation check).
 */
export function parseFaultSpec(
  input: unknown,
  operations: ReadonlyMap<string, readonly string[]> | readonly string[],
): FaultSpec {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new MockError('fault_invalid', 'A fault is a JSON object.');
  }
  const catalog = Array.isArray(operations) ? undefined : (operations as ReadonlyMap<string, readonly string[]>);
  const providerIds = catalog === undefined ? (operations as readonly string[]) : [...catalog.keys()];
  const raw = input as Record<string, unknown>;
  const known = new Set(['provider', 'operationId', 'count', 'status', 'headers', 'body', 'delayMs', 'drop']);
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new MockError('fault_invalid', `Unknown fault field(s): ${unknown.map((k) => k.slice(0, 40)).join(', ')}.`);
  }
  const spec: FaultSpec = {};
  if (raw.provider !== undefined) {
    if (typeof raw.provider !== 'string' || !providerIds.includes(raw.provider)) {
      throw new MockError('fault_invalid', `provider must be one of ${providerIds.join(', ')}.`);
    }
    spec.provider = raw.provider;
  }
  if (raw.operationId !== undefined) {
    if (typeof raw.operationId !== 'string' || raw.operationId === '') {
      throw new MockError('fault_invalid', 'operationId must be a non-empty string.');
    }
    if (catalog !== undefined) {
      const ids =
        spec.provider === undefined
          ? [...new Set([...catalog.values()].flat())]
          : (catalog.get(spec.provider) as readonly string[]);
      if (!ids.includes(raw.operationId)) {
        const of = spec.provider === undefined ? 'any provider' : spec.provider;
        throw new MockError('fault_invalid', `operationId is not an operation of ${of}; known: ${ids.join(', ')}.`);
      }
    }
    spec.operationId = raw.operationId;
  }
  if (raw.count !== undefined) {
    if (!Number.isInteger(raw.count) || (raw.count as number) < 1 || (raw.count as number) > maxCount) {
      throw new MockError('fault_invalid', `count must be an integer from 1 to ${maxCount}.`);
    }
    spec.count = raw.count as number;
  }
  if (raw.status !== undefined) {
    if (!Number.isInteger(raw.status) || (raw.status as number) < 400 || (raw.status as number) > 599) {
      throw new MockError('fault_invalid', 'status must be an integer from 400 to 599.');
    }
    spec.status = raw.status as number;
  }
  if (raw.headers !== undefined) spec.headers = checkFaultHeaders(raw.headers);
  if (raw.body !== undefined) spec.body = checkFaultBody(raw.body);
  if (raw.delayMs !== undefined) {
    if (
      typeof raw.delayMs !== 'number' ||
      !Number.isFinite(raw.delayMs) ||
      raw.delayMs < 0 ||
      raw.delayMs > maxDelayMs
    ) {
      throw new MockError('fault_invalid', `delayMs must be a number from 0 to ${maxDelayMs}.`);
    }
    spec.delayMs = raw.delayMs;
  }
  if (raw.drop !== undefined) {
    if (typeof raw.drop !== 'boolean') throw new MockError('fault_invalid', 'drop must be true or false.');
    spec.drop = raw.drop;
  }
  if (spec.status === undefined && spec.drop !== true && spec.delayMs === undefined) {
    throw new MockError('fault_invalid', 'Give a status, a delayMs, or drop: true.');
  }
  if (spec.drop === true && spec.status !== undefined) {
    throw new MockError('fault_invalid', 'A dropped connection has no status: give one or the other.');
  }
  return spec;
}

/** A fault with its place in the order faults were added (the oldest matching one is taken). */
interface Entry {
  fault: Fault;
  seq: number;
  bucket: Entry[];
}

export function createFaultTable(): FaultTable {
  /** Every live fault by id, in the order added. */
  const byId = new Map<string, Entry>();
  /** Faults by what they aim at: `provider\0operationId`, with `*` for "any". */
  const buckets = new Map<string, Entry[]>();
  let seq = 0;
  const keyOf = (provider: string | null, operationId: string | null) => `${provider ?? '*'}\0${operationId ?? '*'}`;
  function remove(entry: Entry): void {
    byId.delete(entry.fault.id);
    const i = entry.bucket.indexOf(entry);
    if (i !== -1) entry.bucket.splice(i, 1);
    if (entry.bucket.length === 0) {
      buckets.delete(keyOf(entry.fault.provider, entry.fault.operationId));
    }
  }
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
      const key = keyOf(fault.provider, fault.operationId);
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        bucket = [];
        buckets.set(key, bucket);
      }
      const entry: Entry = { fault, seq: seq++, bucket };
      bucket.push(entry);
      byId.set(fault.id, entry);
      return fault;
    },
    list: () => [...byId.values()].map((e) => ({ ...e.fault })),
    clear(id) {
      if (id === undefined) {
        const removed = byId.size;
        byId.clear();
        buckets.clear();
        return removed;
      }
      const entry = byId.get(id);
      if (entry === undefined) return 0;
      remove(entry);
      return 1;
    },
    take(provider, operationId) {
      if (byId.size === 0) return undefined;
      let first: Entry | undefined;
      for (const key of [
        keyOf(provider, operationId),
        keyOf(provider, null),
        keyOf(null, operationId),
        keyOf(null, null),
      ]) {
        const head = buckets.get(key)?.[0];
        if (head !== undefined && (first === undefined || head.seq < first.seq)) first = head;
      }
      if (first === undefined) return undefined;
      const { fault } = first;
      fault.remaining--;
      if (fault.remaining <= 0) remove(first);
      return fault;
    },
    get size() {
      return byId.size;
    },
  };
}
