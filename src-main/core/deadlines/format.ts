/** The deadline list as text (for people), CSV (for spreadsheets) and JSON (for programs). */
import { csvCell } from '../review/format';
import { localStamp } from '../../../shared/dates';
import { dueText } from '../../../shared/deadlines';
import type { DeadlineList } from './list';

export { dueText };

export function formatDeadlinesText(list: DeadlineList): string {
  const out = [`Deadlines as of ${list.asOf}: ${list.items.length}`];
  for (const i of list.items) {
    out.push('');
    out.push(
      `${dueText(i)}  ${i.due ?? '-'}  ${i.label}  claim ${i.claimId}${i.patient ? `  ${i.patient}` : ''}`,
    );
    const payer = i.payer.name
      ? `${i.payer.name} (${i.payer.kind}, ${i.payer.profile} windows)`
      : `payer unknown (${i.payer.profile} windows)`;
    const what =
      i.origin === 'denial'
        ? `denial ${i.denial?.code ?? ''}${i.denial?.remarks.length ? ` ${i.denial.remarks.join(' ')}` : ''}`
        : `${i.kind.toUpperCase()} request dated ${i.noticeDate}${i.received ? `, received ${i.received}` : ''}${i.from ? `, from ${i.from}` : ''}`;
    out.push(`    ${what}; ${payer}`);
    if (i.counted) out.push(`    ${i.counted}${i.verified ? '' : ' (UNVERIFIED)'}`);
    out.push(`    source: ${i.basis}`);
    if (i.kind !== 'corrected-claim')
      out.push(
        `    packet: ${i.packet.builtAt ? `${i.packet.kind} packet built ${localStamp(i.packet.builtAt, false)}` : 'not built'}`,
      );
    if (i.answered)
      out.push(
        `    answered: ${i.answered.on}${i.answered.how ? ` (${i.answered.how})` : ''}, marked by ${i.answered.by}`,
      );
    for (const m of i.missing) out.push(`    missing: ${m}`);
    for (const n of i.next) out.push(`    next level: ${n}`);
  }
  return out.join('\n') + '\n';
}

export const DEADLINES_CSV_HEADER = [
  'id',
  'kind',
  'label',
  'claim',
  'episode',
  'patient',
  'payer',
  'payer_kind',
  'profile',
  'notice_date',
  'received',
  'requested_by',
  'denial',
  'due',
  'days_left',
  'status',
  'packet_built_at',
  'open_error_rules',
  'missing',
  'counted',
  'source',
  'verified',
  'answered_on',
  'answered_how',
] as const;

/** One row per deadline, CRLF line ends (RFC 4180), header first. */
export function formatDeadlinesCsv(list: DeadlineList): string {
  const rows = [DEADLINES_CSV_HEADER.join(',')];
  for (const i of list.items) {
    const cells = [
      i.id,
      i.kind,
      i.label,
      i.claimId,
      i.episodeId,
      i.patient,
      i.payer.name,
      i.payer.kind,
      i.payer.profile,
      i.noticeDate,
      i.received,
      i.from,
      i.denial ? [i.denial.code, ...i.denial.remarks].join(' ') : null,
      i.due,
    ].map(csvCell);
    // A number is never a formula: days left stays a plain (possibly negative) number.
    cells.push(i.daysLeft === null ? '' : String(i.daysLeft));
    cells.push(
      ...[
        i.status,
        i.packet.builtAt,
        [...new Set(i.openErrors.map((e) => e.rule))].join('; '),
        i.missing.join('; '),
        i.counted,
        i.basis,
        i.verified ? 'yes' : 'no',
        i.answered?.on ?? null,
        i.answered?.how ?? null,
      ].map(csvCell),
    );
    rows.push(cells.join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

export function formatDeadlinesJson(list: DeadlineList): string {
  return JSON.stringify(list, null, 2) + '\n';
}
