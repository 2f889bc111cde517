/**
 * Auto-generated from specs/tracx.openapi.yaml by `npm run generate`: method, path and hosts of
 * each operation. Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.
 */

export const routes = {
  createSessionToken: { method: 'POST', path: '/v1/connect/session-token', hosts: ['api.tracx.events'] },
  listEvents: { method: 'GET', path: '/v1/connect/events', hosts: ['api.tracx.events'] },
  listRaces: { method: 'GET', path: '/v1/connect/races', hosts: ['api.tracx.events'] },
  storeParticipant: { method: 'POST', path: '/v1/connect/participant', hosts: ['api.tracx.events'] },
  listEventParticipants: { method: 'GET', path: '/v1/connect/events/{event_id}/participants', hosts: ['api.tracx.events'] },
  storeEventParticipants: { method: 'POST', path: '/v1/connect/events/{event_id}/participants', hosts: ['api.tracx.events'] },
} as const;
