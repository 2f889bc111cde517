import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ParsedBody } from '../../mocks/core/body.js';
import { createClock } from '../../mocks/core/clock.js';
import { MockError, type MockErrorCode } from '../../mocks/core/errors.js';
import {
  authenticateClient,
  bearerToken,
  type ClientAuthOptions,
  checkAccessToken,
  grantRefused,
  type OAuthErrorOptions,
  oauthErrorBodies,
  openTokenRequest,
  readPkceChallenge,
  readTokenFields,
  requireField,
  verifyPkce,
} from '../../mocks/core/oauth2.js';
import type { MockRequest, OperationContext } from '../../mocks/core/provider.js';
import { createTokenStore } from '../../mocks/core/token-store.js';

const clock = createClock({ source: () => 1_700_000_000_000 });

function request(init: { authorization?: string; body?: ParsedBody | (() => never) } = {}): MockRequest {
  const { authorization, body = { kind: 'none' } } = init;
  return {
    method: 'POST',
    host: 'auth.example',
    path: '/token',
    query: new URLSearchParams(),
    headers: { get: (name) => (name === 'authorization' ? (authorization ?? null) : null) },
    base: 'https://auth.example',
    params: {},
    body: async () => (typeof body === 'function' ? body() : body),
  };
}

/** A context that records what the request presented, for the journal. */
function context() {
  const presented: string[] = [];
  const ctx: OperationContext = { clock, present: (kind) => presented.push(kind) };
  return { ctx, presented };
}

/** The code and details of the MockError `run` throws (or `ok` and its value). */
async function outcome<T>(run: () => T | Promise<T>) {
  try {
    return { ok: await run() };
  } catch (error) {
    if (!(error instanceof MockError)) throw error;
    return { code: error.code as MockErrorCode, details: error.details };
  }
}

const basicOf = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const clients: Record<string, string> = { app: 's3cret', 'a b': 'p q', 'a+b': 'p+q' };
const secretOf = (id: string) => (Object.hasOwn(clients, id) ? clients[id] : undefined);
/** The secret `authenticateClient` compares an unknown client against, so both paths take the same time. */
const timingDummy = 'x'.repeat(24);

describe('requireField', () => {
  it.each([
    [{ code: 'abc' }, { ok: 'abc' }],
    [{}, { code: 'invalid_request', details: {} }],
    [{ code: '' }, { code: 'invalid_request', details: {} }],
  ])('reads code from %j as %j', async (fields, want) => {
    expect(await outcome(() => requireField(fields, 'code'))).toEqual(want);
  });
});

describe('reading a token request', () => {
  it.each([
    ['an empty grant_type', { grant_type: '', client_id: 'app', client_secret: 's3cret' }, 'invalid_request'],
    ['no grant_type', { client_id: 'app', client_secret: 's3cret' }, 'invalid_request'],
    [
      'a grant_type and a known client',
      { grant_type: 'client_credentials', client_id: 'app', client_secret: 's3cret' },
      'ok',
    ],
  ])('with %s answers %s', async (_, value, want) => {
    const { ctx } = context();
    const result = await outcome(() => openTokenRequest(request({ body: { kind: 'form', value } }), ctx, secretOf));
    expect('ok' in result ? 'ok' : result.code).toBe(want);
  });

  it('returns the fields, the grant type and the client', async () => {
    const { ctx } = context();
    const value = { grant_type: 'authorization_code', code: 'c', client_id: 'app', client_secret: 's3cret' };
    expect(await openTokenRequest(request({ body: { kind: 'form', value } }), ctx, secretOf)).toEqual({
      fields: value,
      grantType: 'authorization_code',
      clientId: 'app',
    });
  });

  it.each([
    ['a multipart body', { kind: 'multipart', value: { grant_type: 'x' } } as const, 'invalid_request'],
    ['a JSON array', { kind: 'json', value: [] } as const, 'invalid_request'],
    [
      'an unreadable body',
      () => {
        throw new MockError('malformed_body', 'bad');
      },
      'invalid_request',
    ],
    [
      'an oversized body',
      () => {
        throw new MockError('payload_too_large', 'big');
      },
      'payload_too_large',
    ],
  ] as const)('refuses %s with %s', async (_, body, want) => {
    expect(await outcome(() => readTokenFields(request({ body: body as ParsedBody }))).then((r) => r.code)).toBe(want);
  });

  it('reads JSON fields as form fields', async () => {
    const fields = await readTokenFields(request({ body: { kind: 'json', value: { grant_type: 'x' } } }));
    expect({ ...fields }).toEqual({ grant_type: 'x' });
  });

  it('lets an error that is not a MockError through unchanged', async () => {
    const boom = new TypeError('boom');
    await expect(
      readTokenFields(
        request({
          body: (() => {
            throw boom;
          }) as () => never,
        }),
      ),
    ).rejects.toBe(boom);
  });
});

