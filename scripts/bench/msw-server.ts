/**
 * The MSW door measured over HTTP: a node:http server that turns each request into a Fetch
 * `Request` for `https://<host><path>` and answers with MSW's `getResponse(handlers, request)`
 * over `createMocks().handlers`, as a test using the handlers in-process would. `/__control/*`
 * goes to the same control plane as the standalone server's, so the benchmark can reset it and
 * obtain credentials the same way. Prints `listening <port>` once ready.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { parseBody } from '../../mocks/core/index.js';
import { answerControl } from '../../mocks/doors/http/control.js';
import { createMocks } from '../../mocks/doors/msw/mocks.js';

const mocks = createMocks();

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const server = createServer(async (req, res) => {
  try {
    const url = req.url ?? '/';
    const bytes = await bodyOf(req);
    if (url.startsWith('/__control/')) {
      const answer = await answerControl(mocks.control, req.method ?? 'GET', url.slice('/__control'.length), async () =>
        parseBody(req.headers['content-type'] ?? null, bytes),
      );
      const text = JSON.stringify(answer?.body ?? {});
      res.writeHead(answer?.status ?? 404, { 'content-type': 'application/json' });
      res.end(text);
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && name !== 'host') headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const method = req.method ?? 'GET';
    const request = new Request(`https:/${url}`, {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: new Uint8Array(bytes) }),
    });
    const response = await getResponse(mocks.handlers, request);
    if (response === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"unhandled"}');
      return;
    }
    const out = Buffer.from(await response.arrayBuffer());
    const outHeaders: Record<string, string | number> = Object.fromEntries(response.headers);
    outHeaders['content-length'] = out.length;
    res.writeHead(response.status, outHeaders);
    res.end(out);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: String(error) }));
  }
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
