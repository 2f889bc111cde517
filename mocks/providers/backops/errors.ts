/** BackOps's error bodies: `{code, message}`; UNAUTHORIZED, NOT_FOUND and BAD_REQUEST are documented. */
import { credentialRefusals, type ErrorBody, errorBodies, sameBody } from '../../core/index.js';
import type { components } from '../../generated/backops.js';

type Body = components['schemas']['Error'];

const reply =
  (status: number, code: Body['code']): ErrorBody =>
  (error) => ({ status, body: { code, message: error.message } satisfies Body });

const badRequest = reply(400, 'BAD_REQUEST');

export const errorResponse = errorBodies(
  {
    // A token for another event, area, collaborator, organization or API key: the docs know
    // only UNAUTHORIZED for token problems.
    ...sameBody([...credentialRefusals, 'scope_missing', 'tenant_not_covered'], reply(401, 'UNAUTHORIZED')),
    forbidden: reply(403, 'FORBIDDEN'),
    // The docs list only 400 for a bad body, so a wrong content type is one too.
    unsupported_media_type: badRequest,
    validation_failed: badRequest,
    payload_too_large: reply(413, 'PAYLOAD_TOO_LARGE'),
    ...sameBody(['not_found', 'route_not_found'], reply(404, 'NOT_FOUND')),
    method_not_allowed: reply(405, 'METHOD_NOT_ALLOWED'),
    internal: reply(500, 'INTERNAL_SERVER_ERROR'),
  },
  // The OAuth-style codes, a malformed body, an ambiguous tenant.
  badRequest,
);
