import type { ReviewReport } from './report';

/** The contract JSON (design/cli-contract.md), pretty-printed, newline-terminated. */
export function formatJson(report: ReviewReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
