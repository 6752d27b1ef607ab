import type { CorrectiveAction } from './api';
import { csvCell } from './csv';

export const ACTIONS_CSV_HEADER = [
  'clinician',
  'due',
  'status',
  'patient',
  'rule',
  'dates',
  'action',
  'finding_id',
  'episode_id',
  'decided_by',
  'decided_at',
];

/** The list as CSV (RFC 4180, CRLF), one row per action, in the list's order. */
export function actionsCsv(actions: readonly CorrectiveAction[]): string {
  const lines = [ACTIONS_CSV_HEADER.join(',')];
  for (const a of actions)
    lines.push(
      [
        a.clinician,
        a.due,
        a.status,
        a.patient,
        a.rule,
        a.dates.join(' '),
        a.action,
        a.findingId,
        a.episodeId,
        a.decidedBy,
        a.decidedAt,
      ]
        .map(csvCell)
        .join(','),
    );
  return lines.join('\r\n') + '\r\n';
}
