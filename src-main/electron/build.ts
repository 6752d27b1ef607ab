/**
 * Bundles the Electron main process (ESM, dist/electron/main.mjs) and the sandboxed preload
 * (CommonJS, dist/electron/preload.cjs) with Vite. Packages stay external (shipped in the asar).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = `${root}dist/electron`;

await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir,
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rollupOptions: {
      input: { main: `${root}src-main/electron/main.ts` },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
});

await build({
  configFile: false,
  root,
  logLevel: 'warn',
  ssr: { noExternal: true },
  build: {
    ssr: true,
    outDir,
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    rollupOptions: {
      input: { preload: `${root}src-main/electron/preload.ts` },
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
});

console.log(`Electron main and preload bundled into ${outDir}`);
