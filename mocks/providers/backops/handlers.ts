/**
 * BackOps operations (seed 000): the API key on every request as `Authorization: Bearer`,
 * exchanged for an event token (`x-Event-Token`), which with the key is exchanged for
 * collaborator and area tokens (`x-Collaborator-Token`, `x-Area-Token`). Every refusal of a
 * credential or of its scope is a 401 UNAUTHORIZED (documented code); see the `x-fidelity` notes
 * in specs/backops.openapi.yaml for what is inferred.
 */
import {
  describeRefusal,
  findBySecret,
  MockError,
  type MockRequest,
  type Operation,
  type OperationContext,
  randomUuidV7,
  readAuthorization,
  responder,
  tokenResponseHeaders,
} from '../../core/index.js';
import type { operations } from '../../generated/backops.js';
import type { ApiKey, EventRecord, State, TokenData } from './state.js';

export const apiHost = 'api.backopslive.com';

export interface BackOpsOptions {
  /** Event-token lifetime in seconds. Undocumented; inferred default 8 hours. */
  eventTokenTtlSeconds?: number;
  /** Collaborator-token lifetime in seconds. Undocumented; inferred default 8 hours. */
  collaboratorTokenTtlSeconds?: number;
  /** Area-token lifetime in seconds. Undocumented; inferred default 8 hours. */
  areaTokenTtlSeconds?: number;
}

type Kind = TokenData['kind'];
type TokenOf<K extends Kind> = Extract<TokenData, { kind: K }>;

const respond = responder<operations>();

/** The header each kind of token travels in (header names are case-insensitive). */
export const tokenHeaders = {
  event: 'x-Event-Token',
  collaborator: 'x-Collaborator-Token',
  area: 'x-Area-Token',
} as const satisfies Record<Kind, string>;

/** ASP.NET binds `{id:guid}` case-insensitively: ids are compared in lower case. */
const idParam = (request: MockRequest, name: string) => (request.params[name] ?? '').toLowerCase();

/** Looks an API key up in constant time (no early exit). */
function findApiKey(state: State, presented: string): ApiKey | undefined {
  return findBySecret(state.apiKeys.all(), presented, (key) => key.api_key);
}

/** The API key of the request; the root credential, required on every call. */
function apiKeyOf(state: State, request: MockRequest, context: OperationContext): ApiKey {
  const auth = readAuthorization(request.headers);
  if (auth === null || auth.scheme !== 'bearer' || auth.credentials === '') {
    context.present(auth?.scheme === 'basic' ? 'basic' : 'none');
    throw new MockError('credentials_missing', 'Send the API key as Authorization: Bearer <api-key>.');
  }
  context.present('api_key');
  const key = findApiKey(state, auth.credentials);
  if (key === undefined) {
    if (state.tokens.check(auth.credentials).ok) {
      throw new MockError('token_wrong_kind', 'A scoped token is not an API key: send the API key as Bearer.');
    }
    throw new MockError('token_unknown', 'The API key is not valid.');
  }
  if (key.revoked) throw new MockError('token_revoked', 'The API key has been revoked.');
  return key;
}

/** A scoped token of the given kind from its header, derived from the request's API key. */
function scopedToken<K extends Kind>(
  state: State,
  request: MockRequest,
  context: OperationContext,
  key: ApiKey,
  kind: K,
): TokenOf<K> {
  const header = tokenHeaders[kind];
  const value = request.headers.get(header)?.trim();
  if (value === undefined || value === '')
    throw new MockError('credentials_missing', `The ${header} header is missing.`);
  context.present(`${kind}_token`);
  const result = state.tokens.check(value);
  if (!result.ok) {
    if (findApiKey(state, value) !== undefined) {
      throw new MockError('token_wrong_kind', `An API key is not a ${kind} token.`);
    }
    throw new MockError(result.reason, describeRefusal(header, result.reason));
  }
  const data = result.entry.data;
  if (data.kind !== kind) {
    throw new MockError('token_wrong_kind', `The ${header} header carries a ${data.kind} token.`);
  }
  if (data.apiKeyId !== key.id) {
    throw new MockError('scope_missing', `The ${header} was issued to another API key.`);
  }
  return data as TokenOf<K>;
}

/** A live event by id; archived events are not found (documented). */
function liveEvent(state: State, eventId: string): EventRecord {
  const event = state.events.findFirst((q) => q.where({ id: eventId }));
  if (event === undefined || event.archived) throw new MockError('not_found', `No event ${eventId}.`);
  return event;
}

