/**
 * In-process cost, as a test suite pays it: `n` sequential `fetch` calls under `setupMocks()`
 * (authorized `GET /me` on EventBookings) against the same number of calls to a bare MSW handler
 * answering a constant JSON (MSW's own floor). Each side is warmed up, then timed twice
 * (alternating); the best of the two is reported. Prints one JSON line.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { setupMocks } from '../../mocks/doors/msw/node.js';
import { applications } from '../../mocks/providers/eventbookings/fixtures.js';

const n = Number(process.argv[2] ?? 10_000);
const warm = Math.min(1000, n);
const app = applications[0] as (typeof applications)[0];

async function time(calls: number, url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) {
    const response = await fetch(url, { headers });
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    await response.arrayBuffer();
  }
  return performance.now() - started;
}

const floorServer = setupServer(http.get('https://floor.example/me', () => HttpResponse.json({ id: 1, name: 'x' })));
const mocks = setupMocks();

async function floor(calls: number): Promise<number> {
  floorServer.listen({ onUnhandledRequest: 'error' });
  try {
    return await time(calls, 'https://floor.example/me', { authorization: 'Bearer x' });
  } finally {
    floorServer.close();
  }
}

async function ours(calls: number): Promise<number> {
  mocks.server.listen({ onUnhandledRequest: 'error' });
  try {
    const token = await fetch('https://identity.eventbookings.com/connect/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: app.client_id,
        client_secret: app.client_secret,
      }),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    return await time(calls, 'https://api.eventbookings.com/me', { authorization: `Bearer ${access_token}` });
  } finally {
    mocks.server.close();
  }
}

await floor(warm);
await ours(warm);
// Alternating, so neither side has the machine (or the JIT) to itself for longer.
const floors = [await floor(n)];
const ourRuns = [await ours(n)];
floors.push(await floor(n));
ourRuns.push(await ours(n));
const floorMs = Math.min(...floors);
const oursMs = Math.min(...ourRuns);
process.stdout.write(`${JSON.stringify({ n, floorMs, oursMs })}\n`);
