/**
 * The door with a replicated store (`serve --store redis://…`, see `../../store/redis.ts`): a
 * request that reads or changes a world — the control plane or a provider host — is read whole,
 * turned into a `ReplicatedCall` and appended to the store's log; every replica applies the log
 * in order with `applyCall`, which does what the memory path of `./server.ts` does (the world, the
 * control plane, the engine); the replica that took the request answers with what it got.
 */
import {
  type AnsweredRead,
  controlBodyLimit,
  type HeaderReader,
  type IncomingRequest,
  isMockError,
  type JournalRecord,
  MockError,
  type MockResponse,
  parseBody,
} from '../../core/index.js';
import { serveRequest } from '../pipeline.js';
import { answerControl, answerWorlds, controlErrorResponse, unknownWorld, worldsRoute } from './control.js';
import type { DoorRequest } from './request.js';
import type { Worlds } from './worlds.js';

/** Everything `applyCall` needs of a request on every replica, nothing of the socket. */
export interface ReplicatedCall {
  /** 'p': a provider host; 'c': the control plane; 's': remove idle worlds. */
  k: 'p' | 'c' | 's';
  /** The world the request named (path or header); null: the default world. */
  w: string | null;
  /** Named in the path (`/w/<id>/`), not by the header. */
  ip: boolean;
  /** Method, first path segment (the host), the rest of the path, the query string. */
  m: string;
  f: string;
  r: string;
  s: string;
  /** `http://<authority>` the request came to; whether it came through a proxy (absolute form). */
  o: string;
  px: boolean;
  /** Its headers (lower-case names, repeated ones joined with `, `). */
  h: Record<string, string>;
  /** Its body, base64; `big` when it was over the door's limit (then not carried). */
  b?: string;
  big?: boolean;
  /**
   * A read the submitting replica answered from its own copy (`Engine.answerRead`), with the
   * journal entry of that answer: applied for its effects only (see `IncomingRequest.answered`).
   */
  j?: AnsweredRead;
}

/** What applying a call answered; for the replica that took it, what the journal recorded. */
export interface ReplicatedAnswer {
  response: MockResponse;
  record?: JournalRecord;
  /** The world's id when not the default one. */
  world?: string;
}

/** The log entry that removes idle worlds (each replica submits one a minute). */
export const sweepCall: ReplicatedCall = {
  k: 's',
  w: null,
  ip: false,
  m: 'POST',
  f: '',
  r: '',
  s: '',
  o: '',
  px: false,
  h: {},
};

/** Reads the headers a replicated request carries. */
class RecordHeaderReader implements HeaderReader {
  constructor(private readonly headers: Readonly<Record<string, string>>) {}
  get(name: string): string | null {
    const key = name.toLowerCase();
    return Object.hasOwn(this.headers, key) ? (this.headers[key] as string) : null;
  }
}

const noBody = new Uint8Array(0);

/** A provider request rebuilt from its call, as the engine reads it (see `DoorRequest`). */
export class ReplayedRequest implements IncomingRequest {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly search: string;
  readonly headers: HeaderReader;
  readonly base: string;
  /** What the journal recorded for it (the request log of the replica that took it). */
  record: JournalRecord | undefined = undefined;
  readonly answered: AnsweredRead | undefined;
  #query: URLSearchParams | undefined = undefined;
  readonly #bytes: Uint8Array;

  constructor(
    private readonly call: ReplicatedCall,
    worldBase: string,
    private readonly limit: number,
  ) {
    this.method = call.m;
    this.host = call.f.toLowerCase();
    this.path = call.r;
    this.search = call.s;
    this.headers = new RecordHeaderReader(call.h);
    this.answered = call.j;
    this.base = call.px ? `http://${call.f}` : `${worldBase}/${call.f}`;
    this.#bytes = call.b === undefined ? noBody : Buffer.from(call.b, 'base64');
  }

  get query(): URLSearchParams {
    this.#query ??= new URLSearchParams(this.search);
    return this.#query;
  }

