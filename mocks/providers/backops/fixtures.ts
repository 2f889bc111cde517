/**
 * Seeded demo data for BackOps. Fixed values, so docs, Postman environments and tests can name
 * them; discoverable at `GET /__control/fixtures`. Ids are GUIDs that look like UUIDv7, as the
 * vendor's are. Two team organizations, and two live events in the first, so cross-event and
 * cross-organization refusals can be shown; plus one personal organization (a user's own
 * workspace), to which the vendor's Add User page says users cannot be added.
 */
import type { ApiKey } from './state.js';

export const organizations = [
  { id: '0190f3a2-7c41-7d8e-9b12-3f6a8c0d1e21', name: 'Northern Lights Productions', personal: false },
  { id: '0190f3a2-7c41-7f02-a4c7-5e9b2d7f8a33', name: 'Coastline Festivals', personal: false },
  { id: '0190f3a2-7c41-7a15-8d3e-6f0a1b2c3d44', name: 'Robin Hale (personal)', personal: true },
] as const;

const [northern, coastline, personal] = organizations;

/** An API key as seeded (the record of `state.ts` before any revocation). */
export type ApiKeyFixture = Omit<ApiKey, 'revoked'>;

/** Collaborator ids, named here because the API keys refer to them. */
const collaboratorIds = {
  rivera: '0193c8e6-4d32-7a01-8c9a-61425ebf2a21',
  chen: '0193c8e6-4d32-7b12-9dab-72536fc03b22',
  kim: '0193c8e6-4d32-7c23-aebc-83647ad14c23',
  morgan: '0193c8e6-4d32-7d34-bfcd-94758be25d24',
};

export const apiKeys: ApiKeyFixture[] = [
  {
    id: 'northern-admin',
    api_key: 'bo_live_nl_admin_4Rk9Tq2Wm7Zp1Xc8Vb3N',
    name: 'Northern Lights — admin integration',
    organizationId: northern.id,
    admin: true,
    collaboratorIds: [],
  },
  {
    id: 'northern-staff',
    api_key: 'bo_live_nl_staff_8Hj2Ld5Fs1Ga6Qw9Ey4U',
    name: 'Northern Lights — staff app (no admin)',
    organizationId: northern.id,
    admin: false,
    collaboratorIds: [collaboratorIds.rivera],
  },
  {
    id: 'coastline-admin',
    api_key: 'bo_live_cf_admin_3Pn7Yt1Kr5Mx9Bz2Cv6D',
    name: 'Coastline Festivals — admin integration',
    organizationId: coastline.id,
    admin: true,
    collaboratorIds: [],
  },
  {
    id: 'personal-admin',
    api_key: 'bo_live_ps_admin_7Wq3Ez8Rt2Yu6Io1Pa9S',
    name: 'Robin Hale — personal workspace',
    organizationId: personal.id,
    admin: true,
    collaboratorIds: [],
  },
];

/**
 * Custom event attributes, defined per organization (the `eventAttributes` of Get Event); an
 * event holds values for them (`attributes`: `{attributeId, value}`).
 */
export const attributeDefinitions = [
  {
    id: '0194d9f7-5e43-7a01-9b10-1a2b3c4d5e61',
    organizationId: northern.id,
    name: 'Venue Type',
    type: 'Select',
    isRequired: true,
    options: [
      { id: '0194d9f7-5e43-7a02-8c11-2b3c4d5e6f71', value: 'Indoor', color: '#4CAF50' },
      { id: '0194d9f7-5e43-7a03-8d12-3c4d5e6f7a81', value: 'Outdoor', color: '#2196F3' },
    ],
  },
  {
    id: '0194d9f7-5e43-7b04-9e13-4d5e6f7a8b91',
    organizationId: northern.id,
    name: 'Capacity',
    type: 'Number',
    isRequired: false,
    options: [],
  },
  {
    id: '0194d9f7-5e43-7c05-af14-5e6f7a8b9ca1',
    organizationId: coastline.id,
    name: 'Season',
    type: 'Select',
    isRequired: false,
    options: [
      { id: '0194d9f7-5e43-7c06-8015-6f7a8b9cadb1', value: 'Summer', color: '#FFC107' },
      { id: '0194d9f7-5e43-7c07-8116-7a8b9cadbec1', value: 'Winter', color: '#03A9F4' },
    ],
  },
];

