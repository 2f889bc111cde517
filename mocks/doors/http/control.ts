/**
 * `/__control/*` over HTTP: the routes of the control plane (`ControlPlane` in core/control.ts),
 * their error answers, and who may call them (the control token, then `./control-guard.ts`).
 * Only the node:http door serves the control plane over HTTP; in-process users call the
 * `ControlPlane` object.
 */
import {
  type ControlPlane,
  defaultStatus,
  type FaultSpec,
  type HeaderReader,
  isMockError,
  MockError,
  type MockErrorCode,
  type MockResponse,
  type ParsedBody,
  safeEqual,
} from '../../core/index.js';
import { checkControlRequest } from './control-guard.js';
import { type CreateWorldInput, defaultWorldId, type Worlds } from './worlds.js';

/** The control plane's `error` word for each code it answers with (kept stable for clients). */
const controlWords: Partial<Record<MockErrorCode, string>> = {
  control_invalid: 'invalid_request',
  clock_invalid: 'invalid_request',
  fault_invalid: 'invalid_request',
  action_unknown: 'not_found',
  fixtures_invalid: 'invalid_request',
};

/**
 * `{error, message}` with the code's status, as every `/__control` refusal answers; refused
 * fixtures add `problems`, `truncated` and, when truncated, `moreProblems` (found, not listed) and
 * `uncheckedEntries` (not checked once the list was full).
 */
export function controlErrorResponse(error: MockError): MockResponse {
  const body = { error: controlWords[error.code] ?? error.code, message: error.message };
  if (error.is('fixtures_invalid')) {
    const more = error.details.more ?? 0;
    const unchecked = error.details.unchecked ?? 0;
    return {
      status: 400,
      body: {
        ...body,
        problems: [...error.details.problems],
        truncated: more + unchecked > 0,
        ...(more > 0 ? { moreProblems: more } : {}),
        ...(unchecked > 0 ? { uncheckedEntries: unchecked } : {}),
      },
    };
  }
  return { status: defaultStatus[error.code], body };
}

/** Who may call the control plane of a server. */
export interface ControlGate {
  /** `false`: the control plane is off (`--no-control`). */
  readonly on: boolean;
  /** The token a request must present, if any (`--control-token`). */
  readonly token: string | undefined;
  /** The server's own host names (`controlHostNames`); the listening address joins on listen(). */
  readonly names: ReadonlySet<string>;
}

/**
 * Why a control request is refused (off, without the token, or from a web page), or `undefined`
 * when allowed. `needsToken: false` for the inspector's static files: a page navigation cannot
 * send the token, and they hold no state (the page asks for the token and sends it on its own
 * calls); the web-page checks (Host) still apply to them.
 */
export function controlRefusal(
  gate: ControlGate,
  method: string,
  headers: HeaderReader,
  needsToken = true,
): MockResponse | undefined {
  if (!gate.on) {
    return { status: 404, body: { error: 'control_disabled', message: 'The control plane is off on this server.' } };
  }
  if (gate.token === undefined || !needsToken) return checkControlRequest(method, headers, gate.names);
  const auth = headers.get('authorization');
  const given =
    headers.get('x-control-token') ?? (auth?.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : '');
  if (safeEqual(given, gate.token)) return checkControlRequest(method, headers, gate.names, true);
  return {
    status: 401,
    headers: { 'www-authenticate': 'Bearer realm="authflow-mocks control"' },
    body: { error: 'control_unauthorized', message: 'Send the control token as Authorization: Bearer <token>.' },
  };
}

/**
 * Answers `/__control/<path>` for the standalone server.
 * @param path the part after `/__control`, e.g. `/clock`.
 */
