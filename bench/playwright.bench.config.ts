import { defineConfig } from '@playwright/test';

/**
 * `npm run bench` only (scripts/bench.mjs): the timed runs live apart from the e2e suite,
 * which matches e2e/**\/*.spec.ts and checks behaviour, never speed.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.bench.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 30 * 60_000,
  reporter: [['line']],
  outputDir: '../test-results/bench',
});
