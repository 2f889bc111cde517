/** BackOps helpers shared by its tests: fixture credentials and ids, token getters, headers. */
import { apiKeys, areas, collaborators, events, organizations } from '../../mocks/providers/backops/fixtures.js';
import type { Door } from './doors.js';

type Four<T> = [T, T, T, T];

export const api = 'https://api.backopslive.com';
export const [adminKey, staffKey, coastlineKey] = apiKeys as [
  (typeof apiKeys)[0],
  (typeof apiKeys)[0],
  (typeof apiKeys)[0],
];
export const [northern, coastline] = organizations;
/** aurora and midnight: live events of Northern Lights; archived: Northern's archived one; surf: Coastline's. */
export const [aurora, midnight, archived, surf] = events as Four<(typeof events)[0]>;
/** mainStage and backstage belong to aurora, arenaFloor to midnight, beachBar to surf. */
export const [mainStage, backstage, arenaFloor, beachBar] = areas as Four<(typeof areas)[0]>;
/** sam and jo belong to aurora, alex to midnight, pat to surf. */
export const [sam, jo, alex, pat] = collaborators as Four<(typeof collaborators)[0]>;

export const unknownId = '0199ffff-0000-7000-8000-000000000000';

/** Any mix of the four credentials; an `undefined` one is left out of the request. */
export interface Credentials {
  key?: string | undefined;
  event?: string | undefined;
  area?: string | undefined;
  collaborator?: string | undefined;
}

/** Request headers for any mix of the four credentials. */
export function creds(c: Credentials): Record<string, string> {
  const h: Record<string, string> = {};
  if (c.key !== undefined) h.authorization = `Bearer ${c.key}`;
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

export const eventToken = (door: Door, eventId = aurora.id, key = adminKey.api_key) =>
  token(door, `${api}/Events/${eventId}/authorize`, { key });

export const areaToken = (door: Door, event: string, areaId = mainStage.id, key = adminKey.api_key) =>
  token(door, `${api}/Areas/${areaId}/authorize`, { key, event });

export const collaboratorToken = (door: Door, event: string, collaboratorId = sam.id, key = adminKey.api_key) =>
  token(door, `${api}/Collaborators/${collaboratorId}/authorize`, { key, event });

/** Every credential for aurora, Main Stage and Sam, from the admin key. */
export async function allTokens(door: Door, key = adminKey.api_key) {
  const event = await eventToken(door, aurora.id, key);
  return {
    key,
    event,
    area: await areaToken(door, event, mainStage.id, key),
    collaborator: await collaboratorToken(door, event, sam.id, key),
  };
}

/** The stable refusal code the journal recorded for the last request. */
export const lastReason = (door: Door) => door.mocks.control.journal().entries.at(-1)?.reason;
