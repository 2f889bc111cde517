/**
 * Auto-generated from specs/teletracker.openapi.yaml by `npm run generate`: method, path and hosts of
 * each operation. Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.
 */

export const routes = {
  login: { method: 'POST', path: '/auth/login', hosts: ['api.teletracker.net'] },
  refreshToken: { method: 'POST', path: '/auth/refresh', hosts: ['api.teletracker.net'] },
  masquerade: { method: 'POST', path: '/auth/masquerade', hosts: ['api.teletracker.net'] },
  getCallData: { method: 'GET', path: '/reports/call-data', hosts: ['api.teletracker.net'] },
} as const;
