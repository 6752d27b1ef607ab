/** Thrown for bad command lines: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

export const MAIN_HELP = `chartready - chart audit readiness and appeal packets

Usage:
  chartready import <path>... --db FILE [--json]
  chartready review --db FILE [--format text|json|csv] [--out FILE] [--payer-profile NAME|FILE] [--as-of YYYY-MM-DD]
  chartready findings --db FILE [--open|--decided|--new] [--clinician NAME] [--json]
  chartready decide --db FILE --finding ID --as confirmed|not-a-defect|fixed --reason TEXT [--action TEXT --due DATE [--clinician NAME]]
  chartready profile --db FILE --episode ID (--as PROFILE --reason TEXT | --clear)
  chartready actions --db FILE [--open] [--format text|csv|json] [--out FILE]
  chartready reanalyze --db FILE [--all] [--json]
  chartready assign --db FILE [--document ID --patient KEY] [--json]
  chartready packet --db FILE (--episode ID | --claim ID) [--denial CODE] [--kind appeal|adr] --out FILE.pdf
  chartready settings --db FILE [--set KEY=VALUE]... [--from FILE.json]
  chartready payers --db FILE [--set "NAME=kind[,state]"]... [--json]
  chartready demo [--out DIR]
  chartready backup --db FILE --out FILE
  chartready encrypt --db FILE --out FILE --passphrase-env VAR
  chartready audit-log --db FILE [--verify] [--json]
  chartready deadlines --db FILE [--format text|json|csv|ics] [--out FILE] [--as-of YYYY-MM-DD]
  chartready request --db FILE --claim ID --kind adr|rac|tpe|carrier --dated DATE [--received DATE] [--from TEXT]
  chartready answered --db FILE --deadline ID [--on DATE] [--how TEXT] [--reopen]
  chartready sample --db FILE --n 20 [--per clinician|payer] --seed N [--json]
  chartready sample-report --db FILE --sample ID [--json]
  chartready report --db FILE --out FILE [--format pdf|xlsx] [--as-of YYYY-MM-DD] [--sample ID]

Every command accepts --help. Add --debug to print stack traces on errors. Commands that open a
database take --passphrase-env VAR for an encrypted one (the passphrase is read from VAR, never
from the command line). CHARTREADY_LOG=debug writes structured logs (no chart content) to stderr.`;