describe('authenticateClient', () => {
  type Case = {
    name: string;
    authorization?: string;
    fields?: Record<string, string>;
    options?: ClientAuthOptions;
    want: { ok: string } | { code: 'invalid_client'; details: { authScheme?: string } };
    presented: string[];
  };
  const cases: Case[] = [
    {
      name: 'a known client in the body',
      fields: { client_id: 'app', client_secret: 's3cret' },
      want: { ok: 'app' },
      presented: ['client_secret'],
    },
    {
      name: 'a known client over Basic',
      authorization: basicOf('app', 's3cret'),
      want: { ok: 'app' },
      presented: ['basic'],
    },
    {
      name: 'an unknown client with the timing dummy secret',
      fields: { client_id: 'ghost', client_secret: timingDummy },
      want: { code: 'invalid_client', details: {} },
      presented: ['client_secret'],
    },
    {
      name: 'an unknown client with the timing dummy secret over Basic',
      authorization: basicOf('ghost', timingDummy),
      want: { code: 'invalid_client', details: { authScheme: 'basic' } },
      presented: ['basic'],
    },
    {
      name: 'an unknown client with some secret',
      fields: { client_id: 'ghost', client_secret: 's3cret' },
      want: { code: 'invalid_client', details: {} },
      presented: ['client_secret'],
    },
    {
      name: 'a known client with the wrong secret',
      fields: { client_id: 'app', client_secret: 's3cre' },
      want: { code: 'invalid_client', details: {} },
      presented: ['client_secret'],
    },
    {
      name: 'a known client with the timing dummy secret',
      fields: { client_id: 'app', client_secret: timingDummy },
      want: { code: 'invalid_client', details: {} },
      presented: ['client_secret'],
    },
    { name: 'no credentials at all', want: { code: 'invalid_client', details: {} }, presented: [] },
    {
      name: 'an empty client_id',
      fields: { client_id: '', client_secret: 's3cret' },
      want: { code: 'invalid_client', details: {} },
      presented: ['client_secret'],
    },
    {
      name: 'a client_id without a secret',
      fields: { client_id: 'app' },
      want: { code: 'invalid_client', details: {} },
      presented: ['client_secret'],
    },
    {
      name: 'an empty client_secret',
      fields: { client_id: 'app', client_secret: '' },
      want: { code: 'invalid_client', details: {} },
      presented: ['client_secret'],
    },
    {
      name: 'a client secret without a client_id',
      fields: { client_secret: 's3cret' },
      want: { code: 'invalid_client', details: {} },
      presented: ['client_secret'],
    },
    {
      name: 'malformed Basic credentials',
      authorization: 'Basic !!!',
      want: { code: 'invalid_client', details: { authScheme: 'basic' } },
      presented: ['basic'],
    },
    {
      name: 'Basic credentials that are not UTF-8',
      authorization: `Basic ${Buffer.from([0x61, 0x3a, 0xff]).toString('base64')}`,
      want: { code: 'invalid_client', details: { authScheme: 'basic' } },
      presented: ['basic'],
    },
    {
      name: 'Basic winning over the body (IdentityServer)',
      authorization: basicOf('app', 'wrong'),
      fields: { client_id: 'app', client_secret: 's3cret' },
      want: { code: 'invalid_client', details: { authScheme: 'basic' } },
      presented: ['basic'],
    },
    {
      name: 'form-decoded Basic credentials',
      authorization: basicOf('a+b', 'p+q'),
      want: { ok: 'a b' },
      presented: ['basic'],
    },
    {
      name: 'Basic credentials taken as they are',
      authorization: basicOf('a+b', 'p+q'),
      options: { basicDecoding: 'none' },
      want: { ok: 'a+b' },
      presented: ['basic'],
    },
    {
      name: 'a bearer header with a known client in the body',
      authorization: 'Bearer t',
      fields: { client_id: 'app', client_secret: 's3cret' },
      want: { ok: 'app' },
      presented: ['client_secret'],
    },
    {
      name: 'a bearer header with a wrong secret in the body',
      authorization: 'Bearer t',
      fields: { client_id: 'app', client_secret: 'no' },
      want: { code: 'invalid_client', details: { authScheme: 'bearer' } },
      presented: ['client_secret'],
    },
    // league/oauth2-server: each body parameter wins, with the Basic value as its default.
    {
      name: 'body precedence: the body secret wins over Basic',
      authorization: basicOf('app', 'wrong'),
      fields: { client_id: 'app', client_secret: 's3cret' },
      options: { precedence: 'body' },
      want: { ok: 'app' },
      presented: ['client_secret'],
    },
    {
      name: 'body precedence: the Basic secret fills in',
      authorization: basicOf('ghost', 's3cret'),
      fields: { client_id: 'app' },
      options: { precedence: 'body' },
      want: { ok: 'app' },
      presented: ['basic'],
    },
    {
      name: 'body precedence: Basic alone',
      authorization: basicOf('app', 's3cret'),
      options: { precedence: 'body' },
      want: { ok: 'app' },
      presented: ['basic'],
    },
    {
      name: 'body precedence: malformed Basic counts as absent',
      authorization: 'Basic !!!',
      fields: { client_id: 'app' },
      options: { precedence: 'body' },
      want: { code: 'invalid_client', details: { authScheme: 'basic' } },
      presented: ['basic'],
    },
    {
      name: 'body precedence: malformed Basic and a full body',
      authorization: 'Basic !!!',
      fields: { client_id: 'app', client_secret: 's3cret' },
      options: { precedence: 'body' },
      want: { ok: 'app' },
      presented: ['client_secret'],
    },
  ];
  it.each(cases)('$name', async ({ authorization, fields = {}, options, want, presented }) => {
    const { ctx, presented: seen } = context();
    const req = request(authorization === undefined ? {} : { authorization });
    expect(await outcome(() => authenticateClient(req, fields, ctx, secretOf, options))).toEqual(want);
    expect(seen).toEqual(presented);
  });
});

