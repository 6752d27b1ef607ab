/** Page text split into lines that remember where they sit, so every fact can cite its exact span. */
import type { PageText } from '../../../shared/model';

export interface Line {
  page: number;
  /** Offsets of the line within its page's text (end exclusive, line break excluded). */
  start: number;
  end: number;
  text: string;
  /** Running header/footer ("Page 2 of 3", "Printed 11/14/2026"): never starts a document or dates one. */
  running: boolean;
}

export function pageLines(page: PageText): Line[] {
  const lines: Line[] = [];
  const t = page.text;
  let start = 0;
  while (start <= t.length) {
    let nl = t.indexOf('\n', start);
    if (nl < 0) nl = t.length;
    const end = nl > start && t[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({
      page: page.page,
      start,
      end,
      text: withoutDotLeaders(t.slice(start, end)),
      running: false,
    });
    start = nl + 1;
  }
  return lines;
}

/**
 * A legacy report's dot leaders between a label and its colon ("PT NAME.......: ROE, JAN") read
 * as spaces, so every reader sees "PT NAME       : ROE, JAN"; the length (and every offset into
 * the page) stays the same. Leaders with no colon after them stand for one.
 */
const DOT_LEADER = /(?<=[A-Za-z0-9#)/])\.{2,}(?=\s*:)/g;
/**
 * Dot leaders that stand for the colon ("DATE WRITTEN.......... 10/26/26", "OBJECTIVE......"): the
 * last dot becomes the colon, so the field reads "DATE WRITTEN         : 10/26/26".
 */
const DOT_LEADER_AS_COLON = /(?<=[A-Za-z0-9#)/])\.{3,}(?=\s+\S|\s*$)/g;

function withoutDotLeaders(text: string): string {
  if (!text.includes('..')) return text;
  return text
    .replace(DOT_LEADER, (m) => ' '.repeat(m.length))
    .replace(DOT_LEADER_AS_COLON, (m) => `${' '.repeat(m.length - 1)}:`);
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** Lines that carry note content (not blank, not running headers/footers). */
export function contentLines(lines: Line[]): Line[] {
  return lines.filter((l) => !l.running && !isBlank(l));
}
