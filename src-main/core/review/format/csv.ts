import type { Finding } from '../../../../shared/model';
import type { ReportSource } from './report';
import { csvCell } from '../../../../shared/csv';

export const CSV_HEADER = [
  'episode',
  'patient',
  'payer',
  'rule',
  'status',
  'severity',
  'dates',
  'message',
  'evidence_file',
  'evidence_page',
  'evidence_line',
  'evidence_quote',
  // Added after the original columns (the contract adds, never moves): how the profile was chosen.
  'payer_kind',
  'profile',
  'payer_basis',
  // Reviewer decisions (issue 16).
  'finding_id',
  'decision',
  'decision_reason',
  'decided_by',
  'decided_at',
  'action',
  'due',
] as const;

/** The finding's id and its decision's cells (empty for pass and n/a findings, which no one decides). */
function decisionCells(f: Finding): string {
  const d = f.decision;
  return [f.id, d?.as, d?.reason, d?.by, d?.at, d?.action, d?.due].map(csvCell).join(',');
}

/** One row per finding, CRLF line ends (RFC 4180), header first. */
export function formatCsv(report: ReportSource): string {
  return [...csvChunks(report)].join('');
}

/** The same text as `formatCsv`, an episode at a time (large stores write hundreds of MB). */
export function* csvChunks(report: ReportSource): Generator<string> {
  yield CSV_HEADER.join(',') + '\r\n';
  for (const ep of report.episodes) {
    let rows = '';
    // The same three cells on every row of the episode: made once.
    const payerCells = [ep.payer.kind, ep.profile ?? '', (ep.payer.basis ?? []).join('; ')]
      .map(csvCell)
      .join(',');
    for (const f of ep.findings) {
      const ev = f.evidence[0];
      rows +=
        [
          ep.id,
          ep.patient.name,
          ep.payer.name,
          f.rule,
          f.status,
          f.severity,
          f.dates.join(';'),
          f.message,
          ev?.file,
          ev?.page,
          ev?.line,
          ev?.quote,
        ]
          .map(csvCell)
          .join(',') +
        ',' +
        payerCells +
        (f.id ? ',' + decisionCells(f) : ',,,,,,') +
        '\r\n';
    }
    if (rows) yield rows;
  }
}
