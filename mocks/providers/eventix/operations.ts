/**
 * Eventix operations: the authorization-code grant on the auth hosts, and API calls narrowed by
 * the `Company` header (the docs' "Issuing requests" page). See the `x-fidelity` notes in specs/eventix.openapi.yaml.
 */

import {
  authenticateClient,
  bearerToken,
  checkAccessToken,
  checkParameterHint,
  compareCodeUnits,
  grantRefused,
  isoWithOffset,
  MockError,
  type MockRequest,
  type MockResponse,
  type Operation,
  type OperationContext,
  type ParsedBody,
  readPkceChallenge,
  readTokenFields,
  responder,
  routeTable,
  type TokenRefusal,
  tokenResponseHeaders,
  verifyPkce,
} from '../../core/index.js';
import type { components, operations } from '../../generated/eventix.js';
import { routes } from '../../generated/eventix.routes.js';
import type { EventixOptions } from './index.js';
import type { Grant, State } from './state.js';

export const authHosts = ['auth.eventix.io', 'auth.openticket.tech', 'auth.weeztix.com'] as const;
export const apiHosts = ['api.eventix.io', 'api.openticket.tech', 'api.weeztix.com'] as const;

const respond = responder<operations>();
const route = routeTable(routes);
type TokenResponse = components['schemas']['TokenResponse'];

/**
 * league/oauth2-server 9.x hints (`AuthCodeGrant::validateAuthorizationCode`,
 * `RefreshTokenGrant::validateOldRefreshToken`) for a refused code or refresh token: each is
 * `invalid_grant`. A code league cannot decrypt (unknown here) is "Cannot validate the provided
 * authorization code"; one evicted for the cap reads as revoked, and says why.
 */
const codeRefusal = {
  token_unknown: 'Cannot validate the provided authorization code',
  token_expired: 'Authorization code has expired',
  token_revoked: 'Authorization code has been revoked',
  token_evicted:
    'Authorization code has been revoked (evicted: its user and client held more pending codes than the mock keeps)',
} as const;

const refreshRefusal = {
  token_unknown: 'Cannot decrypt the refresh token',
  token_expired: 'Token has expired',
  token_revoked: 'Token has been revoked',
  token_evicted: 'Token has been revoked (evicted: its user and client held more live tokens than the mock keeps)',
} as const;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The profile fields a `PUT /users/me` may change: `name`, `email`, `phone` (null or '' clears
 * it), from JSON, a form or multipart. Other fields (guid, companies, whitelabel) are not the
 * user's to change and are ignored. At least one field must be given.
 */
function readProfile(body: ParsedBody): { name?: string; email?: string; phone?: string | null } {
  if (body.kind === 'none') throw new MockError('malformed_body', 'Send the fields to change as JSON or a form.');
  let input: Record<string, unknown>;
  if (body.kind === 'json') {
    if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value)) {
      throw new MockError('malformed_body', 'The JSON body must be an object.');
    }
    input = body.value as Record<string, unknown>;
  } else input = body.value;
  const out: { name?: string; email?: string; phone?: string | null } = {};
  const problems: Record<string, string[]> = {};
  if ('name' in input) {
    const v = input.name;
    if (typeof v !== 'string' || v.trim() === '' || [...v].length > 255)
      problems.name = ['must be 1 to 255 characters'];
    else out.name = v.trim();
  }
  if ('email' in input) {
    const v = input.email;
    if (typeof v !== 'string' || v.length > 255 || !emailPattern.test(v)) problems.email = ['must be an email address'];
    else out.email = v;
  }
  if ('phone' in input) {
    const v = input.phone;
    if (v === null || v === '') out.phone = null;
    else if (typeof v !== 'string' || !/^\+?[0-9 ()-]{5,32}$/.test(v)) problems.phone = ['must be a phone number'];
    else out.phone = v;
  }
  if (Object.keys(problems).length > 0) {
    throw new MockError('validation_failed', 'The profile is not valid.', { fields: problems });
  }
  if (Object.keys(out).length === 0) {
    throw new MockError('validation_failed', 'Name at least one of name, email, phone.', {
      fields: { name: ['one of name, email, phone is required'] },
    });
  }
  return out;
}

