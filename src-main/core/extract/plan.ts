/** Plan-of-care terms: frequency, amount, duration, reporting period, plan sent to physician, delay reasons. */
import type { DocType } from '../../../shared/model';
import type { FactSink } from './facts';
import { dateRangeAt, findDates, leadingDate, PERIOD_REACH, type DateHit } from '../parse/dates';
import { matchesOverBreak, type Line } from './lines';
import { NUMBER_SOURCE } from '../parse/numbers';

/**
 * A form's box writes the frequency bare before its duration: "2/Wk x 8 Wk" (the CMS-700's box
 * 14), never the form's own example beside its label ("(e.g., 3/Wk. x 4 Wk.)") and never a
 * symptom's count ("headaches <=1/wk").
 */
const PER_WEEK_BOX = String.raw`(?<!e\.g\.,?\s*)\b\d(?:\s*[-–]\s*\d)?\s*\/\s*wk\b(?=\.?\s*(?:x|×|for)\s*\d{1,2}\s*(?:weeks?|wks?)\b)`;
/** A count of sessions, in digits or (dictated) words: "2", "2-3", "two to three". */
const COUNT = `(?:\\d|${NUMBER_SOURCE})(?:\\s*(?:[-–]|to)\\s*(?:\\d|${NUMBER_SOURCE}))?`;
const FREQUENCY = new RegExp(
  `\\b${COUNT}\\s*(?:x|times|days|sessions|visits)\\s*(?:\\/|per|a|each)\\s*(?:week|wk)s?\\b|\\b(?:once|twice)\\s+(?:a|per)\\s+week\\b|${PER_WEEK_BOX}`,
  'gi',
);
/** A session's length unit: "hours", "hrs", "h", "minutes", "min". */
const TIME_UNIT = String.raw`(?:hours?|hrs?|h|minutes?|mins?)\b`;
/** What may stand between a session label and its length: "~60 min", "approx. 3 hours". */
const ABOUT = String.raw`(?:~\s*|approx(?:\.|imately)?\s*|about\s+)?`;
const NUMBER = String.raw`\d+(?:\.\d+)?`;
/** A length or a range of lengths: "3", "2-3", "2.5 – 3". */
const LENGTH = String.raw`${NUMBER}(?:\s*[-–]\s*${NUMBER})?`;
/**
 * Amount per session (BPM §220.1.2.B "amount"): "Amount: 3 hours per session", "4 hrs/day",
 * "60 minutes per visit", "Hours/session: 4", "Session length: 3 hrs", "2 hr sessions", "Amount 3
 * hr", "3 h/session", "Session ~60 min", "Session 2-3 hrs". A bare "45 min" is an activity's time, not
 * the plan's amount.
 */
const AMOUNT = new RegExp(
  [
    String.raw`\b${LENGTH}\s*${TIME_UNIT}\s*(?:\/|per|a|each)\s*(?:session|day|visit|treatment|date of service)\b`,
    String.raw`(?<=\bAmount\s*[:\-–]?\s*)${ABOUT}${LENGTH}\s*${TIME_UNIT}`,
    String.raw`\b${LENGTH}\s*-?\s*${TIME_UNIT}\s*[- ]?sessions?\b`,
    String.raw`\b(?:hours?|hrs?|minutes?|mins?)\s*(?:\/|per)\s*(?:session|day|visit)\s*:\s*${LENGTH}\b`,
    String.raw`\bsessions?(?: (?:length|duration))?\s*:?\s*${ABOUT}${LENGTH}\s*${TIME_UNIT}`,
  ].join('|'),
  'gi',
);
/** "Amount" alone on its line, a form's heading over the session length it gives. */
const AMOUNT_HEADING = /^\W*Amount(?:\s+per\s+session)?\s*:?\s*$/i;
const AMOUNT_UNDER_HEADING = new RegExp(String.raw`^\s*${ABOUT}${NUMBER}\s*${TIME_UNIT}`, 'i');
const DURATION_PHRASE = new RegExp(
  `\\b(?:for|x|×)\\s*(?:\\d{1,2}|${NUMBER_SOURCE})\\s*(?:weeks?|wks?|months?|visits)\\b|\\b\\d{1,2}\\s*(?:weeks?|wks?)\\b`,
  'gi',
);
/** "through 04/30/2026", "until May 1, 2026": a duration as its end date. */
const UNTIL = /\b(?:through|thru|until)\s+/gi;
/**
 * A certified interval written as dates: "Certification period: 03-Mar-2026 to 31-May-2026",
 * "Recert period 06/01/2026 - 07/26/2026", "Cert dates: ...".
 */
const CERT_PERIOD =
  /\b(?:re-?)?cert(?:ification)?\.?\s*(?:period|interval|dates|from)\b\s*:?\s*(?:from\s*)?/gi;
