/** Shared by the worlds tests: a listening server, JSON calls, and each provider's token → GET walk. */
import { type BenchRequest, scenarios } from '../../scripts/bench/scenarios.js';

export { type Listening, listeningServer, raw } from '../support/http.js';

export interface JsonReply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read field by field
  body: any;
}

export async function call(url: string, init: RequestInit & { json?: unknown } = {}): Promise<JsonReply> {
  const { json, ...rest } = init;
  const res = await fetch(url, {
    ...rest,
    ...(json === undefined
      ? {}
      : { body: JSON.stringify(json), headers: { 'content-type': 'application/json', ...rest.headers } }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** `POST /__control/worlds` and the created world's base URL. */
export async function newWorld(url: string, body: Record<string, unknown> = {}): Promise<{ id: string; base: string }> {
  const res = await call(`${url}/__control/worlds`, { method: 'POST', json: body });
  if (res.status !== 201) throw new Error(`world not created: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, base: res.body.urls.base };
}

/** Sends a scenario's request (real host and path) under a base URL (`<server>` or `<server>/w/<id>`). */
export function send(base: string, r: BenchRequest) {
  return fetch(`${base}/${r.host}${r.path}`, {
    method: r.method,
    redirect: 'manual',
    ...(r.headers === undefined ? {} : { headers: r.headers }),
    ...(r.body === undefined ? {} : { body: r.body }),
  }).then(async (res) => ({ status: res.status, headers: res.headers, text: await res.text() }));
}

/** Per provider: obtain a credential under `base`, and the authorized GET that uses it. */
export async function credentialIn(provider: string, base: string): Promise<BenchRequest> {
  const scenario = scenarios[provider];
  if (scenario === undefined) throw new Error(`no scenario for ${provider}`);
  const ctx = await scenario.prepare((r) => send(base, r), 1);
  return scenario.get.load(ctx, 0).next();
}