const [venueType, capacity, season] = attributeDefinitions as [
  (typeof attributeDefinitions)[0],
  (typeof attributeDefinitions)[0],
  (typeof attributeDefinitions)[0],
];

export const events = [
  {
    id: '0191a6c4-2b10-7a3f-8e45-1c9d0f6b7a01',
    organizationId: northern.id,
    name: 'Aurora Festival 2027',
    archived: false,
    attributes: [
      { attributeId: venueType.id, value: 'Outdoor' },
      { attributeId: capacity.id, value: '12000' },
    ],
  },
  {
    id: '0191a6c4-2b10-7c88-9d21-6e0f3a4b5c02',
    organizationId: northern.id,
    name: 'Midnight Sun Concert',
    archived: false,
    attributes: [{ attributeId: venueType.id, value: 'Indoor' }],
  },
  {
    id: '0191a6c4-2b10-7e15-a7b3-8f2c1d0e9d03',
    organizationId: northern.id,
    name: 'Winter Market 2025',
    archived: true,
    attributes: [],
  },
  {
    id: '0191a6c4-2b10-7f60-b9c4-0a1b2c3d4e04',
    organizationId: coastline.id,
    name: 'Coastline Surf Weekend',
    archived: false,
    attributes: [{ attributeId: season.id, value: 'Summer' }],
  },
];

const [aurora, midnight, , surf] = events as [
  (typeof events)[0],
  (typeof events)[0],
  (typeof events)[0],
  (typeof events)[0],
];

export const areas = [
  { id: '0192b7d5-3c21-7a01-8f56-2d0e1a7b8c11', eventId: aurora.id, name: 'Main Stage' },
  { id: '0192b7d5-3c21-7b12-9a67-3e1f2b8c9d12', eventId: aurora.id, name: 'Backstage' },
  { id: '0192b7d5-3c21-7c23-aa78-4f203c9d0e13', eventId: midnight.id, name: 'Arena Floor' },
  { id: '0192b7d5-3c21-7d34-bb89-50314dae1f14', eventId: surf.id, name: 'Beach Bar' },
];

/** Collaborators are the groups working on an event (companies, vendors, teams), as at the vendor. */
export const collaborators = [
  { id: collaboratorIds.rivera, eventId: aurora.id, name: 'Rivera Audio' },
  { id: collaboratorIds.chen, eventId: aurora.id, name: 'Chen Catering' },
  { id: collaboratorIds.kim, eventId: midnight.id, name: 'Kim Lighting' },
  { id: collaboratorIds.morgan, eventId: surf.id, name: 'Morgan Surf School' },
];

/** The people of each collaborator. */
export const crew = [
  {
    id: '0195eaf8-6f54-7a01-8a21-1b2c3d4e5f01',
    collaboratorId: collaboratorIds.rivera,
    firstName: 'Sam',
    lastName: 'Rivera',
    email: 'sam@rivera-audio.example',
    phoneNumber: '+47 400 00 001',
    title: 'Head of Audio',
    isPointOfContact: true,
    connectedUserId: '0196fb09-7a65-7a01-9b31-2c3d4e5f6a01',
  },
  {
    id: '0195eaf8-6f54-7b02-8b22-2c3d4e5f6a02',
    collaboratorId: collaboratorIds.rivera,
    firstName: 'Lee',
    lastName: 'Park',
    email: '',
    phoneNumber: '',
    title: 'Monitor Engineer',
    isPointOfContact: false,
    connectedUserId: null,
  },
  {
    id: '0195eaf8-6f54-7c03-8c23-3d4e5f6a7b03',
    collaboratorId: collaboratorIds.chen,
    firstName: 'Jo',
    lastName: 'Chen',
    email: 'jo@chen-catering.example',
    phoneNumber: '+47 400 00 002',
    title: 'Owner',
    isPointOfContact: true,
    connectedUserId: null,
  },
  {
    id: '0195eaf8-6f54-7d04-8d24-4e5f6a7b8c04',
    collaboratorId: collaboratorIds.kim,
    firstName: 'Alex',
    lastName: 'Kim',
    email: 'alex@kim-lighting.example',
    phoneNumber: '+47 400 00 003',
    title: 'Lighting Designer',
    isPointOfContact: true,
    connectedUserId: null,
  },
  {
    id: '0195eaf8-6f54-7e05-8e25-5f6a7b8c9d05',
    collaboratorId: collaboratorIds.morgan,
    firstName: 'Pat',
    lastName: 'Morgan',
    email: 'pat@morgan-surf.example',
    phoneNumber: '+44 7700 900001',
    title: 'Instructor',
    isPointOfContact: true,
    connectedUserId: null,
  },
];

