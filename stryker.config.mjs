// @ts-check
/**
 * StrykerJS: mutation testing of one module at a time (`npm run test:mutation -- <file>`, see
 * docs/mutation-testing.md). `scripts/mutation.mjs` picks the module and the test files that
 * cover it and passes them here; run this file through that script, not `npx stryker run`.
 */
const target = process.env.MUTATION_TARGET ?? 'mocks/core/token-store/index.ts';
const slug = target
  .replace(/^mocks\//, '')
  .replace(/\.ts$/, '')
  .replace(/[/]/g, '-');
const out = `reports/mutation/${slug}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  plugins: [
    '@stryker-mutator/vitest-runner',
    '@stryker-mutator/typescript-checker',
    './stryker/ignore-descriptions.mjs',
  ],
  ignorers: ['error-descriptions'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: false },
  checkers: ['typescript'],
  // The checker type-checks only mocks/ (a mutant that breaks a test's types still fails its run).
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // The machine is shared: one test runner and one checker process.
  concurrency: 1,
  // Added to Stryker's timeoutFactor × the test's own time: a mutant that loops is given up on soon.
  timeoutMS: 3_000,
  incremental: true,
  incrementalFile: `${out}/incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/report.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: ['dist', 'reports', 'coverage', '.stryker-tmp'],
  // Module-level constants (the PKCE pattern, refusal tables) are mutated too: each such mutant
  // reloads the test environment, slower but the only way to test them.
  ignoreStatic: false,
  thresholds: { high: 85, low: 75, break: null },
};
