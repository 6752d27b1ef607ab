import { writeFileSync } from 'node:fs';
import { listDeadlines } from '../../core/deadlines/list';
import {
  formatDeadlinesCsv,
  formatDeadlinesJson,
  formatDeadlinesText,
} from '../../core/deadlines/format';
import { formatDeadlinesIcs } from '../../core/deadlines/ics';
import { openDatabase } from '../../core/store/db';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';

export const DEADLINES_HELP = `Usage: chartready deadlines --db FILE [--format text|json|csv|ics] [--out FILE]
                           [--as-of YYYY-MM-DD] [--passphrase-env VAR]

Lists every deadline the database knows, fewest days left first (overdue first): the first appeal
of each 835 denial (Medicare redetermination: 120 days from receipt, receipt presumed 5 days after
the remit date; workers' comp and commercial: the payer's own values when the clinic set them, else
UNVERIFIED defaults) and the response to each records request entered with "chartready request"
(Medicare ADR, RAC, TPE: 45 days from the date on the letter). Each says how it was counted, its
source, whether its packet was built and what is still missing (open error findings on the
claim's dates). A claim returned as unprocessable (remark MA130) has no appeal deadline: it is
listed as a corrected claim to send. --format ics writes an iCalendar file (one all-day event on
each due date, naming only the deadline's kind and the claim id). See docs/deadlines.md.`;

const FORMATS = ['text', 'json', 'csv', 'ics'] as const;

export async function deadlinesCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'as-of': { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(DEADLINES_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const format = values.format ?? 'text';
  if (!FORMATS.includes(format as (typeof FORMATS)[number]))
    throw new UsageError(`--format must be text, json, csv or ics (got ${format})`);
  const asOf = isoDateOption(values['as-of'], '--as-of');
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    const list = listDeadlines(db, { asOf });
    const text =
      format === 'json'
        ? formatDeadlinesJson(list)
        : format === 'csv'
          ? formatDeadlinesCsv(list)
          : format === 'ics'
            ? formatDeadlinesIcs(list)
            : formatDeadlinesText(list);
    if (values.out) writeFileSync(values.out, text);
    else process.stdout.write(text);
    return 0;
  } finally {
    db.close();
  }
}
