/**
 * How long a server stops answering while one request runs: `/__control/health` is asked every
 * 20 ms (one at a time, over its own connection) while `run` goes on; the slowest answer is the
 * worst stall a client could see. Used by scripts/stall.ts and the limit tests.
 */
import { Agent, request } from 'node:http';

export interface StallResult<T> {
  /** The slowest health answer during the run, in ms. */
  worstMs: number;
  /** Health answers received during the run. */
  polls: number;
  /** What `run` resolved to. */
  value: T;
}

/** Resolves with the time in ms one health request takes. */
function pollOnce(base: URL, agent: Agent): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(new URL('/__control/health', base), { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - started));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs `run` while polling `base`'s health every `everyMs`; see the module comment. */
export async function measureStall<T>(base: string, run: () => Promise<T>, everyMs = 20): Promise<StallResult<T>> {
  const url = new URL(base);
  // Its own keep-alive connection: the polls never queue behind the measured request.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  await pollOnce(url, agent);
  let running = true;
  let worstMs = 0;
  let polls = 0;
  const poller = (async () => {
    while (running) {
      const tookMs = await pollOnce(url, agent);
      worstMs = Math.max(worstMs, tookMs);
      polls++;
      if (tookMs < everyMs) await new Promise((r) => setTimeout(r, everyMs - tookMs));
    }
  })();
  try {
    const value = await run();
    running = false;
    // The poll in flight when the run ends may be the one that waited longest.
    await poller;
    return { worstMs, polls, value };
  } finally {
    running = false;
    await poller;
    agent.destroy();
  }
}

/** Sends `body` as JSON and reads the whole answer: status and size in bytes. */
export async function sendJson(
  url: string,
  method: string,
  body: string,
): Promise<{ status: number; bytes: number; json: unknown }> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    json = undefined;
  }
  return { status: res.status, bytes: bytes.length, json };
}
