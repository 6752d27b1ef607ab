import { openReview, writeReviewExport } from '../../core/api/review';
import { filesReadByOlderReader } from '../../core/import/reanalyze';
import { once } from 'node:events';
import { csvChunks, jsonChunks, textChunks } from '../../core/review/format';
import { openDatabase } from '../../core/store/db';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { reviewProgress } from '../progress';
import { UsageError } from '../usage';

export const REVIEW_HELP = `Usage: chartready review --db FILE [--format text|json|csv] [--out FILE]
                        [--payer-profile NAME|FILE] [--as-of YYYY-MM-DD] [--passphrase-env VAR]

Runs the rule catalog over every episode in the database. text is a report grouped by patient,
errors first; json follows the review contract; csv has one row per finding. --payer-profile
applies one profile (medicare, workers-comp, texas-wc, california-wc, commercial, or a JSON file)
to every episode instead of choosing by payer. --as-of sets the review date (default today).
Exit 0 when the review ran: findings are data, not errors.`;

export async function reviewCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'payer-profile': { type: 'string' },
    'as-of': { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(REVIEW_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const format = values.format ?? 'text';
  if (!['text', 'json', 'csv'].includes(format))
    throw new UsageError(`--format must be text, json or csv (got ${format})`);
  const asOf = isoDateOption(values['as-of'], '--as-of');
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    const progress = reviewProgress();
    // Read back from the store as it is written out: a large store's report is never held whole.
    const report = openReview(db, {
      asOf,
      // --payer-profile, else the default chosen in Settings, else each episode's payer decides.
      profile: values['payer-profile'],
      onProgress: progress.update,
    });
    progress.done();
    const older = filesReadByOlderReader(db);
    if (older > 0)
      console.error(
        `note: ${older} imported file(s) were read by an older version of ChartReady's note reader; run "chartready reanalyze --db ${dbPath}" so the review sees what this version reads.`,
      );
    // A chunk at a time: a large store's report runs to hundreds of MB.
    const chunks =
      format === 'json'
        ? jsonChunks(report)
        : format === 'csv'
          ? csvChunks(report)
          : textChunks(report, { color: !values.out && process.stdout.isTTY === true });
    if (values.out) {
      writeReviewExport(db, values.out, format, chunks);
      console.log(`wrote ${values.out}`);
    } else {
      for (const chunk of chunks) {
        // Wait for a slow reader (a pager, a pipe) instead of buffering the whole report.
        if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
      }
    }
    return 0;
  } finally {
    db.close();
  }
}
