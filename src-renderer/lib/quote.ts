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

/**
 * Letters and digits of a word, lower-cased: OCR and the quote differ in punctuation ("DOB:" read
 * as "DOB;"), case and where a word breaks ("02/11/1958" read as "02/11/ 1958").
 */
function wordKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Wrong characters tolerated in a quote of `n` letters and digits: none below 4 (two letters
 * with one wrong would match anywhere), then one in every ten, as OCR misreads one glyph here and
 * there ("0" for "O", "l" for "1").
 */
export function ocrErrorsAllowed(n: number): number {
  return n < 4 ? 0 : Math.max(1, Math.floor(n / 10));
}

/**
 * Where a quote is among OCR words: every closest match (word indices, in order), as the quote
 * alone cannot tell two copies apart ("08/12/2026" in a fax header and beside the signature).
 * Words and quote are compared as one run of letters and digits, so case, punctuation, spacing and
 * split or joined words do not matter, and a few wrong, missing or extra characters are tolerated
 * (approximate substring search, Sellers: edit distance with a free start and end in the page).
 * Empty when even the closest match is too far off.
 */
export function quoteMatchesInWords(
  words: ReadonlyArray<{ text: string }>,
  quote: string,
): number[][] {
  const q = wordKey(quote);
  if (!q) return [];
  let page = '';
  const owner: number[] = [];
  words.forEach((w, i) => {
    const k = wordKey(w.text);
    page += k;
    for (let c = 0; c < k.length; c++) owner.push(i);
  });
  if (!page) return [];
  const m = q.length;
  const allowed = ocrErrorsAllowed(m);
  // Column j of the DP: cost[i] = edits to match q[0..i) ending at page[j-1]; from[i] = where
  // that match starts in the page.
  let cost = Array.from({ length: m + 1 }, (_, i) => i);
  let from = new Array<number>(m + 1).fill(0);
  const ends: Array<{ cost: number; start: number; end: number }> = [];
  for (let j = 1; j <= page.length; j++) {
    const next = [0];
    const nextFrom = [j];
    for (let i = 1; i <= m; i++) {
      const sub = cost[i - 1]! + (q[i - 1] === page[j - 1] ? 0 : 1);
      const skipPage = cost[i]! + 1;
      const skipQuote = next[i - 1]! + 1;
      if (sub <= skipPage && sub <= skipQuote) {
        next.push(sub);
        nextFrom.push(from[i - 1]!);
      } else if (skipPage <= skipQuote) {
        next.push(skipPage);
        nextFrom.push(from[i]!);
      } else {
        next.push(skipQuote);
        nextFrom.push(nextFrom[i - 1]!);
      }
    }
    cost = next;
    from = nextFrom;
    if (cost[m]! <= allowed && j > from[m]!) ends.push({ cost: cost[m]!, start: from[m]!, end: j });
  }
  if (ends.length === 0) return [];
  const best = Math.min(...ends.map((e) => e.cost));
  const out: number[][] = [];
  let taken = -1;
  // Matches of the best cost that do not overlap an earlier one (a match ending one character
  // later is the same place).
  for (const e of ends) {
    if (e.cost !== best || e.start < taken) continue;
    taken = e.end;
    const hit: number[] = [];
    for (let i = owner[e.start]!; i <= owner[e.end - 1]!; i++)
      if (wordKey(words[i]!.text)) hit.push(i);
    out.push(hit);
  }
  return out;
}

/** The first closest match of a quote among OCR words (see quoteMatchesInWords), or null. */
export function wordsForQuote(
  words: ReadonlyArray<{ text: string }>,
  quote: string,
): number[] | null {
  return quoteMatchesInWords(words, quote)[0] ?? null;
}
