import { defineConfig } from 'vitest/config';

/** Browser end-to-end suites: Debian's Chromium driven by playwright-core against a real server. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