describe('PKCE (RFC 7636)', () => {
  // RFC 7636 Appendix B.
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const s256 = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
  const query = (params: Record<string, string>) => new URLSearchParams(params);

  it.each([
    ['no challenge', {}, { ok: undefined }],
    ['an empty challenge', { code_challenge: '' }, { ok: undefined }],
    [
      'an S256 challenge',
      { code_challenge: s256, code_challenge_method: 'S256' },
      { ok: { challenge: s256, method: 'S256' } },
    ],
    [
      'a challenge without a method (plain)',
      { code_challenge: verifier },
      { ok: { challenge: verifier, method: 'plain' } },
    ],
    ['43 characters', { code_challenge: 'a'.repeat(43) }, { ok: { challenge: 'a'.repeat(43), method: 'plain' } }],
    [
      '128 characters',
      { code_challenge: `${'~._-'.repeat(32)}` },
      { ok: { challenge: '~._-'.repeat(32), method: 'plain' } },
    ],
    ['42 characters', { code_challenge: 'a'.repeat(42) }, { code: 'invalid_request', details: {} }],
    ['129 characters', { code_challenge: 'a'.repeat(129) }, { code: 'invalid_request', details: {} }],
    [
      'a challenge with junk after it',
      { code_challenge: `${s256}!`, code_challenge_method: 'S256' },
      { code: 'invalid_request', details: {} },
    ],
    [
      'a challenge with junk before it',
      { code_challenge: ` ${s256}`, code_challenge_method: 'S256' },
      { code: 'invalid_request', details: {} },
    ],
    [
      'a challenge padded with =',
      { code_challenge: `${s256}=`, code_challenge_method: 'S256' },
      { code: 'invalid_request', details: {} },
    ],
    [
      'an unknown method',
      { code_challenge: s256, code_challenge_method: 'S512' },
      { code: 'invalid_request', details: {} },
    ],
    [
      'a lower-case method',
      { code_challenge: s256, code_challenge_method: 's256' },
      { code: 'invalid_request', details: {} },
    ],
  ])('an authorize request with %s reads as %j', async (_, params, want) => {
    expect(await outcome(() => readPkceChallenge(query(params)))).toEqual(want);
  });

  it.each([
    ['no challenge and no verifier', undefined, undefined, { ok: undefined }],
    ['no challenge and an empty verifier', undefined, '', { ok: undefined }],
    ['a verifier for a code issued without a challenge', undefined, verifier, { code: 'invalid_request', details: {} }],
    ['the right S256 verifier', { challenge: s256, method: 'S256' }, verifier, { ok: undefined }],
    ['the right plain verifier', { challenge: verifier, method: 'plain' }, verifier, { ok: undefined }],
    [
      'no verifier for a challenge',
      { challenge: s256, method: 'S256' },
      undefined,
      { code: 'invalid_request', details: {} },
    ],
    [
      'an empty verifier for a challenge',
      { challenge: s256, method: 'S256' },
      '',
      { code: 'invalid_request', details: {} },
    ],
    [
      'a wrong S256 verifier',
      { challenge: s256, method: 'S256' },
      `${verifier.slice(0, -1)}x`,
      { code: 'invalid_grant', details: {} },
    ],
    [
      'the S256 challenge sent as a plain verifier',
      { challenge: s256, method: 'S256' },
      s256,
      { code: 'invalid_grant', details: {} },
    ],
    [
      'a wrong plain verifier',
      { challenge: verifier, method: 'plain' },
      `${verifier}a`,
      { code: 'invalid_grant', details: {} },
    ],
    [
      'a 129-character verifier that equals a plain challenge',
      { challenge: 'a'.repeat(129), method: 'plain' },
      'a'.repeat(129),
      { code: 'invalid_request', details: {} },
    ],
    [
      'a padded verifier',
      { challenge: ` ${verifier}`, method: 'plain' },
      ` ${verifier}`,
      { code: 'invalid_request', details: {} },
    ],
    [
      'a verifier with junk after it',
      { challenge: `${verifier}!`, method: 'plain' },
      `${verifier}!`,
      { code: 'invalid_request', details: {} },
    ],
    [
      'a 42-character verifier',
      { challenge: 'a'.repeat(42), method: 'plain' },
      'a'.repeat(42),
      { code: 'invalid_request', details: {} },
    ],
  ] as const)('a code exchange with %s answers %j', async (_, pkce, given, want) => {
    expect(await outcome(() => verifyPkce(pkce, given))).toEqual(want);
  });
});

