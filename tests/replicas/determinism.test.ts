/**
 * Replicas stay alike only if applying a request reads nothing but the request, the world, the
 * clock and `core/random.ts` (docs/decisions/0006). This fails when code that runs on the request
 * path reads the wall clock or a random source of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The places allowed to: the sources themselves, and code that never runs inside a turn. */
const allowed = new Set([
  'mocks/core/clock.ts', // the clock's default source
  'mocks/core/random.ts', // Web Crypto outside a turn
  'mocks/core/slices.ts', // performance.now() for time budgets only: when to yield, never what to do
  'mocks/doors/http/worlds.ts', // the registry's default `now` (a replicated server passes turnTime)
]);
const outsideTurns = [
  'mocks/doors/',
  'mocks/tools/',
  'mocks/remote/',
  'mocks/testcontainers/',
  'mocks/store/',
  'mocks/config/watch.ts',
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : files(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('determinism of the request path', () => {
  it('no wall clock or random source outside core/clock.ts and core/random.ts', () => {
    const found: string[] = [];
    for (const file of files('mocks')) {
      if (allowed.has(file) || outsideTurns.some((prefix) => file.startsWith(prefix))) continue;
      // A provider's Postman collection and bench scenario are built or run elsewhere, never applied.
      if (/\/providers\/[^/]+\/(collection|bench)\.ts$/.test(file)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*)/.test(line)) return;
          if (/Date\.now\(|new Date\(\)|Math\.random\(|randomUUID\(|getRandomValues\(|performance\.now\(/.test(line)) {
            found.push(`${file}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(found).toEqual([]);
  });
});
