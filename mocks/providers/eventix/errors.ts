import { oauthErrorBodies } from '../../core/index.js';
import { authHosts } from './operations.js';

/** Every refusal in the OAuth2 / RFC 6750 shape `{error, error_description}` (+ league's `hint`). */
export const errorResponse = oauthErrorBodies({
  // league/oauth2-server (Laravel Passport): invalid_client is 401, with
  // `WWW-Authenticate: Basic realm="OAuth"` only when the request sent an Authorization header.
  tokenRealm: 'OAuth',
  tokenHosts: authHosts,
  invalidClient: 'league',
  // league's OAuthServerException payload: a fixed error_description and the reason in `hint`.
  league: true,
  // Laravel: an unknown path or method is `{message}` JSON.
  framework: 'laravel',
});
