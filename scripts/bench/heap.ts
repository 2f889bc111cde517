/**
 * Heap before and after a million token issuances with short lifetimes, on the core token store
 * (run with --expose-gc). The clock moves 1 ms per issuance and tokens live 1 s, so about a
 * thousand are live at any time; everything else must be swept. Prints one JSON line.
 */
import { createClock } from '../../mocks/core/clock.js';
import { createTokenStore } from '../../mocks/core/token-store.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const count = Number(process.argv[2] ?? 1_000_000);

let now = Date.parse('2030-01-01T00:00:00Z');
const clock = createClock({ source: () => now });
const store = createTokenStore<{ clientId: string; scopes: string[] }>({ clock, ownerOf: (d) => d.clientId });

function settle(): number {
  for (let i = 0; i < 3; i++) gc?.();
  return process.memoryUsage().heapUsed;
}

const before = settle();
const started = performance.now();
for (let i = 0; i < count; i++) {
  const entry = store.issue({ clientId: 'bench', scopes: ['event.read'] }, { ttlSeconds: 1 });
  if (i % 4 === 0) store.check(entry.value);
  now += 1;
}
const seconds = (performance.now() - started) / 1000;
now += 10_000;
store.issue({ clientId: 'bench', scopes: ['event.read'] }, { ttlSeconds: 1 });
const after = settle();
process.stdout.write(
  `${JSON.stringify({ count, before, after, live: store.size, issuesPerSecond: Math.round(count / seconds) })}\n`,
);
