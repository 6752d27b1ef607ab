import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { PayerKind, IsoDate } from '../../../shared/model';

/**
 * Medicare redetermination: 120 days from receipt of the initial determination; receipt is presumed
 * 5 days after the notice (remit) date (rules.md section 6, 42 CFR 405.942; NGS appeals levels [S31]).
 * Other payers' limits vary by contract or state and are not computed.
 */
export function appealDeadline(
  payerKind: PayerKind,
  remitDate: IsoDate | null | undefined,
  today: IsoDate,
): { date: IsoDate; daysLeft: number; basis: string } | null {
  if (payerKind !== 'medicare' || !remitDate) return null;
  const due = addDays(parseISO(remitDate), 5 + 120);
  return {
    date: format(due, 'yyyy-MM-dd'),
    daysLeft: differenceInCalendarDays(due, parseISO(today)),
    basis: `Medicare redetermination: 120 days from receipt, receipt presumed 5 days after the remit date ${remitDate}`,
  };
}
