/**
 * Tracx Connect operations. A connect token buys a session token (a JWT with the connect token's
 * permissions and event scope, as the docs' "Authentication" page says); every other operation checks that JWT and one
 * permission. Where the docs are silent the choices are marked in specs/tracx.openapi.yaml.
 */

import {
  createSlicer,
  defaultBodyLimit,
  describeRefusal,
  fieldsOf,
  findBySecret,
  MockError,
  type MockRequest,
  type Operation,
  type OperationContext,
  type ParsedBody,
  randomUuid,
  readAuthorization,
  responder,
  routeTable,
  tokenResponseHeaders,
} from '../../core/index.js';
import type { operations } from '../../generated/tracx.js';
import { routes } from '../../generated/tracx.routes.js';
import type { Permission } from './fixtures.js';
import type { TracxOptions } from './index.js';
import type { ConnectToken, State } from './state.js';
import { checkParticipant, failIf, ProblemLog, readInteger } from './validation.js';

export const apiHost = 'api.tracx.events';

const respond = responder<operations>();
const route = routeTable(routes);

/** What a verified session token says about its bearer. */
interface Session {
  connectTokenId: number;
  permissions: string[];
  /** `null`: every event. */
  eventIds: number[] | null;
}

/** The connect token a header names, compared in constant time against every known token. */
function findConnectToken(state: State, presented: string): ConnectToken | undefined {
  return findBySecret(state.connectTokens.all(), presented, (token) => token.connect_token);
}

/** The token of an `Authorization` header: the bare value (documented) or after `Bearer `. */
function presentedToken(request: MockRequest): string {
  const auth = readAuthorization(request.headers);
  if (auth === null) throw new MockError('credentials_missing', 'No token was presented.');
  if (auth.scheme !== '' && auth.scheme !== 'bearer') {
    throw new MockError('credentials_missing', 'Send the token as Authorization: <token> or Bearer <token>.');
  }
  return auth.credentials;
}

function sessionOf(payload: Record<string, unknown>): Session | null {
  const id = Number(payload.sub);
  const perms = payload.permissions;
  const events = payload.event_ids;
  if (!Number.isSafeInteger(id) || !Array.isArray(perms) || !perms.every((p) => typeof p === 'string')) return null;
  if (events !== undefined && !(Array.isArray(events) && events.every((e) => Number.isSafeInteger(e)))) return null;
  return { connectTokenId: id, permissions: perms as string[], eventIds: (events as number[] | undefined) ?? null };
}

/** The session of a protected call, holding `permission`. */
async function authenticate(
  state: State,
  options: Required<TracxOptions>,
  request: MockRequest,
  context: OperationContext,
  permission: Permission,
): Promise<Session> {
  const token = presentedToken(request);
  context.present('session_token');
  const result = await state.jwt().verify(token);
  if (!result.ok) {
    if (findConnectToken(state, token) !== undefined) {
      context.present('connect_token');
      throw new MockError('token_wrong_kind', 'A connect token is not a session token.');
    }
    throw new MockError(result.reason, describeRefusal('session token', result.reason));
  }
  const session = sessionOf(result.payload as Record<string, unknown>);
  if (session === null) throw new MockError('token_unknown', 'The session token carries no permissions.');
  if (options.revokeEndsSessions) {
    const owner = state.connectTokens.findFirst((q) => q.where({ id: session.connectTokenId }));
    if (owner === undefined || owner.revoked) {
      throw new MockError('token_revoked', 'The connect token of this session was revoked.');
    }
  }
  if (!session.permissions.includes(permission)) {
    throw new MockError('scope_missing', `This operation needs the permission ${permission}.`, { scope: permission });
  }
  await state.settle();
  return session;
}

const queueFull = (items: number, waiting: number, max: number) =>
  items > max
    ? `The participants field must not have more than ${max} items.`
    : `The import queue of this event holds ${waiting} participants; at most ${max} may wait, so ${Math.max(max - waiting, 0)} more fit now.`;

const eventFull = (max: number) =>
  `The event holds at most ${max} participants (stored and queued); this would pass it.`;

const inScope = (session: Session, eventId: number) => session.eventIds === null || session.eventIds.includes(eventId);

/** The event of a path, 404 when unknown, 403 when outside the session's scope. */
function eventOf(state: State, session: Session, raw: string | undefined): number {
  const id = readInteger(raw ?? '');
  const event = id === null ? undefined : state.eventById(id);
  if (event === undefined) throw new MockError('not_found', `No query results for event ${raw ?? ''}.`);
  if (!inScope(session, event.id)) throw new MockError('forbidden', 'The event is outside this token’s scope.');
  return event.id;
}

/**
 * The body as Laravel reads it: JSON or form; an unreadable body (malformed JSON, another
 * content type) reads as empty input, so validation reports the missing fields.
 */
async function laravelInput(request: MockRequest): Promise<unknown> {
  let body: ParsedBody;
  try {
    body = await request.body();
  } catch (error) {
    if (error instanceof MockError && error.code !== 'payload_too_large') return {};
    throw error;
  }
  if (body.kind === 'form') return fieldsOf(body);
  if (body.kind === 'none') return {};
  return body.value;
}

