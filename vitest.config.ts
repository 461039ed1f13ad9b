import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    // Only unit and component tests: the Playwright specs in tests/e2e run with `npm run test:e2e`.
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
