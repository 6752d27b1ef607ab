/**
 * Negation as notes write it: "No new symptoms, no falls, no change in condition", "denies
 * numbness", "without increased pain", "not plateaued". A cue a reader finds is void when one of
 * these stands within a few words before it in the same clause.
 */
const NEGATOR =
  /\b(?:no|not|nor|never|without|denies|denied|deny|negative for|none|absent|free of|rule out|r\/o|has not|have not|did not|does not|is not|was not)\b(?:[\s-]+[\w/'-]+){0,3}[\s-]*$/i;

/** Whether the words just before `at` (back to the clause's start) negate what starts there. */
export function negatedAt(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const clause = Math.max(
    before.lastIndexOf('.'),
    before.lastIndexOf(';'),
    before.lastIndexOf(','),
    before.lastIndexOf(':'),
  );
  return NEGATOR.test(before.slice(clause + 1));
}

/** The first match of `re` (global) in `text` that is not negated, or null. */
export function firstAffirmed(text: string, re: RegExp): RegExpExecArray | null {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (!negatedAt(text, m.index)) return m;
    if (m[0] === '') g.lastIndex++;
  }
  return null;
}

/**
 * A labelled field answered "no" after the label: "Verbal order received: No", "Telephone order?
 * N", "Verbal order: N/A", "Signature on file - none". Up to three words may finish the label
 * before its colon, dash or question mark. A form's ticked "No" box reads so once its line is
 * read as ticked (extract/layout.ts tickedText).
 */
const ANSWERED_NO =
  /^(?:\s+[A-Za-z][\w/-]*){0,3}\s*[:?\u2013-]\s*(?:no\b|n(?:\/a)?\b|none\b|not\s+(?:received|obtained|given|done|on file)\b)/i;

/** Whether the field whose label ends at `end` is answered "no". */
export function answeredNo(text: string, end: number): boolean {
  return ANSWERED_NO.test(text.slice(end));
}
