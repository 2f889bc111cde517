/**
 * Seeded demo data for BackOps. Fixed values, so docs, Postman environments and tests can name
 * them; discoverable at `GET /__control/fixtures`. Ids are GUIDs that look like UUIDv7, as the
 * vendor's are. Two organizations, and two live events in the first, so cross-event and
 * cross-organization refusals can be shown.
 */
export const organizations = [
  { id: '0190f3a2-7c41-7d8e-9b12-3f6a8c0d1e21', name: 'Northern Lights Productions' },
  { id: '0190f3a2-7c41-7f02-a4c7-5e9b2d7f8a33', name: 'Coastline Festivals' },
] as const;

const [northern, coastline] = organizations;

export interface ApiKeyFixture {
  /** Stable handle for the key; tokens remember it instead of the secret. */
  id: string;
  api_key: string;
  name: string;
  organizationId: string;
  /** Admin permission: needed to add areas. */
  admin: boolean;
}

export const apiKeys: ApiKeyFixture[] = [
  {
    id: 'northern-admin',
    api_key: 'bo_live_nl_admin_4Rk9Tq2Wm7Zp1Xc8Vb3N',
    name: 'Northern Lights — admin integration',
    organizationId: northern.id,
    admin: true,
  },
  {
    id: 'northern-staff',
    api_key: 'bo_live_nl_staff_8Hj2Ld5Fs1Ga6Qw9Ey4U',
    name: 'Northern Lights — staff app (no admin)',
    organizationId: northern.id,
    admin: false,
  },
  {
    id: 'coastline-admin',
    api_key: 'bo_live_cf_admin_3Pn7Yt1Kr5Mx9Bz2Cv6D',
    name: 'Coastline Festivals — admin integration',
    organizationId: coastline.id,
    admin: true,
  },
];

export const events = [
  {
    id: '0191a6c4-2b10-7a3f-8e45-1c9d0f6b7a01',
    organizationId: northern.id,
    name: 'Aurora Festival 2027',
    archived: false,
    eventAttributes: [
      { name: 'venue', value: 'Tromsø Harbour' },
      { name: 'capacity', value: '12000' },
    ],
    attributes: [{ name: 'season', value: 'summer' }],
  },
  {
    id: '0191a6c4-2b10-7c88-9d21-6e0f3a4b5c02',
    organizationId: northern.id,
    name: 'Midnight Sun Concert',
    archived: false,
    eventAttributes: [{ name: 'venue', value: 'Bodø Arena' }],
    attributes: [],
  },
  {
    id: '0191a6c4-2b10-7e15-a7b3-8f2c1d0e9d03',
    organizationId: northern.id,
    name: 'Winter Market 2025',
    archived: true,
    eventAttributes: [],
    attributes: [],
  },
  {
    id: '0191a6c4-2b10-7f60-b9c4-0a1b2c3d4e04',
    organizationId: coastline.id,
    name: 'Coastline Surf Weekend',
    archived: false,
    eventAttributes: [{ name: 'venue', value: 'Newquay Beach' }],
    attributes: [{ name: 'season', value: 'summer' }],
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

export const collaborators = [
  { id: '0193c8e6-4d32-7a01-8c9a-61425ebf2a21', eventId: aurora.id, name: 'Sam Rivera' },
  { id: '0193c8e6-4d32-7b12-9dab-72536fc03b22', eventId: aurora.id, name: 'Jo Chen' },
  { id: '0193c8e6-4d32-7c23-aebc-83647ad14c23', eventId: midnight.id, name: 'Alex Kim' },
  { id: '0193c8e6-4d32-7d34-bfcd-94758be25d24', eventId: surf.id, name: 'Pat Morgan' },
];

const [mainStage, backstage, arenaFloor, beachBar] = areas as [
  (typeof areas)[0],
  (typeof areas)[0],
  (typeof areas)[0],
  (typeof areas)[0],
];
const [sam, jo, alex, pat] = collaborators as [
  (typeof collaborators)[0],
  (typeof collaborators)[0],
  (typeof collaborators)[0],
  (typeof collaborators)[0],
];

/** Who works where and when: the daysheets and schedules are read from these. */
export const shifts = [
  { areaId: mainStage.id, collaboratorId: sam.id, startsAt: '2027-08-20T14:00:00Z', endsAt: '2027-08-20T22:00:00Z' },
  { areaId: backstage.id, collaboratorId: jo.id, startsAt: '2027-08-20T12:00:00Z', endsAt: '2027-08-20T20:00:00Z' },
  { areaId: backstage.id, collaboratorId: sam.id, startsAt: '2027-08-21T10:00:00Z', endsAt: '2027-08-21T16:00:00Z' },
  { areaId: arenaFloor.id, collaboratorId: alex.id, startsAt: '2027-06-21T18:00:00Z', endsAt: '2027-06-22T02:00:00Z' },
  { areaId: beachBar.id, collaboratorId: pat.id, startsAt: '2027-07-10T09:00:00Z', endsAt: '2027-07-10T17:00:00Z' },
];
