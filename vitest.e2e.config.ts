import { defineConfig } from 'vitest/config';

/** The browser journeys: a built `guichet serve` driven by Debian's Chromium (npm run test:e2e). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
