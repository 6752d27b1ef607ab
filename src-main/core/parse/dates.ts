/** Calendar dates in the formats EMRs print, normalized to YYYY-MM-DD. */
import { daysBetween } from '../../../shared/dates';

export interface DateHit {
  iso: string;
  start: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH_WORD =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** Each pattern yields [year, month, day] from its match. */
const DATE_PATTERNS: Array<{
  re: RegExp;
  parts: (m: RegExpExecArray) => [string, string, string];
}> = [
  // ISO, also as the date of a timestamp ("2026-06-03T14:13:17-06:00"), and year-first with
  // slashes as tablet and Asian-locale exports print it ("2026/04/17").
  { re: /\b(\d{4})-(\d{1,2})-(\d{1,2})(?:\b|(?=T\d))/g, parts: (m) => [m[1]!, m[2]!, m[3]!] },
  { re: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/g, parts: (m) => [m[1]!, m[2]!, m[3]!] },
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g, parts: (m) => [m[3]!, m[1]!, m[2]!] },
  { re: /\b(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})(?![\d-])/g, parts: (m) => [m[3]!, m[1]!, m[2]!] },
  {
    re: new RegExp(`\\b${MONTH_WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    parts: (m) => [m[3]!, m[1]!, m[2]!],
  },
  {
    re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH_WORD}\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    parts: (m) => [m[3]!, m[2]!, m[1]!],
  },
  // Day-month-year with the month as a word, as flowsheets and hospital systems print:
  // "12-Mar-2026", "12-MAR-26", "12/Mar/2026", "12MAR2026" (an unset group matches empty).
  {
    re: new RegExp(`\\b(\\d{1,2})(?:([-/])|)${MONTH_WORD}\\2(\\d{4}|\\d{2})(?![\\d])`, 'gi'),
    parts: (m) => [m[4]!, m[3]!, m[1]!],
  },
  // Month-day-year with the month as a word and its own separator: "Mar-04-2026", "MAR/04/2026".
  {
    re: new RegExp(`\\b${MONTH_WORD}([-/])(\\d{1,2})\\2(\\d{4})(?![\\d])`, 'gi'),
    parts: (m) => [m[4]!, m[1]!, m[3]!],
  },
  // Dotted, with a four-digit year ("2.16.2026"): a two-digit year would read section numbers.
  { re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\.?\d)/g, parts: (m) => [m[3]!, m[1]!, m[2]!] },
  // Month-day-year with no separators, as legacy systems print them ("DOS 060426", "DOB:
  // 031479", "ESIGNED BY: ... 060426 1648"): only under a date's label or before a 24-hour time,
  // since six digits alone are as often an account or claim number.
  {
    // The lookahead first: the label's lookbehind is tried only where six digits stand.
    re: /(?=\d{6})(?<=\b(?:DOS|DOB|DOI|DATE|DT)(?:\s+OF\s+(?:SERVICE|BIRTH|INJURY|ORDER))?[\s.]*[:=#]?\s*)(\d{2})(\d{2})(\d{4}|\d{2})\b|\b(\d{2})(\d{2})(\d{2})(?=\s+(?:[01]\d|2[0-3])[0-5]\d\b)/gi,
    parts: (m) => (m[1] ? [m[3]!, m[1], m[2]!] : [m[6]!, m[4]!, m[5]!]),
  },
];

/** Two-digit years: 00-50 are this century, the rest the last (DOBs). */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n <= 50 ? 2000 + n : 1900 + n;
}

function monthNumber(m: string): number {
  if (/^\d+$/.test(m)) return Number(m);
  return MONTHS[m.slice(0, 3).toLowerCase()] ?? 0;
}

export function toIso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** All dates in a string, left to right, without overlaps. */
export function findDates(text: string): DateHit[] {
  const hits: DateHit[] = [];
  for (const { re, parts } of DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const [y, mo, d] = parts(m as RegExpExecArray);
      const iso = toIso(fullYear(y), monthNumber(mo), Number(d));
      if (!iso) continue;
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      hits.push({ iso, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

export function parseDate(text: string): string | null {
  return findDates(text)[0]?.iso ?? null;
}

/** A day of the week before a date ("Monday, April 13, 2026", "Tue 04/14/2026"). */
const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?/gi;

/** Text without its weekday names: what stands between dates once "Tuesday," is set aside. */
export function withoutWeekdays(text: string): string {
  return text.replace(WEEKDAY, '');
}

/** True when the line is little more than a date ("March 4, 2026", "03/04/2026", "Mon 3/4/26"). */
export function isBareDateLine(text: string): boolean {
  const hits = findDates(text);
  if (hits.length !== 1) return false;
  const rest = text.slice(0, hits[0]!.start) + text.slice(hits[0]!.end);
  return rest.replace(WEEKDAY, '').replace(/[\s,.:;\-–|]/g, '').length <= 3;
}

/**
 * A period's dates follow its label within a short stretch of the line: reading only that far
 * keeps a long line with many labels (a flattened table) linear, not a date scan per label.
 */
export const PERIOD_REACH = 240;

/**
 * Two dates written as a range at `from` ("03/02/2026 - 03/13/2026", "April 20, 2026 through
 * April 27, 2026"), with offsets in the whole text; null when `from` starts no range.
 */
export function dateRangeAt(t: string, from: number): [DateHit, DateHit] | null {
  const ds = findDates(t.slice(from, from + PERIOD_REACH));
  if (
    ds.length >= 2 &&
    // "Tuesday, March 3rd, 2026 through Thursday, April 2nd, 2026": weekdays name the dates.
    /^\s*(?:from\b)?\s*:?[\s,]*$/i.test(withoutWeekdays(t.slice(from, from + ds[0]!.start))) &&
    /^\s*(?:\([^)]*\)\s*)?(?:-|–|—|to|through|thru)[\s,]*$/i.test(
      withoutWeekdays(t.slice(from + ds[0]!.end, from + ds[1]!.start)),
    )
  ) {
    const at = (d: DateHit): DateHit => ({ iso: d.iso, start: from + d.start, end: from + d.end });
    return [at(ds[0]!), at(ds[1]!)];
  }
  return null;
}

/** A date a label's match leads to: the label as matched (its first group, else all of it). */
export interface LabeledDate extends DateHit {
  label: string;
  /** Where the label's value begins: the date's own start when nothing stands between them. */
  valueStart: number;
}

/**
 * The dates that labels lead to ("Start date: 03/01/2026", "Sent: Thursday, April 30, 2026"),
 * each the value's leading date (leadingDate), offsets within `text`.
 */
export function labeledDates(text: string, label: RegExp): LabeledDate[] {
  const out: LabeledDate[] = [];
  // A copy, so a label used elsewhere with exec() cannot start this search part-way.
  for (const m of text.matchAll(new RegExp(label.source, label.flags))) {
    const after = m.index + m[0].length;
    const hit = leadingDate(text.slice(after));
    if (hit)
      out.push({
        iso: hit.iso,
        start: after + hit.start,
        end: after + hit.end,
        label: m[1] ?? m[0],
        valueStart: after,
      });
  }
  return out;
}

/** A weekday written before a date: "Monday, ", "Tue ", "Wed. ". */
const LEADING_WEEKDAY =
  /^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+/i;

/**
 * The date a field's value starts with ("04/13/2026", "Monday, May 4, 2026"), offsets within
 * `text`; null when the value starts with something else.
 */
export function leadingDate(text: string): DateHit | null {
  const weekday = LEADING_WEEKDAY.exec(text)?.[0].length ?? 0;
  const hit = findDates(text).find((d) => d.start === weekday || d.start === 0);
  return hit ?? compactLeadingDate(text);
}

/** A field's value that is a date without separators, month first ("060426", "06042026"). */
const COMPACT_VALUE = /^(\s*)(\d{2})(\d{2})(\d{4}|\d{2})(?=\s|$)/;

function compactLeadingDate(text: string): DateHit | null {
  const m = COMPACT_VALUE.exec(text);
  if (!m) return null;
  const iso = toIso(fullYear(m[4]!), Number(m[2]), Number(m[3]));
  const start = m[1]!.length;
  return iso ? { iso, start, end: m[0].length } : null;
}

export interface MonthDay {
  month: number;
  day: number;
  /** Where the month and day stand in the text. */
  start: number;
  end: number;
}

/**
 * A cell that is a month and day with no year, as a flowsheet heads its columns: "09/14",
 * "9/14 Mon", "Mon 9/14", "Sep 14", "14-Sep"; null when the cell holds more than that (a weekday
 * may stand on either side), or a full date (`findDates` reads those).
 */
export function monthDayCell(text: string): MonthDay | null {
  const weekday = LEADING_WEEKDAY.exec(text)?.[0].length ?? 0;
  const rest = text.slice(weekday);
  const m =
    /^(\d{1,2})\/(\d{1,2})(?![\d/])/.exec(rest) ??
    new RegExp(`^${MONTH_WORD}\\.?\\s+(\\d{1,2})(?!\\d)`, 'i').exec(rest) ??
    new RegExp(`^(\\d{1,2})[- ]${MONTH_WORD}(?![\\w-])`, 'i').exec(rest);
  if (!m) return null;
  const dayFirst = /^\d/.test(m[1]!) && !/^\d+$/.test(m[2]!);
  const month = dayFirst ? monthNumber(m[2]!) : monthNumber(m[1]!);
  const day = Number(dayFirst ? m[1] : m[2]);
  if (!toIso(2000, month, day)) return null;
  const after = rest
    .slice(m[0].length)
    .replace(WEEKDAY, '')
    .replace(/[\s,.()]/g, '');
  if (after !== '') return null;
  return { month, day, start: weekday, end: weekday + m[0].length };
}

/**
 * The full date of a yearless month and day: the year that puts it nearest a date the same
 * document prints in full (its week, its signature), within `maxDays`; null when none is that near.
 */
export function dateNear(md: MonthDay, anchors: readonly string[], maxDays = 120): string | null {
  let best: { iso: string; gap: number } | null = null;
  for (const a of anchors) {
    const year = Number(a.slice(0, 4));
    for (const y of [year - 1, year, year + 1]) {
      const iso = toIso(y, md.month, md.day);
      if (!iso) continue;
      const gap = Math.abs(daysBetween(a, iso));
      if (gap <= maxDays && (!best || gap < best.gap)) best = { iso, gap };
    }
  }
  return best?.iso ?? null;
}
