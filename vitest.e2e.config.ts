import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser end-to-end suite: the built renderer served by the loopback harness, driven by
// Debian's Chromium through playwright-core. Run with `npm run test:e2e` (builds first).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // The app's own settings (its list of recent databases) go to a folder of this run, never to
    // the user's; files that test that list set their own.
    env: { CHARTREADY_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'chartready-e2e-config-')) },
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/e2e.json' },
  },
});
