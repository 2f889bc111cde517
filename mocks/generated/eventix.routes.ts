/**
 * Auto-generated from specs/eventix.openapi.yaml by `npm run generate`: method, path and hosts of
 * each operation. Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.
 */

export const routes = {
  authorize: { method: 'GET', path: '/tokens/authorize', hosts: ['auth.eventix.io', 'auth.openticket.tech', 'auth.weeztix.com'] },
  getAuthorizationServerMetadata: { method: 'GET', path: '/.well-known/oauth-authorization-server', hosts: ['auth.eventix.io', 'auth.openticket.tech', 'auth.weeztix.com'] },
  authorizeLegacy: { method: 'GET', path: '/token/authorize', hosts: ['auth.eventix.io', 'auth.openticket.tech', 'auth.weeztix.com'] },
  requestToken: { method: 'POST', path: '/tokens', hosts: ['auth.eventix.io', 'auth.openticket.tech', 'auth.weeztix.com'] },
  requestTokenLegacy: { method: 'POST', path: '/token', hosts: ['auth.eventix.io', 'auth.openticket.tech', 'auth.weeztix.com'] },
  getCurrentUser: { method: 'GET', path: '/users/me', hosts: ['auth.eventix.io', 'auth.openticket.tech', 'auth.weeztix.com'] },
  updateCurrentUser: { method: 'PUT', path: '/users/me', hosts: ['auth.eventix.io', 'auth.openticket.tech', 'auth.weeztix.com'] },
  listEvents: { method: 'GET', path: '/event', hosts: ['api.eventix.io', 'api.openticket.tech', 'api.weeztix.com'] },
  listUpcomingEvents: { method: 'GET', path: '/event/upcoming', hosts: ['api.eventix.io', 'api.openticket.tech', 'api.weeztix.com'] },
  listEventTickets: { method: 'GET', path: '/event/{guid}/ticket', hosts: ['api.eventix.io', 'api.openticket.tech', 'api.weeztix.com'] },
  listOrders: { method: 'GET', path: '/orders', hosts: ['api.eventix.io', 'api.openticket.tech', 'api.weeztix.com'] },
} as const;