const clip = (value: string) => (value.length > 64 ? `${value.slice(0, 64)}…` : value);

/**
 * The companies a request works on: the token's companies narrowed by the `Company` header
 * (absent → all; a comma-separated list, repeated headers — which both doors join with ", " —
 * or `*`). A company the token does not cover is a 401. A blank header selects none.
 */
export function selectCompanies(request: MockRequest, grant: Grant): string[] {
  const raw = request.headers.get('company');
  if (raw === null) return [...grant.companies];
  const covered = new Map(grant.companies.map((guid) => [guid.toLowerCase(), guid]));
  const selected = new Set<string>();
  for (const item of raw.split(',')) {
    const wanted = item.trim().toLowerCase();
    if (wanted === '') continue;
    if (wanted === '*') {
      for (const guid of grant.companies) selected.add(guid);
      continue;
    }
    const guid = covered.get(wanted);
    if (guid === undefined) {
      throw new MockError('tenant_not_covered', `The token does not cover company ${clip(item.trim())}.`);
    }
    selected.add(guid);
  }
  return grant.companies.filter((guid) => selected.has(guid));
}

/**
 * The companies a new token covers: the `companies` field of the token request (company GUIDs,
 * comma- or space-separated) narrowed within `available` (the user's companies, or on a refresh
 * the grant's); absent or blank → all of `available`. A company outside them is `invalid_scope`
 * (RFC 6749 §5.2: beyond what the resource owner granted).
 */
export function chooseCompanies(raw: string | undefined, available: readonly string[]): string[] {
  const items = (raw ?? '').split(/[\s,]+/).filter((item) => item !== '');
  if (items.length === 0) return [...available];
  const covered = new Map(available.map((guid) => [guid.toLowerCase(), guid]));
  const chosen = new Set<string>();
  for (const item of items) {
    const guid = covered.get(item.toLowerCase());
    if (guid === undefined) throw new MockError('invalid_scope', `The user cannot grant company ${clip(item)}.`);
    chosen.add(guid);
  }
  return available.filter((guid) => chosen.has(guid));
}

/** For the endpoints that work within exactly one company. */
function oneCompany(selected: string[]): string {
  const [only] = selected;
  if (selected.length !== 1 || only === undefined) {
    throw new MockError(
      'tenant_ambiguous',
      `This endpoint needs exactly one company; ${selected.length} are selected. Select one with the Company header.`,
    );
  }
  return only;
}

function positiveInt(
  query: URLSearchParams,
  name: string,
  max: number,
  fallback: number,
  problems: Record<string, string[]>,
) {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    problems[name] = [`${name} must be an integer from 1 to ${max}`];
    return fallback;
  }
  return Number(raw);
}

/** A parameter league reads with `getRequestParameter`: missing → ``invalidRequest(name)``. */
function requireCode(fields: Record<string, string>, name: string): string {
  const value = fields[name];
  if (value === undefined) {
    throw new MockError('invalid_request', `${name} is required.`, { hint: checkParameterHint(name) });
  }
  return value;
}

/**
 * A refused authorization code: `invalid_grant` with league 9.x's hint; league 8.x answered an
 * expired or revoked (used) code with `invalid_request` and the same hint.
 */
function codeRefused(reason: TokenRefusal, v8: boolean): MockError {
  if (v8 && reason !== 'token_unknown') {
    return new MockError('invalid_request', codeRefusal[reason], { hint: codeRefusal[reason], reason });
  }
  return grantRefused(codeRefusal, reason);
}