export function createOperations(state: State, options: Required<TracxOptions>): Operation[] {
  return [
    {
      ...route('createSessionToken'),
      async handle(request, context) {
        const presented = presentedToken(request);
        context.present('connect_token');
        const connect = findConnectToken(state, presented);
        if (connect === undefined) {
          if ((await state.jwt().verify(presented)).ok) {
            context.present('session_token');
            throw new MockError('token_wrong_kind', 'A session token cannot issue session tokens.');
          }
          throw new MockError('token_unknown', 'Unknown connect token.');
        }
        if (connect.revoked) throw new MockError('token_revoked', 'The connect token was revoked.');
        const claims: Record<string, unknown> = { sub: String(connect.id), permissions: [...connect.permissions] };
        if (connect.event_ids !== null) claims.event_ids = [...connect.event_ids];
        const { token, exp } = await state.jwt().sign(claims, options.sessionTokenTtlSeconds);
        return respond('createSessionToken', 200, { data: { token, expires_at: exp } }, tokenResponseHeaders);
      },
    },
    {
      ...route('listEvents'),
      readOnly: true,
      async handle(request, context) {
        const session = await authenticate(state, options, request, context, 'events.list');
        const items = [];
        for (const e of state.eventList()) {
          if (inScope(session, e.id)) {
            items.push({ id: e.id, name: e.name, created_at: e.created_at, updated_at: e.updated_at });
          }
        }
        return respond('listEvents', 200, { data: { items } });
      },
    },
    {
      ...route('listRaces'),
      readOnly: true,
      async handle(request, context) {
        const session = await authenticate(state, options, request, context, 'races.list');
        const raw = request.query.get('event_id');
        let eventId: number | null = null;
        if (raw !== null && raw !== '') {
          eventId = readInteger(raw);
          if (eventId === null) {
            failIf({ event_id: ['The event id field must be an integer.'] });
          }
        }
        const items = [];
        for (const r of state.raceList()) {
          if (inScope(session, r.event_id) && (eventId === null || r.event_id === eventId)) {
            items.push({
              id: r.id,
              event_id: r.event_id,
              name: r.name,
              created_at: r.created_at,
              updated_at: r.updated_at,
            });
          }
        }
        return respond('listRaces', 200, { data: { items } });
      },
    },
    {
      ...route('storeParticipant'),
      async handle(request, context) {
        const session = await authenticate(state, options, request, context, 'participants.store');
        const input = await laravelInput(request);
        const problems = new ProblemLog();
        const raceOf = (id: number) => state.raceById(id);
        const raceOk = (id: number) => {
          const race = raceOf(id);
          return race !== undefined && inScope(session, race.event_id);
        };
        const participant = checkParticipant(input, '', problems, raceOk);
        failIf(problems);
        if (participant === null) throw new MockError('internal', 'Validation passed without a participant.');
        const eventId = raceOf(participant.race_id)?.event_id as number;
        const existed = state.participants.find(eventId, participant.unique_id) !== undefined;
        if (!existed && state.projectedCount(eventId, [participant]) > options.maxParticipantsPerEvent) {
          failIf({ unique_id: [eventFull(options.maxParticipantsPerEvent)] });
        }
        const stored = state.upsert(eventId, participant, context.clock.now());
        return existed
          ? respond('storeParticipant', 200, { data: stored })
          : respond('storeParticipant', 201, { data: stored });
      },
    },
    {
      ...route('storeEventParticipants'),
      // The bulk import takes the documented 1 MiB (its settling is sliced, see ./state.ts).
      bodyLimit: defaultBodyLimit,
      async handle(request, context) {
        const session = await authenticate(state, options, request, context, 'participants.store-multiple');
        const eventId = eventOf(state, session, request.params.event_id);
        const input = await laravelInput(request);
        const problems = new ProblemLog();
        const accepted = [];
        const maxQueued = options.maxQueuedParticipantsPerEvent;
        if (!Array.isArray(input) || input.length === 0) {
          problems.add('participants', 'The body must be a non-empty JSON array of participants.');
        } else if (state.queued(eventId) + input.length > maxQueued) {
          // Checked before the items: a refusal costs no more than the count.
          problems.add('participants', queueFull(input.length, state.queued(eventId), maxQueued));
        } else {
          const races = new Set(state.raceList().flatMap((r) => (r.event_id === eventId ? [r.id] : [])));
          const raceOk = (id: number) => races.has(id);
          // Thousands of items: checked in slices, so other requests are answered meanwhile.
          const slicer = createSlicer();
          for (const [i, item] of input.entries()) {
            await slicer.slice();
            const participant = checkParticipant(item, `${i}.`, problems, raceOk, true);
            if (participant !== null) accepted.push(participant);
          }
          // Again after the slices: another batch may have been queued meanwhile. From here to
          // the enqueue nothing awaits, so the caps hold.
          if (problems.count === 0 && state.queued(eventId) + accepted.length > maxQueued) {
            problems.add('participants', queueFull(accepted.length, state.queued(eventId), maxQueued));
          } else if (
            problems.count === 0 &&
            state.projectedCount(eventId, accepted) > options.maxParticipantsPerEvent
          ) {
            problems.add('participants', eventFull(options.maxParticipantsPerEvent));
          }
        }
        failIf(problems);
        const now = context.clock.now();
        const batchId = randomUuid();
        state.enqueue({
          batchId,
          eventId,
          acceptedAt: now,
          availableAt: now + Math.round(options.batchDelaySeconds * 1000),
          participants: accepted,
        });
        return respond('storeEventParticipants', 202, {
          message: 'Participants queued for import.',
          data: { batch_id: batchId, event_id: eventId, status: 'queued', participants: accepted.length },
        });
      },
    },
    {
      ...route('listEventParticipants'),
      readOnly: true,
      async handle(request, context) {
        const session = await authenticate(state, options, request, context, 'participants.list');
        const eventId = eventOf(state, session, request.params.event_id);
        const items = state.participants.ofEvent(eventId).map((p) => ({ ...p }));
        return respond('listEventParticipants', 200, { data: { items } });
      },
    },
  ];
}
