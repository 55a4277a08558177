import { defineConfig } from 'vitest/config';

/** Test runner settings: unit, service and HTTP tests; the browser journeys live under test/e2e. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
