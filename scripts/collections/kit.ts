/**
 * Builds Postman v2.1 collections and environments with the `postman-collection` library.
 * Ids are derived from names, so a regeneration is byte-identical and drift is detectable.
 */
import { createHash } from 'node:crypto';
import postman, { type CollectionDefinition, type EventDefinition, type ItemDefinition } from 'postman-collection';

// postman-collection is CommonJS: its classes hang off the default export.
const { Collection } = postman;

export function stableId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface Step {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With `{{variables}}`, e.g. `{{apiBase}}/me`. */
  url: string;
  /** A list value sends the header once per item. */
  headers?: Record<string, string | string[]>;
  json?: unknown;
  form?: Record<string, string>;
  /** A multipart/form-data body of text fields (Postman `formdata` mode; the client sets the boundary). */
  multipart?: Record<string, string>;
  /** Test script body: `pm.test(...)` assertions and variable chaining. */
  tests: string;
  prerequest?: string;
  /** Uses the mock's control plane: skipped when the environment has no `controlBase` (live). */
  mockOnly?: boolean;
  /** Return a 3xx as it is instead of following it (Postman's "Automatically follow redirects" off). */
  noRedirects?: boolean;
  description?: string;
}

/**
 * A JSON number taken from a `{{variable}}`: in a step's `json` it is written unquoted
 * (`"race_id": {{race_id}}`), so the request sends an integer where the vendor documents one.
 */
export const jsonNumber = (variable: string): string => `@@number:{{${variable}}}@@`;
const unquoteNumbers = (raw: string) => raw.replace(/"@@number:(\{\{\w+\}\})@@"/g, '$1');

const skipOnLive = `if (!pm.environment.get('controlBase')) { pm.execution.skipRequest(); }`;

function lines(script: string): string[] {
  return script
    .trim()
    .split('\n')
    .map((l) => l.replace(/^ {4}/, ''));
}

/**
 * How a collection authenticates its requests by default, shown in Postman's Auth tab (and sent by
 * Newman): a bearer token, Postman's OAuth 2.0 helper (its "Get New Access Token" button runs the
 * grant; the current token is `accessToken`), or the token as the whole Authorization header
 * (an API key, Postman's name for it, where the vendor documents the bare token).
 */
export type CollectionAuth =
  | { type: 'bearer'; token: string }
  | { type: 'oauth2'; accessToken: string; grant: Record<string, string> }
  | { type: 'apikey'; token: string };

type AuthDefinition = { type: string } & Record<string, unknown>;

const pairs = (entries: Record<string, string>) =>
  Object.entries(entries).map(([key, value]) => ({ key, value, type: 'string' }));

function authDefinition(auth: CollectionAuth): AuthDefinition {
  if (auth.type === 'bearer') return { type: 'bearer', bearer: pairs({ token: auth.token }) };
  if (auth.type === 'apikey')
    return { type: 'apikey', apikey: pairs({ key: 'Authorization', value: auth.token, in: 'header' }) };
  return {
    type: 'oauth2',
    oauth2: pairs({ accessToken: auth.accessToken, addTokenTo: 'header', headerPrefix: 'Bearer', ...auth.grant }),
  };
}

/**
 * A step's Authorization header as Postman auth: the collection's own token is inherited (no
 * `auth` on the request), another bearer token is the request's bearer auth, a bare token its
 * API key; any other scheme (Basic, a vendor's own) stays a header, with auth off so the
 * collection's token is not added. A step without Authorization turns auth off.
 */
function stepAuth(
  headers: { key: string; value: string }[],
  collection: CollectionAuth | undefined,
): AuthDefinition | undefined {
  if (collection === undefined) return undefined;
  const found = headers.filter((h) => h.key.toLowerCase() === 'authorization');
  if (found.length !== 1) return { type: 'noauth' };
  const value = (found[0] as { value: string }).value;
  const bearer = /^Bearer (\S+)$/.exec(value)?.[1];
  const bare = /^\S+$/.test(value) ? value : undefined;
  const own = collection.type === 'oauth2' ? collection.accessToken : collection.token;
  const auth: Extract<CollectionAuth, { token: string }> | undefined =
    bearer !== undefined
      ? { type: 'bearer', token: bearer }
      : bare !== undefined
        ? { type: 'apikey', token: bare }
        : undefined;
  if (auth === undefined) return { type: 'noauth' };
  headers.splice(headers.indexOf(found[0] as { key: string; value: string }), 1);
  const inherits =
    auth.token === own && (auth.type === 'apikey' ? collection.type === 'apikey' : collection.type !== 'apikey');
  return inherits ? undefined : authDefinition(auth);
}

