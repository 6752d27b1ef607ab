/**
 * A physician's verbal (or telephone) certification of the plan, as the therapist documents it:
 * "Verbal order received from Dr. Ortiz 08/05/2026", "Plan certified verbally by telephone". The
 * value is the date on the line, or `undated` (the rule then takes the document's date). Medicare
 * accepts a documented verbal certification as timely when a signature follows within 14 days
 * (BPM Ch. 15 §220.1.3.B; rules.md DOC-POC-CERT).
 */
import type { FactSink } from './facts';
import type { Line } from './lines';
import { findDates } from '../parse/dates';
import { answeredNo } from '../lexicon/negation';
import { tickedText } from './layout';

const VERBAL =
  /\b(?:(?:verbal|telephone|phone)\s+(?:order|certification|cert\b|approval)|certified\s+verbally|verbally\s+(?:certified|approved)|V\.O\.\s+(?:from|per|received))/i;
/** "no verbal order", "awaiting verbal approval": the line says there is none (yet). */
const NOT_GIVEN =
  /\b(?:no|not|without|awaiting|await|pending|request(?:ed|ing)?|left (?:a )?message)\b[^.;]{0,30}$/i;

/**
 * What an order is for when it is not the therapy plan: a diet or liquid level, medication, a
 * test or equipment ("Phone order obtained ... for IDDSI 6 / IDDSI 1").
 */
const OTHER_ORDER =
  /\b(?:diet|IDDSI|liquids?|texture|medications?|meds|labs?|x-?rays?|imaging|MRI|DME|wheelchair|walker|brace|orthosis|splint)\b/i;
/** Words that put the plan itself in the order's sentence. */
const PLAN_WORDS = /\b(?:plan|POC|certif\w*|recert\w*|therapy|treatment|PT|OT|SLP|ST|visits?)\b/;

export function extractVerbalOrders(lines: Line[], sink: FactSink): void {
  for (const line of lines) {
    const t = line.text;
    const m = VERBAL.exec(t);
    // "no verbal order" before it, or a form's field answered "No" after it (a ticked box too).
    if (!m || NOT_GIVEN.test(t.slice(0, m.index))) continue;
    // An order for a diet or a test certifies no plan.
    const rest = t.slice(m.index + m[0].length);
    if (OTHER_ORDER.test(rest) && !PLAN_WORDS.test(rest)) continue;
    if (answeredNo(tickedText(t), m.index + m[0].length)) continue;
    const date = findDates(t.slice(m.index))[0];
    sink.add(
      'verbal-certification',
      date ? date.iso : 'undated',
      line,
      m.index,
      date ? m.index + date.end : t.length,
    );
  }
}
