/**
 * Finding a cited quote in page text. Extracted text and the quote may differ in whitespace and
 * line breaks, so both are compared whitespace-collapsed and case-folded; the match is mapped back
 * to offsets in the original text (for <mark>) or to text items (for PDF highlight boxes).
 */

export interface Span {
  start: number;
  end: number;
}

interface Normalized {
  text: string;
  /** Original offset of each normalized character. */
  map: number[];
}

function normalize(s: string): Normalized {
  let text = '';
  const map: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      pendingSpace = text.length > 0;
      continue;
    }
    if (pendingSpace) {
      text += ' ';
      map.push(i);
      pendingSpace = false;
    }
    text += ch.toLowerCase();
    map.push(i);
  }
  return { text, map };
}

/** Span of `quote` in `text` (original offsets, end exclusive), or null. */
export function findQuote(text: string, quote: string): Span | null {
  const q = normalize(quote).text;
  if (!q) return null;
  const t = normalize(text);
  const at = t.text.indexOf(q);
  if (at < 0) return null;
  const start = t.map[at]!;
  const end = t.map[at + q.length - 1]! + 1;
  return { start, end };
}

/** Split text into plain and highlighted parts for rendering. */
export function splitAtQuote(text: string, quote: string): Array<{ text: string; mark: boolean }> {
  const span = findQuote(text, quote);
  if (!span) return [{ text, mark: false }];
  return [
    { text: text.slice(0, span.start), mark: false },
    { text: text.slice(span.start, span.end), mark: true },
    { text: text.slice(span.end), mark: false },
  ].filter((p) => p.text.length > 0);
}

/**
 * Which parts of which text items a quote covers. Items are joined with a space (the page text a
 * PDF reader builds); returns, per covered item, the fraction range [from, to) of its string.
 */
export function itemsForQuote(
  items: ReadonlyArray<{ str: string }>,
  quote: string,
): Array<{ index: number; from: number; to: number }> {
  const starts: number[] = [];
  let joined = '';
  items.forEach((it, i) => {
    if (i > 0) joined += ' ';
    starts.push(joined.length);
    joined += it.str;
  });
  const span = findQuote(joined, quote);
  if (!span) return [];
  const out: Array<{ index: number; from: number; to: number }> = [];
  items.forEach((it, i) => {
    const s = starts[i]!;
    const e = s + it.str.length;
    if (it.str.length === 0 || e <= span.start || s >= span.end) return;
    const a = Math.max(span.start, s) - s;
    const b = Math.min(span.end, e) - s;
    out.push({ index: i, from: a / it.str.length, to: b / it.str.length });
  });
  return out;
}