/** `key` tells apart steps that share a name (a collection may reset the mock twice). */
function item(provider: string, step: Step, key: string, collectionAuth?: CollectionAuth): ItemDefinition {
  const headers = Object.entries(step.headers ?? {}).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => ({ key, value: v })),
  );
  const auth = stepAuth(headers, collectionAuth);
  // A server started with a control token wants it on control requests (empty: none is needed).
  if (step.mockOnly) headers.push({ key: 'X-Control-Token', value: '{{controlToken}}' });
  let body: NonNullable<ItemDefinition['request']> extends infer R ? (R extends { body?: infer B } ? B : never) : never;
  if (step.json !== undefined) {
    headers.push({ key: 'Content-Type', value: 'application/json' });
    body = {
      mode: 'raw',
      raw: unquoteNumbers(JSON.stringify(step.json, null, 2)),
      options: { raw: { language: 'json' } },
    } as never;
  } else if (step.form !== undefined) {
    headers.push({ key: 'Content-Type', value: 'application/x-www-form-urlencoded' });
    body = {
      mode: 'urlencoded',
      urlencoded: Object.entries(step.form).map(([key, value]) => ({ key, value })),
    } as never;
  } else if (step.multipart !== undefined) {
    body = {
      mode: 'formdata',
      formdata: Object.entries(step.multipart).map(([key, value]) => ({ key, value, type: 'text' })),
    } as never;
  } else {
    body = undefined as never;
  }
  const prerequest = [step.mockOnly ? skipOnLive : '', step.prerequest ?? ''].filter((s) => s !== '').join('\n');
  const event: EventDefinition[] = [];
  if (prerequest !== '') {
    event.push({
      listen: 'prerequest',
      script: { id: stableId(provider, key, 'pre'), type: 'text/javascript', exec: lines(prerequest) },
    });
  }
  event.push({
    listen: 'test',
    script: { id: stableId(provider, key, 'test'), type: 'text/javascript', exec: lines(step.tests) },
  });
  return {
    id: stableId(provider, key),
    name: step.name,
    ...(step.description === undefined ? {} : { description: step.description }),
    request: {
      method: step.method,
      url: step.url,
      header: headers,
      ...(auth === undefined ? {} : { auth }),
      ...(body === undefined ? {} : { body }),
    },
    ...(step.noRedirects ? { protocolProfileBehavior: { followRedirects: false } } : {}),
    event,
  } as ItemDefinition;
}

/** Test script lines for an OAuth2 / RFC 6750 error: the status and the `error` code. */
export const oauthErrorTests = (status: number, code: string) => `
    pm.test('status is ${status}', () => pm.response.to.have.status(${status}));
    pm.test('OAuth2 error ${code}', () => pm.expect(pm.response.json().error).to.equal('${code}'));`;

/** A refresh_token grant at `url` (a form body): the refresh token in `variable`, the client's credentials in `client_id` and `client_secret`. */
export const refreshGrant = (url: string, variable: string): Pick<Step, 'method' | 'url' | 'form'> => ({
  method: 'POST',
  url,
  form: {
    grant_type: 'refresh_token',
    refresh_token: `{{${variable}}}`,
    client_id: '{{client_id}}',
    client_secret: '{{client_secret}}',
  },
});

/**
 * Test script lines after a refresh that rotates both tokens: a new pair, saved as `accessToken`
 * and `refreshToken`; the used refresh token kept as `usedRefreshToken` (to show its reuse is
 * refused), and any `alsoKeep` variable saved from the one it names first.
 */
