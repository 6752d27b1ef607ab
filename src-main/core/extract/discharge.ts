/**
 * Why care ended, as a discharge note states it: a labelled field ("Reason for discharge: goals
 * met", "D/C reason - patient moved") or the line under a "Reason for Discharge" heading. The
 * Medicare discharge note and work-program audits both ask for it (rules.md DOC-DISCHARGE).
 */
import type { DocType } from '../../../shared/model';
import type { FactSink } from './facts';
import type { Line } from './lines';

const REASON = String.raw`(?:reason\s+for\s+(?:discharge|d\/c)|discharge\s+reason|d\/c\s+reason|reason\s+discharged)`;
/** The label with its value on the same line. */
const LABELLED = new RegExp(String.raw`\b${REASON}\s*(?::|-|–)\s*`, 'i');
/** The label alone on its line: a heading whose value is the next non-blank line. */
const HEADING = new RegExp(String.raw`^\W*${REASON}\s*:?\s*$`, 'i');
/** "Discharged due to ..." in a discharge summary's own words. */
const DUE_TO =
  /\bdischarged?\s+(?:from\s+\w+(?:\s+\w+)?\s+)?(?:due\s+to|secondary\s+to|because(?:\s+of)?)\s+/i;

export function extractDischargeReason(lines: Line[], type: DocType, sink: FactSink): void {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    const labelled = LABELLED.exec(t);
    if (labelled) {
      addValue(lines[i]!, labelled.index + labelled[0].length, sink);
      continue;
    }
    if (HEADING.test(t)) {
      const next = lines.slice(i + 1).find((l) => l.text.trim() !== '');
      if (next) addValue(next, 0, sink);
      continue;
    }
    if (type !== 'discharge-summary') continue;
    const due = DUE_TO.exec(t);
    if (due) addValue(lines[i]!, due.index, sink);
  }
}

/** The field's value runs to the next column gap; it must say something (letters, not a blank). */
function addValue(line: Line, from: number, sink: FactSink): void {
  const gap = /\s{3,}|\t|\|/.exec(line.text.slice(from));
  const end = gap ? from + gap.index : line.text.length;
  const value = line.text.slice(from, end).trim();
  if (!/[A-Za-z]{3}/.test(value) || /^_+$/.test(value)) return;
  sink.add('discharge-reason', value.replace(/\s+/g, ' '), line, from, end);
}
