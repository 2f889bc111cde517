/**
 * Tracx Connect (docs.tracx.events "Authentication"): a connect token buys a session JWT carrying the connect token's
 * permissions; Laravel-style errors.
 */
import { defineProvider, epochSeconds, MockError, type OptionsOf } from '../../core/index.js';
import * as config from './config.js';
import { errorResponse } from './errors.js';
import { apiHost, createOperations } from './operations.js';
import { createState, type State } from './state.js';

export type TracxOptions = OptionsOf<typeof config.options>;

function connectTokenOf(state: State, input: Record<string, unknown>) {
  const { connect_token: value, id } = input;
  const token =
    typeof value === 'string'
      ? state.connectTokens.findFirst((q) => q.where({ connect_token: value }))
      : typeof id === 'number'
        ? state.connectTokens.findFirst((q) => q.where({ id }))
        : undefined;
  if (token === undefined)
    throw new MockError('not_found', 'Send {"connect_token": "…"} or {"id": N} of a known token.');
  return token;
}

export default defineProvider({
  id: 'tracx',
  title: 'Tracx Connect',
  options: config.options,
  fixtures: config,
  credentialKinds: ['connect_token', 'session_token'],
  state: createState,
  create: (_env, settings, world, state) => ({
    hosts: [apiHost],
    operations: createOperations(state, settings),
    fixtures: () => ({
      connect_tokens: world().connectTokens.map((t) => ({
        ...t,
        permissions: [...t.permissions],
        event_ids: t.event_ids === null ? null : [...t.event_ids],
      })),
      events: world().events.map((e) => ({ ...e })),
      races: world().races.map((r) => ({ ...r })),
      permissions: [...world().permissions],
      session_token_url: `https://${apiHost}/v1/connect/session-token`,
      session_token_ttl_seconds: settings.sessionTokenTtlSeconds,
      batch_delay_seconds: settings.batchDelaySeconds,
      revoke_ends_sessions: settings.revokeEndsSessions,
      max_queued_participants_per_event: settings.maxQueuedParticipantsPerEvent,
      max_participants_per_event: settings.maxParticipantsPerEvent,
    }),
    demo: () => world().connectTokens.map((t) => ({ label: t.name, values: { connect_token: t.connect_token } })),
    errorResponse,
    // Session tokens are stateless JWTs (nothing holds them); the connect tokens are listed.
    credentials: () =>
      state.connectTokens.findMany().map((t) => ({
        kind: 'connect_token',
        value: t.connect_token,
        whose: t.name,
        permissions: t.permissions,
        ...(t.event_ids === null ? {} : { event: t.event_ids.join(', ') }),
        issuedAt: null,
        expiresAt: null,
        state: t.revoked ? ('revoked' as const) : ('live' as const),
        ...(t.revoked
          ? {}
          : {
              revoke: () =>
                state.connectTokens.update(t, {
                  data(draft) {
                    draft.revoked = true;
                  },
                }),
            }),
      })),
    actions: {
      /** Revokes a connect token, as deleting it in the dashboard would: no new session tokens. */
      'revoke-connect-token': async (input) => {
        const token = connectTokenOf(state, input);
        await state.connectTokens.update(token, {
          data(draft) {
            draft.revoked = true;
          },
        });
        return { id: token.id, revoked: true, sessions_ended: settings.revokeEndsSessions };
      },
      /** Stored participants (queued imports that are due applied first) and the imports still queued. */
      participants: async (input) => {
        await state.settle();
        const eventId = typeof input.event_id === 'number' ? input.event_id : undefined;
        return {
          participants: (eventId === undefined
            ? state.participants.findMany()
            : state.participants.ofEvent(eventId)
          ).map((p) => ({ ...p })),
          queued: state.batches
            .filter((b) => eventId === undefined || b.eventId === eventId)
            .map((b) => ({
              batch_id: b.batchId,
              event_id: b.eventId,
              participants: b.participants.length,
              accepted_at: epochSeconds(b.acceptedAt),
              available_at: epochSeconds(b.availableAt),
            })),
        };
      },
    },
  }),
});
