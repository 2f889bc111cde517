#!/usr/bin/env node
/**
 * `npm run test:mutation -- <file> [more stryker flags]`: mutates one module with StrykerJS
 * against only the test files that cover it (the table below), incrementally, reporting to
 * reports/mutation/<module>/. See docs/mutation-testing.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Module → the test files that cover it (a mutant is run only against these). */
export const coverage = {
  'mocks/core/token-store/index.ts': ['tests/core/token-store.test.ts'],
  'mocks/core/token-store/heap.ts': ['tests/core/token-store.test.ts'],
  'mocks/core/token-store/owners.ts': ['tests/core/token-store.test.ts'],
  'mocks/core/token-store/tombstones.ts': ['tests/core/token-store.test.ts'],
  'mocks/core/oauth2.ts': [
    'tests/core/oauth2.test.ts',
    'tests/eventix/oauth.test.ts',
    'tests/eventbookings/request-token.test.ts',
    'tests/conformance/credential-answers.test.ts',
    'tests/conformance/challenges.test.ts',
  ],
  'mocks/core/credentials.ts': [
    'tests/core/pieces.test.ts',
    'tests/core/credentials.test.ts',
    'tests/conformance/credential-answers.test.ts',
  ],
  'mocks/core/jwt.ts': ['tests/core/clock-and-jwt.test.ts', 'tests/core/pieces.test.ts'],
  'mocks/core/router.ts': ['tests/core/pieces.test.ts', 'tests/core/router.test.ts'],
  'mocks/providers/eventix/operations.ts': [
    'tests/eventix/oauth.test.ts',
    'tests/eventix/rfc-behaviour.test.ts',
    'tests/conformance/challenges.test.ts',
  ],
  'mocks/providers/eventbookings/operations.ts': [
    'tests/eventbookings/request-token.test.ts',
    'tests/eventbookings/api.test.ts',
    'tests/conformance/challenges.test.ts',
  ],
  'mocks/providers/tracx/operations.ts': [
    'tests/tracx/session-token.test.ts',
    'tests/tracx/session-auth.test.ts',
    'tests/conformance/challenges.test.ts',
  ],
  'mocks/providers/teletracker/operations.ts': [
    'tests/teletracker/login.test.ts',
    'tests/teletracker/refresh.test.ts',
    'tests/teletracker/masquerade.test.ts',
    'tests/teletracker/call-data.test.ts',
    'tests/conformance/challenges.test.ts',
  ],
  'mocks/providers/backops/operations.ts': [
    'tests/backops/tokens.test.ts',
    'tests/backops/lifetime.test.ts',
    'tests/backops/scoping.test.ts',
    'tests/backops/fidelity.test.ts',
    'tests/conformance/challenges.test.ts',
  ],
};

const [target, ...rest] = process.argv.slice(2);
if (target === undefined || !(target.split(':')[0] in coverage)) {
  console.error(
    `usage: npm run test:mutation -- <file>[:<lines>] [stryker flags]\nfiles: ${Object.keys(coverage).join(', ')}`,
  );
  process.exit(2);
}
const file = /** @type {keyof typeof coverage} */ (target.split(':')[0]);
const tests = coverage[file].filter((t) => existsSync(t));
const result = spawnSync(
  process.execPath,
  [
    'node_modules/@stryker-mutator/core/bin/stryker.js',
    'run',
    'stryker.config.mjs',
    '--mutate',
    target,
    '--testFiles',
    tests.join(','),
    ...rest,
  ],
  { stdio: 'inherit', env: { ...process.env, MUTATION_TARGET: file } },
);
process.exit(result.status ?? 1);
