import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { IsoDate } from '../../../shared/model';
import type { DeadlineWindow } from './profiles';

/** Calendar days (Medicare counts calendar days; so do the defaults). */
export function dueDate(window: DeadlineWindow, noticeDate: IsoDate): IsoDate {
  const receipt = window.from === 'receipt' ? (window.receiptDays ?? 0) : 0;
  return format(addDays(parseISO(noticeDate), receipt + window.days), 'yyyy-MM-dd');
}

/** Negative when the date has passed. */
export function daysLeft(due: IsoDate, asOf: IsoDate): number {
  return differenceInCalendarDays(parseISO(due), parseISO(asOf));
}

/** How a window counts, in words, e.g. "120 days from receipt (presumed 5 days after 2026-10-20)". */
export function countedFrom(window: DeadlineWindow, noticeDate: IsoDate): string {
  return window.from === 'receipt'
    ? `${window.days} days from receipt (presumed ${window.receiptDays ?? 0} days after ${noticeDate})`
    : `${window.days} days from ${noticeDate}`;
}
