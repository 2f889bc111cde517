/**
 * `GET /__control/journal/stream` (standalone server only): at most 16 open at once, the next
 * refused with 429 `too_many_streams` until one closes; each journal entry is serialised once
 * however many streams send it (200 readers once cut throughput to a fiftieth).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockServer, type MockServer } from '../../mocks/doors/http/index.js';
import { maxJournalStreams } from '../../mocks/doors/http/inspector.js';

describe('journal streams', () => {
  let server: MockServer;
  let base: string;
  const open: AbortController[] = [];
  beforeAll(async () => {
    server = createMockServer({ providers: ['eventbookings'] });
    base = (await server.listen(0, '127.0.0.1')).url;
  });
  afterAll(async () => {
    for (const c of open) c.abort();
    await server.close();
  });

  /** Opens a stream; resolves with its status and a reader of what it receives. */
  async function stream() {
    const controller = new AbortController();
    const res = await fetch(`${base}/__control/journal/stream`, { signal: controller.signal });
    if (res.status === 200) open.push(controller);
    let text = '';
    const reader = res.status === 200 ? res.body?.getReader() : undefined;
    const pump = async () => {
      if (reader === undefined) return;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += Buffer.from(value).toString('utf8');
        }
      } catch {
        // aborted
      }
    };
    void pump();
    return { res, controller, received: () => text };
  }

  it(`accepts ${maxJournalStreams} at once and answers the next 429 too_many_streams in JSON`, async () => {
    expect(maxJournalStreams).toBe(16);
    const streams = [];
    for (let i = 0; i < maxJournalStreams; i++) streams.push(await stream());
    expect(streams.every((s) => s.res.status === 200)).toBe(true);
    const refused = await stream();
    expect(refused.res.status).toBe(429);
    expect(refused.res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await refused.res.json()).error).toBe('too_many_streams');

    // Each entry serialised once for all 16 readers.
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      await fetch(`${base}/api.eventbookings.com/me`);
      await new Promise((r) => setTimeout(r, 100));
      const entries = stringify.mock.calls.filter(([v]) => typeof v === 'object' && v !== null && 'seq' in v);
      expect(entries).toHaveLength(1);
    } finally {
      stringify.mockRestore();
    }
    expect(streams.every((s) => s.received().includes('"operationId":"getMe"'))).toBe(true);

    // One closes: the next is accepted.
    streams[0]?.controller.abort();
    await new Promise((r) => setTimeout(r, 100));
    expect((await stream()).res.status).toBe(200);
  });
});
