/**
 * Cold start of several builds of the CLI side by side, with the bare node:http server as the
 * machine's floor: `node scripts/bench/cold-compare.mjs [N] CLI.js...` spawns each (in turn, N
 * rounds, 11 by default) with `serve --port P --quiet` and times spawn → first 2xx of
 * `/__control/health` (the bare server: of `/`). Taking turns keeps a machine whose speed drifts
 * from favouring one build. To compare with an earlier commit, build it in a worktree
 * (`git worktree add /tmp/old <commit> && cd /tmp/old && npm ci && npm run build`) and pass
 * `/tmp/old/dist/cli/cli.js`. A bin with a code cache uses the one an earlier start of at least a
 * second wrote; set NODE_DISABLE_COMPILE_CACHE=1 to time first starts.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const rounds = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 11;
const bare = join(dirname(fileURLToPath(import.meta.url)), 'bare-server.mjs');
const entries = [bare, ...args];

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function firstAnswer(entry) {
  const port = await freePort();
  const isBare = entry === bare;
  const argv = isBare ? [entry, String(port)] : [entry, 'serve', '--port', String(port), '--quiet'];
  const path = isBare ? '/' : '/__control/health';
  const t0 = performance.now();
  const child = spawn(process.execPath, argv, { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        await res.body?.cancel();
        if (res.ok) return performance.now() - t0;
      } catch {}
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    child.kill();
    await exited;
  }
}

// fetch's own first use costs a few ms: pay it before timing anything.
await fetch('http://127.0.0.1:9/').catch(() => {});
const times = entries.map(() => []);
for (let round = 0; round < rounds; round++) {
  for (const [i, entry] of entries.entries()) times[i].push(await firstAnswer(entry));
}
for (const [i, entry] of entries.entries()) {
  const sorted = times[i].sort((a, b) => a - b).map(Math.round);
  const median = sorted[Math.floor(sorted.length / 2)];
  process.stdout.write(`${entry}\n  median ${median} ms, min ${sorted[0]} ms: ${sorted.join(', ')}\n`);
}