export const rotatedPairTests = (alsoKeep: Record<string, string> = {}) => `
    const body = pm.response.json();
    pm.test('a new token pair', () => {
      pm.expect(body.access_token).to.not.equal(pm.environment.get('accessToken'));
      pm.expect(body.refresh_token).to.not.equal(pm.environment.get('refreshToken'));
    });
    pm.environment.set('usedRefreshToken', pm.environment.get('refreshToken'));${Object.entries(alsoKeep)
      .map(([to, from]) => `\n    pm.environment.set('${to}', pm.environment.get('${from}'));`)
      .join('')}
    pm.environment.set('accessToken', body.access_token);
    pm.environment.set('refreshToken', body.refresh_token);`;

export interface CollectionSpec {
  provider: string;
  name: string;
  description: string;
  steps: Step[];
  /** The collection-level auth every request inherits unless its Authorization says otherwise. */
  auth?: CollectionAuth;
}

export function buildCollection(spec: CollectionSpec): object {
  const definition: CollectionDefinition = {
    info: {
      id: stableId(spec.provider, 'collection'),
      name: spec.name,
      description: spec.description,
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    } as CollectionDefinition['info'],
    ...(spec.auth === undefined ? {} : { auth: authDefinition(spec.auth) as CollectionDefinition['auth'] }),
    item: spec.steps.map((s, i) => {
      // The first step of a name keeps the id derived from the name alone; later ones add a count.
      const seen = spec.steps.slice(0, i).filter((t) => t.name === s.name).length;
      return item(spec.provider, s, seen === 0 ? s.name : `${s.name}\u0000${seen + 1}`, spec.auth);
    }),
  };
  const json = new Collection(definition).toJSON() as {
    info: Record<string, unknown>;
    item: { request: { url: Record<string, unknown> } }[];
  };
  // postman-collection keeps only the parsed URL; Insomnia, Hoppscotch and converters read `raw`.
  json.item.forEach((entry, i) => {
    entry.request.url = { raw: spec.steps[i]?.url, ...entry.request.url };
  });
  return json;
}

export function buildEnvironment(provider: string, name: string, values: Record<string, string>): object {
  // The mock's environments name the control token its control steps send (empty: none needed).
  const all = values.controlBase ? { controlToken: '', ...values } : values;
  return {
    id: stableId(provider, 'environment', name),
    name,
    values: Object.entries(all).map(([key, value]) => ({
      key,
      value,
      type: /secret|password|token/i.test(key) ? 'secret' : 'default',
      enabled: true,
    })),
    _postman_variable_scope: 'environment',
  };
}

/** A vendor host a base variable stands for, in `buildEnvironments` (`apiBase: vendorHost('api.example.com')`). */
export interface VendorHost {
  readonly vendorHost: string;
}
export const vendorHost = (host: string): VendorHost => ({ vendorHost: host });

/**
 * A provider's mock and live environments, named `<title> — mock` and `<title> — live`, from the
 * mock's variables in order. A `vendorHost` variable is a base URL: the mock environment reaches
 * the host through the mock server (`{{mockServer}}/api.example.com`) and sends control steps to
 * `{{mockServer}}/__control`; the live one calls `https://api.example.com` and has no control
 * plane. Every other variable is a demo value, which the live environment leaves empty for the
 * user's own.
 */
export function buildEnvironments(
  provider: string,
  title: string,
  variables: Record<string, string | VendorHost>,
): { mock: object; live: object } {
  const entries = Object.entries(variables);
  const as = (base: string, blank: boolean) =>
    Object.fromEntries(
      entries.map(([key, v]) => [key, typeof v === 'string' ? (blank ? '' : v) : `${base}${v.vendorHost}`]),
    );
  const mock = { mockServer: 'http://127.0.0.1:4010', controlBase: '{{mockServer}}/__control' };
  return {
    mock: buildEnvironment(provider, `${title} — mock`, { ...mock, ...as('{{mockServer}}/', false) }),
    live: buildEnvironment(provider, `${title} — live`, { controlBase: '', ...as('https://', true) }),
  };
}
