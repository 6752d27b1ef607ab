import { reviewStore, todayIso, writeReviewExport } from '../../core/api/review';
import {
  buildClientReport,
  clientReportPdf,
  clientReportXlsx,
  ReportError,
} from '../../core/report';
import { openDatabase } from '../../core/store/db';
import { isoDateOption, parse, passphraseFromEnv, PASSPHRASE_OPTION, requireString } from '../args';
import { UsageError } from '../usage';

export const REPORT_HELP = `Usage: chartready report --db FILE --out FILE [--format pdf|xlsx] [--as-of YYYY-MM-DD]
                        [--sample ID] [--passphrase-env VAR]

Writes the client report: cover page with the clinic and the period billed, the readiness summary
(readiness, dollars at risk), tables by clinician, payer, month and rule, each failing rule
explained with what to change in documentation habits, the corrective-action plan and an appendix
of findings with their evidence and decisions. Brings the review up to date first. --format xlsx
writes the same tables as a workbook (one sheet per table). --sample ID scopes the findings and
actions to a probe sample's episodes and adds its error rate (90% Clopper-Pearson interval) and
projected dollars at risk to the summary. The export is recorded in the audit log.`;

export async function reportCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    sample: { type: 'string' },
    'as-of': { type: 'string' },
    ...PASSPHRASE_OPTION,
  });
  if (values.help) {
    console.log(REPORT_HELP);
    return 0;
  }
  const dbPath = requireString(values.db, '--db FILE');
  const out = requireString(values.out, '--out FILE');
  const format = values.format ?? (out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'pdf');
  if (format !== 'pdf' && format !== 'xlsx')
    throw new UsageError(`--format must be pdf or xlsx (got ${format})`);
  let sampleId: number | null = null;
  if (values.sample !== undefined) {
    if (!/^\d+$/.test(values.sample))
      throw new UsageError(`--sample takes a sample id (got ${values.sample})`);
    sampleId = Number(values.sample);
  }
  const asOf = isoDateOption(values['as-of'], '--as-of') ?? todayIso();
  const db = openDatabase(dbPath, {
    key: passphraseFromEnv(values['passphrase-env']),
    mustExist: true,
  });
  try {
    const review = reviewStore(db, { asOf });
    let report;
    try {
      report = buildClientReport(db, { asOf, sampleId, review });
    } catch (err) {
      if (err instanceof ReportError) {
        console.error(`chartready report: ${err.message}`);
        return 1;
      }
      throw err;
    }
    const bytes =
      format === 'xlsx' ? await clientReportXlsx(report) : (await clientReportPdf(report)).pdf;
    writeReviewExport(db, out, `report-${format}`, bytes);
    console.log(
      `Wrote ${out}: readiness ${report.summary.passingDates} of ${report.summary.billedDates} billed dates, ${report.summary.atRisk.toFixed(2)} at risk, ${report.findings.length} findings`,
    );
    return 0;
  } finally {
    db.close();
  }
}
