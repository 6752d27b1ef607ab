import { actionsCsv } from '../../../shared/actions';
import { correctiveActions } from '../../core/api/actions';
import { reviewStore, todayIso, writeReviewExport } from '../../core/api/review';
import { openDatabase } from '../../core/store/db';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';

export const ACTIONS_HELP = `Usage: chartready actions --db FILE [--open] [--format text|csv|json] [--out FILE]
                         [--as-of YYYY-MM-DD] [--passphrase-env VAR]

Lists the corrective actions of confirmed defects (from "chartready decide --as confirmed"):
who they concern, what to do and by when, overdue and open ones first, then those whose finding
the review no longer reports (resolved). Brings the review up to date first. --open leaves the
resolved ones out; --format csv writes a spreadsheet-ready list (to --out, recorded in the audit
log as an export).`;

export async function actionsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    open: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    'as-of': { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(ACTIONS_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const format = values.format ?? 'text';
  if (!['text', 'csv', 'json'].includes(format))
    throw new UsageError(`--format must be text, csv or json (got ${format})`);
  const asOf = isoDateOption(values['as-of'], '--as-of') ?? todayIso();
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    reviewStore(db, { asOf });
    const actions = correctiveActions(db, asOf).filter(
      (a) => !values.open || a.status !== 'resolved',
    );
    const text =
      format === 'csv'
        ? actionsCsv(actions)
        : format === 'json'
          ? JSON.stringify({ asOf, actions }, null, 2) + '\n'
          : formatActions(actions);
    if (values.out) writeReviewExport(db, values.out, `actions-${format}`, text);
    // CSV keeps its CRLF line ends to the last one; text and JSON print as the other commands do.
    else if (format === 'csv') process.stdout.write(text);
    else console.log(text.replace(/\n$/, ''));
    return 0;
  } finally {
    db.close();
  }
}

function formatActions(actions: ReturnType<typeof correctiveActions>): string {
  const lines: string[] = [];
  let clinician: string | null | undefined;
  for (const a of actions) {
    if (a.status !== 'resolved' && a.clinician !== clinician) {
      clinician = a.clinician;
      lines.push('', clinician ?? '(no clinician named)');
    }
    if (a.status === 'resolved' && clinician !== undefined && lines.at(-1) !== 'Resolved') {
      clinician = undefined;
      lines.push('', 'Resolved');
    }
    lines.push(
      `  ${(a.due ?? 'no due date').padEnd(10)}  ${a.status.toUpperCase().padEnd(8)}  ${a.patient ?? '(episode no longer reviewed)'}  ${a.rule}  ${a.dates.join(', ')}`,
      `      ${a.action}  [${a.findingId}]`,
    );
  }
  lines.push('', `${actions.length} corrective action(s)`);
  return lines.join('\n').replace(/^\n/, '') + '\n';
}
