/**
 * `verify` against a hostile target: a redirect is an answer, never followed (the next request
 * would carry the client secret to wherever it points), and an oversized body is reported, never
 * parsed. Local servers only: a fake API that redirects or answers 3 MiB, and a sink that must
 * receive nothing.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary, verifyCollection } from '../../mocks/tools/verify.js';

const oneRun = 90_000;

interface Recorder {
  url: string;
  server: Server;
  /** Each request received: method, path and body. */
  received: { method: string; path: string; body: string }[];
}

async function listen(answer: (req: IncomingMessage, body: string, res: import('node:http').ServerResponse) => void) {
  const received: Recorder['received'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', path: req.url ?? '', body });
      answer(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, received } satisfies Recorder;
}

const secret = 'SUPERSECRET-client-secret-value';

describe('verify never follows a redirect', () => {
  let sink: Recorder;
  let redirecting: Recorder;
  beforeAll(async () => {
    sink = await listen((_req, _body, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    redirecting = await listen((req, _body, res) =>
      res.writeHead(307, { location: `${sink.url}${req.url}?from=redirect` }).end(),
    );
  });
  afterAll(() => {
    sink.server.close();
    redirecting.server.close();
  });

  it(
    'checks a 307 as an answer, names it in the summary, and the sink receives nothing',
    async () => {
      const report = await verifyCollection({
        provider: 'eventbookings',
        baseUrl: redirecting.url,
        variables: { client_id: 'victim-client', client_secret: secret },
        processEnv: {},
      });
      expect(redirecting.received.length).toBeGreaterThan(0);
      expect(sink.received).toEqual([]);
      expect(report.redirects.length).toBeGreaterThan(0);
      expect(report.redirects.every((r) => r.status === 307 && r.location.startsWith(sink.url))).toBe(true);
      // Checked against the spec like any answer: the token endpoint declares no 307.
      const token = report.operations.find((o) => o.statuses.includes(307));
      expect(token?.verdict).toBe('drifts');
      expect(token?.drifts.some((d) => d.kind === 'status' && d.status === 307)).toBe(true);
      expect(report.ok).toBe(false);
      const summary = formatSummary(report);
      expect(summary).toContain('redirect not followed: 307');
      expect(summary).not.toContain(secret);
    },
    oneRun,
  );
});

/** 1.2 MiB of JSON for every request: a list of strings that would each be harvested and redacted. */
const bigBody = JSON.stringify({ access_token: 'x'.repeat(16), items: Array(70_000).fill('abcdefghijklmnop') });

describe('verify caps each answer body', () => {
  let big: Recorder;
  beforeAll(async () => {
    big = await listen((_req, _body, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(bigBody));
  });
  afterAll(() => big.server.close());

  it(
    'reports a body over 1 MiB as too_large with a shortened copy, not parsed',
    async () => {
      const report = await verifyCollection({ provider: 'eventbookings', baseUrl: big.url, processEnv: {} });
      const drifts = report.operations.flatMap((o) => o.drifts);
      const tooLarge = drifts.filter((d) => d.kind === 'too_large');
      expect(tooLarge.length).toBeGreaterThan(0);
      expect(tooLarge.every((d) => d.actual.length < 200)).toBe(true);
      // Nothing else was read from those bodies: no schema findings about them.
      expect(drifts.filter((d) => d.kind === 'body')).toEqual([]);
    },
    oneRun,
  );

  it(
    'cuts the connection of an answer past four times the limit: nothing of it is buffered',
    async () => {
      const report = await verifyCollection({
        provider: 'eventbookings',
        baseUrl: big.url,
        processEnv: {},
        maxBodyBytes: 64 * 1024,
      });
      const tooLarge = report.operations.flatMap((o) => o.drifts).filter((d) => d.kind === 'too_large');
      expect(tooLarge.length).toBeGreaterThan(0);
      // Cut past 4 × 64 KiB (+ headers) of the 1.2 MiB answer: reported as cut, or (when the client
      // took the cut for the end of the answer) with the bytes that arrived, never all of them. The
      // cut comes on the socket read that passes it: one more read (64 KiB) may reach the parser.
      // (This file's runs share one process: a later, smaller limit must not reuse an earlier agent.)
      const ceiling = 4 * 64 * 1024 + 64 * 1024 + 64 * 1024;
      for (const d of tooLarge) {
        const received = Number(/^(\d+) bytes/.exec(d.actual)?.[1] ?? Number.NaN);
        expect(/connection was cut/.test(d.actual) || received <= ceiling, d.actual.slice(0, 80)).toBe(true);
      }
    },
    oneRun,
  );

  it(
    'takes another limit: with 2 MiB the same bodies are parsed and checked',
    async () => {
      const report = await verifyCollection({
        provider: 'eventbookings',
        baseUrl: big.url,
        processEnv: {},
        maxBodyBytes: 2 * 1024 * 1024,
      });
      const drifts = report.operations.flatMap((o) => o.drifts);
      expect(drifts.filter((d) => d.kind === 'too_large')).toEqual([]);
      expect(drifts.some((d) => d.kind === 'body')).toBe(true);
    },
    oneRun,
  );
});
