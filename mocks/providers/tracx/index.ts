/**
 * Tracx Connect (docs.tracx.events "Authentication"): a connect token buys a session JWT carrying the connect token's
 * permissions; Laravel-style errors.
 */
import {
  epochSeconds,
  MockError,
  type MockResponse,
  type Provider,
  type ProviderEnv,
  type ProviderModule,
  withSeededState,
} from '../../core/index.js';
import { demoFixtures, type TracxFixtureSet } from './config.js';
import { apiHost, createOperations, type TracxOptions } from './handlers.js';
import { createState, type State } from './state.js';

export type { TracxOptions } from './handlers.js';

const defaults: Required<TracxOptions> = {
  sessionTokenTtlSeconds: 3600,
  revokeEndsSessions: true,
  batchDelaySeconds: 5,
  maxQueuedParticipantsPerEvent: 10_000,
  maxParticipantsPerEvent: 10_000,
};

/** Every refusal in Laravel's JSON shapes: `{message}`, and `{message, errors}` for 422. */
function errorResponse(error: MockError): MockResponse {
  const message = (status: number, text = error.message): MockResponse => ({ status, body: { message: text } });
  switch (error.code) {
    case 'credentials_missing':
    case 'header_misspelled':
    case 'token_unknown':
    case 'token_expired':
    case 'token_revoked':
    case 'token_evicted':
    case 'token_wrong_kind':
      // Laravel's AuthenticationException, whatever the reason (the journal keeps the reason).
      return message(401, 'Unauthenticated.');
    case 'scope_missing':
    case 'forbidden':
    case 'tenant_not_covered':
      return message(403, 'This action is unauthorized.');
    case 'validation_failed':
      return { status: 422, body: { message: error.message, errors: error.details.fields ?? {} } };
    case 'not_found':
    case 'route_not_found':
      return message(404);
    case 'method_not_allowed':
      return message(405);
    case 'payload_too_large':
      return message(413);
    case 'unsupported_media_type':
      return message(415);
    case 'malformed_body':
    case 'tenant_ambiguous':
    case 'invalid_request':
    case 'invalid_client':
    case 'invalid_grant':
    case 'unauthorized_client':
    case 'unsupported_grant_type':
    case 'invalid_scope':
      return message(400);
    case 'internal':
      return message(500, 'Server Error');
  }
}

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

// `initial`: the world to seed from (a user's config, see ./config.ts); `fixtures()`, `demo()` and reset follow it,
// and `useFixtures` swaps it at run time (PUT /__control/fixtures).
export function createTracx(
  env: ProviderEnv,
  options: TracxOptions = {},
  initial: TracxFixtureSet = demoFixtures,
): Provider {
  const settings = { ...defaults, ...options };
  let fixtures = initial;
  const state = createState(env.clock, () => fixtures);
  return withSeededState(state, {
    id: 'tracx',
    title: 'Tracx Connect',
    hosts: [apiHost],
    operations: createOperations(state, settings),
    fixtures: () => ({
      connect_tokens: fixtures.connectTokens.map((t) => ({
        ...t,
        permissions: [...t.permissions],
        event_ids: t.event_ids === null ? null : [...t.event_ids],
      })),
      events: fixtures.events.map((e) => ({ ...e })),
      races: fixtures.races.map((r) => ({ ...r })),
      permissions: [...fixtures.permissions],
      session_token_url: `https://${apiHost}/v1/connect/session-token`,
      session_token_ttl_seconds: settings.sessionTokenTtlSeconds,
      batch_delay_seconds: settings.batchDelaySeconds,
      revoke_ends_sessions: settings.revokeEndsSessions,
      max_queued_participants_per_event: settings.maxQueuedParticipantsPerEvent,
      max_participants_per_event: settings.maxParticipantsPerEvent,
    }),
    demo: () => fixtures.connectTokens.map((t) => ({ label: t.name, values: { connect_token: t.connect_token } })),
    fixtureSet: () => fixtures,
    useFixtures: (set) => {
      fixtures = set as TracxFixtureSet;
    },
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
  });
}

const tracx: ProviderModule<TracxOptions, TracxFixtureSet> = { id: 'tracx', create: createTracx };
export default tracx;
