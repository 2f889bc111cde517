/**
 * The inspector's side of the standalone door: the built page (dist/inspector, read from disk
 * only when `/__inspector/` is asked for, never held in memory), the journal as Server-Sent
 * Events, and the small HTML page `GET /` answers a browser.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Journal, JournalEntry } from '../../core/index.js';

/**
 * Where `npm run build` puts the page (dist/inspector), looked for upwards from this module: it
 * runs from dist/mocks/doors/http/, from the CLI bundle in dist/cli/, or from the source tree.
 */
function defaultInspectorDir(): string {
  for (let up = '../'; up.length <= 5 * 3; up += '../') {
    for (const relative of [`${up}inspector/`, `${up}dist/inspector/`]) {
      const dir = fileURLToPath(new URL(relative, import.meta.url));
      // operations.json: only the built page has it (the repository's inspector/ is the page's source).
      if (existsSync(`${dir}operations.json`)) return dir;
    }
  }
  return fileURLToPath(new URL('../inspector/', import.meta.url));
}

const appPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// Redoc hydrates from an inline module script and styles inline; nothing leaves the server.
const docsPolicy =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
  "img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const files: Record<string, { file: string; type: string; policy: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8', policy: appPolicy },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8', policy: appPolicy },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8', policy: appPolicy },
  '/operations.json': { file: 'operations.json', type: 'application/json; charset=utf-8', policy: appPolicy },
  '/docs/redoc.standalone.js': {
    file: 'docs/redoc.standalone.js',
    type: 'text/javascript; charset=utf-8',
    policy: docsPolicy,
  },
};

/** The local server the API reference was built with; replaced by the address the page was asked on. */
export const docsLocalBase = 'http://127.0.0.1:4010';

export interface InspectorFiles {
  /** Answers `/__inspector<rest>`. */
  serve(req: IncomingMessage, res: ServerResponse, rest: string, method: string): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, head: boolean): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(head ? undefined : payload);
}

export function inspectorFiles(dir = defaultInspectorDir()): InspectorFiles {
  const root = dir.endsWith('/') ? dir : `${dir}/`;
  return {
    async serve(req, res, rest, method) {
      const head = method === 'HEAD';
      if (method !== 'GET' && !head) {
        res.setHeader('allow', 'GET, HEAD');
        sendJson(res, 405, { error: 'method_not_allowed', message: 'The inspector is read with GET.' }, head);
        return;
      }
      if (rest === '') {
        res.writeHead(308, { location: '/__inspector/', 'content-length': 0 });
        res.end();
        return;
      }
      const docs = /^\/docs\/([a-z0-9-]+)$/.exec(rest);
      const known =
        docs === null
          ? files[rest]
          : { file: `docs/${docs[1]}.html`, type: 'text/html; charset=utf-8', policy: docsPolicy };
      const { readFile } = await import('node:fs/promises');
      let body: Buffer | string;
      try {
        if (known === undefined) throw Object.assign(new Error('unknown'), { code: 'ENOENT' });
        body = await readFile(`${root}${known.file}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        const built = existsSync(`${root}operations.json`);
        sendJson(
          res,
          404,
          built
            ? { error: 'not_found', message: `No inspector page ${rest.slice(0, 80)}.` }
            : { error: 'inspector_not_built', message: 'The inspector is not built: run npm run build.' },
          head,
        );
        return;
      }
      if (docs !== null) {
        // List the server the page was asked on beside the real one (built with the default address).
        const host = req.headers.host ?? '';
        if (/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host)) {
          body = body.toString('utf8').replaceAll(`${docsLocalBase}/`, `http://${host}/`);
        }
      }
      res.writeHead(200, {
        'content-type': known.type,
        'content-length': Buffer.byteLength(body),
        'cache-control': 'no-store',
        'content-security-policy': known.policy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-resource-policy': 'same-origin',
      });
      res.end(head ? undefined : body);
    },
  };
}

/** Bytes a slow stream reader may fall behind before its stream is cut. */
const maxBacklogBytes = 1024 * 1024;
const heartbeatMs = 15_000;

/**
 * Journal streams open at once on one server. Each holds a connection and, per journal entry, a
 * write; past this a reader gets 429 (the inspector needs one per open page).
 */
