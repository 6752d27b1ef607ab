#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx chartready` works from a checkout with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/run.ts');
