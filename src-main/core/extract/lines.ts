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
 * the page) stays the same.
 */
const DOT_LEADER = /(?<=[A-Za-z0-9#)/])\.{2,}(?=\s*:)/g;

function withoutDotLeaders(text: string): string {
  return text.includes('..') ? text.replace(DOT_LEADER, (m) => ' '.repeat(m.length)) : text;
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** Lines that carry note content (not blank, not running headers/footers). */
export function contentLines(lines: Line[]): Line[] {
  return lines.filter((l) => !l.running && !isBlank(l));
}