export function createOperations(state: State, options: Required<EventixOptions>): Operation[] {
  /** The grant behind the access token of an API call, and the companies the call works on. */
  function authenticate(request: MockRequest, context: OperationContext): { grant: Grant; companies: string[] } {
    const entry = checkAccessToken(state.accessTokens, state.refreshTokens, bearerToken(request, context));
    return { grant: entry.data, companies: selectCompanies(request, entry.data) };
  }

  function issue(clientId: string, userGuid: string, companies: string[]): TokenResponse {
    const grant: Grant = { clientId, userGuid, companies: [...companies], access: '', refresh: '' };
    grant.refresh = state.refreshTokens.issue(grant, { ttlSeconds: options.refreshTokenTtlSeconds }).value;
    grant.access = state.accessTokens.issue(grant, {
      ttlSeconds: options.accessTokenTtlSeconds,
      limit: options.tokenCap,
    }).value;
    const names = state.index.companyNames;
    return {
      token_type: 'Bearer',
      expires_in: options.accessTokenTtlSeconds,
      access_token: grant.access,
      refresh_token: grant.refresh,
      refresh_token_expires_in: options.refreshTokenTtlSeconds,
      info: { companies: grant.companies.map((guid) => ({ guid, name: names.get(guid) ?? guid })) },
    };
  }

  function authorize(operationId: 'authorize' | 'authorizeLegacy'): Operation {
    return {
      ...route(operationId),
      handle(request) {
        const { query } = request;
        // league/oauth2-server 9.x: AuthorizationServer::validateAuthorizationRequest, then
        // AuthCodeGrant::validateAuthorizationRequest. None of these errors is redirected.
        const responseType = query.get('response_type');
        if (responseType === null) {
          throw new MockError('invalid_request', 'response_type is required.', {
            hint: checkParameterHint('response_type'),
          });
        }
        const clientId = query.get('client_id');
        // No grant "can respond" without response_type=code and a client_id.
        if (responseType !== 'code' || clientId === null) {
          throw new MockError('unsupported_grant_type', 'Send response_type=code and a client_id.', {
            hint: 'Check that all required parameters have been provided',
          });
        }
        const client = state.clientById(clientId);
        if (client === undefined) throw new MockError('invalid_client', 'Unknown client.');
        // validateRedirectUri: an unregistered redirect_uri, or none when the client has
        // several registered, fails client authentication (401 invalid_client).
        const given = query.get('redirect_uri');
        const [only] = client.redirect_uris;
        let redirectUri: string;
        if (given === null) {
          if (client.redirect_uris.length !== 1 || only === undefined) {
            throw new MockError('invalid_client', 'redirect_uri is required: the client has several registered.');
          }
          redirectUri = only;
        } else if (client.redirect_uris.includes(given)) {
          redirectUri = given;
        } else {
          throw new MockError('invalid_client', 'The redirect_uri is not registered for this client.');
        }
        const back = (params: Record<string, string>): MockResponse => {
          const url = new URL(redirectUri);
          for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
          const clientState = query.get('state');
          if (clientState !== null) url.searchParams.set('state', clientState);
          // The redirect carries a code (a credential): never cached (RFC 6749 §5.1).
          return respond(operationId, 302, undefined, { location: url.href, ...tokenResponseHeaders });
        };
        // league answers a bad PKCE challenge with a 400 invalid_request, not a redirect.
        const pkce = readPkceChallenge(query);
        const hint = query.get('login_hint');
        const user =
          hint === null || hint === ''
            ? state.userByGuid(client.default_user)
            : state.users.findFirst((q) =>
                q.where((u) => u.guid === hint.toLowerCase() || u.email.toLowerCase() === hint.toLowerCase()),
              );
        if (user === undefined) {
          return back({ error: 'access_denied', error_description: 'No fixture user matches the login_hint.' });
        }
        const code = state.codes.issue(
          {
            clientId: client.client_id,
            userGuid: user.guid,
            redirectUri,
            redirectUriGiven: given !== null,
            ...(pkce === undefined ? {} : { pkce }),
          },
          { ttlSeconds: options.codeTtlSeconds },
        );
        return back({ code: code.value });
      },
    };
  }

  function token(operationId: 'requestToken' | 'requestTokenLegacy'): Operation {
    return {
      ...route(operationId),
      async handle(request, context) {
        const v8 = options.leagueVersion === '8.x';
        const fields = await readTokenFields(request);
        // league: AuthorizationServer picks the grant by grant_type before it reads anything else.
        const grantType = fields.grant_type;
        if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
          throw new MockError(
            'unsupported_grant_type',
            grantType === undefined ? 'grant_type is required.' : `grant_type ${clip(grantType)} is not supported.`,
            { hint: 'Check that all required parameters have been provided' },
          );
        }
        const clientId = authenticateClient(request, fields, context, (id) => state.clientById(id)?.client_secret, {
          // league: body parameters first, Basic as the fallback, no decoding beyond base64.
          basicDecoding: 'none',
          precedence: 'body',
          missingClientId: 'invalid_request',
          missingSecret: v8 ? 'invalid_client' : 'invalid_request',
        });
        if (grantType === 'authorization_code') {
          const redirectUri = fields.redirect_uri;
          // 8.x AbstractGrant::validateClient also checks a redirect_uri against the client's.
          if (v8 && redirectUri !== undefined && !state.clientById(clientId)?.redirect_uris.includes(redirectUri)) {
            throw new MockError('invalid_client', 'The redirect_uri is not registered for this client.');
          }
          const code = requireCode(fields, 'code');
          const found = state.codes.check(code);
          if (!found.ok) throw codeRefused(found.reason, v8);
          const data = found.entry.data;
          if (data.clientId !== clientId) {
            throw new MockError('invalid_request', 'The authorization code was issued to another client.', {
              hint: 'Authorization code was not issued to this client',
            });
          }
          // Required when the authorize request named one; identical when sent (and league
          // refuses one sent for a code whose authorize request named none).
          const issuedFor = data.redirectUriGiven ? data.redirectUri : undefined;
          if (issuedFor !== undefined && redirectUri === undefined) {
            throw new MockError('invalid_request', 'redirect_uri is required: the authorize request named one.', {
              hint: checkParameterHint('redirect_uri'),
            });
          }
          if (redirectUri !== undefined && redirectUri !== issuedFor) {
            throw new MockError('invalid_request', 'redirect_uri is not the one the code was issued for.', {
              hint: 'Invalid redirect URI',
            });
          }
          // RFC 7636 §4.6, checked before the code is taken: a failed verifier does not spend it.
          await verifyPkce(data.pkce, fields.code_verifier);
          const user = state.userByGuid(data.userGuid);
          if (user === undefined) throw new MockError('invalid_grant', 'The user of this code no longer exists.');
          const companies = chooseCompanies(fields.companies, user.companies);
          // Single use: of concurrent exchanges, exactly one takes the code.
          const taken = state.codes.take(code);
          if (!taken.ok) throw codeRefused(taken.reason, v8);
          return respond(operationId, 200, issue(clientId, user.guid, companies), tokenResponseHeaders);
        }
        const presented = requireCode(fields, 'refresh_token');
        const found = state.refreshTokens.check(presented);
        if (!found.ok) throw grantRefused(refreshRefusal, found.reason);
        if (found.entry.data.clientId !== clientId) {
          throw new MockError('invalid_grant', 'The refresh token was issued to another client.', {
            hint: 'Token is not linked to client',
          });
        }
        // A choice outside the grant's companies fails before the refresh token is spent.
        const companies = chooseCompanies(fields.companies, found.entry.data.companies);
        const taken = state.refreshTokens.take(presented);
        if (!taken.ok) throw grantRefused(refreshRefusal, taken.reason);
        const old = taken.entry.data;
        // The pair is replaced: the old access token ends with its refresh token.
        state.accessTokens.revoke(old.access);
        return respond(operationId, 200, issue(clientId, old.userGuid, companies), tokenResponseHeaders);
      },
    };
  }

  /** The events of the companies, by start; `start` and `end` are the mock's own and not sent. */
  const eventsOf = (companies: string[], upcomingAt?: number) => {
    // From the seeded index (already by start), not a predicate query and a sort per request.
    const out: Omit<(typeof state.index.events)[number]['event'], 'start' | 'end'>[] = [];
    for (const { event, end } of state.index.events) {
      if (!companies.includes(event.company_id) || (upcomingAt !== undefined && end <= upcomingAt)) continue;
      const { start: _start, end: _end, ...shown } = event;
      out.push(shown);
    }
    return out;
  };

  /** The user of a token, as `/users/me` answers it. */
  const userOf = (guid: string) => {
    const user = state.userByGuid(guid);
    if (user === undefined) throw new MockError('token_revoked', 'The user no longer exists.');
    return user;
  };

  return [
    {
      ...route('getAuthorizationServerMetadata'),
      readOnly: true,
      handle(request) {
        const issuer = request.base;
        return respond('getAuthorizationServerMetadata', 200, {
          issuer,
          authorization_endpoint: `${issuer}/tokens/authorize`,
          token_endpoint: `${issuer}/tokens`,
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code', 'refresh_token'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
          code_challenge_methods_supported: ['S256', 'plain'],
        });
      },
    },
    authorize('authorize'),
    authorize('authorizeLegacy'),
    token('requestToken'),
    token('requestTokenLegacy'),
    {
      ...route('getCurrentUser'),
      readOnly: true,
      handle(request, context) {
        const { grant } = authenticate(request, context);
        const { companies: _companies, ...fields } = userOf(grant.userGuid);
        return respond('getCurrentUser', 200, { ...fields, deleted_at: null });
      },
    },
    {
      ...route('updateCurrentUser'),
      async handle(request, context) {
        const { grant } = authenticate(request, context);
        const user = userOf(grant.userGuid);
        const changes = readProfile(await request.body());
        const updated = await state.users.update((q) => q.where({ guid: user.guid }), {
          data(u) {
            if (changes.name !== undefined) u.name = changes.name;
            if (changes.email !== undefined) u.email = changes.email;
            if (changes.phone !== undefined) u.phone = changes.phone;
            u.updated_at = isoWithOffset(context.clock.now());
          },
        });
        state.reindex();
        const { companies: _companies, ...fields } = updated ?? user;
        return respond('updateCurrentUser', 200, { ...fields, deleted_at: null });
      },
    },
    {
      ...route('listEvents'),
      readOnly: true,
      handle(request, context) {
        const { companies } = authenticate(request, context);
        return respond('listEvents', 200, eventsOf(companies));
      },
    },
    {
      ...route('listUpcomingEvents'),
      readOnly: true,
      handle(request, context) {
        const { companies } = authenticate(request, context);
        return respond('listUpcomingEvents', 200, eventsOf(companies, context.clock.now()));
      },
    },
    {
      ...route('listEventTickets'),
      readOnly: true,
      handle(request, context) {
        const { companies } = authenticate(request, context);
        const guid = (request.params.guid ?? '').toLowerCase();
        const event = state.events.findFirst((q) => q.where({ guid }));
        // Another company's event is as unknown as a missing one.
        if (event === undefined || !companies.includes(event.company_id)) {
          throw new MockError('not_found', `No event ${clip(guid)}.`);
        }
        const tickets = state.tickets.findMany((q) => q.where({ event_id: event.guid })).map((t) => ({ ...t }));
        return respond('listEventTickets', 200, tickets);
      },
    },
    {
      ...route('listOrders'),
      readOnly: true,
      handle(request, context) {
        const { companies } = authenticate(request, context);
        const problems: Record<string, string[]> = {};
        const page = positiveInt(request.query, 'page', 999_999_999, 1, problems);
        const perPage = positiveInt(request.query, 'per_page', 100, 15, problems);
        if (Object.keys(problems).length > 0) {
          throw new MockError('validation_failed', 'The query is not valid.', { fields: problems });
        }
        const company = oneCompany(companies);
        const all = state.orders
          .findMany((q) => q.where({ company_id: company }))
          .sort((a, b) => compareCodeUnits(b.created_at, a.created_at));
        const start = (page - 1) * perPage;
        const data = all.slice(start, start + perPage).map((o) => ({ ...o }));
        return respond('listOrders', 200, {
          data,
          current_page: page,
          last_page: Math.max(1, Math.ceil(all.length / perPage)),
          per_page: perPage,
          total: all.length,
          from: data.length === 0 ? null : start + 1,
          to: data.length === 0 ? null : start + data.length,
        });
      },
    },
  ];
}
