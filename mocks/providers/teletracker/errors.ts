/** TeleTracker's error bodies: `{success:false, code, message}`; a 400 for missing variables lists them. */
import { type ErrorBody, errorBodies, type MockError, sameBody } from '../../core/index.js';
import type { components } from '../../generated/teletracker.js';

type Body = components['schemas']['Error'];

const body = (error: MockError, code: Body['code'], extra: Partial<Body> = {}): Body => ({
  success: false,
  code,
  message: error.message,
  ...extra,
});
const reply =
  (status: number, code: Body['code']): ErrorBody =>
  (error) => ({ status, body: body(error, code) });

const badRequest = reply(400, 'BAD_REQUEST');

/**
 * @param expiredTokenStatus the docs: "an expired bearer token will result in a 401 or 403
 * response": 401 unless the option `expiredTokenStatus` says 403.
 */
export function createErrorResponse(expiredTokenStatus: 401 | 403): ErrorBody {
  return errorBodies(
    {
      ...sameBody(
        [
          'credentials_missing',
          'header_misspelled',
          'token_unknown',
          'token_revoked',
          'token_evicted',
          'token_wrong_kind',
          'invalid_grant',
        ],
        reply(401, 'UNAUTHORIZED'),
      ),
      token_expired: reply(expiredTokenStatus, 'TOKEN_EXPIRED'),
      invalid_client: reply(401, 'INVALID_CREDENTIALS'),
      tenant_not_covered: reply(403, 'ACCOUNT_NOT_ACCESSIBLE'),
      ...sameBody(['scope_missing', 'forbidden'], reply(403, 'FORBIDDEN')),
      invalid_request: (error) => {
        const fields = error.details.fields;
        return fields === undefined
          ? badRequest(error, { host: '', operationId: null })
          : { status: 400, body: body(error, 'MISSING_PARAMETERS', { missing: Object.keys(fields) }) };
      },
      validation_failed: (error) => ({
        status: 400,
        body: body(error, 'INVALID_PARAMETERS', { errors: error.details.fields ?? {} }),
      }),
      unsupported_media_type: reply(415, 'UNSUPPORTED_MEDIA_TYPE'),
      payload_too_large: reply(413, 'PAYLOAD_TOO_LARGE'),
      ...sameBody(['not_found', 'route_not_found'], reply(404, 'NOT_FOUND')),
      method_not_allowed: reply(405, 'METHOD_NOT_ALLOWED'),
      internal: reply(500, 'INTERNAL_ERROR'),
    },
    // A malformed body, an ambiguous tenant, the other OAuth-style codes.
    badRequest,
  );
}
