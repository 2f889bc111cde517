/**
 * The control plane's guard against web pages. A page on another origin can send "simple"
 * requests (form posts, `text/plain` fetches) without a CORS preflight, and a DNS-rebinding page
 * can even read answers under its own host name. So, unless a control token is presented (which a
 * page cannot send without a preflight the control plane never grants), a control request must:
 *
 * - carry a `Host` that is one of the server's own names (any port): 127.0.0.1, localhost,
 *   [::1], the address it listens on, and the names allowed with `allowedHosts`;
 * - when it changes state (POST, PUT, PATCH, DELETE), carry no `Origin` other than the server's
 *   own and no `Sec-Fetch-Site` of `cross-site` or `same-site`.
 *
 * Whatever the token, a state-changing request with a body must say `Content-Type:
 * application/json` (a bodiless one, e.g. `curl -X POST …/reset`, needs none). No browser sends
 * that cross-origin without a preflight. Both doors that serve control routes (the node:http
 * server and its pages) call `checkControlRequest`.
 */
import { type HeaderReader, type MockResponse, mediaType } from '../../core/index.js';

/** The names every server answers the control plane under, whatever its options. */
export const loopbackNames: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The host name part of a `Host` value or a `--host`/`allowedHosts` entry, lowercased, IPv6 in
 * brackets, without the port; `undefined` when it is not a plausible host.
 */
export function hostName(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (v.startsWith('[')) {
    const end = v.indexOf(']');
    if (end === -1) return undefined;
    const rest = v.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return undefined;
    return v.slice(0, end + 1);
  }
  // A bare IPv6 address (as `--host ::1` gives it).
  if ((v.match(/:/g)?.length ?? 0) > 1) return /^[0-9a-f:.]+$/.test(v) ? `[${v}]` : undefined;
  const colon = v.indexOf(':');
  const name = colon === -1 ? v : v.slice(0, colon);
  if (colon !== -1 && !/^\d{1,5}$/.test(v.slice(colon + 1))) return undefined;
  return /^[a-z0-9._-]+$/.test(name) ? name : undefined;
}

/** The set of host names a server accepts control requests under. */
export function controlHostNames(extra: Iterable<string | undefined> = []): Set<string> {
  const names = new Set(loopbackNames);
  for (const value of extra) {
    if (value === undefined) continue;
    const name = hostName(value);
    if (name !== undefined) names.add(name);
  }
  return names;
}

function refusal(status: number, error: string, message: string): MockResponse {
  return { status, body: { error, message } };
}

/** A control request's body, present unless it declares none. */
function hasBody(headers: HeaderReader): boolean {
  if (headers.get('transfer-encoding') !== null) return true;
  const length = headers.get('content-length');
  return length !== null && length.trim() !== '0';
}

/**
 * Why a control request is refused, or `undefined` when it may go on.
 * @param names the server's own host names (`controlHostNames`).
 * @param tokenPresented a configured control token was presented: only the content type is checked.
 */
export function checkControlRequest(
  method: string,
  headers: HeaderReader,
  names: ReadonlySet<string>,
  tokenPresented = false,
): MockResponse | undefined {
  const changes = stateChanging.has(method.toUpperCase());
  if (!tokenPresented) {
    const host = headers.get('host');
    // No Host at all: HTTP/1.0 from a script; every browser sends one.
    if (host !== null) {
      const name = hostName(host);
      if (name === undefined || !names.has(name)) {
        return refusal(
          403,
          'control_forbidden',
          `The control plane answers only under this server's own host names (${[...names].join(', ')}); add others with --allowed-host.`,
        );
      }
    }
    if (changes) {
      const origin = headers.get('origin');
      if (origin !== null && (host === null || origin.toLowerCase() !== `http://${host.toLowerCase()}`)) {
        return refusal(403, 'control_forbidden', 'Control requests from another origin are refused.');
      }
      const site = headers.get('sec-fetch-site')?.toLowerCase();
      if (site === 'cross-site' || site === 'same-site') {
        return refusal(403, 'control_forbidden', 'Control requests from another site are refused.');
      }
    }
  }
  if (changes) {
    const type = headers.get('content-type');
    const json = type !== null && mediaType(type) === 'application/json';
    if (!json && (type !== null || hasBody(headers))) {
      return refusal(
        415,
        'unsupported_media_type',
        'Send control requests with a body as Content-Type: application/json (a request without a body needs none).',
      );
    }
  }
  return undefined;
}
