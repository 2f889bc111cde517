/**
 * TeleTracker operations (the vendor's "Get a Bearer Token" page and its neighbours): username/password login for a UUID token bound to one
 * account, refresh-token rotation, a masquerade that moves the session to another account, and a
 * sample report reachable with Bearer, Basic or Integrator credentials. See the `x-fidelity`
 * notes in specs/teletracker.openapi.yaml for what is inferred.
 */

import {
  type Authorization,
  checkAccessToken,
  decodeBasic,
  describeRefusal,
  fieldsOf,
  isoWithOffset,
  MockError,
  type MockRequest,
  type Operation,
  type OperationContext,
  randomUuid,
  readAuthorization,
  responder,
  routeTable,
  safeEqual,
  tokenResponseHeaders,
} from '../../core/index.js';
import type { components, operations } from '../../generated/teletracker.js';
import { routes } from '../../generated/teletracker.routes.js';
import type { TeleTrackerOptions } from './index.js';
import type { CallRecord, Session, State, User } from './state.js';

export const apiHost = 'api.teletracker.net';

type TokenSet = components['schemas']['TokenSet'];

const respond = responder<operations>();
const route = routeTable(routes);

/** `isoWithOffset` (as the docs' `tokenExpiration` is written), remembering the last second it wrote: logins within one second share their expiries' text. */
function isoBySecond(): (ms: number) => string {
  let second = Number.NaN;
  let text = '';
  return (ms) => {
    const s = Math.floor(ms / 1000);
    if (s !== second) {
      second = s;
      text = isoWithOffset(ms);
    }
    return text;
  };
}

/** Body fields, from a form, a multipart form or JSON; JSON numbers count (`"account_id": 10232`). */
async function fieldsOfRequest(request: MockRequest): Promise<Record<string, string>> {
  return fieldsOf(await request.body(), { scalars: true });
}

/** The documented 400: every missing variable at once. */
function requireFields<K extends string>(fields: Record<string, string>, names: readonly K[]): Record<K, string> {
  const missing = names.filter((n) => (fields[n] ?? '') === '');
  if (missing.length > 0) {
    throw new MockError('invalid_request', `Missing variables: ${missing.join(', ')}.`, {
      fields: Object.fromEntries(missing.map((n) => [n, ['required']])),
    });
  }
  return Object.fromEntries(names.map((n) => [n, fields[n] as string])) as Record<K, string>;
}

/**
 * An `account_id` value, or undefined when absent. The spec's rule (`AccountId`: an integer,
 * `minimum: 1`); a 400 says which part is broken.
 */
function accountIdOf(raw: string | null | undefined): number | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  const value = raw.trim();
  if (!/^-?[0-9]{1,15}$/.test(value)) {
    throw new MockError('validation_failed', 'account_id must be an integer.', {
      fields: { account_id: ['must be an integer'] },
    });
  }
  if (Number(value) < 1) {
    throw new MockError('validation_failed', 'account_id must be 1 or more.', {
      fields: { account_id: ['must be 1 or more'] },
    });
  }
  return Number(value);
}

/**
 * The user with these credentials. Every user's password is compared (no early exit), so the time
 * taken does not tell which user, or which part, was wrong.
 */
function userByPassword(state: State, username: string, password: string): User {
  let found: User | undefined;
  for (const user of state.users.all()) {
    if (safeEqual(password, user.password) && user.username === username) found = user;
  }
  if (found === undefined) throw new MockError('invalid_client', 'Wrong username or password.');
  return found;
}

/** The account a user works in: the one asked for if the user has it, else the default. */
function accountFor(user: User, requested: number | undefined): number {
  if (requested === undefined) return user.default_account_id;
  if (!user.accounts.includes(requested)) {
    throw new MockError('tenant_not_covered', `The user has no access to account ${requested}.`);
  }
  return requested;
}

