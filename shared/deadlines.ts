/**
 * Deadlines (issue 17): what `chartready deadlines` and the Deadlines screen list. Types and the
 * request kinds only; computed in src-main/core/deadlines.
 */
import type { IsoDate, PayerKind } from './model';

export const REQUEST_KINDS = ['adr', 'rac', 'tpe', 'carrier'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export type DeadlineKind = 'appeal' | 'corrected-claim' | RequestKind;
export type DeadlineStatus =
  | 'overdue'
  | 'due-soon'
  | 'open'
  | 'no-deadline'
  | 'no-date'
  /** Marked answered by the user: the response went out (added). */
  | 'answered';

/** The user's mark that a deadline was answered: the date the response went out, how, who. */
export interface DeadlineAnswer {
  on: IsoDate;
  how: string | null;
  by: string;
  /** When the mark was recorded (ISO timestamp). */
  at: string;
}

export interface DeadlineItem {
  /** `denial:CLAIM` or `request:N`: stable while the denial or request is. */
  id: string;
  origin: 'denial' | 'request';
  kind: DeadlineKind;
  /** What is due, as a biller says it ("Redetermination request", "Records (ADR) response"). */
  label: string;
  claimId: string;
  episodeId: string | null;
  patient: string | null;
  payer: { name: string | null; kind: PayerKind | null; profile: string };
  /** The 835's payment date, or the date on the request letter. */
  noticeDate: IsoDate | null;
  received: IsoDate | null;
  from: string | null;
  denial: { code: string; remarks: string[] } | null;
  due: IsoDate | null;
  daysLeft: number | null;
  status: DeadlineStatus;
  /** How the due date was counted, in words. */
  counted: string | null;
  /** Where the window's value comes from, and whether the catalog verified it. */
  basis: string;
  verified: boolean;
  packet: { kind: 'appeal' | 'adr'; builtAt: string | null };
  openErrors: Array<{ id: string | null; rule: string; dates: IsoDate[] }>;
  missing: string[];
  /** Later appeal levels, for the biller (not computed: their notices are not stored). */
  next: string[];
  /** Set when the user marked the deadline answered (added; null otherwise). */
  answered?: DeadlineAnswer | null;
  /**
   * The review's own findings that confirm the denial on every line at issue, in words (added):
   * no argued appeal is offered for such a claim; null or absent otherwise.
   */
  appealConfirmedBy?: string | null;
}

export interface DeadlineList {
  asOf: IsoDate;
  items: DeadlineItem[];
}

/** Overdue and due-soon say so in words, never by colour alone. */
export function dueText(i: Pick<DeadlineItem, 'status' | 'daysLeft' | 'answered'>): string {
  if (i.answered) return `ANSWERED ${i.answered.on}`;
  if (i.status === 'no-deadline') return 'NO DEADLINE';
  if (i.daysLeft === null) return 'DATE UNKNOWN';
  const d = Math.abs(i.daysLeft);
  const days = `${d} day${d === 1 ? '' : 's'}`;
  if (i.daysLeft < 0) return `OVERDUE by ${days}`;
  if (i.daysLeft === 0) return 'DUE TODAY';
  return i.status === 'due-soon' ? `due soon: ${days} left` : `${days} left`;
}
