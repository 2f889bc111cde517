/**
 * Vitest with one authflow-mocks server for the whole run (started in ./global-setup.ts) and a
 * world per test file: files run in parallel and never see each other's tokens, clocks or faults.
 *
 * Run: npx vitest run -c examples/vitest-server/vitest.config.ts
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    // Files in parallel (Vitest's default): each in its own world.
    fileParallelism: true,
  },
});