const [mainStage, backstage, arenaFloor, beachBar] = areas as [
  (typeof areas)[0],
  (typeof areas)[0],
  (typeof areas)[0],
  (typeof areas)[0],
];

/**
 * Activities (the vendor's schedule entries): each is on the calendar of the areas and
 * collaborators it is associated with; the daysheets are read from these.
 */
export const activities = [
  {
    id: '0197fc1a-8b76-7a01-9c41-3d4e5f6a7b01',
    name: 'Headliner soundcheck',
    description: 'Full band line check.',
    exactLocation: 'Main Stage, FOH riser',
    startDateTime: '2027-08-20T14:00:00Z',
    endDateTime: '2027-08-20T16:00:00Z',
    areaIds: [mainStage.id],
    collaboratorIds: [collaboratorIds.rivera],
  },
  {
    id: '0197fc1a-8b76-7b02-9d42-4e5f6a7b8c02',
    name: 'Crew dinner',
    description: 'Hot meal for all crews.',
    exactLocation: 'Backstage catering tent',
    startDateTime: '2027-08-20T12:00:00Z',
    endDateTime: '2027-08-20T13:00:00Z',
    areaIds: [backstage.id],
    collaboratorIds: [collaboratorIds.chen, collaboratorIds.rivera],
  },
  {
    id: '0197fc1a-8b76-7c03-9e43-5f6a7b8c9d03',
    name: 'Load-out',
    description: '',
    exactLocation: 'Backstage loading dock',
    startDateTime: '2027-08-21T10:00:00Z',
    endDateTime: '2027-08-21T16:00:00Z',
    areaIds: [backstage.id, mainStage.id],
    collaboratorIds: [collaboratorIds.rivera],
  },
  {
    id: '0197fc1a-8b76-7d04-9f44-6a7b8c9dae04',
    name: 'Lighting focus',
    description: 'Focus and programming.',
    exactLocation: 'Arena Floor',
    startDateTime: '2027-06-21T18:00:00Z',
    endDateTime: '2027-06-22T02:00:00Z',
    areaIds: [arenaFloor.id],
    collaboratorIds: [collaboratorIds.kim],
  },
  {
    id: '0197fc1a-8b76-7e05-a045-7b8c9daebf05',
    name: 'Morning lesson',
    description: 'Beginners group.',
    exactLocation: 'Beach Bar terrace',
    startDateTime: '2027-07-10T09:00:00Z',
    endDateTime: '2027-07-10T11:00:00Z',
    areaIds: [beachBar.id],
    collaboratorIds: [collaboratorIds.morgan],
  },
];

/** Members of each organization (for Add User's duplicate check). */
export const organizationUsers = [
  { organizationId: northern.id, email: 'ops@northernlights.example', status: 'member' as const },
  { organizationId: coastline.id, email: 'ops@coastline.example', status: 'member' as const },
];

/** Emails that already have a BackOps account: Add User adds these directly; others are invited. */
export const existingAccounts = ['ops@northernlights.example', 'ops@coastline.example', 'sam@rivera-audio.example'];

/** Addresses BackOps refuses to invite ("blacklisted addresses are rejected"). */
export const blockedEmails = ['blocked@spam.example'];
