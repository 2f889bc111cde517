/**
 * The node:http door's URL rules: which host, world and path a request line names. Nothing here
 * answers a request; `./server.ts` routes on what these rules found.
 *
 * - **Origin form** `/<host>/<path>`: the real host is the first path segment.
 * - **Absolute form** `GET http://api.eventix.io/event HTTP/1.1` (a client configured with
 *   `HTTP_PROXY`): served as that host, or as an origin-form request when it names this server.
 * - **`//host/…`** (a base URL with a trailing slash, `mockServer=http://127.0.0.1:4010/`): served
 *   as `/host/…`; a bare `//` stays unknown, not the index.
 * - **Worlds** `/w/<id>/…`: the world the rest of the path is in (docs/decisions/0005).
 * - **RFC 8414 §3.1**: the metadata of an issuer with a path (here `[/w/<id>]/<host>`) lives at
 *   `/.well-known/<name>[/w/<id>]/<host>`, served as `/.well-known/<name>` on that host.
 */
import { hostName } from './control-guard.js';

const absoluteForm = /^https?:\/\/([^/?#]*)([^#]*)/i;
const worldPath = /^\/w\/([^/]*)(\/.*)?$/;
const wellKnownPath =
  /^\/\.well-known\/(oauth-authorization-server|openid-configuration)\/(?:w\/([^/]+)\/)?([^/]+)(\/.*)?$/;

/** `//host/…` → `/host/…`; anything else as it is. */
function oneLeadingSlash(pathname: string): string {
  return pathname.charCodeAt(1) === 47 /* / */ && /^\/\/+[^/]/.test(pathname)
    ? pathname.replace(/^\/+/, '/')
    : pathname;
}

/**
 * What a request line names, by the rules above. A class whose fields are all set in the
 * constructor, so every request's target has the same shape (docs/decisions/0001): the door's
 * request (`./request.ts`) extends it, and a request costs one object for both.
 */
export class RequestTarget {
  /** The authority the request was sent to: the absolute form's, else the `Host` header; may be absent. */
  readonly authority: string | undefined;
  /** An absolute-form request for another host (this server used as a plain-HTTP proxy). */
  readonly proxied: boolean;
  /** The path without the query string, after the `//host` rule (and the world prefix). */
  readonly pathname: string;
  /** The query string without `?`. */
  readonly search: string;
  /** The world the path or the `X-Authflow-World` header names; `undefined`: the default world. */
  readonly worldId: string | undefined;
  /** The world was named in the path (`/w/<id>/…`), not by the header. */
  readonly inPath: boolean;
  /** The first path segment as sent: a real host, or one of the door's own (`__control`, `__inspector`). */
  readonly segment: string;
  /** The path on that host, from its `/`. */
  readonly rest: string;

  constructor(
    url: string,
    host: string | undefined,
    world: string | string[] | undefined,
    ownNames: ReadonlySet<string>,
  ) {
    let authority = host;
    let proxied = false;
    const absolute = url.charCodeAt(0) === 47 /* / */ ? null : absoluteForm.exec(url);
    if (absolute !== null) {
      const target = absolute[1] as string;
      const tail = absolute[2] as string;
      const path = tail === '' ? '/' : tail.startsWith('/') ? tail : `/${tail}`;
      const name = hostName(target);
      authority = target;
      if (name !== undefined && ownNames.has(name)) {
        url = path;
      } else {
        url = `/${name ?? target}${path}`;
        proxied = true;
      }
    }
    const q = url.indexOf('?');
    let pathname = oneLeadingSlash(q === -1 ? url : url.slice(0, q));
    let worldId: string | undefined;
    let segment: string;
    let rest: string;
    const wellKnown = proxied || !pathname.startsWith('/.well-known/') ? null : wellKnownPath.exec(pathname);
    if (wellKnown !== null) {
      worldId = wellKnown[2];
      segment = wellKnown[3] as string;
      rest = `/.well-known/${wellKnown[1]}${wellKnown[4] ?? ''}`;
    } else {
      const inWorld = proxied || pathname.charCodeAt(1) !== 119 /* w */ ? null : worldPath.exec(pathname);
      if (inWorld !== null) {
        worldId = inWorld[1] as string;
        pathname = oneLeadingSlash(inWorld[2] ?? '/');
      }
      const slash = pathname.indexOf('/', 1);
      segment = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash);
      rest = slash === -1 ? '/' : pathname.slice(slash);
    }
    this.inPath = worldId !== undefined;
    // Which world: `/w/<id>/…` in the path, else the `X-Authflow-World` header, else the default.
    if (!this.inPath && typeof world === 'string' && world !== '') worldId = world.trim();
    this.authority = authority;
    this.proxied = proxied;
    this.pathname = pathname;
    this.search = q === -1 ? '' : url.slice(q + 1);
    this.worldId = worldId;
    this.segment = segment;
    this.rest = rest;
  }
}