/** API key + event token for the event in the path. */
function eventScope(state: State, request: MockRequest, context: OperationContext) {
  const key = apiKeyOf(state, request, context);
  const token = scopedToken(state, request, context, key, 'event');
  const event = liveEvent(state, idParam(request, 'eventId'));
  if (token.eventId !== event.id) throw new MockError('scope_missing', 'The event token is for another event.');
  return { key, event };
}

const bySchedule = (a: { startsAt: string }, b: { startsAt: string }) => a.startsAt.localeCompare(b.startsAt);

const publicEvent = (e: EventRecord) => ({
  id: e.id,
  organizationId: e.organizationId,
  name: e.name,
  eventAttributes: e.eventAttributes.map((a) => ({ name: a.name, value: a.value })),
  attributes: e.attributes.map((a) => ({ name: a.name, value: a.value })),
});

function validateNewArea(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MockError('malformed_body', 'The body must be a JSON object.');
  }
  const name = (value as Record<string, unknown>).name;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new MockError('validation_failed', 'name is required.', { fields: { name: ['name is required'] } });
  }
  if (name.length > 200) {
    throw new MockError('validation_failed', 'name must be at most 200 characters.', {
      fields: { name: ['name must be at most 200 characters'] },
    });
  }
  return name.trim();
}

