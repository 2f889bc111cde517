/**
 * Both front doors behind one interface, so every behaviour test runs twice: through the
 * standalone node:http server (supertest) and through MSW's setupServer (`fetch`). Every
 * response is checked against the spec; a violation or a handler bug fails the test.
 */
import supertest from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { createContractValidator } from '../../mocks/contract.js';
import { createMockServer } from '../../mocks/doors/http/index.js';
import type { MswMocksOptions } from '../../mocks/doors/msw/mocks.js';
import { setupMocks } from '../../mocks/doors/msw/node.js';
import { providerIds } from '../../mocks/providers/index.js';
import type { World } from '../../mocks/world.js';
import { collectBugs } from './kit.js';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
  body: any;
  text: string;
}

export interface CallInit {
  method?: string;
  /** A list value sends the header once per item (e.g. several `Company` headers). */
  headers?: Record<string, string | string[]>;
  json?: unknown;
  form?: Record<string, string>;
  /** A multipart/form-data body of text fields, built with `FormData` (the client picks the boundary). */
  multipart?: Record<string, string>;
  /** A raw body; set `content-type` in `headers` yourself. */
  raw?: string;
}

export interface Door {
  readonly name: DoorName;
  readonly mocks: World;
  /** Calls a real provider URL, e.g. `https://api.eventbookings.com/me`. */
  call(url: string, init?: CallInit): Promise<Reply>;
}

export type DoorName = 'http' | 'msw';
export const doorNames: DoorName[] = ['http', 'msw'];

type Body = string | FormData | undefined;

function encode(init: CallInit): { headers: Record<string, string | string[]>; body: Body } {
  const headers = { ...init.headers };
  if (init.multipart !== undefined) {
    const form = new FormData();
    for (const [k, v] of Object.entries(init.multipart)) form.append(k, v);
    return { headers, body: form };
  }
  if (init.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    return { headers, body: JSON.stringify(init.json) };
  }
  if (init.form !== undefined) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    return { headers, body: new URLSearchParams(init.form).toString() };
  }
  return { headers, body: init.raw };
}

/** FormData as bytes and the Content-Type with its boundary, as undici writes them (for supertest). */
async function serialise(encoded: ReturnType<typeof encode>): Promise<{
  headers: Record<string, string | string[]>;
  body: string | Buffer | undefined;
}> {
  const { headers, body } = encoded;
  if (!(body instanceof FormData)) return { headers, body };
  const request = new Request('http://serialise.invalid/', { method: 'POST', body });
  return {
    headers: { 'content-type': request.headers.get('content-type') ?? '', ...headers },
    body: Buffer.from(await request.arrayBuffer()),
  };
}

/** A reply's body: JSON when it parses, else the text (undefined when empty). */
export function parseReply(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Opens a door for the enclosing `describe` (registers its hooks) and returns it. */
export function openDoor(name: DoorName, options: MswMocksOptions = {}): Door {
  const validator = options.validator ?? createContractValidator(providerIds);
  let door: Door;
  if (name === 'http') {
    const server = createMockServer({ ...options, validator });
    const agent = supertest(server.httpServer);
    door = {
      name,
      mocks: server,
      async call(url, init = {}) {
        const u = new URL(url);
        const { headers, body } = await serialise(encode(init));
        const method = (init.method ?? (body === undefined ? 'GET' : 'POST')).toLowerCase() as 'get';
        let req = agent[method](`/${u.host}${u.pathname}${u.search}`).redirects(0);
        for (const [k, v] of Object.entries(headers)) req = req.set(k, v as string); // an array sends one header line per value
        const res = await (body === undefined ? req : req.send(body));
        const text = res.text ?? '';
        return { status: res.status, headers: res.headers as Record<string, string>, body: parseReply(text), text };
      },
    };
  } else {
    const mocks = setupMocks({ ...options, validator });
    beforeAll(() => mocks.server.listen({ onUnhandledRequest: 'error' }));
    afterAll(() => mocks.server.close());
    door = {
      name,
      mocks,
      async call(url, init = {}) {
        const { headers, body } = encode(init);
        const list = Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]));
        const res = await fetch(url, {
          method: init.method ?? (body === undefined ? 'GET' : 'POST'),
          headers: list as [string, string][],
          ...(body === undefined ? {} : { body }),
          redirect: 'manual',
        });
        const text = await res.text();
        return { status: res.status, headers: Object.fromEntries(res.headers), body: parseReply(text), text };
      },
    };
  }
  const reported = collectBugs(door.mocks.engine);
  afterEach(async () => {
    // Take the findings and reset first, so one failing test does not fail the next ones.
    const violations = door.mocks.engine.violations.splice(0);
    const bugs = reported.splice(0);
    await door.mocks.control.reset();
    expect(violations).toEqual([]);
    expect(bugs).toEqual([]);
  });
  return door;
}

/** The body of a door's `describe`: the opened door, and its name. */
export type DoorSuite = (door: Door, name: DoorName) => void;

/**
 * A `describe` per door, each with a door opened for it (the opening of most behaviour test
 * files): `eachDoor('X through the %s door', { providers: ['tracx'] }, (door) => { … })`.
 */
export function eachDoor(title: string, body: DoorSuite): void;
export function eachDoor(title: string, options: MswMocksOptions, body: DoorSuite): void;
export function eachDoor(title: string, optionsOrBody: MswMocksOptions | DoorSuite, body?: DoorSuite): void {
  const [options, run] = typeof optionsOrBody === 'function' ? [{}, optionsOrBody] : [optionsOrBody, body];
  describe.each(doorNames)(title, (name) => run?.(openDoor(name, options), name));
}
