/**
 * BackOps Event API: an API key exchanged for organization, event, collaborator and area tokens,
 * with ASP.NET-style case-insensitive routing and `{code, message}` error bodies.
 */
import {
  ControlError,
  type MockError,
  type MockResponse,
  type Provider,
  type ProviderEnv,
  type ProviderModule,
  safeEqual,
  storeCredentials,
  withSeededState,
} from '../../core/index.js';
import type { components } from '../../generated/backops.js';
import { type BackOpsFixtureSet, demoFixtures } from './config.js';
import { apiHost, type BackOpsOptions, createOperations, tokenHeaders } from './handlers.js';
import { createState } from './state.js';

export type { BackOpsOptions } from './handlers.js';

type ErrorBody = components['schemas']['Error'];

/** Lifetimes are undocumented (inferred): a working day's worth, configurable per kind. */
const defaults: Required<BackOpsOptions> = {
  organizationTokenTtlSeconds: 8 * 3600,
  eventTokenTtlSeconds: 8 * 3600,
  collaboratorTokenTtlSeconds: 8 * 3600,
  areaTokenTtlSeconds: 8 * 3600,
  collaboratorTokensRequired: true,
};

/** Every refusal as `{code, message}`; UNAUTHORIZED, NOT_FOUND and BAD_REQUEST are documented. */
function errorResponse(error: MockError): MockResponse {
  const reply = (status: number, code: ErrorBody['code']): MockResponse => ({
    status,
    body: { code, message: error.message } satisfies ErrorBody,
  });
  switch (error.code) {
    case 'credentials_missing':
    case 'header_misspelled':
    case 'token_unknown':
    case 'token_expired':
    case 'token_revoked':
    case 'token_evicted':
    case 'token_wrong_kind':
    // A token for another event, area, collaborator, organization or API key: the docs know
    // only UNAUTHORIZED for token problems.
    case 'scope_missing':
    case 'tenant_not_covered':
      return reply(401, 'UNAUTHORIZED');
    case 'forbidden':
      return reply(403, 'FORBIDDEN');
    case 'invalid_request':
    case 'invalid_client':
    case 'invalid_grant':
    case 'unauthorized_client':
    case 'unsupported_grant_type':
    case 'invalid_scope':
    case 'malformed_body':
    case 'validation_failed':
    case 'tenant_ambiguous':
    // The docs list only 400 for a bad body, so a wrong content type is one too.
    case 'unsupported_media_type':
      return reply(400, 'BAD_REQUEST');
    case 'payload_too_large':
      return reply(413, 'PAYLOAD_TOO_LARGE');
    case 'not_found':
    case 'route_not_found':
      return reply(404, 'NOT_FOUND');
    case 'method_not_allowed':
      return reply(405, 'METHOD_NOT_ALLOWED');
    case 'internal':
      return reply(500, 'INTERNAL_SERVER_ERROR');
  }
}

// `initial`: the world to seed from (a user's config, see ./config.ts); `fixtures()`, `demo()` and reset follow it,
// and `useFixtures` swaps it at run time (PUT /__control/fixtures).
export function createBackOps(
  env: ProviderEnv,
  options: BackOpsOptions = {},
  initial: BackOpsFixtureSet = demoFixtures,
): Provider {
  const settings = { ...defaults, ...options };
  let fixtures = initial;
  const state = createState(env.clock, () => fixtures);
  return withSeededState(state, {
    id: 'backops',
    title: 'BackOps Event API',
    hosts: [apiHost],
    caseInsensitivePaths: true,
    operations: createOperations(state, settings, {
      existing: fixtures.existingAccounts,
      blocked: fixtures.blockedEmails,
    }),
    fixtures: () => ({
      api_keys: fixtures.apiKeys.map((k) => ({ ...k })),
      organizations: fixtures.organizations.map((o) => ({ ...o })),
      events: fixtures.events.map((e) => ({
        id: e.id,
        organizationId: e.organizationId,
        name: e.name,
        archived: e.archived,
      })),
      areas: fixtures.areas.map((a) => ({ ...a })),
      collaborators: fixtures.collaborators.map((c) => ({ ...c })),
      blocked_emails: [...fixtures.blockedEmails],
      api_base: `https://${apiHost}`,
      token_headers: { api_key: 'Authorization: Bearer <api-key>', ...tokenHeaders },
      organization_token_ttl_seconds: settings.organizationTokenTtlSeconds,
      event_token_ttl_seconds: settings.eventTokenTtlSeconds,
      collaborator_token_ttl_seconds: settings.collaboratorTokenTtlSeconds,
      area_token_ttl_seconds: settings.areaTokenTtlSeconds,
      collaborator_tokens_required: settings.collaboratorTokensRequired,
    }),
    demo: () =>
      fixtures.apiKeys.map((k) => ({
        label: `${k.name}${k.admin ? ' (admin)' : ''}`,
        values: { api_key: k.api_key, organizationId: k.organizationId },
      })),
    fixtureSet: () => fixtures,
    useFixtures: (set) => {
      fixtures = set as BackOpsFixtureSet;
    },
    errorResponse,
    credentials: (now) => {
      const keyName = (id: string) => state.apiKeys.findFirst((q) => q.where({ id }))?.name ?? id;
      const keys = state.apiKeys.all().map((k) => ({
        kind: 'api_key',
        value: k.api_key,
        whose: `${k.name} (organization ${k.organizationId})`,
        issuedAt: null,
        expiresAt: null,
        state: k.revoked ? ('revoked' as const) : ('live' as const),
        ...(k.revoked
          ? {}
          : {
              revoke: () =>
                state.apiKeys
                  .update((q) => q.where({ id: k.id }), {
                    data(draft) {
                      draft.revoked = true;
                    },
                  })
                  .then(() => state.tokens.revokeWhere((d) => d.apiKeyId === k.id)),
            }),
      }));
      return [
        ...storeCredentials(state.tokens, now, 'token', (d) => ({
          whose: `API key ${keyName(d.apiKeyId)}`,
          ...(d.kind === 'organization' ? {} : { event: d.eventId }),
          permissions: [
            d.kind === 'organization'
              ? `organization ${d.organizationId}`
              : d.kind === 'collaborator'
                ? `collaborator ${d.collaboratorId}`
                : d.kind === 'area'
                  ? `area ${d.areaId}`
                  : 'event',
          ],
        })),
        ...keys,
      ];
    },
    actions: {
      /** Revokes an API key, as deleting it in the dashboard would: every token derived from it ends. */
      'revoke-api-key': async (input) => {
        const presented = typeof input.api_key === 'string' ? input.api_key : '';
        if (presented === '') throw new ControlError('not_found', 'Send {"api_key": "…"} of a known API key.');
        let key: { id: string } | undefined;
        for (const k of state.apiKeys.all()) if (safeEqual(presented, k.api_key)) key = k;
        if (key === undefined) throw new ControlError('not_found', 'No such API key.');
        const id = key.id;
        await state.apiKeys.update((q) => q.where({ id }), {
          data(draft) {
            draft.revoked = true;
          },
        });
        return { id, revoked_tokens: state.tokens.revokeWhere((d) => d.apiKeyId === id) };
      },
    },
  });
}

const backops: ProviderModule<BackOpsOptions, BackOpsFixtureSet> = {
  id: 'backops',
  create: createBackOps,
};
export default backops;
