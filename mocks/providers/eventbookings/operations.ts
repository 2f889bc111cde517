/**
 * EventBookings operations. Token endpoint behaviour follows the vendor's "EventBookings API Authentication" page (JSON body, documented
 * response with refresh_token) and IdentityServer (form bodies, rotation, OAuth2 errors); see the
 * `x-fidelity` notes in specs/eventbookings.openapi.yaml.
 */
import {
  bearerToken,
  checkAccessToken,
  grantRefused,
  MockError,
  type MockRequest,
  type Operation,
  type OperationContext,
  openTokenRequest,
  randomUuid,
  requireField,
  responder,
  routeTable,
  tokenResponseHeaders,
} from '../../core/index.js';
import type { components, operations } from '../../generated/eventbookings.js';
import { routes } from '../../generated/eventbookings.routes.js';
import type { EventBookingsOptions } from './index.js';
import type { State, TokenData } from './state.js';

export const identityHost = 'identity.eventbookings.com';
export const apiHost = 'api.eventbookings.com';

/**
 * Events one organisation holds at most in the mock (seeded and created); one more is refused
 * with 400 `invalid_request` (journal reason `records_full`), so listings stay fast after a flood.
 */
export const maxEventsPerOrganisation = 1000;

const respond = responder<operations>();
const route = routeTable(routes);

/** The scopes of the API (the spec's `oauth2` security scheme). */
const allScopes = ['event.create', 'event.read'] as const;
/** What IdentityServer's discovery document lists by default. */
const identityServerResponseTypes = [
  'code',
  'token',
  'id_token',
  'id_token token',
  'code id_token',
  'code token',
  'code id_token token',
] as const;
type TokenResponse = components['schemas']['TokenResponse'];

function requestedScopes(raw: string | undefined, allowed: readonly string[]): string[] {
  if (raw === undefined || raw.trim() === '') return [...allowed];
  const wanted = [...new Set(raw.trim().split(/\s+/))];
  for (const scope of wanted) {
    if (!allowed.includes(scope)) throw new MockError('invalid_scope', `Scope ${scope} is not granted to this client.`);
  }
  return wanted;
}

function issue(
  state: State,
  options: Required<EventBookingsOptions>,
  data: TokenData,
  withRefresh: boolean,
): TokenResponse {
  const access = state.accessTokens.issue(data, { ttlSeconds: options.accessTokenTtlSeconds });
  const body: TokenResponse = {
    access_token: access.value,
    expires_in: options.accessTokenTtlSeconds,
    token_type: 'Bearer',
    scope: data.scopes.join(' '),
  };
  if (withRefresh) {
    body.refresh_token = state.refreshTokens.issue(data, { ttlSeconds: options.refreshTokenTtlSeconds }).value;
  }
  return body;
}

const refusalText = {
  token_unknown: 'The refresh token is not known.',
  token_expired: 'The refresh token has expired.',
  token_revoked: 'The refresh token has already been used.',
  token_evicted: 'The refresh token was evicted: its client held more live tokens than the mock keeps.',
} as const;

/**
 * The vendor's page writes the header `Authorisation: Bearer …` (British spelling) four times. A
 * real server reads only `Authorization`, so the mock keeps refusing the misspelling, and says why.
 */
function refuseMisspelledHeader(request: MockRequest, context: OperationContext): void {
  if (request.headers.get('authorization') !== null) return;
  const misspelled = request.headers.get('authorisation');
  if (misspelled === null) return;
  context.present(/^bearer\s/i.test(misspelled.trim()) ? 'bearer' : 'none');
  throw new MockError(
    'header_misspelled',
    "No access token was presented: found 'Authorisation'; the header is 'Authorization'.",
  );
}

/** The access token of an API call, with the scope the operation needs. */
function authenticate(state: State, request: MockRequest, context: OperationContext, scope: string): TokenData {
  refuseMisspelledHeader(request, context);
  const entry = checkAccessToken(state.accessTokens, state.refreshTokens, bearerToken(request, context));
  if (!entry.data.scopes.includes(scope)) {
    throw new MockError('scope_missing', `This operation needs the scope ${scope}.`, { scope });
  }
  return entry.data;
}

