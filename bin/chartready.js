#!/usr/bin/env node
// Runs the bundled CLI (dist/node, made by `npm run build`); from a checkout without a build it
// falls back to the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/node/cli.mjs', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src-main/cli/run.ts');
}