  /** The body the call carries, under the door's limit or the operation's own when lower. */
  readBody(limit?: number): Promise<Uint8Array> {
    const max = limit === undefined ? this.limit : Math.min(limit, this.limit);
    if (this.call.big === true || this.#bytes.length > max) {
      return Promise.reject(new MockError('payload_too_large', `The body is over ${max} bytes.`));
    }
    return Promise.resolve(this.#bytes);
  }
}

/**
 * The call of a door request whose body has been read (`bytes`; `big` when over the limit), or of
 * a read already answered from this replica's copy (`answered`, no body).
 */
export function callOf(
  request: DoorRequest,
  control: boolean,
  bytes: Uint8Array | undefined,
  big: boolean,
  answered?: AnsweredRead,
) {
  const h: Record<string, string> = {};
  const raw = request.req.headers;
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) h[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const call: ReplicatedCall = {
    k: control ? 'c' : 'p',
    w: request.worldId ?? null,
    ip: request.inPath,
    m: request.method,
    f: request.segment,
    r: request.rest,
    s: request.search,
    o: request.origin,
    px: request.proxied,
    h,
  };
  if (bytes !== undefined && bytes.length > 0) call.b = Buffer.from(bytes).toString('base64');
  if (big) call.big = true;
  if (answered !== undefined) call.j = answered;
  return call;
}

/**
 * Applies one call to this replica's worlds; `mine` when this replica took the request. Never
 * throws for a request's sake: a failure of the mocks is a 500, as on the memory path.
 */
export async function applyCall(worlds: Worlds, limit: number, call: ReplicatedCall): Promise<ReplicatedAnswer> {
  if (call.k === 's') {
    worlds.sweep();
    return { response: { status: 204 } };
  }
  const entry = call.w === null ? worlds.defaultEntry : worlds.get(call.w);
  if (entry === undefined) return { response: unknownWorld(call.w as string) };
  worlds.touch(entry);
  const world = entry === worlds.defaultEntry ? undefined : entry.id;
  const named = world === undefined ? {} : { world };
  const worldBase = call.ip && world !== undefined ? `${call.o}/w/${world}` : call.o;
  const request = new ReplayedRequest(call, worldBase, limit);
  try {
    if (call.k === 'c') {
      const readJson = async () =>
        parseBody(request.headers.get('content-type'), await request.readBody(controlBodyLimit));
      // The worlds registry answers on the server's root control plane only.
      const worldsCall = world === undefined && !call.ip ? worldsRoute(call.r.slice(1).replace(/\/+$/, '')) : undefined;
      const response =
        worldsCall !== undefined
          ? await answerWorlds(worlds, call.m, worldsCall.id, call.o, readJson)
          : await answerControl(entry.world.engine.control, call.m, call.r, readJson);
      return { response, ...named };
    }
    const response = (await serveRequest(entry.world.engine, request)) ?? unknownHost(call.f);
    return { response, ...(request.record === undefined ? {} : { record: request.record }), ...named };
  } catch (error) {
    if (isMockError(error)) return { response: controlErrorResponse(error), ...named };
    throw error;
  }
}

/** Whether two calls would serialise alike (an answered read sent again: see `repeatCall`). */
export function sameCall(a: ReplicatedCall, b: ReplicatedCall): boolean {
  if (a.k !== b.k || a.w !== b.w || a.ip !== b.ip || a.m !== b.m || a.f !== b.f || a.r !== b.r || a.s !== b.s) {
    return false;
  }
  if (a.o !== b.o || a.px !== b.px || a.b !== b.b || a.big !== b.big) return false;
  if (a.j?.time !== b.j?.time || a.j?.status !== b.j?.status) return false;
  const names = Object.keys(a.h);
  if (names.length !== Object.keys(b.h).length) return false;
  // In the same order too: the JSON would differ otherwise (and so would the entry).
  let i = 0;
  for (const name in b.h) {
    if (name !== names[i++] || a.h[name] !== b.h[name]) return false;
  }
  return true;
}

/**
 * Applies a read sent again right after itself in one log entry (the same call, answered at the
 * same time with the same status, see `RedisLogOptions.repeat`): its effects are those of the first
 * (the token was marked used at the same turn time), so only its journal entry is recorded again.
 */
export function repeatCall(
  worlds: Worlds,
  limit: number,
  call: ReplicatedCall,
  previous: ReplicatedAnswer,
): Promise<ReplicatedAnswer> | ReplicatedAnswer {
  if (call.j === undefined || previous.record === undefined) return applyCall(worlds, limit, call);
  const entry = previous.world === undefined ? worlds.defaultEntry : worlds.get(previous.world);
  if (entry === undefined) return previous;
  entry.world.engine.journal.record({ ...previous.record });
  return previous;
}

/** The 404 for a first path segment no provider serves. */
export function unknownHost(segment: string): MockResponse {
  return {
    status: 404,
    body: {
      error: 'unknown_host',
      message: `No provider is served at /${segment}. GET / lists the hosts; nothing is ever forwarded to the real API.`,
    },
  };
}
