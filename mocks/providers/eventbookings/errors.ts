import { oauthErrorBodies } from '../../core/index.js';
import { apiHost, identityHost } from './operations.js';

/** Every refusal in the OAuth2 / RFC 6750 shape: `{error, error_description}`. */
export const errorResponse = oauthErrorBodies({
  apiRealm: apiHost,
  tokenRealm: identityHost,
  tokenHosts: [identityHost],
  // Duende IdentityServer's TokenErrorResult: 400 invalid_client, no challenge, however the
  // client authenticated.
  invalidClient: 'identityserver',
  // TokenErrorResult: SetNoCache() on every error of the token endpoint, as on its successes.
  noStoreErrors: ['requestToken'],
  // Both hosts run ASP.NET Core: an unknown path or method is a bare 404 / 405.
  framework: 'aspnetcore',
});
