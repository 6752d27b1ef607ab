/**
 * Why care ended, as a discharge note states it: a labelled field ("Reason for discharge: goals
 * met", "D/C reason - patient moved"), the line under a "Reason for Discharge" heading, or the
 * ticked boxes of a printed form's list of reasons. The Medicare discharge note and work-program
 * audits both ask for it (rules.md DOC-DISCHARGE).
 */
import type { DocType } from '../../../shared/model';
import type { FactSink } from './facts';
import { type Line, isBlank, matchesOverBreak } from './lines';
import { headingOf } from './sections';
import { isRuleLine, withoutRuleTail } from './layout';

const REASON = String.raw`(?:reason\s+(?:for\s+)?(?:discharge|d\/c|closure)|(?:discharge|closure)\s+reason|d\/c\s+reason|reason\s+discharged)`;
/**
 * The label with its value on the same line (after a colon, a dash or a run-in heading's full
 * stop, a form's "(select one)" before it), or in the next cell of a field table's row.
 */
const LABELLED = new RegExp(
  String.raw`\b${REASON}(?:\s*\((?:select|check|choose|mark)[^()]{0,20}\))?(?:\s*(?::|-|–|—)\s*|[ ]*\t\s*|\.\s+(?=[A-Z0-9]))`,
  'i',
);
/**
 * The label alone on its line ("Reason for discharge:", a run-in "Reason for discharge."), or
 * the second half of a heading a template shares with its first section ("Chief Complaint /
 * Reason for Discharge").
 */
const HEADING = new RegExp(String.raw`^\W*(?:[A-Za-z ]{2,40}\s*\/\s*)?${REASON}\s*[:.]?\s*$`, 'i');
/**
 * "Discharged due to ..." in a discharge summary's own words; "is discharged from the program,
 * having reached the planned end" gives its reason in a participle.
 */
const DUE_TO =
  /\bdischarg(?:e[ds]?|ing)\b[^.;]{0,100}?\b(?:due\s+to|secondary\s+to|because(?:\s+of)?|as(?=\s+(?:he|she|they|the patient|pt|all|goals?|planned)\b)|having(?=\s+(?:reached|met|completed|achieved|attained|plateaued|returned|resumed)\b))\s+/i;
const DUE_TO_ANYWHERE = new RegExp(DUE_TO.source, 'gi');
/** Where a sentence ends: a full stop or semicolon before a space or the line's end. */
const SENTENCE_END = /[.;](?=\s|$)/;

/**
 * Checkbox marks as printed forms write them. A form lists every reason and ticks one: only the
 * ticked options are the reason.
 */
const CHECKED = String.raw`☒|☑|✓|✔|\[\s*[xX✓✔]\s*\]|\(\s*[xX]\s*\)`;
const UNCHECKED = String.raw`☐|□|\[\s*\]|\(\s*\)`;
const MARK = new RegExp(`(${CHECKED})|${UNCHECKED}`, 'g');

export function extractDischargeReason(lines: Line[], type: DocType, sink: FactSink): void {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (HEADING.test(withoutRuleTail(t))) {
      // The line under the heading (and under its underline, "Reason for Discharge" over
      // "-------"), or the checkbox lines under it.
      let j = i + 1;
      while (j < lines.length && (isBlank(lines[j]!) || isRuleLine(lines[j]!.text))) j++;
      // Another heading right under it means the field was left empty.
      if (j >= lines.length || headingOf(lines[j]!.text) || /:\s*$/.test(lines[j]!.text)) continue;
      if (!addTicked(lines[j]!, 0, sink)) addValue(lines[j]!, 0, sink);
      else while (j + 1 < lines.length && addTicked(lines[j + 1]!, 0, sink)) j++;
      continue;
    }
    const labelled = LABELLED.exec(t);
    if (labelled) {
      const from = labelled.index + labelled[0].length;
      if (!addTicked(lines[i]!, from, sink)) addValue(lines[i]!, from, sink);
      continue;
    }
    if (type !== 'discharge-summary') continue;
    const due = DUE_TO.exec(t);
    if (due) {
      // "... discharging her from therapy, as she" / "has met her goals.": the sentence runs on.
      const next = lines[i + 1];
      const rest = t.slice(due.index + due[0].length);
      if (!SENTENCE_END.test(rest) && next && next.page === lines[i]!.page && !isBlank(next)) {
        const end = SENTENCE_END.exec(next.text)?.index ?? next.text.length;
        const value = `${t.slice(due.index).trim()} ${next.text.slice(0, end).trim()}`;
        const line = lines[i]!;
        sink.addSpan(
          'discharge-reason',
          value,
          line.page,
          line.start + due.index,
          next.start + end,
        );
      } else addValue(lines[i]!, due.index, sink, true);
      continue;
    }
    // Prose wraps: "was discharged from our program today, ..., after exit functional" /
    // "testing, because she has reached her goals": the reason cites the line that says it.
    const next = lines[i + 1];
    // The line says who was discharged ("... I am discharging" / "her because ..."); a title's
    // "Discharge Summary" over the first line is no such sentence.
    const [wrapped] = /\bdischarg(?:ed|ing)\b/i.test(t)
      ? matchesOverBreak(lines[i]!, next, DUE_TO_ANYWHERE)
      : [];
    if (wrapped && next) addValue(next, wrapped.end - next.start, sink, true);
    else if (next && next.page === lines[i]!.page && !isBlank(next)) {
      // "... is discharged from the program, having" / "reached the planned end ...": the
      // connective ends the line and the reason is the next line's sentence.
      const head = t.trimEnd();
      const lead = next.text.length - next.text.trimStart().length;
      const m = DUE_TO.exec(`${head} ${next.text.trimStart()}`);
      if (m && m.index < head.length && m.index + m[0].length === head.length + 1)
        addValue(next, lead, sink, true);
    }
  }
}

/**
 * The ticked options of a checkbox line (text from a ticked mark to the next mark). Returns
 * whether the line is a checkbox line at all, ticked or not.
 */
function addTicked(line: Line, from: number, sink: FactSink): boolean {
  const t = line.text;
  const marks = [...t.slice(from).matchAll(MARK)].map((m) => ({
    checked: m[1] !== undefined,
    start: from + m.index,
    end: from + m.index + m[0].length,
  }));
  if (marks.length === 0) return false;
  marks.forEach((m, k) => {
    if (!m.checked) return;
    const end = marks[k + 1]?.start ?? t.length;
    const value = t.slice(m.end, end).replace(/\s+/g, ' ').trim();
    if (/[A-Za-z]{3}/.test(value)) sink.add('discharge-reason', value, line, m.end, end);
  });
  return true;
}

/**
 * The field's value runs to the next column gap (a reason in prose, `sentence`, to its sentence's
 * end); it must say something (letters, not a blank).
 */
function addValue(line: Line, from: number, sink: FactSink, sentence = false): void {
  const gap = (sentence ? /\s{3,}|\t|\||[.;](?=\s|$)/ : /\s{3,}|\t|\|/).exec(line.text.slice(from));
  const end = gap ? from + gap.index : line.text.length;
  const value = line.text.slice(from, end).trim();
  if (!/[A-Za-z]{3}/.test(value) || /^_+$/.test(value)) return;
  sink.add('discharge-reason', value.replace(/\s+/g, ' '), line, from, end);
}