/** Durations are only read on plan lines, never from history ("pain for 6 weeks"). */
const DURATION_CONTEXT =
  /\bfrequency\b|\bduration\b|\bplan\b|\bPOC\b|\bcontinue\b|\bcertification period\b/i;
const REPORT_PERIOD =
  /\b(?:(?:Report(?:ing)?|Rpt) period|Period (?:covered|of report)|(?<=^\s*|[\d)]\s+|\t)Period(?=\s*:)|Progress period|Dates covered|Reporting dates|for the period(?: of)?|Dates? of service|(?:progress|discharge|status) (?:report|note|summary)(?:\s*#\s*\d{1,2})?(?:,?\s+(?:for|period|covering)|(?=,\s*\d))|(?:this )?report covers|covers)\b\s*[:.]?\s*(?:from\s*)?/gi;
const PLAN_SENT =
  /\b(?:plan of care|POC|plan|certification)\b[^.\n]{0,60}?\b(?:faxed|sent|mailed|transmitted|e-?mailed|e-?faxed|forwarded|delivered)\b/i;
/**
 * A certification form's own field for when it went out: "Date sent for signature: 05/15/2026",
 * "Sent to physician: 03/04/2026", "Date faxed to physician: ...". Read on the plan's documents
 * only: a progress report "sent to physician" is the report's, a work status report's "Date sent"
 * the employer's copy.
 */
const SENT_FIELD =
  /\b(?:date\s+)?(?:sent|faxed|transmitted|e-?faxed)\s+(?:to\s+(?:the\s+)?(?:physician|MD|doctor|provider|referring\s+\w+)|for\s+(?:signature|certification))(?:\s+on|\s+date)?\s*:\s*/i;
/** Documents that carry the plan, and so a field for when it went to the physician. */
const PLAN_DOCS: ReadonlySet<DocType> = new Set([
  'plan-of-care',
  'certification',
  'evaluation',
  're-evaluation',
]);
/** "Plan of care dated 04/06/2026 ...": the date a plan is named by, not the day it was sent. */
const DATED_BEFORE = /\bdated\s*$/i;
const DELAY_REASON =
  /\b(?:Reason for (?:the )?delay|Delay reason|Reason for late (?:signature|certification))\s*:\s*(.+)$|\b(?:certification|signature|plan of care)\s+(?:was\s+)?(?:delayed|late)\s+(?:due to|because)\b.*$/i;

export function extractPlanTerms(lines: Line[], type: DocType, sink: FactSink): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text;
    let hasFrequency = false;
    for (const m of t.matchAll(FREQUENCY)) {
      hasFrequency = true;
      sink.add('frequency', m[0], line, m.index ?? 0, (m.index ?? 0) + m[0].length);
    }
    // Justified prose wraps where it must: "Frequency: three" / "days per week."
    for (const m of matchesOverBreak(line, lines[i + 1], FREQUENCY)) {
      hasFrequency = true;
      sink.addSpan('frequency', m.text.replace(/\s+/g, ' '), line.page, m.start, m.end);
    }
    for (const m of t.matchAll(AMOUNT))
      sink.add('amount', m[0], line, m.index ?? 0, (m.index ?? 0) + m[0].length);
    // "Amount" as a form's heading: the length written first under it ("2 hours on first days").
    if (AMOUNT_HEADING.test(t)) {
      const under = nextNonBlank(lines, line);
      const m =
        under && under.text.search(AMOUNT) < 0 ? AMOUNT_UNDER_HEADING.exec(under.text) : null;
      if (under && m) sink.add('amount', m[0].trim(), under, 0, m[0].length);
    }
    if (hasFrequency || DURATION_CONTEXT.test(t)) {
      for (const m of t.matchAll(DURATION_PHRASE)) {
        const value = m[0].replace(/^(?:for|x|×)\s*/i, '');
        const start = (m.index ?? 0) + (m[0].length - value.length);
        sink.add('duration', value, line, start, (m.index ?? 0) + m[0].length);
      }
      for (const m of t.matchAll(UNTIL)) {
        const end = m.index + m[0].length;
        const d = findDates(t.slice(end))[0];
        if (d && d.start === 0)
          sink.add('duration', t.slice(m.index, end + d.end), line, m.index, end + d.end);
      }
    }
    // A certified interval as two dates is the plan's duration, kept as "START to END" (ISO).
    for (const m of t.matchAll(CERT_PERIOD)) {
      const range = dateRangeAt(line.text, m.index + m[0].length);
      if (range)
        sink.add('duration', `${range[0].iso} to ${range[1].iso}`, line, m.index, range[1].end);
    }
    // A line may hold several fields ("Date of Service: 07/02  Reporting Period: 06/02 - 07/02"):
    // the first label a period follows gives it.
    for (const rp of t.matchAll(REPORT_PERIOD)) {
      const after = rp.index + rp[0].length;
      // "Reporting Period" as a heading: the period is the first thing written under it.
      const under = t.slice(after).trim() === '' ? nextNonBlank(lines, line) : null;
      if (under ? readPeriod(under, 0, sink) : readPeriod(line, after, sink)) break;
      // "Reporting period - start: 2026-05-04" over "Reporting period - end: 2026-05-14".
      if (!under && readSplitPeriod(line, nextNonBlank(lines, line), sink)) break;
    }
    const sent = plansSentOn(t, PLAN_DOCS.has(type));
    if (sent) sink.add('plan-sent-date', sent.iso, line, sent.start, sent.end);
    const delay = DELAY_REASON.exec(t);
    if (delay) {
      const start = delay[1] !== undefined ? t.length - delay[1].length : delay.index;
      sink.add('delay-reason', t.slice(start), line, start, t.length);
    }
  }
}

