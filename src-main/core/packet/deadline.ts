import type { PayerKind, IsoDate } from '../../../shared/model';
import { daysLeft, dueDate } from '../deadlines/due';
import { deadlineProfile } from '../deadlines/profiles';

/**
 * Medicare redetermination: 120 days from receipt of the initial determination; receipt is presumed
 * 5 days after the notice (remit) date (rules.md section 6, 42 CFR 405.942; NGS appeals levels [S31]).
 * The window is the deadline profile's (core/deadlines/profiles.ts), so the packet and
 * `chartready deadlines` agree. Other payers' limits vary by contract or state; the packet does
 * not state them (the deadlines list gives them, marked UNVERIFIED where they are defaults).
 */
export function appealDeadline(
  payerKind: PayerKind,
  remitDate: IsoDate | null | undefined,
  today: IsoDate,
): { date: IsoDate; daysLeft: number; basis: string } | null {
  if (payerKind !== 'medicare' || !remitDate) return null;
  const window = deadlineProfile('medicare', null).appeal;
  const date = dueDate(window, remitDate);
  return {
    date,
    daysLeft: daysLeft(date, today),
    basis: `Medicare redetermination: ${window.days} days from receipt, receipt presumed ${window.receiptDays ?? 0} days after the remit date ${remitDate}`,
  };
}
