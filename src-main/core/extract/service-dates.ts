/** Date of service and document date: labeled dates, and the bare date under a title. */
import type { DocType } from '../../../shared/model';
import type { FactSink } from './facts';
import {
  dateRangeAt,
  findDates,
  isBareDateLine,
  labeledDates,
  type LabeledDate,
  leadingDate,
} from '../parse/dates';
import type { Line } from './lines';
import { documentedOn, isSignatureLine, SIGNATURE_DATE_LINE } from './signatures';
import { opensWithClockRange } from './times';

/**
 * A label that gives a date and its time together ("Service Date/Time:", "Date & Time of Visit:",
 * "Visit Date and Time:"), as hospital systems print a timestamp.
 */
const AND_TIME = String.raw`(?:\s*(?:\/|&|and)\s*Time)?`;

/**
 * Labels whose date is the date the service was given; a bare "Visit:" only when its value starts
 * with a date ("Visit: Jun 3, 2026 · 8:00 AM"), as every label here (leadingDate).
 */
const DOS_LABEL = new RegExp(
  String.raw`\b(?:Date${AND_TIME} of Service|Dates? of Service|Service Date|Serv\.? Date|DOS|Visit Date|Date of Visit|Tx Date|Treatment Date|Date of Treatment|Session Date|Appointment Date|Appt Date|Encounter Date|Date of Note|Note Date|Exam Date|Date of Exam|Evaluation Date|Date of Evaluation|Eval Date|Test Date|Date of Test(?:ing)?|Date${AND_TIME} of (?:Visit|Encounter)|(?:Visit|Encounter|Appointment)(?=\s*:))${AND_TIME}\b\s*[:#=-]?\s*`,
  'dgi',
);

/** Labels whose date is when the document itself was written or issued. */
const DOC_DATE_LABEL =
  /\b(?:Report Date|Date of Report|Document Date|Date of Document|Date Written|Letter Date|Order Date|Date of Order|Referral Date|Date of Referral|Date of Call|Call Date|Date Sent|Request Date|Determination Date|Review Date|Decision Date|Date Issued|Issue Date|Date of Analysis|Discharge Date|Date of Discharge|D\/C Date|DC Date|Date of D\/C|Date of Notice|Notice Date|Date of Letter|Date of Determination|Date of Decision|Date of Review|Date of Request|Date of Progress Report|Date of Re-?evaluation|Progress Report Date|Response Date|Date of Response)\b\s*[:#=-]?\s*/dgi;

/** A printed e-mail's header: "Sent: Thursday, April 30, 2026 11:07 AM" is when it was written. */
const EMAIL_SENT_LABEL = /^\s*Sent\s*:\s*/dgi;

/** A plain "Date:" label that starts a line or a field (never "Surgery Date:" or "Start Date:"). */
const GENERIC_DATE_LABEL = new RegExp(
  String.raw`(?:^|[ \t]{2,}|\t|\|\s*|^\W+)Date${AND_TIME}\s*[:#]\s*`,
  'dgi',
);

/**
 * Lines whose dates are never a service date (signatures, birth, injury, validity periods, the
 * next appointment: "26. Next scheduled appointment: 03/30/2026", the surgery a prescription
 * follows: "Procedure: L shoulder RCR - DOS 03/23/2026").
 */
const NOT_SERVICE_LINE =
  /\b(?:DOB|D\.O\.B|birth|DOI|injury|onset|surgery|printed|faxed|sign(?:ed|ature)|certif(?:y|ied)|through|thru|valid|expir\w*|effective|reporting period|report period|next|upcoming|procedure|operation|operative)\b/i;

/** Document types whose own date is a date of service. */
const VISIT_TYPES: ReadonlySet<DocType> = new Set([
  'evaluation',
  're-evaluation',
  'daily-note',
  'progress-report',
  'discharge-summary',
  'fce',
]);

/**
 * The field a date stands in: the text back to the previous column gap ("Date of report:
 * 04/13/2026<tab>Reporting period: ..." has two fields). A birth, injury or validity word in
 * another field of the line says nothing about this one.
 */
function fieldBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  const gap = Math.max(before.lastIndexOf('\t'), before.lastIndexOf('|'), lastColumnGap(before));
  // A text layer joins a form's fields with one space ("DOB: Jan-27-1983 Visit Date: ..."): the
  // field before ends with its date where only the next label follows it.
  const prev = findDates(before).at(-1);
  const ended = prev && LABEL_ONLY.test(before.slice(prev.end)) ? prev.end - 1 : -1;
  return before.slice(Math.max(gap, ended) + 1);
}

