import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    bail: 1,
    // On CI one retry, as for Playwright: a test that passes on its retry is printed with it, a bug
    // to fix, but one stall of a shared machine does not stop every file after it from running.
    retry: process.env.CI ? 1 : 0,
  },
});
