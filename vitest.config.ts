import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src-main/**/*.test.ts', 'shared/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores on CI machines: keep worker count small so PDF work doesn't thrash.
    pool: 'forks',
    maxWorkers: 2,
    // The JSON report lets CI print one plain "N passed, N failed" total across both suites.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
  },
});
