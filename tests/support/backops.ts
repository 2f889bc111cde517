/** BackOps helpers shared by its tests: fixture credentials and ids, token getters, headers. */
import {
  apiKeys,
  areas,
  attributeDefinitions,
  collaborators,
  crew,
  events,
  organizations,
} from '../../mocks/providers/backops/fixtures.js';
import type { Door } from './doors.js';

export { lastReason } from './kit.js';

type Four<T> = [T, T, T, T];

export const api = 'https://api.backopslive.com';
/** personalKey: the admin key of a personal organization (Add User refuses those). */
export const [adminKey, staffKey, coastlineKey, personalKey] = apiKeys as Four<(typeof apiKeys)[0]>;
export const [northern, coastline, personalOrg] = organizations;
/** Northern's attribute definitions (Venue Type, Capacity) and Coastline's (Season). */
export const [venueType, capacity, season] = attributeDefinitions as [
  (typeof attributeDefinitions)[0],
  (typeof attributeDefinitions)[0],
  (typeof attributeDefinitions)[0],
];
/** samRivera and leePark are the crew of Rivera Audio (sam); Lee has no email or phone. */
export const [samRivera, leePark] = crew as [(typeof crew)[0], (typeof crew)[0]];
/** aurora and midnight: live events of Northern Lights; archived: Northern's archived one; surf: Coastline's. */
export const [aurora, midnight, archived, surf] = events as Four<(typeof events)[0]>;
/** mainStage and backstage belong to aurora, arenaFloor to midnight, beachBar to surf. */
export const [mainStage, backstage, arenaFloor, beachBar] = areas as Four<(typeof areas)[0]>;
/** Collaborators (groups): sam (Rivera Audio) and jo (Chen Catering) are on aurora, alex on midnight, pat on surf. */
export const [sam, jo, alex, pat] = collaborators as Four<(typeof collaborators)[0]>;

export const unknownId = '0199ffff-0000-7000-8000-000000000000';

/** Any mix of the five credentials; an `undefined` one is left out of the request. */
export interface Credentials {
  key?: string | undefined;
  organization?: string | undefined;
  event?: string | undefined;
  area?: string | undefined;
  collaborator?: string | undefined;
}

/** Request headers for any mix of the five credentials. */
export function creds(c: Credentials): Record<string, string> {
  const h: Record<string, string> = {};
  if (c.key !== undefined) h.authorization = `Bearer ${c.key}`;
  if (c.organization !== undefined) h['x-Organization-Token'] = c.organization;
  if (c.event !== undefined) h['x-Event-Token'] = c.event;
  if (c.area !== undefined) h['x-Area-Token'] = c.area;
  if (c.collaborator !== undefined) h['x-Collaborator-Token'] = c.collaborator;
  return h;
}

async function token(door: Door, url: string, c: Credentials): Promise<string> {
  const res = await door.call(url, { headers: creds(c) });
  if (res.status !== 200) throw new Error(`authorize failed: ${res.status} ${res.text}`);
  return res.body.token as string;
}

export const organizationToken = (door: Door, organizationId: string = northern.id, key = adminKey.api_key) =>
  token(door, `${api}/Organizations/${organizationId}/authorize`, { key });

export const eventToken = (door: Door, eventId = aurora.id, key = adminKey.api_key) =>
  token(door, `${api}/Events/${eventId}/authorize`, { key });

export const areaToken = (door: Door, event: string, areaId = mainStage.id, key = adminKey.api_key) =>
  token(door, `${api}/Areas/${areaId}/authorize`, { key, event });

export const collaboratorToken = (door: Door, event: string, collaboratorId = sam.id, key = adminKey.api_key) =>
  token(door, `${api}/Collaborators/${collaboratorId}/authorize`, { key, event });

/** Every credential for Northern, aurora, Main Stage and Rivera Audio (sam), from the admin key. */
export async function allTokens(door: Door, key = adminKey.api_key) {
  const event = await eventToken(door, aurora.id, key);
  return {
    key,
    organization: await organizationToken(door, northern.id, key),
    event,
    area: await areaToken(door, event, mainStage.id, key),
    collaborator: await collaboratorToken(door, event, sam.id, key),
  };
}

/** The stable refusal code the journal recorded for the last request. */
