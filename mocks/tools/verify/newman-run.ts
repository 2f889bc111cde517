import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import type { NewmanRunSummary } from 'newman';
import { type Secrets, sentSecret } from './secrets.js';
import { VerifyError } from './types.js';
import type { PostmanEnvironment } from './variables.js';

export interface Seen {
  step: string;
  method: string;
  url: string;
  error?: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The body was not JSON (kept as text). */
  text: boolean;
  /** Bytes of a body over the limit (then `body` is its first bytes as text, not parsed). */
  tooLarge?: number;
}

export interface CollectionJson {
  item: unknown[];
}

/** Eventix's login needs a person: a run can start from a refresh token instead of a code. */
export function startFromRefreshToken(collection: CollectionJson): void {
  const step = {
    name: 'Start from the given refresh token (authflow-mocks verify)',
    request: {
      method: 'POST',
      url: '{{authBase}}/tokens',
      header: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      body: {
        mode: 'urlencoded',
        urlencoded: [
          { key: 'grant_type', value: 'refresh_token' },
          { key: 'refresh_token', value: '{{refreshToken}}' },
          { key: 'client_id', value: '{{client_id}}' },
          { key: 'client_secret', value: '{{client_secret}}' },
        ],
      },
    },
    event: [
      {
        listen: 'test',
        script: {
          type: 'text/javascript',
          exec: [
            'if (pm.response.code === 200) {',
            '  const body = pm.response.json();',
            "  pm.environment.set('accessToken', body.access_token);",
            "  pm.environment.set('refreshToken', body.refresh_token);",
            '}',
          ],
        },
      },
    ],
  };
  collection.item.splice(1, 0, step);
}

/** Any HTTP answer will do; no answer (DNS, refused, timeout, TLS) is one line. */
function probeOne(url: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      { method: 'GET', timeout: timeoutMs },
      (response) => {
        response.destroy();
        resolve();
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => {
      reject(new VerifyError('unreachable', `cannot reach ${target.origin} (${error.code ?? error.message})`));
    });
    request.end();
  });
}

export async function probe(urls: string[], timeoutMs: number): Promise<void> {
  await Promise.all(urls.map((url) => probeOne(url, timeoutMs)));
}

/** The error a connection is cut with once an answer passes the ceiling (see `cappedAgents`). */
export const cutCode = 'ERESPONSETOOLARGE';

/**
 * Agent classes for Newman whose connections are cut once one answer has brought `ceiling` bytes:
 * Newman buffers a whole answer before anything here sees it, so without a cut a 20 MB answer
 * costs its size several times over. Counted per answer (reset when a keep-alive socket is
 * freed); TLS settings still come from Newman (`agentOptions`).
 */
function cappedAgents(ceiling: number) {
  const watch = (socket: Duplex) => {
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > ceiling) {
        socket.destroy(Object.assign(new Error(`answer over ${ceiling} bytes`), { code: cutCode }));
      }
    });
    socket.on('free', () => {
      received = 0;
    });
    return socket;
  };
  class CappedHttp extends HttpAgent {
    override createConnection(...args: Parameters<HttpAgent['createConnection']>) {
      return watch(super.createConnection(...args) as Duplex) as ReturnType<HttpAgent['createConnection']>;
    }
  }
  class CappedHttps extends HttpsAgent {
    override createConnection(...args: Parameters<HttpsAgent['createConnection']>) {
      return watch(super.createConnection(...args) as Duplex) as ReturnType<HttpsAgent['createConnection']>;
    }
  }
  // postman-request pools agents by their class's name for the whole process: a name per ceiling,
  // or a later run with a smaller limit would reuse an earlier run's agent (and its ceiling).
  Object.defineProperty(CappedHttp, 'name', { value: `CappedHttp${ceiling}` });
  Object.defineProperty(CappedHttps, 'name', { value: `CappedHttps${ceiling}` });
  return { http: { agentClass: CappedHttp }, https: { agentClass: CappedHttps } };
}

