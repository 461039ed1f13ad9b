import { defineConfig } from '@playwright/test';

// E2E: the built extension (.output/chrome-mv3) in the system Chromium, pages from 127.0.0.1.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI, where a shared machine can starve a timing-sensitive step; locally none.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
});
