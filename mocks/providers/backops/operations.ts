/**
 * BackOps operations, from the vendor's pages under backopslive.com/docs/api-docs/: the API key on
 * every request as `Authorization: Bearer`, exchanged for an event token (`x-Event-Token`), which
 * with the key is exchanged for collaborator and area tokens (`x-Collaborator-Token`,
 * `x-Area-Token`); the Organization API takes an organization token (`x-Organization-Token`).
 * Every refusal of a credential or of its scope is a 401 UNAUTHORIZED (documented code); see the
 * `x-fidelity` notes in specs/backops.openapi.yaml for what is inferred.
 */

import {
  compareCodeUnits,
  describeRefusal,
  findBySecret,
  MockError,
  type MockRequest,
  type MockResponse,
  type Operation,
  type OperationContext,
  randomUuidV7,
  readAuthorization,
  responder,
  routeTable,
  tokenResponseHeaders,
} from '../../core/index.js';
import type { operations } from '../../generated/backops.js';
import { routes } from '../../generated/backops.routes.js';
import type { BackOpsOptions } from './index.js';
import type { Activity, ApiKey, CrewMember, EventRecord, State, TokenData } from './state.js';

export const apiHost = 'api.backopslive.com';

/**
 * Areas one event holds at most in the mock (seeded and created); one more is refused with 400
 * `BAD_REQUEST` (journal reason `records_full`), so listings stay fast after a flood.
 */
export const maxAreasPerEvent = 1000;

type Kind = TokenData['kind'];
type TokenOf<K extends Kind> = Extract<TokenData, { kind: K }>;

const respond = responder<operations>();
const route = routeTable(routes);

/** The header each kind of token travels in (header names are case-insensitive). */
export const tokenHeaders = {
  organization: 'x-Organization-Token',
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
function authenticate(state: State, request: MockRequest, context: OperationContext): ApiKey {
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
  const event = state.eventById(eventId);
  if (event === undefined || event.archived) throw new MockError('not_found', `No event ${eventId}.`);
  return event;
}

/** API key + event token for the event in the path. */
function eventScope(state: State, request: MockRequest, context: OperationContext) {
  const key = authenticate(state, request, context);
  const token = scopedToken(state, request, context, key, 'event');
  const event = liveEvent(state, idParam(request, 'eventId'));
  if (token.eventId !== event.id) throw new MockError('scope_missing', 'The event token is for another event.');
  return { key, event };
}

/** The organization in the path must be the key's (401 for any other, known or not). */
function ownOrganization(request: MockRequest, key: ApiKey): string {
  const organizationId = idParam(request, 'organizationId');
  if (organizationId !== key.organizationId) {
    throw new MockError('scope_missing', "The organization is not the API key's.");
  }
  return organizationId;
}

/** EventAdmin / OrganizationAdmin: held by admin keys only (inferred). */
function requireAdmin(key: ApiKey, what: string): void {
  if (!key.admin) throw new MockError('forbidden', `${what} needs an API key with the admin permission.`);
}

const byStart = (a: Activity, b: Activity) => compareCodeUnits(a.startDateTime, b.startDateTime);
const contact = (m: CrewMember) => ({
  id: m.id,
  firstName: m.firstName,
  lastName: m.lastName,
  title: m.title,
  email: m.email,
  phoneNumber: m.phoneNumber,
});

function readJsonBody(body: Awaited<ReturnType<MockRequest['body']>>, what: string): unknown {
  if (body.kind === 'form' || body.kind === 'multipart')
    throw new MockError('unsupported_media_type', `Send the ${what} as application/json.`);
  if (body.kind === 'none') throw new MockError('malformed_body', 'The body must be a JSON object.');
  const value = body.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MockError('malformed_body', 'The body must be a JSON object.');
  }
  return value;
}

