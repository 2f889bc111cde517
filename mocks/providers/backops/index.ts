/**
 * BackOps Event API: an API key exchanged for organization, event, collaborator and area tokens,
 * with ASP.NET-style case-insensitive routing and `{code, message}` error bodies.
 */
import { defineProvider, MockError, type OptionsOf, safeEqual, storeCredentials } from '../../core/index.js';
import * as config from './config.js';
import { errorResponse } from './errors.js';
import { apiHost, createOperations, tokenHeaders } from './operations.js';
import { createState } from './state.js';

export type BackOpsOptions = OptionsOf<typeof config.options>;

export default defineProvider({
  id: 'backops',
  title: 'BackOps Event API',
  options: config.options,
  fixtures: config,
  credentialKinds: ['organization_token', 'event_token', 'collaborator_token', 'area_token'],
  state: createState,
  create: (_env, settings, world, state) => ({
    hosts: [apiHost],
    caseInsensitivePaths: true,
    operations: createOperations(state, settings, {
      existing: world().existingAccounts,
      blocked: world().blockedEmails,
    }),
    fixtures: () => ({
      api_keys: world().apiKeys.map((k) => ({ ...k })),
      organizations: world().organizations.map((o) => ({ ...o })),
      events: world().events.map((e) => ({
        id: e.id,
        organizationId: e.organizationId,
        name: e.name,
        archived: e.archived,
      })),
      areas: world().areas.map((a) => ({ ...a })),
      collaborators: world().collaborators.map((c) => ({ ...c })),
      blocked_emails: [...world().blockedEmails],
      api_base: `https://${apiHost}`,
      token_headers: { api_key: 'Authorization: Bearer <api-key>', ...tokenHeaders },
      organization_token_ttl_seconds: settings.organizationTokenTtlSeconds,
      event_token_ttl_seconds: settings.eventTokenTtlSeconds,
      collaborator_token_ttl_seconds: settings.collaboratorTokenTtlSeconds,
      area_token_ttl_seconds: settings.areaTokenTtlSeconds,
      collaborator_tokens_required: settings.collaboratorTokensRequired,
    }),
    demo: () =>
      world().apiKeys.map((k) => ({
        label: `${k.name}${k.admin ? ' (admin)' : ''}`,
        values: { api_key: k.api_key, organizationId: k.organizationId },
      })),
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
        if (presented === '') throw new MockError('not_found', 'Send {"api_key": "…"} of a known API key.');
        let key: { id: string } | undefined;
        for (const k of state.apiKeys.all()) if (safeEqual(presented, k.api_key)) key = k;
        if (key === undefined) throw new MockError('not_found', 'No such API key.');
        const id = key.id;
        await state.apiKeys.update((q) => q.where({ id }), {
          data(draft) {
            draft.revoked = true;
          },
        });
        return { id, revoked_tokens: state.tokens.revokeWhere((d) => d.apiKeyId === id) };
      },
    },
  }),
});