/**
 * When a line says the plan went out: the date its form's field or its sending verb leads to
 * ("sent to Dr. Roe on 03/05/2026"); else, on a log's line, the entry's own date ("03/09/2026
 * 12:02 PM  Fax  Plan of Care 03/09/2026 sent to ... for certification"); else a date between
 * the plan and the verb that does not name the plan ("plan of care 03/02 sent"). In "plan of care
 * dated 04/06/2026 ... sent with this form" the date is the plan's: the line gives none.
 */
function plansSentOn(text: string, planDoc: boolean): DateHit | null {
  const field = planDoc ? SENT_FIELD.exec(text) : null;
  const sent = field ?? PLAN_SENT.exec(text);
  if (!sent) return null;
  const from = sent.index + sent[0].length;
  const after = findDates(text.slice(from))[0];
  if (after) return { ...after, start: from + after.start, end: from + after.end };
  if (field) return null;
  const entry = leadingDate(text);
  if (entry && entry.start === text.length - text.trimStart().length) return entry;
  return (
    findDates(text.slice(0, from)).find(
      (d) => d.start >= sent.index && !DATED_BEFORE.test(text.slice(0, d.start)),
    ) ?? null
  );
}

/** "Start: 4/6/2026 (entry evaluation) End: 4/17/2026": a period's ends labelled on one line. */
const START_LABEL = /\b(?:Start|From|Begin(?:ning)?)(?:\s+date)?\s*:\s*/i;
const END_LABEL = /\b(?:End|To|Through|Thru)(?:\s+date)?\s*:\s*/i;

function labelledRange(t: string, from: number): [DateHit, DateHit] | null {
  const rest = t.slice(from, from + PERIOD_REACH);
  const s = START_LABEL.exec(rest);
  const e = END_LABEL.exec(rest);
  if (!s || !e || e.index < s.index) return null;
  const at = (label: RegExpExecArray): DateHit | null => {
    const d = findDates(rest.slice(label.index + label[0].length))[0];
    if (!d || d.start !== 0) return null;
    const base = from + label.index + label[0].length;
    return { iso: d.iso, start: base + d.start, end: base + d.end };
  };
  const start = at(s);
  const end = at(e);
  return start && end ? [start, end] : null;
}

/** Whether a line states a report's period ("Reporting period: 03/16/2026 - 03/26/2026"). */
export function statesReportPeriod(text: string): boolean {
  for (const rp of text.matchAll(REPORT_PERIOD)) {
    const after = rp.index + rp[0].length;
    if (dateRangeAt(text, after) ?? labelledRange(text, after)) return true;
  }
  return false;
}

function readPeriod(line: Line, from: number, sink: FactSink): boolean {
  const range = dateRangeAt(line.text, from) ?? labelledRange(line.text, from);
  if (!range) return false;
  sink.add('report-period-start', range[0].iso, line, range[0].start, range[0].end);
  sink.add('report-period-end', range[1].iso, line, range[1].start, range[1].end);
  return true;
}

/** A period whose start and end are fields of their own, on this line and the next. */
function readSplitPeriod(line: Line, next: Line | null, sink: FactSink): boolean {
  if (!next || next.page !== line.page) return false;
  const ends = (l: Line, label: RegExp): DateHit | null => {
    const m = label.exec(l.text);
    const d = m ? leadingDate(l.text.slice(m.index + m[0].length)) : null;
    return m && d
      ? { ...d, start: m.index + m[0].length + d.start, end: m.index + m[0].length + d.end }
      : null;
  };
  const start = END_LABEL.test(line.text) ? null : ends(line, START_LABEL);
  const end = start && !START_LABEL.test(next.text) ? ends(next, END_LABEL) : null;
  if (!start || !end) return false;
  sink.add('report-period-start', start.iso, line, start.start, start.end);
  sink.add('report-period-end', end.iso, next, end.start, end.end);
  return true;
}

function nextNonBlank(lines: Line[], line: Line): Line | null {
  for (let i = lines.indexOf(line) + 1; i < lines.length; i++)
    if (lines[i]!.text.trim() !== '') return lines[i]!;
  return null;
}
