import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  maxFailures: 1,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results',
});
