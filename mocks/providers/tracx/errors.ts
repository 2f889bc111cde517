/** Tracx's error bodies: Laravel's JSON shapes, `{message}`, and `{message, errors}` for 422. */
import { credentialRefusals, defaultStatus, type ErrorBody, errorBodies, sameBody } from '../../core/index.js';

const message =
  (status: number, text?: string): ErrorBody =>
  (error) => ({ status, body: { message: text ?? error.message } });

export const errorResponse = errorBodies(
  {
    // Laravel's AuthenticationException, whatever the reason (the journal keeps the reason).
    ...sameBody([...credentialRefusals], message(401, 'Unauthenticated.')),
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
