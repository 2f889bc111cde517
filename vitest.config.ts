import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The provider kit from source, so a provider built on it (examples/provider-template/) and
    // the world serving it share one MockError class. The packed-package test uses the built one.
    alias: [
      { find: /^authflow-mocks\/provider$/, replacement: fileURLToPath(new URL('mocks/provider.ts', import.meta.url)) },
    ],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          // Builds dist/ when it is missing (npm ci no longer builds; tests spawn the built CLI).
          globalSetup: ['tests/support/global-setup.ts'],
          exclude: [...configDefaults.exclude, 'tests/containers/**'],
        },
      },
      {
        // The image, compose, the Action's script and the Testcontainers module, against a Docker
        // daemon (a private one when none answers). Its global setup runs only when one of these
        // files is part of the run; the files run one at a time (one daemon, shared ports).
        extends: true,
        test: {
          name: 'containers',
          include: ['tests/containers/**/*.test.ts'],
          globalSetup: ['tests/containers/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
