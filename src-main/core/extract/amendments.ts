/**
 * Addenda, late entries, amendments and corrections (rules.md DOC-LATE-ENTRY): an entry labelled
 * as one in a document's title or at the start of a line. The fact's value is its kind; `detail.of`
 * is the date of the note it amends when the label line says ("Addendum to note of 09/11/2026"),
 * `detail.date` a date of its own on that line ("Late entry written 10/02/2026 ..."). Whether it
 * is dated and signed, and whether the original is on file, the rule decides from the record.
 */
import type { FactSink } from './facts';
import type { Line } from './lines';
import { findDates } from '../parse/dates';
import { AMENDMENT_LABEL, AMENDS_DATE_CUE, amendmentKind } from '../lexicon/amendments';

/** A label mid-sentence is no entry ("the plan was amended"): only the start of a line counts. */
export function extractAmendments(lines: readonly Line[], sink: FactSink): void {
  for (const line of lines) {
    const t = line.text;
    const m = AMENDMENT_LABEL.exec(t);
    if (!m) continue;
    // "Corrected" or "Amended" opening a sentence of the note ("Corrected posture with cues") is
    // not a label: a label stands alone, or is followed by a colon, a dash, a date or a
    // document's name.
    const rest = t.slice(m.index + m[0].length);
    if (
      !/^\s*(?:$|[:\-–—(*]|to\b|for\b|of\b|by\b|re\b|entry\b|note\b|dated\b|\d|(?:daily|treatment|progress|visit|evaluation|plan|discharge|session|report|documentation)\b)/i.test(
        rest,
      )
    )
      continue;
    let of: string | null = null;
    let own: string | null = null;
    // The entry's own date stands in its label ("Addendum 06/25/2026:", "ADDENDUM (05/22/2026
    // 09:10, ...):", "written 05/13/2026"), not in the text it adds ("Addendum: Daughter called
    // 06/25 ...").
    const intoText = /^\s*:\s*(?![\s\d])/.test(rest);
    for (const d of findDates(rest)) {
      const before = rest.slice(0, d.start);
      if (of === null && AMENDS_DATE_CUE.test(before)) of = d.iso;
      else if (own === null && !intoText) own = d.iso;
    }
    sink.add('amendment', amendmentKind(m), line, m.index, t.length, { of, date: own });
  }
}
