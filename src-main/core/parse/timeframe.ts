/**
 * A goal's time frame as clinicians write it: "in 2 wks", "x 4 wks", "(1.5 weeks)", "within 6
 * visits", "over the next three weeks", "by 04/15/2026", "by Apr 15", "by discharge", "LTG - 4
 * weeks -", a target date. BPM Ch. 15 §220.1.2 asks for goals with an expected time frame.
 */
import { findDates } from './dates';

export interface Span {
  text: string;
  start: number;
  end: number;
}

const NUMBER = String.raw`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)`;
const UNIT = String.raw`(?:days?|wks?|weeks?|months?|mos?|visits?|sessions?|treatments?|tx|appointments?|appts?)`;
const AMOUNT = String.raw`${NUMBER}\s*-?\s*${UNIT}`;
/**
 * "in 2 wks", "within 6 visits", "x 4 wks", "over the next 3 weeks", "in 3-4 weeks". "In one
 * session" says how the task is done (all of it in a single session), not by when.
 */
const AFTER_WORD = new RegExp(
  String.raw`\b(?:(?:in|at)(?!\s+(?:one|a|an|1|a\s+single)\s+(?:session|visit|treatment|tx|appointment)\b)|within|by|after|over|for|x|×)\s+(?:the\s+)?(?:next\s+|following\s+|additional\s+)?(?:\d+\s*(?:-|to)\s*)?${AMOUNT}\b|(?:^|\s)[x×]\s*${AMOUNT}\b`,
  'i',
);
/** "(3 weeks)", "(2 wk)", "[6 visits]". */
const IN_BRACKETS = new RegExp(String.raw`[([]\s*(?:\d+\s*(?:-|to)\s*)?${AMOUNT}\s*[)\]]`, 'i');
/**
 * A number and unit on its own ("LTG - 4 weeks -", "STG 2 wks:"), weeks or longer or visits. A
 * PDF whose goal cell overflows into the target cell runs them together ("neutral spine1 week"):
 * a letter before the number does not hide it.
 */
const BARE = new RegExp(
  String.raw`(?<![\d.])\d+(?:\.\d+)?\s*-?\s*(?:wks?|weeks?|months?|mos?|visits?|sessions?)\b`,
  'i',
);
/** "by discharge", "at D/C", "by the end of the program", "upon completion of the program". */
const BY_EVENT =
  /\b(?:by|at|upon|before|prior to)\s+(?:the\s+)?(?:discharge|d\/c|dc|(?:end|completion) of (?:the\s+)?(?:program|plan of care|poc|episode|certification(?: period)?|authori[sz]ation|treatment|care|tx))\b/i;
/** Words that put a date as the goal's deadline: "by 04/15/2026", "target date: 4/15/26". */
const DATE_CUE =
  /\b(?:by|before|on or before|no later than|until|through|thru|due|target(?:\s+date)?|goal date|expected(?:\s+date)?|anticipated(?:\s+date)?)\s*:?\s*$/i;

/** The time frame written in a goal (or its label or heading), or null. */
export function findTimeFrame(text: string): Span | null {
  for (const re of [IN_BRACKETS, AFTER_WORD, BY_EVENT]) {
    const m = re.exec(text);
    if (m) return span(text, m.index, m.index + m[0].length);
  }
  for (const d of findDates(text)) {
    const cue = DATE_CUE.exec(text.slice(0, d.start));
    if (cue) return span(text, cue.index, d.end);
  }
  // "by Apr 15" without a year.
  const monthDay =
    /\b(?:by|before|target|due)\s*:?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b(?:by|before)\s+\d{1,2}\/\d{1,2}\b/i.exec(
      text,
    );
  if (monthDay) return span(text, monthDay.index, monthDay.index + monthDay[0].length);
  const bare = BARE.exec(text);
  return bare ? span(text, bare.index, bare.index + bare[0].length) : null;
}

function span(text: string, start: number, end: number): Span {
  let s = start;
  while (s < end && /\s/.test(text[s]!)) s++;
  return { text: text.slice(s, end).trim(), start: s, end };
}

/** A date that stands alone as a time frame (a "Target date" table cell). */
export function isTargetDate(text: string): boolean {
  const dates = findDates(text);
  return (
    dates.length === 1 &&
    text.replace(/[\s.:,-]/g, '').length <= dates[0]!.end - dates[0]!.start + 2
  );
}
