/** Thrown for bad command lines: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

export const MAIN_HELP = `chartready - chart audit readiness and appeal packets

Usage:
  chartready import <path>... --db FILE [--json]
  chartready review --db FILE [--format text|json|csv] [--out FILE] [--payer-profile NAME|FILE] [--as-of YYYY-MM-DD]
  chartready packet --db FILE (--episode ID | --claim ID) [--denial CODE] [--kind appeal|adr] --out FILE.pdf
  chartready settings --db FILE [--set KEY=VALUE]... [--from FILE.json]
  chartready demo [--out DIR]

Every command accepts --help. Add --debug to print stack traces on errors.`;