function validateNewArea(value: unknown): string {
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

/** A plain address check: one `@`, something before it, a dot in the domain, no spaces. */
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validateNewUser(value: unknown): string {
  const email = (value as Record<string, unknown>).email;
  if (typeof email !== 'string' || email.trim() === '') {
    throw new MockError('validation_failed', 'email is required.', { fields: { email: ['email is required'] } });
  }
  const trimmed = email.trim();
  if (trimmed.length > 254 || !emailPattern.test(trimmed)) {
    throw new MockError('validation_failed', 'email is not a valid email address.', {
      fields: { email: ['email is not a valid email address'] },
    });
  }
  return trimmed.toLowerCase();
}

/** An event's areas or collaborators, each as its id and name. */
function namesOfEvent(
  state: State,
  operationId: 'listEventAreas' | 'listEventCollaborators',
  records: State['areas'] | State['collaborators'],
): Operation {
  return {
    ...route(operationId),
    readOnly: true,
    handle(request, context) {
      const { event } = eventScope(state, request, context);
      const found = records.findMany((q) => q.where({ eventId: event.id }));
      return respond(
        operationId,
        200,
        found.map((r) => ({ id: r.id, name: r.name })),
      );
    },
  };
}

export function createOperations(
  state: State,
  options: Required<BackOpsOptions>,
  accounts: { existing: readonly string[]; blocked: readonly string[] },
): Operation[] {
  const ttl: Record<Kind, number> = {
    organization: options.organizationTokenTtlSeconds,
    event: options.eventTokenTtlSeconds,
    collaborator: options.collaboratorTokenTtlSeconds,
    area: options.areaTokenTtlSeconds,
  };
  const issue = (data: TokenData) => state.tokens.issue(data, { ttlSeconds: ttl[data.kind] }).value;
  const _hosts = [apiHost];

  /**
   * The collaborator of a `/collaborators/{collaboratorId}/...` call. By default it needs the key,
   * an event token and a collaborator token for this collaborator, of the same event (the Get
   * Tokens page); with `collaboratorTokensRequired: false` the key alone, whose organization must
   * own the collaborator's event (the endpoint pages).
   */
  function collaboratorScope(request: MockRequest, context: OperationContext) {
    const key = authenticate(state, request, context);
    const tokens = options.collaboratorTokensRequired
      ? {
          event: scopedToken(state, request, context, key, 'event'),
          collaborator: scopedToken(state, request, context, key, 'collaborator'),
        }
      : undefined;
    const id = idParam(request, 'collaboratorId');
    const collaborator = state.collaborators.findFirst((q) => q.where({ id }));
    if (collaborator === undefined) throw new MockError('not_found', `No collaborator ${id}.`);
    const event = liveEvent(state, collaborator.eventId);
    if (tokens === undefined) {
      if (event.organizationId !== key.organizationId) {
        throw new MockError('scope_missing', "The collaborator is not on an event of the API key's organization.");
      }
    } else {
      if (tokens.collaborator.collaboratorId !== collaborator.id) {
        throw new MockError('scope_missing', 'The collaborator token is for another collaborator.');
      }
      if (tokens.collaborator.eventId !== tokens.event.eventId) {
        throw new MockError('scope_missing', 'The collaborator token belongs to another event than the event token.');
      }
    }
    const activities = state.activities
      .findMany((q) => q.where({}))
      .filter((a) => a.collaboratorIds.includes(collaborator.id))
      .sort(byStart);
    const crew = state.crew.findMany((q) => q.where({ collaboratorId: collaborator.id }));
    return { collaborator, event, activities, crew };
  }

  /** A collaborator or area token, for a collaborator or area of the event token's event. */
  function authorizeWithinEvent(
    request: MockRequest,
    context: OperationContext,
    part: 'collaborator' | 'area',
  ): MockResponse {
    const key = authenticate(state, request, context);
    const event = scopedToken(state, request, context, key, 'event');
    const id = idParam(request, `${part}Id`);
    const found =
      part === 'collaborator'
        ? state.collaborators.findFirst((q) => q.where({ id }))
        : state.areas.findFirst((q) => q.where({ id }));
    if (found === undefined) throw new MockError('not_found', `No ${part} ${id}.`);
    if (found.eventId !== event.eventId) {
      throw new MockError('scope_missing', `The ${part} belongs to another event than the event token.`);
    }
    const scope = { apiKeyId: key.id, eventId: event.eventId };
    const token =
      part === 'collaborator'
        ? issue({ kind: 'collaborator', ...scope, collaboratorId: id })
        : issue({ kind: 'area', ...scope, areaId: id });
    return respond(
      part === 'collaborator' ? 'authorizeCollaborator' : 'authorizeArea',
      200,
      { token },
      tokenResponseHeaders,
    );
  }

  return [
    {
      ...route('authorizeOrganization'),
      handle(request, context) {
        const key = authenticate(state, request, context);
        const organizationId = ownOrganization(request, key);
        const token = issue({ kind: 'organization', apiKeyId: key.id, organizationId });
        return respond('authorizeOrganization', 200, { token }, tokenResponseHeaders);
      },
    },
    {
      ...route('addOrganizationUser'),
      async handle(request, context) {
        const key = authenticate(state, request, context);
        const token = scopedToken(state, request, context, key, 'organization');
        const organizationId = idParam(request, 'organizationId');
        if (token.organizationId !== organizationId) {
          throw new MockError('scope_missing', 'The organization token is for another organization.');
        }
        requireAdmin(key, 'Adding a user');
        const email = validateNewUser(readJsonBody(await request.body(), 'user'));
        const organization = state.organizations.findFirst((q) => q.where({ id: organizationId }));
        if (organization?.personal !== false) {
          throw new MockError('validation_failed', 'Users cannot be added to a personal organization.');
        }
        if (accounts.blocked.includes(email)) {
          throw new MockError('validation_failed', `${email} cannot be invited.`, {
            fields: { email: ['the address is blocked'] },
          });
        }
        const existing = state.organizationUsers.findFirst((q) => q.where({ organizationId, email }));
        if (existing !== undefined) {
          throw new MockError(
            'validation_failed',
            `${email} is already ${existing.status === 'member' ? 'a member' : 'invited'}.`,
            {
              fields: { email: ['duplicate'] },
            },
          );
        }
        const status = accounts.existing.includes(email) ? 'member' : 'invited';
        await state.organizationUsers.create({ organizationId, email, status });
        return respond('addOrganizationUser', 200, undefined);
      },
    },
    {
      ...route('listOrganizationEvents'),
      readOnly: true,
      handle(request, context) {
        const key = authenticate(state, request, context);
        const organizationId = ownOrganization(request, key);
        const organization = state.organizations.findFirst((q) => q.where({ id: organizationId }));
        const events = state.events.findMany((q) => q.where({ organizationId }));
        return respond(
          'listOrganizationEvents',
          200,
          events.map((e) => {
            const mine = state.collaborators
              .findMany((q) => q.where({ eventId: e.id }))
              .find((c) => key.collaboratorIds.includes(c.id));
            return {
              id: e.id,
              name: e.name,
              isArchived: e.archived,
              organization: { id: organizationId, name: organization?.name ?? '' },
              attributes: e.attributes.map((a) => ({ attributeId: a.attributeId, value: a.value })),
              collaborator: mine === undefined ? null : { id: mine.id, name: mine.name },
            };
          }),
        );
      },
    },
    {
      ...route('authorizeEvent'),
      handle(request, context) {
        const key = authenticate(state, request, context);
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
      ...route('authorizeCollaborator'),
      handle: (request, context) => authorizeWithinEvent(request, context, 'collaborator'),
    },
    {
      ...route('authorizeArea'),
      handle: (request, context) => authorizeWithinEvent(request, context, 'area'),
    },
    {
      ...route('getEvent'),
      readOnly: true,
      handle(request, context) {
        const { event } = eventScope(state, request, context);
        const definitions = state.definitionsOf(event.organizationId);
        return respond('getEvent', 200, {
          id: event.id,
          organizationId: event.organizationId,
          name: event.name,
          eventAttributes: definitions.map((d) => ({
            id: d.id,
            name: d.name,
            type: d.type,
            isRequired: d.isRequired,
            options: d.options.map((o) => ({ id: o.id, value: o.value, color: o.color })),
          })),
          attributes: event.attributes.map((a) => ({ attributeId: a.attributeId, value: a.value })),
        });
      },
    },
    namesOfEvent(state, 'listEventAreas', state.areas),
    {
      ...route('createEventArea'),
      async handle(request, context) {
        const { key, event } = eventScope(state, request, context);
        requireAdmin(key, 'Adding an area');
        const name = validateNewArea(readJsonBody(await request.body(), 'area'));
        if (state.areas.findMany((q) => q.where({ eventId: event.id })).length >= maxAreasPerEvent) {
          throw new MockError(
            'records_full',
            `The mock keeps at most ${maxAreasPerEvent} areas per event; reset it to start over.`,
          );
        }
        await state.areas.create({ id: randomUuidV7(context.clock.now()), eventId: event.id, name });
        return respond('createEventArea', 201, undefined);
      },
    },
    namesOfEvent(state, 'listEventCollaborators', state.collaborators),
    {
      ...route('getAreaDaysheet'),
      readOnly: true,
      handle(request, context) {
        const key = authenticate(state, request, context);
        const event = scopedToken(state, request, context, key, 'event');
        const token = scopedToken(state, request, context, key, 'area');
        const id = idParam(request, 'areaId');
        const area = state.areas.findFirst((q) => q.where({ id }));
        if (area === undefined) throw new MockError('not_found', `No area ${id}.`);
        if (token.areaId !== area.id) throw new MockError('scope_missing', 'The area token is for another area.');
        if (token.eventId !== event.eventId) {
          throw new MockError('scope_missing', 'The area token belongs to another event than the event token.');
        }
        requireAdmin(key, 'The area daysheet');
        const schedule = state.activities
          .findMany((q) => q.where({}))
          .filter((a) => a.areaIds.includes(area.id))
          .sort(byStart);
        return respond('getAreaDaysheet', 200, {
          eventName: liveEvent(state, area.eventId).name,
          schedule: schedule.map((a) => ({
            id: a.id,
            name: a.name,
            description: a.description,
            exactLocation: a.exactLocation,
            startDateTime: a.startDateTime,
            endDateTime: a.endDateTime,
          })),
          advances: [],
        });
      },
    },
    {
      ...route('getCollaboratorDaySheet'),
      readOnly: true,
      handle(request, context) {
        const { collaborator, event, activities, crew } = collaboratorScope(request, context);
        const areaName = (areaId: string) => state.areas.findFirst((q) => q.where({ id: areaId }))?.name ?? '';
        return respond('getCollaboratorDaySheet', 200, {
          eventName: event.name,
          collaboratorName: collaborator.name,
          schedule: activities.map((a) => ({
            id: a.id,
            name: a.name,
            description: a.description,
            areas: a.areaIds.map((areaId) => ({ id: areaId, name: areaName(areaId) })),
            exactLocation: a.exactLocation,
            startDateTime: a.startDateTime,
            endDateTime: a.endDateTime,
          })),
          contacts: crew
            .filter((m) => m.isPointOfContact)
            .map((m) => ({
              id: m.id,
              firstName: m.firstName,
              lastName: m.lastName,
              title: m.title,
              email: m.email,
              phone: m.phoneNumber,
            })),
          advances: [],
        });
      },
    },
    {
      ...route('getCollaboratorDashboard'),
      readOnly: true,
      handle(request, context) {
        const { activities, crew } = collaboratorScope(request, context);
        return respond('getCollaboratorDashboard', 200, {
          contacts: crew.filter((m) => m.isPointOfContact).map(contact),
          activities: activities.map((a) => ({
            id: a.id,
            name: a.name,
            startDateTime: a.startDateTime,
            endDateTime: a.endDateTime,
          })),
          deliverables: [],
          incompleteCrew: crew.filter((m) => m.email === '' || m.phoneNumber === '').map(contact),
          tasks: [],
        });
      },
    },
    {
      ...route('getCollaboratorCrew'),
      readOnly: true,
      handle(request, context) {
        const { crew } = collaboratorScope(request, context);
        return respond('getCollaboratorCrew', 200, {
          crew: crew.map((m) => ({
            ...contact(m),
            isPointOfContact: m.isPointOfContact,
            connectedUser: m.connectedUserId === null ? null : { id: m.connectedUserId, status: 'Active' },
            attributes: [],
          })),
          attributesInfo: [],
        });
      },
    },
  ];
}
