// Bundles the Node entry points into dist/node/*.mjs (dependencies stay external), so the CLI,
// the import workers and the benchmarks run on plain Node. Running pdf.js through tsx's on-the-fly
// transform costs about half a gigabyte of memory; built code does not.
import { build } from 'esbuild';

const entries = {
  cli: 'src-main/cli/run.ts',
  'analyze-worker': 'src-main/core/import/analyze-worker.ts',
  'ledger-worker': 'src-main/core/import/ledger-worker.ts',
  'review-worker': 'src-main/core/api/review-worker.ts',
  'bench-phases': 'scripts/bench/phases.ts',
  'import-child': 'scripts/reliability/import-child.ts',
};

await build({
  entryPoints: entries,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist/node',
  outExtension: { '.js': '.mjs' },
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  // Bundled ESM still needs `require` for the few CommonJS-only call sites (worker bootstrap).
  banner: {
    js: "import { createRequire as __crRequire } from 'node:module'; const require = __crRequire(import.meta.url);",
  },
});