export async function runNewman(
  collection: CollectionJson,
  environment: PostmanEnvironment,
  limits: { timeoutMs: number; maxBodyBytes: number },
  seen: Seen[],
  secrets: Secrets,
): Promise<NewmanRunSummary> {
  const { timeoutMs, maxBodyBytes } = limits;
  // Newman is loaded only when a run starts.
  const { default: newman } = await import('newman');
  return new Promise((resolve, reject) => {
    newman
      .run(
        {
          collection: collection as never,
          environment: environment as never,
          reporters: [],
          timeoutRequest: timeoutMs,
          // A redirect is an answer to check, not an address to send the client secret to.
          ignoreRedirects: true,
          // Past four times the body limit (headers besides) the connection is cut.
          requestAgents: cappedAgents(4 * maxBodyBytes + 64 * 1024) as never,
        },
        (error, summary) => (error ? reject(error) : resolve(summary)),
      )
      .on('request', (error, args) => {
        const request = args.request;
        const headers: Record<string, string> = {};
        const response = args.response;
        for (const h of response?.headers?.all() ?? []) headers[h.key.toLowerCase()] = String(h.value);
        const bytes = response?.stream === undefined ? undefined : Buffer.from(response.stream as Uint8Array);
        const tooLarge = bytes !== undefined && bytes.length > maxBodyBytes ? bytes.length : undefined;
        // Past the limit only a shortened copy is kept: parsing and redacting megabytes is the cost.
        const raw =
          bytes === undefined ? '' : bytes.subarray(0, tooLarge === undefined ? bytes.length : 256).toString('utf8');
        let body: unknown;
        let text = false;
        if (tooLarge !== undefined) {
          body = raw;
          text = true;
        } else if (raw !== '') {
          try {
            body = JSON.parse(raw);
          } catch {
            body = raw;
            text = true;
          }
        }
        seen.push({
          step: args.item.name,
          method: request.method.toUpperCase(),
          url: request.url.toString(),
          status: error ? 0 : (response?.code ?? 0),
          headers,
          body,
          text,
          ...(tooLarge === undefined ? {} : { tooLarge }),
          ...(error ? { error: (error as NodeJS.ErrnoException).code ?? error.name } : {}),
        });
        // What the request sent is secret where its name says so; so is what came back under such a name.
        for (const h of request.headers.all()) {
          const value = String(h.value);
          if (/^authorization$/i.test(h.key)) {
            const credential = value.replace(/^\w+\s+/, '');
            secrets.add(credential);
            if (/^basic /i.test(value)) {
              const decoded = Buffer.from(credential, 'base64').toString('utf8');
              secrets.add(decoded);
              secrets.add(decoded.slice(decoded.indexOf(':') + 1));
            }
          } else if (sentSecret(h.key)) secrets.add(value);
        }
        const sentBody = request.body;
        if (sentBody?.mode === 'urlencoded') {
          for (const p of sentBody.urlencoded?.all() ?? []) if (sentSecret(p.key ?? '')) secrets.add(p.value);
        } else if (sentBody?.mode === 'formdata') {
          for (const p of sentBody.formdata?.all() ?? []) if (sentSecret(p.key ?? '')) secrets.add(p.value);
        } else if (sentBody?.mode === 'raw' && sentBody.raw !== undefined) {
          try {
            secrets.harvest(JSON.parse(sentBody.raw));
          } catch {
            // not JSON: nothing named to harvest
          }
        }
        for (const p of request.url.query.all()) if (sentSecret(p.key ?? '')) secrets.add(p.value ?? '');
        secrets.harvest(body);
        const location = headers.location;
        if (location !== undefined) {
          for (const [k, v] of new URLSearchParams(location.split('?')[1] ?? '')) {
            if (sentSecret(k)) secrets.add(v);
          }
        }
      });
  });
}
