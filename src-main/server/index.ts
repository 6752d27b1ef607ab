export { startHarness, tokenMatches, HARNESS_CSP, TOKEN_HEADER } from './harness';
export type { Harness, HarnessOptions } from './harness';
