/**
 * Playwright with one authflow-mocks server shared by parallel workers, each in its own world
 * (see ./fixtures.ts). `webServer` starts the server once for the whole run; each worker creates a
 * world when it starts and deletes it when it ends, so workers never see each other's tokens,
 * clocks, faults or journals.
 *
 * Run: npx playwright test -c examples/playwright
 */
import { defineConfig } from '@playwright/test';

const port = Number(process.env.AUTHFLOW_MOCKS_PORT ?? 4010);
export const mocksUrl = process.env.AUTHFLOW_MOCKS_URL ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: '.',
  workers: 4,
  fullyParallel: true,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    // Debian's Chromium (npm cannot download browsers here); drop these lines to use Playwright's own.
    launchOptions: {
      executablePath: process.env.AUTHFLOW_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  // One server for every worker (none when AUTHFLOW_MOCKS_URL names a running one).
  // In your project the command is `npx authflow-mocks serve --port 4010`.
  ...(process.env.AUTHFLOW_MOCKS_URL
    ? {}
    : {
        webServer: {
          command: `node ${new URL('../../dist/cli/cli.js', import.meta.url).pathname} serve --port ${port} --quiet`,
          url: `${mocksUrl}/healthz`,
          reuseExistingServer: !process.env.CI,
        },
      }),
});