describe('PKCE S256 over many verifiers', () => {
  // Node's own SHA-256 and base64url as the reference; the set includes challenges with `-` and `_`.
  const verifiers = Array.from({ length: 40 }, (_, i) => `${'v'.repeat(43)}${i}`);
  const challenges = verifiers.map((v) => createHash('sha256').update(v).digest('base64url'));

  it('covers challenges with both URL-safe characters', () => {
    expect([challenges.some((c) => c.includes('-')), challenges.some((c) => c.includes('_'))]).toEqual([true, true]);
  });

  it.each(verifiers.map((v, i) => [v, challenges[i] as string]))('accepts %s for its challenge %s', async (v, c) => {
    await expect(verifyPkce({ challenge: c, method: 'S256' }, v)).resolves.toBeUndefined();
  });
});

describe('bearer tokens', () => {
  it.each([
    ['no header', undefined, { code: 'credentials_missing', details: {} }, []],
    ['a blank header', '   ', { code: 'credentials_missing', details: {} }, []],
    ['Basic credentials', basicOf('app', 's3cret'), { code: 'credentials_missing', details: {} }, ['basic']],
    ['a token without a scheme', 'abc', { code: 'credentials_missing', details: {} }, ['none']],
    ['another scheme', 'Token abc', { code: 'credentials_missing', details: {} }, ['none']],
    ['a bearer token', 'Bearer abc', { ok: 'abc' }, ['bearer']],
    ['a bearer token after a double space', 'Bearer  abc', { ok: 'abc' }, ['bearer']],
    ['a lower-case scheme', 'bearer abc', { ok: 'abc' }, ['bearer']],
  ])('with %s reads as %j and presents %j', async (_, authorization, want, presented) => {
    const { ctx, presented: seen } = context();
    const req = request(authorization === undefined ? {} : { authorization });
    expect(await outcome(() => bearerToken(req, ctx))).toEqual(want);
    expect(seen).toEqual(presented);
  });

  it('tells a refresh token presented as an access token from an unknown or expired one', async () => {
    let now = 1_700_000_000_000;
    const storeClock = createClock({ source: () => now });
    const access = createTokenStore<{ who: string }>({ clock: storeClock, ownerOf: () => 'o' });
    const refresh = createTokenStore<{ who: string }>({ clock: storeClock, ownerOf: () => 'o' });
    const a = access.issue({ who: 'a' }, { ttlSeconds: 60 });
    const r = refresh.issue({ who: 'a' }, { ttlSeconds: 3600 });
    expect(checkAccessToken(access, refresh, a.value).data).toEqual({ who: 'a' });
    expect(await outcome(() => checkAccessToken(access, refresh, r.value))).toMatchObject({ code: 'token_wrong_kind' });
    expect(await outcome(() => checkAccessToken(access, refresh, 'nope'))).toMatchObject({ code: 'token_unknown' });
    now += 60_000;
    expect(await outcome(() => checkAccessToken(access, refresh, a.value))).toMatchObject({ code: 'token_expired' });
    access.issue({ who: 'b' }, { ttlSeconds: 60 });
    access.revoke(access.entries()[0]?.value as string);
    expect(await outcome(() => checkAccessToken(access, refresh, r.value))).toMatchObject({ code: 'token_wrong_kind' });
  });

  it.each([
    ['token_unknown', {}],
    ['token_expired', {}],
    ['token_revoked', {}],
    ['token_evicted', { reason: 'token_evicted' }],
  ] as const)('refuses a grant whose token is %s as invalid_grant with details %j', (reason, details) => {
    const texts = { token_unknown: 'u', token_expired: 'e', token_revoked: 'r', token_evicted: 'v' };
    const error = grantRefused(texts, reason);
    expect([error.code, error.details, error.message]).toEqual(['invalid_grant', details, texts[reason]]);
  });
});

