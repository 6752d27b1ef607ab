/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so time zones never shift a date. One
 * implementation for the episode builder, the rules and the UI. `isoDayMs` is cached: rules compare
 * the same few hundred dates thousands of times in a review.
 */
const dayMsCache = new Map<string, number>();

/** Milliseconds at UTC midnight of the date (NaN when unreadable). */
export function isoDayMs(date: string): number {
  let ms = dayMsCache.get(date);
  if (ms === undefined) {
    ms = Date.parse(`${date}T00:00:00Z`);
    if (dayMsCache.size > 100_000) dayMsCache.clear();
    dayMsCache.set(date, ms);
  }
  return ms;
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((isoDayMs(to) - isoDayMs(from)) / 86_400_000);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A stored timestamp (ISO, UTC) as the screens print it: the user's local date in the same
 * YYYY-MM-DD form as every date of service, and with `time` the local 24-hour minute. A UTC
 * slice would put an evening's work on tomorrow's date west of Greenwich.
 */
export function localStamp(iso: string, time = true): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
  return time ? `${day} ${pad2(d.getHours())}:${pad2(d.getMinutes())}` : day;
}

/** Today's date where the user is, YYYY-MM-DD: the default "as of" of every review and list. */
export function localToday(now: Date = new Date()): string {
  return localStamp(now.toISOString(), false);
}