function organisationOf(state: State, data: TokenData, orgUuid: string): string {
  const org = state.organisations.findFirst((q) => q.where({ org_uuid: orgUuid }));
  if (org === undefined) throw new MockError('not_found', `No organisation ${orgUuid}.`);
  const app = state.applicationById(data.clientId);
  if (app?.org_uuid !== org.org_uuid) throw new MockError('forbidden', "The organisation is not this application's.");
  return org.org_uuid;
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` or `YYYY-MM-DDTHH:MM[:SS]` without an offset: read as UTC. */
const localDateTime = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?)?$/;

/** `starts_on` as an ISO 8601 UTC date-time, or null if it is not a date (the page gives no format). */
function startsOn(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let ms: number;
  if (isoDateTime.test(value)) ms = Date.parse(value);
  else {
    const m = localDateTime.exec(value);
    if (m === null) return null;
    ms = Date.parse(`${m[1]}T${m[2] ?? '00:00'}${m[3] ?? ':00'}Z`);
  }
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The vendor's nested body, `{"event": {name, description, occurrence: {type, attributes:
 * {starts_on, event_duration, occurrence_ends}}, timezone, banner, configuration, listing,
 * resources, …}}` (Events POST API Documentation). The page marks no field required: the mock
 * requires `event.name` and `event.occurrence.attributes.starts_on` (an event needs a name and a
 * start), checks the types of the other fields it names, and keeps the rest unread.
 */
function validateNewEvent(value: unknown): { name: string; starts_at: string; ends_at: string | null } {
  if (!isObject(value)) throw new MockError('malformed_body', 'The body must be a JSON object.');
  const event = value.event;
  if (!isObject(event)) {
    throw new MockError('validation_failed', 'The event is not valid.', {
      fields: { event: ['event is required: send {"event": {...}}'] },
    });
  }
  const fields: Record<string, string[]> = {};
  const name = event.name;
  if (typeof name !== 'string' || name.trim() === '') fields['event.name'] = ['name is required'];
  // Characters as JSON Schema's maxLength counts them (code points), not UTF-16 units.
  else if ([...name].length > 200) fields['event.name'] = ['name must be at most 200 characters'];
  for (const key of ['description', 'timezone'] as const) {
    if (event[key] !== undefined && event[key] !== null && typeof event[key] !== 'string') {
      fields[`event.${key}`] = [`${key} must be a string`];
    }
  }
  for (const key of ['banner', 'resources'] as const) {
    if (event[key] !== undefined && !Array.isArray(event[key])) fields[`event.${key}`] = [`${key} must be an array`];
  }
  for (const key of ['configuration', 'listing'] as const) {
    if (event[key] !== undefined && !isObject(event[key])) fields[`event.${key}`] = [`${key} must be an object`];
  }
  const occurrence = event.occurrence;
  let starts: string | null = null;
  if (!isObject(occurrence)) fields['event.occurrence'] = ['occurrence is required'];
  else {
    if (occurrence.type !== undefined && typeof occurrence.type !== 'string') {
      fields['event.occurrence.type'] = ['type must be a string'];
    }
    const attributes = isObject(occurrence.attributes) ? occurrence.attributes : {};
    starts = startsOn(attributes.starts_on);
    if (starts === null) {
      fields['event.occurrence.attributes.starts_on'] = ['starts_on must be a date or date-time'];
    }
  }
  if (Object.keys(fields).length > 0) throw new MockError('validation_failed', 'The event is not valid.', { fields });
  return { name: name as string, starts_at: starts as string, ends_at: null };
}

export function createOperations(state: State, options: Required<EventBookingsOptions>): Operation[] {
  return [
    {
      ...route('getOpenIdConfiguration'),
      readOnly: true,
      handle(request) {
        // IdentityServer's discovery document, limited to what this host serves; its URLs
        // follow the request's base, so a client reaches them through either door.
        const issuer = request.base;
        return respond('getOpenIdConfiguration', 200, {
          issuer,
          token_endpoint: `${issuer}/connect/token`,
          // IdentityServer's path; the set is empty, as the mock signs nothing.
          jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
          scopes_supported: [...allScopes],
          grant_types_supported: ['client_credentials', 'refresh_token'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          // Fields OpenID Connect Discovery requires, with IdentityServer's default values.
          response_types_supported: [...identityServerResponseTypes],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        });
      },
    },
    {
      ...route('getJwks'),
      readOnly: true,
      handle() {
        return respond('getJwks', 200, { keys: [] });
      },
    },
    {
      ...route('requestToken'),
      async handle(request, context) {
        // IdentityServer answers every unreadable token request with invalid_request.
        const { fields, grantType, clientId } = await openTokenRequest(
          request,
          context,
          (id) => state.applicationById(id)?.client_secret,
          // IdentityServer's BasicAuthenticationSecretParser form-decodes both halves.
          { basicDecoding: 'form', precedence: 'basic' },
        );
        const app = state.applicationById(clientId);
        if (app === undefined) throw new MockError('invalid_client', 'Unknown client.');
        const headers = tokenResponseHeaders;
        if (grantType === 'client_credentials') {
          const scopes = requestedScopes(fields.scope, app.scopes);
          const body = issue(state, options, { clientId: app.client_id, scopes }, options.issueRefreshToken);
          return respond('requestToken', 200, body, headers);
        }
        if (grantType === 'refresh_token') {
          const presented = requireField(fields, 'refresh_token');
          const found = state.refreshTokens.check(presented);
          if (!found.ok) throw grantRefused(refusalText, found.reason);
          if (found.entry.data.clientId !== app.client_id) {
            throw new MockError('invalid_grant', 'The refresh token was issued to another client.');
          }
          const scopes = requestedScopes(fields.scope, found.entry.data.scopes);
          // Single use (IdentityServer's OneTimeOnly): only one of concurrent callers can take it.
          const taken = state.refreshTokens.take(presented);
          if (!taken.ok) throw grantRefused(refusalText, taken.reason);
          return respond(
            'requestToken',
            200,
            issue(state, options, { clientId: app.client_id, scopes }, true),
            headers,
          );
        }
        throw new MockError('unsupported_grant_type', `grant_type ${grantType} is not supported.`);
      },
    },
    {
      ...route('getMe'),
      readOnly: true,
      handle(request, context) {
        const auth = authenticate(state, request, context, 'event.read');
        const app = state.applicationById(auth.clientId);
        if (app === undefined) throw new MockError('token_revoked', 'The application no longer exists.');
        return respond('getMe', 200, {
          client_id: app.client_id,
          name: app.name,
          org_uuid: app.org_uuid,
          scopes: [...auth.scopes],
        });
      },
    },
    {
      ...route('listOrgEvents'),
      readOnly: true,
      handle(request, context) {
        const auth = authenticate(state, request, context, 'event.read');
        const orgUuid = organisationOf(state, auth, request.params.org_uuid ?? '');
        const data = state.events.findMany((q) => q.where({ org_uuid: orgUuid }), { orderBy: { starts_at: 'asc' } });
        return respond('listOrgEvents', 200, { data: data.map((e) => ({ ...e })) });
      },
    },
    {
      ...route('createOrgEvent'),
      async handle(request, context) {
        const auth = authenticate(state, request, context, 'event.create');
        const orgUuid = organisationOf(state, auth, request.params.org_uuid ?? '');
        const body = await request.body();
        if (body.kind === 'form' || body.kind === 'multipart')
          throw new MockError('unsupported_media_type', 'Send the event as application/json.');
        if (body.kind === 'none') throw new MockError('malformed_body', 'The body must be a JSON object.');
        const input = validateNewEvent(body.value);
        if (state.events.findMany((q) => q.where({ org_uuid: orgUuid })).length >= maxEventsPerOrganisation) {
          throw new MockError(
            'records_full',
            `The mock keeps at most ${maxEventsPerOrganisation} events per organisation; reset it to start over.`,
          );
        }
        const created = await state.events.create({
          event_uuid: randomUuid(),
          org_uuid: orgUuid,
          ...input,
          status: 'draft',
        });
        return respond(
          'createOrgEvent',
          201,
          { ...created },
          {
            location: `https://${apiHost}/orgs/${orgUuid}/events/${created.event_uuid}`,
          },
        );
      },
    },
  ];
}