describe('OAuth 2 error bodies and challenges', () => {
  const host = 'api.example';
  const answer = (
    code: MockErrorCode,
    options: Partial<OAuthErrorOptions> = {},
    details: object = {},
    message = 'Because.',
  ) =>
    oauthErrorBodies({ tokenRealm: 'auth.example', tokenHosts: ['auth.example'], ...options })(
      new MockError(code, message, details as never),
      { host: options.tokenHosts?.[0] ?? host, operationId: 'op' },
    );
  const view = (res: ReturnType<typeof answer>) => [
    res.status,
    res.headers?.['www-authenticate'],
    (res.body as { error?: string } | undefined)?.error,
  ];

  it.each([
    ['credentials_missing', {}, {}, [401, 'Bearer realm="api.example"', 'invalid_request']],
    ['header_misspelled', { apiRealm: 'Eventix API' }, {}, [401, 'Bearer realm="Eventix API"', 'invalid_request']],
    [
      'token_expired',
      {},
      {},
      [401, 'Bearer realm="api.example", error="invalid_token", error_description="Because."', 'invalid_token'],
    ],
    [
      'token_wrong_kind',
      {},
      {},
      [401, 'Bearer realm="api.example", error="invalid_token", error_description="Because."', 'invalid_token'],
    ],
    [
      'tenant_not_covered',
      {},
      {},
      [401, 'Bearer realm="api.example", error="invalid_token", error_description="Because."', 'invalid_token'],
    ],
    [
      'scope_missing',
      {},
      { scope: 'event.read' },
      [403, 'Bearer realm="api.example", error="insufficient_scope", scope="event.read"', 'insufficient_scope'],
    ],
    [
      'scope_missing',
      {},
      {},
      [403, 'Bearer realm="api.example", error="insufficient_scope", scope=""', 'insufficient_scope'],
    ],
    ['forbidden', {}, {}, [403, undefined, 'access_denied']],
    ['invalid_client', {}, { authScheme: 'basic' }, [401, 'Basic realm="auth.example"', 'invalid_client']],
    ['invalid_client', {}, {}, [400, undefined, 'invalid_client']],
    ['invalid_client', {}, { authScheme: 'bearer' }, [400, undefined, 'invalid_client']],
    [
      'invalid_client',
      { invalidClient: 'identityserver' },
      { authScheme: 'basic' },
      [400, undefined, 'invalid_client'],
    ],
    ['invalid_client', { invalidClient: 'league' }, {}, [401, undefined, 'invalid_client']],
    [
      'invalid_client',
      { invalidClient: 'league' },
      { authScheme: 'basic' },
      [401, 'Basic realm="auth.example"', 'invalid_client'],
    ],
    [
      'invalid_client',
      { invalidClient: 'league' },
      { authScheme: 'bearer' },
      [401, 'Bearer realm="auth.example"', 'invalid_client'],
    ],
    [
      'invalid_client',
      { invalidClient: 'league' },
      { authScheme: 'token' },
      [401, 'Basic realm="auth.example"', 'invalid_client'],
    ],
    ['invalid_grant', {}, {}, [400, undefined, 'invalid_grant']],
    ['invalid_request', {}, {}, [400, undefined, 'invalid_request']],
    ['unsupported_grant_type', {}, {}, [400, undefined, 'unsupported_grant_type']],
    ['invalid_scope', {}, {}, [400, undefined, 'invalid_scope']],
    ['unauthorized_client', {}, {}, [400, undefined, 'unauthorized_client']],
    ['malformed_body', {}, {}, [400, undefined, 'invalid_request']],
    ['tenant_ambiguous', {}, {}, [400, undefined, 'invalid_request']],
    ['validation_failed', {}, {}, [400, undefined, 'invalid_request']],
    ['unsupported_media_type', {}, {}, [415, undefined, 'invalid_request']],
    ['unsupported_media_type', { tokenHosts: ['auth.example'] }, {}, [400, undefined, 'invalid_request']],
    ['payload_too_large', {}, {}, [413, undefined, 'invalid_request']],
    ['not_found', {}, {}, [404, undefined, 'not_found']],
    // Unknown routes are the web framework's answer, never an OAuth error (see the next test).
    ['route_not_found', {}, {}, [404, undefined, undefined]],
    ['method_not_allowed', {}, { allow: ['GET'] }, [405, undefined, undefined]],
    ['internal', {}, {}, [500, undefined, 'server_error']],
    ['too_many_faults', {}, {}, [400, undefined, 'too_many_faults']],
  ] as const)('answers %s (options %j, details %j) with %j', (code, options, details, want) => {
    expect(view(answer(code, options, details))).toEqual(want);
  });

  it('answers an unknown route or method as the framework does: Laravel {message}, ASP.NET Core no body', () => {
    for (const code of ['route_not_found', 'method_not_allowed'] as const) {
      const details = code === 'method_not_allowed' ? { allow: ['GET'] } : {};
      const laravel = answer(code, {}, details);
      expect(Object.keys(laravel.body as object)).toEqual(['message']);
      expect(answer(code, { framework: 'aspnetcore' }, details).body).toBeUndefined();
    }
  });

  it('quotes a description as an RFC 9110 quoted-string: quotes and backslashes escaped, non-ASCII as ?', () => {
    const res = answer('token_revoked', {}, {}, 'The "token" \\ was ré-used.');
    expect(res.headers?.['www-authenticate']).toBe(
      'Bearer realm="api.example", error="invalid_token", error_description="The \\"token\\" \\\\ was r?-used."',
    );
    // The same text again (from the cache) and a long one (never cached) quote the same way.
    expect(answer('token_revoked', {}, {}, 'The "token" \\ was ré-used.').headers).toEqual(res.headers);
    const long = `"${'x'.repeat(300)}`;
    expect(answer('token_revoked', {}, {}, long).headers?.['www-authenticate']).toBe(
      `Bearer realm="api.example", error="invalid_token", error_description="\\"${'x'.repeat(300)}"`,
    );
  });

  it('puts the description in the body, and field problems under errors', () => {
    expect(answer('invalid_grant').body).toEqual({ error: 'invalid_grant', error_description: 'Because.' });
    expect(Object.keys(answer('validation_failed').body as object)).toEqual(['error', 'error_description']);
    expect(answer('validation_failed', {}, { fields: { name: ['is required'] } }).body).toEqual({
      error: 'invalid_request',
      error_description: 'Because.',
      errors: { name: ['is required'] },
    });
  });
});