export function createOperations(state: State, options: Required<BackOpsOptions>): Operation[] {
  const ttl: Record<Kind, number> = {
    event: options.eventTokenTtlSeconds,
    collaborator: options.collaboratorTokenTtlSeconds,
    area: options.areaTokenTtlSeconds,
  };
  const issue = (data: TokenData) => state.tokens.issue(data, { ttlSeconds: ttl[data.kind] }).value;
  const hosts = [apiHost];

  return [
    {
      operationId: 'authorizeEvent',
      method: 'GET',
      hosts,
      path: '/Events/{eventId}/authorize',
      handle(request, context) {
        const key = apiKeyOf(state, request, context);
        const event = liveEvent(state, idParam(request, 'eventId'));
        if (event.organizationId !== key.organizationId) {
          throw new MockError('scope_missing', "The event is not one of the API key's organization.");
        }
        return respond(
          'authorizeEvent',
          200,
          { token: issue({ kind: 'event', apiKeyId: key.id, eventId: event.id }) },
          tokenResponseHeaders,
        );
      },
    },
    {
      operationId: 'authorizeCollaborator',
      method: 'GET',
      hosts,
      path: '/Collaborators/{collaboratorId}/authorize',
      handle(request, context) {
        const key = apiKeyOf(state, request, context);
        const event = scopedToken(state, request, context, key, 'event');
        const id = idParam(request, 'collaboratorId');
        const collaborator = state.collaborators.findFirst((q) => q.where({ id }));
        if (collaborator === undefined) throw new MockError('not_found', `No collaborator ${id}.`);
        if (collaborator.eventId !== event.eventId) {
          throw new MockError('scope_missing', 'The collaborator belongs to another event than the event token.');
        }
        const token = issue({ kind: 'collaborator', apiKeyId: key.id, eventId: event.eventId, collaboratorId: id });
        return respond('authorizeCollaborator', 200, { token }, tokenResponseHeaders);
      },
    },
    {
      operationId: 'authorizeArea',
      method: 'GET',
      hosts,
      path: '/Areas/{areaId}/authorize',
      handle(request, context) {
        const key = apiKeyOf(state, request, context);
        const event = scopedToken(state, request, context, key, 'event');
        const id = idParam(request, 'areaId');
        const area = state.areas.findFirst((q) => q.where({ id }));
        if (area === undefined) throw new MockError('not_found', `No area ${id}.`);
        if (area.eventId !== event.eventId) {
          throw new MockError('scope_missing', 'The area belongs to another event than the event token.');
        }
        const token = issue({ kind: 'area', apiKeyId: key.id, eventId: event.eventId, areaId: id });
        return respond('authorizeArea', 200, { token }, tokenResponseHeaders);
      },
    },
    {
      operationId: 'listOrganizationEvents',
      method: 'GET',
      hosts,
      path: '/Organizations/{organizationId}/events',
      handle(request, context) {
        const key = apiKeyOf(state, request, context);
        const organizationId = idParam(request, 'organizationId');
        if (organizationId !== key.organizationId) {
          throw new MockError('scope_missing', "The organization is not the API key's.");
        }
        const events = state.events.findMany((q) => q.where({ organizationId, archived: false }));
        return respond('listOrganizationEvents', 200, events.map(publicEvent));
      },
    },
    {
      operationId: 'getEvent',
      method: 'GET',
      hosts,
      path: '/Events/{eventId}',
      handle(request, context) {
        const { event } = eventScope(state, request, context);
        return respond('getEvent', 200, publicEvent(event));
      },
    },
    {
      operationId: 'listEventAreas',
      method: 'GET',
      hosts,
      path: '/Events/{eventId}/areas',
      handle(request, context) {
        const { event } = eventScope(state, request, context);
        const areas = state.areas.findMany((q) => q.where({ eventId: event.id }));
        return respond(
          'listEventAreas',
          200,
          areas.map((a) => ({ id: a.id, name: a.name })),
        );
      },
    },
    {
      operationId: 'createEventArea',
      method: 'POST',
      hosts,
      path: '/Events/{eventId}/areas',
      async handle(request, context) {
        const { key, event } = eventScope(state, request, context);
        if (!key.admin) throw new MockError('forbidden', 'Adding an area needs an API key with the admin permission.');
        const body = await request.body();
        if (body.kind === 'form' || body.kind === 'multipart')
          throw new MockError('unsupported_media_type', 'Send the area as application/json.');
        if (body.kind === 'none') throw new MockError('malformed_body', 'The body must be a JSON object.');
        const name = validateNewArea(body.value);
        await state.areas.create({ id: randomUuidV7(context.clock.now()), eventId: event.id, name });
        return respond('createEventArea', 201, undefined);
      },
    },
    {
      operationId: 'listEventCollaborators',
      method: 'GET',
      hosts,
      path: '/Events/{eventId}/collaborators',
      handle(request, context) {
        const { event } = eventScope(state, request, context);
        const collaborators = state.collaborators.findMany((q) => q.where({ eventId: event.id }));
        return respond(
          'listEventCollaborators',
          200,
          collaborators.map((c) => ({ id: c.id, name: c.name })),
        );
      },
    },
    {
      operationId: 'getAreaDaysheet',
      method: 'GET',
      hosts,
      path: '/Areas/{areaId}/daysheet',
      handle(request, context) {
        const key = apiKeyOf(state, request, context);
        const event = scopedToken(state, request, context, key, 'event');
        const token = scopedToken(state, request, context, key, 'area');
        const id = idParam(request, 'areaId');
        const area = state.areas.findFirst((q) => q.where({ id }));
        if (area === undefined) throw new MockError('not_found', `No area ${id}.`);
        if (token.areaId !== area.id) throw new MockError('scope_missing', 'The area token is for another area.');
        if (token.eventId !== event.eventId) {
          throw new MockError('scope_missing', 'The area token belongs to another event than the event token.');
        }
        const shifts = state.shifts.findMany((q) => q.where({ areaId: area.id })).sort(bySchedule);
        return respond('getAreaDaysheet', 200, {
          areaId: area.id,
          eventId: area.eventId,
          name: area.name,
          shifts: shifts.map((s) => ({
            collaboratorId: s.collaboratorId,
            collaboratorName:
              state.collaborators.findFirst((q) => q.where({ id: s.collaboratorId }))?.name ?? s.collaboratorId,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
          })),
        });
      },
    },
    {
      operationId: 'getCollaboratorSchedule',
      method: 'GET',
      hosts,
      path: '/Collaborators/{collaboratorId}/schedule',
      handle(request, context) {
        const key = apiKeyOf(state, request, context);
        const event = scopedToken(state, request, context, key, 'event');
        const token = scopedToken(state, request, context, key, 'collaborator');
        const id = idParam(request, 'collaboratorId');
        const collaborator = state.collaborators.findFirst((q) => q.where({ id }));
        if (collaborator === undefined) throw new MockError('not_found', `No collaborator ${id}.`);
        if (token.collaboratorId !== collaborator.id) {
          throw new MockError('scope_missing', 'The collaborator token is for another collaborator.');
        }
        if (token.eventId !== event.eventId) {
          throw new MockError('scope_missing', 'The collaborator token belongs to another event than the event token.');
        }
        const shifts = state.shifts.findMany((q) => q.where({ collaboratorId: collaborator.id })).sort(bySchedule);
        return respond('getCollaboratorSchedule', 200, {
          collaboratorId: collaborator.id,
          eventId: collaborator.eventId,
          name: collaborator.name,
          shifts: shifts.map((s) => ({
            areaId: s.areaId,
            areaName: state.areas.findFirst((q) => q.where({ id: s.areaId }))?.name ?? s.areaId,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
          })),
        });
      },
    },
  ];
}