/** `Authorization`, or the `Authentication` spelling of the Get a Bearer Token page when there is no `Authorization`. */
function authorizationOf(request: MockRequest): Authorization | null {
  return readAuthorization(request.headers) ?? readAuthorization(request.headers, 'authentication');
}

/** The session of a bearer token (`Authorization` or `Authentication`). */
function authenticateBearer(state: State, request: MockRequest, context: OperationContext) {
  const auth = authorizationOf(request);
  if (auth === null) throw new MockError('credentials_missing', 'No token was presented.');
  if (auth.scheme !== 'bearer' || auth.credentials === '') {
    context.present(auth.scheme === 'basic' ? 'basic' : auth.scheme === 'integrator' ? 'integrator' : 'none');
    throw new MockError('credentials_missing', 'Send the token as Authorization: Bearer <token>.');
  }
  context.present('bearer');
  return checkAccessToken(state.tokens, state.refreshTokens, auth.credentials);
}

/** The user of `Basic` / `Integrator` credentials (base64 `username:password`). */
function passwordUser(state: State, auth: Authorization): User {
  const pair = decodeBasic(auth.credentials);
  if (pair === null) throw new MockError('invalid_client', `The ${auth.scheme} credentials are malformed.`);
  return userByPassword(state, pair.user, pair.password);
}

/** Who is calling a resource, and for which account, by any of the three schemes. */
function authenticate(
  state: State,
  request: MockRequest,
  context: OperationContext,
  params: Record<string, string>,
): Session {
  const auth = authorizationOf(request);
  const requested = accountIdOf(params.account_id);
  switch (auth?.scheme) {
    case 'basic': {
      context.present('basic');
      const user = passwordUser(state, auth);
      return { userGuid: user.guid, accountId: accountFor(user, requested) };
    }
    case 'integrator': {
      context.present('integrator');
      const user = passwordUser(state, auth);
      // Documented: Integrator requests name their account every time.
      if (requested === undefined) {
        throw new MockError('invalid_request', 'Missing variables: account_id.', {
          fields: { account_id: ['required'] },
        });
      }
      return { userGuid: user.guid, accountId: accountFor(user, requested) };
    }
    default: {
      const { data } = authenticateBearer(state, request, context);
      if (requested !== undefined && requested !== data.accountId) {
        throw new MockError('tenant_not_covered', 'The token is bound to another account.');
      }
      return { userGuid: data.userGuid, accountId: data.accountId };
    }
  }
}

/**
 * The parameters of a GET: the query string, and (documented: "We also support passing a HTTP
 * request body for these types of events as well") a form, multipart or JSON body. The query
 * string wins where both name a parameter.
 */
async function parametersOf(request: MockRequest, names: readonly string[]): Promise<Record<string, string>> {
  const body = await fieldsOfRequest(request);
  const params: Record<string, string> = {};
  for (const name of names) {
    const value = request.query.get(name) ?? body[name];
    if (value !== undefined && value !== null) params[name] = value;
  }
  return params;
}

/** `YYYY-MM-DD` names a day of the proleptic Gregorian calendar (no `2025-02-30`). */
function isCalendarDay(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
}

/** A `YYYY-MM-DD` query date, or a 400. */
function dateOf(name: string, value: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDay(value);
  if (!ok)
    throw new MockError('validation_failed', `${name} must be a date (YYYY-MM-DD).`, {
      fields: { [name]: ['must be a date (YYYY-MM-DD)'] },
    });
  return value;
}