/** Nothing but a field's label (and its colon) between two dates of a line. */
const LABEL_ONLY = /^\s+[A-Za-z][\w /#.]{0,30}:?\s*$/;

/**
 * Where the last column gap (three spaces or more) starts; a run of spaces that leads up to a
 * colon pads its label ("DOS           : 04/10/26", a legacy report's dot leaders) and is no gap.
 */
function lastColumnGap(text: string): number {
  const t = text.trimEnd();
  let gap = -1;
  for (const m of t.matchAll(/ {3,}/g)) if (t[m.index + m[0].length] !== ':') gap = m.index;
  return gap;
}

/** Labelled dates whose own field is not a birth, injury, signature or validity date. */
function fieldDates(text: string, label: RegExp): LabeledDate[] {
  return labeledDates(text, label).filter(
    (d) => !NOT_SERVICE_LINE.test(fieldBefore(text, d.start)),
  );
}

/**
 * An appointment's line under a chart entry's title, its date then the appointment's time range
 * ("Tuesday, April 7, 2026, 9:00am - 10:15am with NAME, PT | Follow-Up 45 min", "04/14/2026
 * 10:00 AM-10:45 AM"): a scheduling system's own line, which dates the entry it heads. A log's
 * entry ("04/10/2026 1:45 PM FAX OUT") gives one time, when it was made.
 */
function appointmentLine(text: string): boolean {
  const d = leadingDate(text);
  return d !== null && opensWithClockRange(text.slice(d.end));
}

/** Whether a line carries a date that can head a document (used by the splitter). */
export function headerDateOn(line: Line, isTitle: boolean): boolean {
  return headerDateOf(line, isTitle) !== null;
}

/**
 * The date a line gives its document's header: a labelled service or document date (not a birth
 * or injury date on the same line), a bare date line, a log entry's leading date, or a date on
 * the title itself. Null when the line heads nothing.
 */
export function headerDateOf(line: Line, isTitle: boolean): string | null {
  if (line.running || isSignatureLine(line.text)) return null;
  const t = line.text;
  const labelled = [
    ...fieldDates(t, DOS_LABEL),
    ...fieldDates(t, DOC_DATE_LABEL),
    ...fieldDates(t, GENERIC_DATE_LABEL),
  ].sort((a, b) => a.start - b.start)[0];
  if (labelled) return labelled.iso;
  // A hospital record's entry line dates the entry under its title.
  const documented = documentedOn(t);
  if (documented) return documented;
  if (NOT_SERVICE_LINE.test(t)) return null;
  const first = findDates(t)[0];
  if (!first) return null;
  if (isBareDateLine(t)) return first.iso;
  if (appointmentLine(t)) return first.iso;
  // A log's first entry under its title: "03/26/2026<tab>Fax in<tab>Dr. Arroyo".
  if (first.start === 0 && /^\S+\t/.test(t)) return first.iso;
  return isTitle ? first.iso : null;
}

/**
 * Emits date-of-service and document-date facts. `lines` are the document's content lines;
 * `titleIndex` is the title's position among them (or -1).
 */
export function extractServiceDates(
  lines: Line[],
  titleIndex: number,
  type: DocType,
  sink: FactSink,
): void {
  const unlabeledKind = VISIT_TYPES.has(type) ? 'date-of-service' : 'document-date';
  lines.forEach((line, i) => {
    if (isSignatureLine(line.text)) return;
    // "Date:" right under a signature is the signing date; "Date of Service:" never is (under a
    // note's "Signed" status badge).
    const prev = lines[i - 1];
    const service = fieldDates(line.text, DOS_LABEL);
    if (
      prev &&
      service.length === 0 &&
      isSignatureLine(prev.text) &&
      SIGNATURE_DATE_LINE.test(line.text)
    )
      return;
    // "Dates of service: May 4th, 2026 through June 17th, 2026" on a summary is its period (read
    // as such with the report's), not the day it was given.
    for (const d of service)
      if (!dateRangeAt(line.text, d.valueStart))
        sink.add('date-of-service', d.iso, line, d.start, d.end);
    for (const d of [
      ...fieldDates(line.text, DOC_DATE_LABEL),
      ...labeledDates(line.text, EMAIL_SENT_LABEL),
    ])
      sink.add('document-date', d.iso, line, d.start, d.end);
    for (const d of fieldDates(line.text, GENERIC_DATE_LABEL))
      sink.add(unlabeledKind, d.iso, line, d.start, d.end);
  });
  if (
    sink.has('date-of-service') ||
    (unlabeledKind === 'document-date' && sink.has('document-date'))
  )
    return;
  // No labeled date: the date on the title line, or a bare date line just under it; else, as
  // letters are dated, a bare date line above the title (under the letterhead, before "Re:").
  const from = Math.max(0, titleIndex);
  const dated = (line: Line, onTitle: boolean, underTitle = false): boolean => {
    if (NOT_SERVICE_LINE.test(line.text)) return false;
    if (!onTitle && !isBareDateLine(line.text) && !(underTitle && isDateline(line.text)))
      return false;
    // A title that names a period ("Discharge summary - program 04/06/2026 to 04/29/2026") is
    // not dated by its start.
    if (onTitle && findDates(line.text).length >= 2) return false;
    const d = findDates(line.text)[0];
    if (d) sink.add(unlabeledKind, d.iso, line, d.start, d.end);
    return !!d;
  };
  for (const line of lines.slice(from, from + 6))
    if (dated(line, titleIndex >= 0 && line === lines[titleIndex], titleIndex >= 0)) return;
  for (const line of lines.slice(0, Math.min(from, LETTER_HEAD_LINES)))
    if (dated(line, false)) return;
}

/**
 * A dateline under a title: the date first, then the visit's other particulars set off by a
 * bullet or bar ("Wed, Sep 9, 2026 · Visit 7 · Medicare Part B"), or an appointment's line.
 */
function isDateline(text: string): boolean {
  const lead = text.length - text.trimStart().length;
  const d = leadingDate(text.slice(lead));
  return (
    d !== null &&
    (/^\s*(?:[·•|–—]|$)/.test(text.slice(lead + d.end)) || appointmentLine(text.slice(lead)))
  );
}

/** How far into a letter its date line may stand (letterhead and address block come first). */
const LETTER_HEAD_LINES = 15;
