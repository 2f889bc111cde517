/**
 * A node:http request as the door and the engine read it: its target (`./url.ts`), its headers,
 * and its body read once, up to a limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type HeaderReader, type IncomingRequest, type JournalRecord, MockError } from '../../core/index.js';
import { RequestTarget } from './url.js';

/** Reads a request's headers; one small object per request, its method shared on the prototype. */
class NodeHeaderReader implements HeaderReader {
  constructor(private readonly req: IncomingMessage) {}
  get(name: string): string | null {
    const value = this.req.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

/** The headers with `Host` replaced by the authority of an absolute-form request. */
class AuthorityHeaders implements HeaderReader {
  constructor(
    private readonly headers: HeaderReader,
    private readonly authority: string | undefined,
  ) {}
  get(name: string): string | null {
    return name.toLowerCase() === 'host' ? (this.authority ?? null) : this.headers.get(name);
  }
}

const noBody = new Uint8Array(0);

/** Reads the body up to `limit` bytes; past it, drains the rest and throws `payload_too_large`. */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  // Neither Content-Length nor Transfer-Encoding: no body (RFC 9112 §6.3), so nothing to wait for
  // (a GET whose operation also reads parameters from a body, as TeleTracker's reports do).
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return Promise.resolve(noBody);
  }
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      reject(new MockError('payload_too_large', `The body is over ${limit} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new MockError('payload_too_large', `The body is over ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
}

/**
 * One request through the door: what its URL names, and what the engine reads of it (for a
 * provider host). A class with the `query` getter and `readBody` on its prototype, not an object
 * literal with closures: such a literal costs V8 a hidden class of its own per request, in old
 * space, which keeps the request's objects alive through the next scavenges (docs/decisions/0001).
 */
export class DoorRequest extends RequestTarget implements IncomingRequest {
  readonly method: string;
  /** The real host, lowercased (the journal's and the router's). */
  readonly host: string;
  /** The path on that host (`rest`). */
  readonly path: string;
  /** The request's own headers, as sent (what an operation reads). */
  readonly headers: HeaderReader;
  /** `http://<authority>`, or the listening address when the request named none; set by the door. */
  origin = '';
  /** Where the world's URLs start: `origin`, plus `/w/<id>` when the path named the world; set by the door. */
  worldBase = '';
  /** What the journal recorded for it, once the engine answered it (the request log reads it). */
  record: JournalRecord | undefined = undefined;
  #query: URLSearchParams | undefined = undefined;
  #body: Promise<Uint8Array> | undefined = undefined;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    private readonly limit: number,
    ownNames: ReadonlySet<string>,
  ) {
    super(req.url ?? '/', req.headers.host, req.headers['x-authflow-world'], ownNames);
    this.method = req.method ?? 'GET';
    this.host = this.segment.toLowerCase();
    this.path = this.rest;
    this.headers = new NodeHeaderReader(req);
  }

  /**
   * Where the host is served, without a trailing slash: through a proxy the client named the real
   * host itself; otherwise the host sits under this server.
   */
  get base(): string {
    return this.proxied ? `http://${this.segment}` : `${this.worldBase}/${this.segment}`;
  }

  /** Built on first read: most operations never look at the query string. */
  get query(): URLSearchParams {
    this.#query ??= new URLSearchParams(this.search);
    return this.#query;
  }

  /** One read per request: the operation's own limit, when lower than the door's, applies to it. */
  readBody(limit?: number): Promise<Uint8Array> {
    this.#body ??= readBody(this.req, limit === undefined ? this.limit : Math.min(limit, this.limit));
    return this.#body;
  }

  /** Whether anything asked for the body (if not, the door drains it so the connection stays usable). */
  get bodyRead(): boolean {
    return this.#body !== undefined;
  }

  /** The headers with `Host` as the request named it (the control guard's view of an absolute-form request). */
  authorityHeaders(): HeaderReader {
    return this.authority === this.req.headers.host ? this.headers : new AuthorityHeaders(this.headers, this.authority);
  }

  get head(): boolean {
    return this.method === 'HEAD';
  }
}
