import type { IsoDate } from '../../../shared/model';

/** US payers read dates as MM/DD/YYYY. */
export function usDate(date: IsoDate | null | undefined): string {
  if (!date) return 'undated';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : date;
}

/**
 * A date in a gap, the "before you send" list read on screen and in the CLI beside findings and
 * deadlines, which print ISO dates: the list keeps their form (the letter keeps the payer's).
 */
export function gapDate(date: IsoDate | null | undefined): string {
  return date ?? 'undated';
}

export function dateRange(dates: IsoDate[]): string {
  if (dates.length === 0) return 'none';
  const sorted = [...dates].sort();
  const first = sorted[0] as IsoDate;
  const last = sorted[sorted.length - 1] as IsoDate;
  return first === last ? usDate(first) : `${usDate(first)} - ${usDate(last)}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A finding's message as a clause of a longer sentence: trimmed, its closing full stop dropped. */
export function findingClause(f: { message: string }): string {
  return f.message.trim().replace(/[.\s]+$/, '');
}