export function createOperations(state: State, options: Required<TeleTrackerOptions>): Operation[] {
  const _hosts = [apiHost];
  const tokenExpiration = isoBySecond();
  const refreshTokenExpiration = isoBySecond();

  /** A new token and refresh token for a session, each remembering the other. */
  function issue(session: Session, guid: string): TokenSet {
    const tokenValue = randomUuid();
    const refreshValue = randomUuid();
    const token = state.tokens.issue(
      { ...session, partner: refreshValue },
      { ttlSeconds: options.tokenLifetimeSeconds, value: tokenValue },
    );
    const refresh = state.refreshTokens.issue(
      { ...session, partner: tokenValue },
      { ttlSeconds: options.refreshTokenLifetimeSeconds, value: refreshValue },
    );
    return {
      success: true,
      guid,
      token: token.value,
      tokenExpiration: tokenExpiration(token.expiresAt),
      tokenLifetime: options.tokenLifetimeSeconds,
      refreshToken: refresh.value,
      refreshTokenExpiration: refreshTokenExpiration(refresh.expiresAt),
    };
  }

  function userByGuid(guid: string): User {
    const user = state.userByGuid(guid);
    if (user === undefined) throw new MockError('token_revoked', 'The user of this session no longer exists.');
    return user;
  }

  return [
    {
      ...route('login'),
      async handle(request, context) {
        const fields = await fieldsOfRequest(request);
        const { username, password } = requireFields(fields, ['username', 'password']);
        context.present('password');
        const requested = accountIdOf(fields.account_id);
        const user = userByPassword(state, username, password);
        const accountId = accountFor(user, requested);
        if (fields.auth_only === '1' || fields.auth_only === 'true') {
          return respond('login', 200, { success: true, guid: user.guid });
        }
        return respond('login', 200, issue({ userGuid: user.guid, accountId }, user.guid), tokenResponseHeaders);
      },
    },
    {
      ...route('refreshToken'),
      async handle(request, context) {
        const fields = await fieldsOfRequest(request);
        // The refresh page names the field `refresh_token` (documented); the login page says "pass
        // the refreshToken value", so the response's own name is taken too.
        const value = fields.refresh_token || fields.refreshToken;
        if (value === undefined || value === '') requireFields(fields, ['refresh_token']);
        context.present('refresh_token');
        // Single use: the refresh token presented ends here, whoever wins a race.
        const result = state.refreshTokens.take(value as string);
        if (!result.ok) {
          if (state.tokens.check(value as string).ok)
            throw new MockError('token_wrong_kind', 'A token is not a refresh token.');
          throw new MockError(result.reason, describeRefusal('refresh token', result.reason));
        }
        const { userGuid, accountId } = result.entry.data;
        const user = userByGuid(userGuid);
        return respond('refreshToken', 200, issue({ userGuid, accountId }, user.guid), tokenResponseHeaders);
      },
    },
    {
      ...route('masquerade'),
      async handle(request, context) {
        const current = authenticateBearer(state, request, context);
        const fields = await fieldsOfRequest(request);
        requireFields(fields, ['account_id']);
        const user = userByGuid(current.data.userGuid);
        const accountId = accountFor(user, accountIdOf(fields.account_id));
        // The session moves to the new account: its old token pair ends (inferred).
        state.tokens.revoke(current.value);
        state.refreshTokens.revoke(current.data.partner);
        return respond('masquerade', 200, issue({ userGuid: user.guid, accountId }, user.guid), tokenResponseHeaders);
      },
    },
    {
      ...route('getCallData'),
      readOnly: true,
      async handle(request, context) {
        const params = await parametersOf(request, ['start_date', 'end_date', 'account_id']);
        const caller = authenticate(state, request, context, params);
        // Per-user permissions (inferred): a user without report access is refused.
        const user = userByGuid(caller.userGuid);
        if (!user.permissions.includes('reports')) {
          throw new MockError('forbidden', 'This user has no access to reports.');
        }
        const dates = requireFields(params, ['start_date', 'end_date']);
        const start = dateOf('start_date', dates.start_date);
        const end = dateOf('end_date', dates.end_date);
        // An end before the start is an empty range, not an error: no schema can say which date
        // comes first, and every schema-valid request is answered (inferred; no page says).
        const data: CallRecord[] = [];
        for (const { day, call } of state.callsOf(caller.accountId)) {
          if (day >= start && day <= end) data.push({ ...call });
        }
        return respond('getCallData', 200, { success: true, data });
      },
    },
  ];
}
