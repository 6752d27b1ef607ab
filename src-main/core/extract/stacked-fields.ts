/**
 * Forms that print each field's label on its own line and the value under it ("Date of Service"
 * over "10/05/2026", "Session Start" over "8:00 AM"): the label and its value read as one field,
 * "Date of Service:10/05/2026", so every reader that knows "Label: value" knows them too. The
 * joined line spans both lines of the page and keeps its length (the line break becomes the
 * colon), so every fact still quotes the page exactly.
 */
import { isTitleLine } from './classify';
import { isRuleLine } from './layout';
import { type Line, isBlank } from './lines';
import { headingOf } from './sections';

/** A field's label: a few capitalized words, no colon, no sentence, no figures but in brackets. */
const LABEL = /^[A-Z][A-Za-z#&/()'’ .-]{0,39}$/;
const MAX_LABEL_WORDS = 5;
/**
 * A form's prompt over an answer indented under it ("Did the patient tolerate treatment?" over
 * "    Yes - no s/s aspiration"): longer than a label, and it may ask.
 */
const PROMPT = /^[A-Z][A-Za-z#&/()'’ .,-]{0,89}\??$/;
const MAX_PROMPT_WORDS = 14;
/** How many label/value pairs with a short value (a date, a name, a number) make a stacked form. */
const MIN_SHORT_PAIRS = 3;
const SHORT_VALUE_CHARS = 40;
/**
 * A value that is a list's first item, a field of its own or a table's row (cells apart by a tab)
 * is no label's value.
 */
const NOT_A_VALUE = /^\s*(?:[-•*·]|\d{1,2}[.)]\s|[A-Z][^:\t]{0,40}:\s)|\t/;

/**
 * A field's label, not a heading: a heading in capitals ("RESULTS VS JOB DEMANDS") or a section's
 * name ("Assessment") heads what is under it, as the section reader reads it.
 */
function isLabel(line: Line | undefined, capitals = false, prompt = false): boolean {
  if (!line || line.running || isBlank(line)) return false;
  const t = line.text.trim();
  const shape = t.replace(/\([^()]*\)/g, '()');
  if (prompt ? !PROMPT.test(shape) || /[.!]$/.test(t) : !LABEL.test(shape) || /[.!?]$/.test(t))
    return false;
  // A form of capitals labels ("VISIT DATE" over "2026/04/17") prints no lower case in them.
  if (capitals ? /[a-z]/.test(t) : !/[a-z]/.test(t)) return false;
  return (
    t.split(/\s+/).length <= (prompt ? MAX_PROMPT_WORDS : MAX_LABEL_WORDS) &&
    !isRuleLine(t) &&
    !isTitleLine(t) &&
    headingOf(t) === null
  );
}

/** The line under a label, when it is the label's value (not a heading's rule, not a label). */
function valueUnder(lines: Line[], i: number, capitals: boolean): Line | null {
  const value = lines[i + 1];
  if (!value || value.running || isBlank(value) || isRuleLine(value.text)) return null;
  if (value.page !== lines[i]!.page || NOT_A_VALUE.test(value.text)) return null;
  // Under a capitals label the value is written otherwise ("Halvorsen, Margit E", "1939/07/22"):
  // capitals under capitals are the next heading.
  if (capitals && !/[a-z\d]/.test(value.text)) return null;
  // A label under a label is the next field's, unless nothing but a label follows it either.
  if (isLabel(value, capitals)) {
    const next = lines[i + 2];
    if (
      next &&
      !next.running &&
      !isBlank(next) &&
      !isRuleLine(next.text) &&
      !isLabel(next, capitals)
    )
      return null;
  }
  return value;
}

/** The line under a prompt is indented further than it: the form's answer. */
function answerIndented(lines: Line[], i: number): boolean {
  const indent = (l: Line) => l.text.length - l.text.trimStart().length;
  const next = lines[i + 1];
  return !!next && !isBlank(next) && indent(next) > indent(lines[i]!);
}

/** How many label/value pairs with a short value the lines hold. */
function shortPairs(lines: Line[], capitals: boolean): number {
  let short = 0;
  for (let i = 0; i < lines.length && short < MIN_SHORT_PAIRS; i++) {
    if (!isLabel(lines[i], capitals)) continue;
    const value = valueUnder(lines, i, capitals)?.text.trim();
    if (value && value.length <= SHORT_VALUE_CHARS && !/[.!?]$/.test(value)) short++;
  }
  return short;
}

/**
 * Joins the stacked fields of a page's lines, when the page prints its fields that way: labels
 * in ordinary case, or (a tablet form's) labels in capitals.
 */
export function joinStackedFields(lines: Line[]): Line[] {
  const capitals =
    shortPairs(lines, false) >= MIN_SHORT_PAIRS
      ? false
      : shortPairs(lines, true) >= MIN_SHORT_PAIRS
        ? true
        : null;
  if (capitals === null) return lines;
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const label = lines[i]!;
    const value =
      isLabel(label, capitals) || (isLabel(label, capitals, true) && answerIndented(lines, i))
        ? valueUnder(lines, i, capitals)
        : null;
    if (!value) {
      out.push(label);
      continue;
    }
    const gap = value.start - label.end;
    out.push({
      page: label.page,
      start: label.start,
      end: value.end,
      text: `${label.text}:${' '.repeat(Math.max(0, gap - 1))}${value.text}`,
      running: false,
    });
    i++;
  }
  return out;
}
