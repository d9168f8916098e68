import { defineConfig } from 'vitest/config';

/**
 * Two cores here and in CI: a couple of workers keep the embedded servers and playground from starving each other.
 * Under CI a JSON report is written as well, from which .ci/run prints its one-line summary.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    restoreMocks: true,
    reporters: process.env.CI ? ['default', ['json', { outputFile: process.env.VITEST_JSON ?? '.ci-results/vitest.json' }]] : ['default'],
  },
});
