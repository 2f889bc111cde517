/**
 * Auto-generated from specs/eventbookings.openapi.yaml by `npm run generate`: method, path and hosts of
 * each operation. Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.
 */

export const routes = {
  getOpenIdConfiguration: { method: 'GET', path: '/.well-known/openid-configuration', hosts: ['identity.eventbookings.com'] },
  getJwks: { method: 'GET', path: '/.well-known/openid-configuration/jwks', hosts: ['identity.eventbookings.com'] },
  requestToken: { method: 'POST', path: '/connect/token', hosts: ['identity.eventbookings.com'] },
  getMe: { method: 'GET', path: '/me', hosts: ['api.eventbookings.com'] },
  listOrgEvents: { method: 'GET', path: '/orgs/{org_uuid}/events', hosts: ['api.eventbookings.com'] },
  createOrgEvent: { method: 'POST', path: '/orgs/{org_uuid}/events', hosts: ['api.eventbookings.com'] },
} as const;