export async function answerControl(
  control: ControlPlane,
  method: string,
  path: string,
  readBody: () => Promise<ParsedBody>,
): Promise<MockResponse> {
  const route = `${method === 'HEAD' ? 'GET' : method} ${path.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'GET /health':
        return { status: 200, body: control.health() };
      case 'GET /fixtures':
        return { status: 200, body: control.fixtures() };
      case 'POST /reset':
        await control.reset();
        return { status: 200, body: { status: 'reset', clock: control.clock() } };
      case 'GET /clock':
        return { status: 200, body: control.clock() };
      case 'POST /clock': {
        const input = await jsonObject(readBody);
        if ('advanceSeconds' in input)
          return { status: 200, body: control.advanceClock(input.advanceSeconds as number) };
        if (typeof input.set === 'string') return { status: 200, body: control.setClock(input.set) };
        if (input.reset === true) return { status: 200, body: control.resetClock() };
        return controlErrorResponse(
          new MockError('clock_invalid', 'Send {"advanceSeconds": N} or {"set": "<ISO 8601>"}.'),
        );
      }
      case 'GET /journal':
        return { status: 200, body: control.journal() };
      case 'GET /faults':
        return { status: 200, body: control.faults() };
      case 'POST /faults': {
        const body = await readBody();
        if (body.kind !== 'json') throw new MockError('fault_invalid', 'Send the fault as a JSON object.');
        return { status: 201, body: control.addFault(body.value as FaultSpec) };
      }
      case 'DELETE /faults':
        return { status: 200, body: control.clearFaults() };
      case 'GET /tokens':
        return { status: 200, body: control.tokens() };
      case 'POST /tokens/revoke':
        return { status: 200, body: await control.revokeToken(await jsonObject(readBody)) };
      case 'PUT /fixtures':
        return { status: 200, body: await control.replaceFixtures(await jsonObject(readBody)) };
    }
    const addFixtures = /^POST \/([a-z0-9-]+)\/fixtures$/.exec(route);
    if (addFixtures !== null) {
      return { status: 200, body: await control.addFixtures(addFixtures[1] as string, await jsonObject(readBody)) };
    }
    const oneFault = /^DELETE \/faults\/([A-Za-z0-9_-]+)$/.exec(route);
    if (oneFault !== null) {
      const result = control.clearFaults(oneFault[1] as string);
      if (result.removed === 0) throw new MockError('not_found', 'No such fault.');
      return { status: 200, body: result };
    }
    const action = /^POST \/([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(route);
    if (action !== null) {
      const result = await control.action(action[1] as string, action[2] as string, await jsonObject(readBody));
      return { status: 200, body: result ?? { status: 'ok' } };
    }
    return controlErrorResponse(new MockError('not_found', `No control route ${route}.`));
  } catch (error) {
    if (isMockError(error)) return controlErrorResponse(error);
    throw error;
  }
}

async function jsonObject(readBody: () => Promise<ParsedBody>): Promise<Record<string, unknown>> {
  const body = await readBody();
  if (body.kind === 'none') return {};
  if (body.kind === 'form') return body.value;
  if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value)) {
    throw new MockError('control_invalid', 'The body must be a JSON object.');
  }
  return body.value as Record<string, unknown>;
}

/** `/__control/worlds` and `/__control/worlds/<id>` (answered on the server's root control plane only). */
export function worldsRoute(route: string): { id?: string } | undefined {
  if (route === 'worlds') return {};
  const m = /^worlds\/([^/]+)$/.exec(route);
  return m === null ? undefined : { id: m[1] as string };
}

/** The answer to a path or a header naming a world this server does not have. */
export function unknownWorld(id: string): MockResponse {
  return controlErrorResponse(
    new MockError(
      'unknown_world',
      id === ''
        ? 'No world id in the path: /w/<id>/… names a world. POST /__control/worlds creates one.'
        : `No world ${id.slice(0, 40)} on this server (deleted, idle past its time-to-live, or never created). POST /__control/worlds creates one.`,
    ),
  );
}

/** The URLs of a world, as `POST /__control/worlds` answers them. */
function worldUrls(origin: string, id: string) {
  const base = id === defaultWorldId ? origin : `${origin}/w/${id}`;
  return { base, control: `${base}/__control`, inspector: `${base}/__inspector/` };
}

/** `/__control/worlds[/<id>]`: create, list, delete. */
export async function answerWorlds(
  worlds: Worlds,
  method: string,
  id: string | undefined,
  origin: string,
  readBody: () => Promise<ParsedBody>,
): Promise<MockResponse> {
  const verb = method === 'HEAD' ? 'GET' : method;
  try {
    if (id === undefined && verb === 'GET') return { status: 200, body: { worlds: worlds.list() } };
    if (id === undefined && verb === 'POST') {
      const body = await readBody();
      if (
        body.kind === 'form' ||
        (body.kind === 'json' && (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value)))
      ) {
        throw new MockError('control_invalid', 'The body must be a JSON object (or none).');
      }
      const input = (body.kind === 'json' ? body.value : {}) as CreateWorldInput;
      const entry = worlds.create(input);
      return {
        status: 201,
        headers: { location: `${origin}/__control/worlds/${entry.id}` },
        body: {
          id: entry.id,
          name: entry.name,
          created: new Date(entry.created).toISOString(),
          ttlSeconds: entry.ttlMs === null ? null : entry.ttlMs / 1000,
          urls: worldUrls(origin, entry.id),
        },
      };
    }
    if (id !== undefined && verb === 'GET') {
      const entry = worlds.get(id);
      if (entry === undefined) return unknownWorld(id);
      const summary = worlds.list().find((w) => w.id === entry.id);
      return { status: 200, body: { ...summary, urls: worldUrls(origin, entry.id) } };
    }
    if (id !== undefined && verb === 'DELETE') {
      return worlds.delete(id) ? { status: 204 } : unknownWorld(id);
    }
    return {
      status: 405,
      headers: { allow: id === undefined ? 'GET, HEAD, POST' : 'GET, HEAD, DELETE' },
      body: { error: 'method_not_allowed', message: `${method} is not allowed here.` },
    };
  } catch (error) {
    if (isMockError(error)) return controlErrorResponse(error);
    throw error;
  }
}
