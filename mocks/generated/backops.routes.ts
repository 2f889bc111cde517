/**
 * Auto-generated from specs/backops.openapi.yaml by `npm run generate`: method, path and hosts of
 * each operation. Do not edit: change the spec and regenerate. `npm test` fails when this file drifts.
 */

export const routes = {
  authorizeOrganization: { method: 'GET', path: '/Organizations/{organizationId}/authorize', hosts: ['api.backopslive.com'] },
  addOrganizationUser: { method: 'POST', path: '/Organizations/{organizationId}/users', hosts: ['api.backopslive.com'] },
  listOrganizationEvents: { method: 'GET', path: '/Organizations/{organizationId}/events', hosts: ['api.backopslive.com'] },
  authorizeEvent: { method: 'GET', path: '/Events/{eventId}/authorize', hosts: ['api.backopslive.com'] },
  authorizeCollaborator: { method: 'GET', path: '/Collaborators/{collaboratorId}/authorize', hosts: ['api.backopslive.com'] },
  authorizeArea: { method: 'GET', path: '/Areas/{areaId}/authorize', hosts: ['api.backopslive.com'] },
  getEvent: { method: 'GET', path: '/Events/{eventId}', hosts: ['api.backopslive.com'] },
  listEventAreas: { method: 'GET', path: '/Events/{eventId}/areas', hosts: ['api.backopslive.com'] },
  createEventArea: { method: 'POST', path: '/Events/{eventId}/areas', hosts: ['api.backopslive.com'] },
  listEventCollaborators: { method: 'GET', path: '/Events/{eventId}/collaborators', hosts: ['api.backopslive.com'] },
  getAreaDaysheet: { method: 'GET', path: '/Areas/{areaId}/daysheet', hosts: ['api.backopslive.com'] },
  getCollaboratorDaySheet: { method: 'GET', path: '/collaborators/{collaboratorId}/daySheet', hosts: ['api.backopslive.com'] },
  getCollaboratorDashboard: { method: 'GET', path: '/collaborators/{collaboratorId}/dashboard', hosts: ['api.backopslive.com'] },
  getCollaboratorCrew: { method: 'GET', path: '/collaborators/{collaboratorId}/crew', hosts: ['api.backopslive.com'] },
} as const;
