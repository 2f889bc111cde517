/**
 * The checks of Authlib's `OpenIDProviderMetadata.validate()` (authlib/oidc/discovery/models.py,
 * on top of `AuthorizationServerMetadata` in authlib/oauth2/rfc8414/models.py), rewritten in
 * TypeScript so the suite needs no Python: each problem as Authlib words its `ValueError`. An
 * empty list means Authlib accepts the document. `https: false` skips the "MUST use https"
 * rules, for the standalone server's plain-http URLs.
 */
export function openIdMetadataProblems(doc: Record<string, unknown>, options: { https?: boolean } = {}): string[] {
  const https = options.https ?? true;
  const problems: string[] = [];
  const isList = (v: unknown): v is unknown[] => Array.isArray(v);
  const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(isList(v) && v.length === 0);
  const url = (key: string, required: boolean) => {
    const v = doc[key];
    if (!present(v)) {
      if (required) problems.push(`"${key}" is required`);
      return;
    }
    if (https && !(typeof v === 'string' && v.startsWith('https://')))
      problems.push(`"${key}" MUST use "https" scheme`);
  };
  // issuer: required, https, no query or fragment
  const issuer = doc.issuer;
  if (!present(issuer) || typeof issuer !== 'string') problems.push('"issuer" is required');
  else {
    const parsed = new URL(issuer);
    if (https && parsed.protocol !== 'https:') problems.push('"issuer" MUST use "https" scheme');
    if (parsed.search !== '' || parsed.hash !== '') problems.push('"issuer" has no query or fragment');
  }
  // grant_types_supported defaults to authorization_code and implicit when absent
  const grants = isList(doc.grant_types_supported) ? doc.grant_types_supported : ['authorization_code', 'implicit'];
  const needsAuthorize = grants.includes('authorization_code') || grants.includes('implicit');
  url('authorization_endpoint', needsAuthorize);
  const implicitOnly = grants.length === 1 && grants[0] === 'implicit';
  url('token_endpoint', !implicitOnly);
  url('jwks_uri', true); // REQUIRED in OpenID Connect
  for (const key of ['registration_endpoint', 'revocation_endpoint', 'introspection_endpoint']) url(key, false);
  const response = doc.response_types_supported;
  if (!present(response)) problems.push('"response_types_supported" is required');
  else if (!isList(response)) problems.push('"response_types_supported" MUST be JSON array');
  const subjects = doc.subject_types_supported;
  if (!present(subjects)) problems.push('"subject_types_supported" is required');
  else if (!isList(subjects)) problems.push('"subject_types_supported" MUST be JSON array');
  else if (!subjects.every((s) => s === 'pairwise' || s === 'public'))
    problems.push('"subject_types_supported" contains invalid values');
  const algs = doc.id_token_signing_alg_values_supported;
  if (!present(algs)) problems.push('"id_token_signing_alg_values_supported" is required');
  else if (!isList(algs)) problems.push('"id_token_signing_alg_values_supported" MUST be JSON array');
  else if (!algs.includes('RS256'))
    problems.push('"RS256" MUST be included in "id_token_signing_alg_values_supported"');
  for (const key of [
    'scopes_supported',
    'response_modes_supported',
    'grant_types_supported',
    'token_endpoint_auth_methods_supported',
    'code_challenge_methods_supported',
    'acr_values_supported',
    'claims_supported',
  ]) {
    if (present(doc[key]) && !isList(doc[key])) problems.push(`"${key}" MUST be JSON array`);
  }
  // *_auth_signing_alg_values_supported must be present for private_key_jwt / client_secret_jwt
  const methods = isList(doc.token_endpoint_auth_methods_supported)
    ? doc.token_endpoint_auth_methods_supported
    : ['client_secret_basic'];
  if (
    (methods.includes('private_key_jwt') || methods.includes('client_secret_jwt')) &&
    !present(doc.token_endpoint_auth_signing_alg_values_supported)
  ) {
    problems.push('"token_endpoint_auth_signing_alg_values_supported" is required');
  }
  for (const key of ['claims_parameter_supported', 'request_parameter_supported', 'request_uri_parameter_supported']) {
    if (key in doc && typeof doc[key] !== 'boolean') problems.push(`"${key}" MUST be boolean`);
  }
  return problems;
}