export const maxJournalStreams = 16;

/**
 * The journal streams of one server: the open ones (ended by close()), and each entry's frame
 * (`id:`, `event:`, `data:`), serialised once per entry however many streams send it.
 */
export interface JournalStreams {
  readonly open: Set<ServerResponse>;
  frameOf(entry: JournalEntry): string;
}

export function createJournalStreams(): JournalStreams {
  const frames = new WeakMap<JournalEntry, string>();
  return {
    open: new Set(),
    frameOf(entry) {
      let frame = frames.get(entry);
      if (frame === undefined) {
        frame = `id: ${entry.seq}\nevent: entry\ndata: ${JSON.stringify(entry)}\n\n`;
        frames.set(entry, frame);
      }
      return frame;
    },
  };
}

/** The 429 for a stream past `maxJournalStreams`. */
export const tooManyStreams = {
  status: 429,
  headers: { 'retry-after': '5' },
  body: {
    error: 'too_many_streams',
    message: `At most ${maxJournalStreams} journal streams are open at once; close one, or read GET /__control/journal.`,
  },
} as const;

/**
 * `GET /__control/journal/stream`: the journal as Server-Sent Events. Entries already recorded
 * (after `Last-Event-ID`, or all) come first, then each new one as `event: entry`; clearing the
 * journal sends `event: clear`. A reader that falls too far behind is cut; close() ends all.
 */
export function journalStream(
  journal: Journal,
  req: IncomingMessage,
  res: ServerResponse,
  streams: JournalStreams,
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  streams.open.add(res);
  const write = (chunk: string) => {
    if (res.destroyed) return;
    if (res.writableLength > maxBacklogBytes) {
      res.destroy();
      return;
    }
    res.write(chunk);
  };
  const send = (entry: JournalEntry | null) =>
    write(entry === null ? 'event: clear\ndata: {}\n\n' : streams.frameOf(entry));
  const entries = journal.entries();
  const lastSeq = entries.at(-1)?.seq ?? -1;
  const given = Number(req.headers['last-event-id']);
  // After a reset the journal counts from 0 again: an id past the newest means "send everything".
  const since = Number.isInteger(given) && given <= lastSeq ? given : -1;
  write('retry: 2000\n\n');
  for (const entry of entries) if (entry.seq > since) send(entry);
  const unsubscribe = journal.subscribe(send);
  const heartbeat = setInterval(() => write(': keep-alive\n\n'), heartbeatMs);
  heartbeat.unref();
  res.on('close', () => {
    unsubscribe();
    clearInterval(heartbeat);
    streams.open.delete(res);
  });
}

/** Whether an Accept header prefers HTML to JSON (a browser navigating to `/`). */
export function prefersHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  let html = 0;
  let json = 0;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(
      params
        .map((p) => p.trim())
        .find((p) => p.startsWith('q='))
        ?.slice(2) ?? '1',
    );
    const weight = Number.isFinite(q) ? q : 0;
    if (type === 'text/html') html = Math.max(html, weight);
    else if (type === 'application/json') json = Math.max(json, weight);
  }
  return html > json;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The tiny page `GET /` answers a browser: the hosts, and a link to the inspector. */
export function welcomePage(res: ServerResponse, index: unknown, head: boolean): void {
  const { providers } = index as {
    providers: { id: string; title: string; hosts: { host: string; local: string }[] }[];
  };
  const rows = providers
    .map(
      (p) =>
        `<li><strong>${escapeHtml(p.title)}</strong>: ${p.hosts
          .map((h) => `<code>${escapeHtml(h.local)}</code>`)
          .join(', ')}</li>`,
    )
    .join('\n');
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>authflow-mocks</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1>authflow-mocks</h1>
<p><a href="/__inspector/">Open the inspector</a>: providers, live tokens, the clock, the journal, faults and each API reference.</p>
<ul>
${rows}
</ul>
<p>Ask for <code>application/json</code> to get this index as JSON.</p>
</body></html>
`;
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    'x-content-type-options': 'nosniff',
    vary: 'accept',
  });
  res.end(head ? undefined : body);
}
