/** Tracx's error bodies: Laravel's JSON shapes, `{message}`, and `{message, errors}` for 422. */
import {
  credentialRefusals,
  defaultStatus,
  type ErrorBody,
  errorBodies,
  laravelRouteMessage,
  sameBody,
} from '../../core/index.js';

const message =
  (status: number, text?: string): ErrorBody =>
  (error) => ({ status, body: { message: text ?? error.message } });

export const errorResponse = errorBodies(
  {
    // Laravel's AuthenticationException, whatever the reason (the journal keeps the reason).
    ...sameBody([...credentialRefusals], message(401, 'Unauthenticated.')),
    // Every endpoint page's example sends the connect token where its text asks for a session
    // token: the mock follows the text, and says so to a client copied from the example.
    token_wrong_kind: (_error, { operationId }) => ({
      status: 401,
      body: {
        message:
          operationId === 'createSessionToken'
            ? 'Unauthenticated. Send the connect token in Authorization (no scheme word), not a session token.'
            : 'Unauthenticated. Send a session token (from POST /v1/connect/session-token) in Authorization, not the connect token.',
      },
    }),
    // Laravel's own words, which name the methods the route takes (List Events' cURL says POST;
    // the endpoint is GET).
    ...sameBody(['route_not_found', 'method_not_allowed'], (error) => ({
      status: defaultStatus[error.code],
      body: { message: laravelRouteMessage(error) },
    })),
    ...sameBody(['scope_missing', 'forbidden', 'tenant_not_covered'], message(403, 'This action is unauthorized.')),
    validation_failed: (error) => ({
      status: 422,
      body: { message: error.message, errors: error.details.fields ?? {} },
    }),
    internal: message(500, 'Server Error'),
  },
  // Everything else (404, 405, 413, 415, and 400 for a bad body) keeps its message and status.
  (error) => ({ status: defaultStatus[error.code], body: { message: error.message } }),
);
