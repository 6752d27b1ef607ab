/**
 * Extraction: a file's page texts become clinical documents with a type, a date and facts,
 * each fact citing the exact page span it came from.
 */
import type {
  Discipline,
  DocType,
  ExtractedDocument,
  Fact,
  PageText,
  PatientRecord,
} from '../../../shared/model';
import { extractAuthorization } from './authorization';
import { extractAuthorizationEntries } from './authorization-register';
import { extractBilledCodes } from './billing-block';
import {
  CONFERENCE_TITLE,
  REQUEST_FOR_AUTHORIZATION,
  answersApproved,
  disciplineIn,
  documentType,
  emailPrintoutType,
  isTitleLine,
  titleText,
  titleType,
  VISIT_REASON,
  GENERIC_VISIT_TITLE,
} from './classify';
import { cellsOf, checkboxOptions, isRuleLine } from './layout';
import { extractCommunicationParties } from './communication';
import { extractCoverage } from './coverage';
import { extractTherapyThreshold } from './therapy-threshold';
import { parseDate } from '../parse/dates';
import { FactSink } from './facts';
import { disciplineOfCredentials } from '../domain/credentials';
import { extractGoals, extractInlineGoals } from './goals';
import { extractIdentity } from './identity';
import { extractInterventions, extractObjectiveMeasures } from './interventions';
import { type Line, headerBand, isBlank, linesByPage, pageLines } from './lines';
import { asWritten } from '../parse/spoken';
import { extractPlanTerms } from './plan';
import { markRunningLines } from './running-lines';
import { joinStackedFields } from './stacked-fields';
import { extractSections, headingOf } from './sections';
import { extractServiceDates } from './service-dates';
import {
  extractColumnInitials,
  extractSignatureMarks,
  extractUnsignedStatement,
  extractFooterSignatureLog,
  extractSignatures,
} from './signatures';
import { extractTreatingClinician } from './entry-header';
import { PageMarks } from './page-marks';
import { splitDateColumns, type XAt } from './date-columns';
import { type DocumentSlice, pageRange, splitDocuments } from './split';
import { extractTimes } from './times';
import { extractVisitNumber } from './visits';
import { extractVitals } from './vitals';
import { extractWorkStatus } from './work-status';
import { extractDischargeReason } from './discharge';
import { extractVerbalOrders } from './verbal-orders';
import { extractAmendments } from './amendments';
import { documentTextHash } from './text-hash';

/**
 * The version of what this reader takes from a page: bump it whenever a change to extraction
 * (classification, splitting, a fact kind, a pattern) would read an imported file differently, so
 * stores imported before it are offered `chartready reanalyze`. What each version added is in
 * docs/reader-versions.md.
 */
export const EXTRACTOR_VERSION = 50;

export interface ExtractHints {
  title?: string | null;
  date?: string | null;
  patient?: PatientRecord | null;
}

/** Where each character of a PDF page stands across it: the x of the text run that holds it. */
function pageXs(pages: PageText[]): XAt {
  const runs = new Map(
    pages
      .filter((p) => p.items && p.items.length > 0)
      .map((p) => [p.page, [...p.items!].sort((a, b) => a.offset - b.offset)]),
  );
  return (page, offset) => {
    const items = runs.get(page);
    if (!items) return null;
    // The run holding the offset: the last one starting at or before it.
    let lo = 0;
    let hi = items.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.offset <= offset) [found, lo] = [mid, mid + 1];
      else hi = mid - 1;
    }
    const item = found >= 0 ? items[found]! : null;
    return item && offset < item.offset + item.str.length ? item.x : null;
  };
}

export function extractDocuments(
  file: string,
  pages: PageText[],
  hints?: ExtractHints,
): ExtractedDocument[] {
  const byPage = new Map(pages.map((p) => [p.page, p.text]));
  const written = new Map(pages.map((p) => [p.page, asWritten(p.text)]));
  const perPage = pages.map((p) => pageLines(p, written.get(p.page)));
  markRunningLines(perPage);
  const all = perPage.flatMap(joinStackedFields);
  if (all.every(isBlank)) return [];
  const pageText = (page: number) => byPage.get(page) ?? '';
  const readText = (page: number) => written.get(page) ?? '';
  const ocrPages = new Map(pages.filter((p) => p.source === 'ocr').map((p) => [p.page, p]));
  const ocrPage = (page: number) => ocrPages.get(page);
  const marks = new PageMarks(pages);
  // Grouped once, when a document first needs its page's header band.
  let linesOf: Map<number, Line[]> | null = null;
  const band = (page: number) => headerBand((linesOf ??= linesByPage(all)).get(page) ?? []);
  const xAt = pageXs(pages);
  return splitDocuments(all)
    .flatMap((slice) => splitDateColumns(slice, xAt))
    .map((slice) =>
      buildDocument(file, slice, { pageText, readText, band }, ocrPage, marks, hints),
    );
}

function buildDocument(
  file: string,
  slice: DocumentSlice,
  text: {
    pageText: (page: number) => string;
    readText: (page: number) => string;
    band: (page: number) => Line[];
  },
  ocrPage: (page: number) => PageText | undefined,
  marks: PageMarks,
  hints: ExtractHints | undefined,
): ExtractedDocument {
  const sink = new FactSink(file, text.pageText, ocrPage, text.readText);
  const titleLine = slice.titleIndex >= 0 ? slice.lines[slice.titleIndex]! : null;
  const content = slice.lines.filter((l) => !l.running);
  const bodyText = content.map((l) => l.text).join('\n');
  const subject = titleLine ? null : letterSubject(content);
  // A title every visit carries ("Visit Note") leaves the visit's type to say which report it is.
  const genericTitle = titleLine !== null && GENERIC_VISIT_TITLE.test(titleText(titleLine.text));
  const reason = titleLine && !genericTitle ? null : visitReason(content);
  const stated =
    (titleLine ? titleText(titleLine.text) : null) ??
    (slice.entryOf ? titleText(slice.entryOf.title) : null) ??
    hints?.title?.trim() ??
    subject?.text ??
    reason ??
    null;
  const title = stated ?? fallbackTitle(content);
  // A first line that only looks like a heading names the note but does not type it: a log's
  // "04/13/2026 Phone Progress report to adjuster" is no progress report.
  let type: DocType = emailPrintoutType(content) ?? documentType(stated ?? '', bodyText);
  // Under a generic title the visit's type names the report ("Appt Type: PT EVALUATION").
  const reasonType = reason ? titleType(reason) : null;
  if (genericTitle && reasonType && REPORT_VISITS.has(reasonType) && type === 'daily-note')
    type = reasonType;
  // A visit the reason numbers ("WC session #3", "PT R knee - visit 4") is a treatment visit;
  // one that says it is the discharge ("WC session #9 / Exit testing - Discharge") records it.
  if (reason && reason === stated) {
    if (DISCHARGE_VISIT.test(reason) && (type === 'daily-note' || type === 'other'))
      type = 'discharge-summary';
    else if (type === 'other' && !titleType(reason)) type = 'daily-note';
  }
  // "Therapy Plan" over "Initial Physical Therapy Examination": the evaluation, which carries
  // its plan of care.
  if (type === 'plan-of-care' && titleLine) {
    const sub = subtitleType(content, titleLine);
    if (sub === 'evaluation' || sub === 're-evaluation') type = sub;
  }

  // Identity labels in running headers ("OKAFOR, JAMES  Acct 200871") still identify the patient.
  // An entry of a log is the log's patient's, as its header says.
  extractIdentity(slice.entryOf ? [...slice.entryOf.header, ...slice.lines] : slice.lines, sink);
  // A note that starts down a page of a report printed with the patient in each page's header
  // band ("Patient: PENNINGTON, LORETTA  Claim # ...") and names no patient itself is that page's
  // patient's, not the file's.
  const first = slice.lines[0];
  if (first && !sink.has('patient-name')) {
    const above = text.band(first.page).filter((l) => l.start < first.start);
    if (above.length) extractIdentity(above, sink);
  }
  const nonBlank = content.filter((l) => !isBlank(l));
  // A flowsheet's date column is that day's note: its date is the column's.
  const column = slice.columnDate;
  // A running log's entry is dated by the date it opens on.
  const dated = column ?? slice.entryOf?.date;
  if (dated) sink.add('date-of-service', dated.iso, dated.line, dated.start, dated.end);
  else extractServiceDates(nonBlank, titleLine ? nonBlank.indexOf(titleLine) : -1, type, sink);
  extractTimes(content, sink);
  extractVisitNumber(content, sink);
  extractSignatures(nonBlank, sink);
  extractFooterSignatureLog(
    slice.lines.filter((l) => !isBlank(l)),
    sink,
  );
  if (column) extractColumnInitials(nonBlank, column, sink);
  if (titleLine) extractTreatingClinician([titleLine], sink);
  extractSignatureMarks(nonBlank, marks, sink);
  extractUnsignedStatement(nonBlank, sink);
  // A request for authorization orders therapy only when a physician signs it; the clinic's own
  // request is its letter to the payer.
  // A request form that carries the payer's answer with an approval ticked or stated is the
  // payer's authorization.
  if (REQUEST_FOR_AUTHORIZATION.test(stated ?? '') && answersApproved(content))
    type = 'authorization';
  else if (
    type === 'physician-order' &&
    REQUEST_FOR_AUTHORIZATION.test(stated ?? '') &&
    !sink.facts.some((f) => f.kind === 'physician-signer')
  )
    type = 'communication';
  // An evaluation signed by a physician alone is the physician's (a work capacity evaluation on
  // the federal program's form, a surgeon's consult): it restricts and orders, it is no therapy
  // evaluation.
  const physicianAlone =
    sink.has('physician-signer') && !sink.has('signer') && !sink.has('signature-illegible');
  if (type === 'evaluation' && physicianAlone) type = 'physician-order';
  // A visit note or progress note signed by a physician alone is the physician's own office visit
  // ("OFFICE VISIT", a family practice's "PROGRESS NOTE" on the injured worker): the physician's
  // record filed in the chart, not a therapy note.
  if ((type === 'daily-note' || type === 'progress-report') && physicianAlone) type = 'other';
  // The clinic's own letter asking the payer for more ("RE: Request for additional work
  // conditioning sessions"), signed by its therapist and approving nothing, is its correspondence:
  // the authorization it recalls ("Current authorization: ... 8 sessions") is the payer's letter.
  if (
    type === 'authorization' &&
    sink.has('signer') &&
    !sink.has('physician-signer') &&
    content.slice(0, LETTER_HEAD_LINES).some((l) => CLINIC_REQUEST_SUBJECT.test(l.text)) &&
    !content.some((l) => GRANTS.test(l.text))
  )
    type = 'communication';
  // A plan titled as its certification ("Plan of care / certification") that only a physician
  // signed is the physician's certification returned, not the therapist's plan.
  if (type === 'plan-of-care' && /\bcertification\b/i.test(title) && physicianAlone)
    type = 'certification';
  extractSections(content, sink);
  extractGoals(content, sink);
  extractInlineGoals(content, sink);
  extractPlanTerms(content, type, sink);
  extractBilledCodes(content, sink);
  extractAuthorization(content, type, sink);
  extractAuthorizationEntries(content, sink);
  extractVitals(content, sink);
  extractInterventions(content, sink, type);
  // A goal restated with its status ("Goal 1 (55 lb floor to waist): progressing, 45 lb") is an
  // assessment's line, not a goal's.
  const at = (f: Fact) => `${f.provenance.page}:${f.provenance.start}`;
  const assessments = sink.facts.filter((f) => f.kind === 'goal-assessment');
  const assessedAt = new Set(assessments.map(at));
  const goalLines = new Set(
    sink.facts
      .filter((f) => (f.kind === 'goal-long' || f.kind === 'goal-short') && !assessedAt.has(at(f)))
      .map(at),
  );
  extractObjectiveMeasures(content, sink, (l) => {
    // A report's goal line that records the change it measured ("LTG 4, push/pull: 60# -> 85#
    // sled") measures it now.
    const measuredChange = REPORT_TYPES.has(type) && MEASURED_CHANGE.test(l.text);
    if (!measuredChange && (isGoalLine(l, goalLines) || headingOf(l.text)?.names.includes('goals')))
      return null;
    // An assessment restates its goal ("Goal 1 (60 pounds floor to waist): progressing, 55
    // pounds today"): only what stands outside it is measured now.
    let text = l.text;
    for (const { provenance: p } of assessments) {
      const s = Math.max(p.start, l.start) - l.start;
      const e = Math.min(p.end, l.end) - l.start;
      if (p.page === l.page && s < e) text = text.slice(0, s) + ' '.repeat(e - s) + text.slice(e);
    }
    return text;
  });
  extractWorkStatus(content, type, sink);
  extractDischargeReason(content, type, sink);
  extractVerbalOrders(content, sink);
  extractAmendments(nonBlank, sink);
  extractCommunicationParties(content, titleLine, type, sink);
  extractCoverage(slice.lines, sink);
  extractTherapyThreshold(content, sink);
  const discipline = findDiscipline(titleLine, content, sink);
  // A team conference that reports on a period, goal by goal, is the program's progress report;
  // one that records a meeting is correspondence.
  if (
    type === 'communication' &&
    CONFERENCE_TITLE.test(title) &&
    sink.has('report-period-start') &&
    sink.has('report-period-end') &&
    sink.has('goal-assessment')
  )
    type = 'progress-report';

  const { pageStart, pageEnd } = pageRange(slice);
  return {
    type,
    title,
    date: documentDate(sink.facts, hints?.date ?? null),
    pageStart,
    pageEnd,
    discipline,
    facts: sink.facts,
    textHash: documentTextHash(content),
  };
}

/**
 * A letter says what it is in its subject: the "Re:" (or "Subject:") block under the address,
 * "Re: ROE, JANE  DOB ... / Physical Therapy Initial Evaluation and Plan of Care". The first line
 * of that block that names a document type, before the salutation.
 */
const CLINIC_REQUEST_SUBJECT =
  /^\s*(?:RE|Subject)\s*:\s*(?:request(?:ing)?|additional\s+visits\s+request)\b/i;
const GRANTS = /(?<!\bnon-?|\bnot\s)\b(?:approved|certified|granted)\b/i;

function letterSubject(content: Line[]): { text: string } | null {
  const head = content.slice(0, LETTER_HEAD_LINES);
  const re = head.findIndex((l) => SUBJECT_LINE.test(l.text));
  if (re < 0) return null;
  for (const line of head.slice(re, re + 5)) {
    if (line !== head[re] && (isBlank(line) || SALUTATION.test(line.text))) break;
    const text = line.text.replace(SUBJECT_LINE, '').trim();
    // A PDF prints no blank line between the subject and the letter's first sentence: prose
    // ("This confirms ... coverage. Physical therapy evaluation ... approved") ends the block.
    if (SENTENCE_BREAK.test(text)) break;
    if (titleType(text)) return { text };
  }
  return null;
}

/**
 * A note without a title line named by its visit's reason (classify.VISIT_REASON), on the label's
 * line or the next lines, without a list's number ("1. Work conditioning - session 1 of 10"),
 * where that reason names a kind of document.
 */
function visitReason(content: Line[]): string | null {
  const head = content.slice(0, VISIT_REASON_LINES);
  // The label opens its line or a cell of it ("Provider: ...      Appt Type: PT EVALUATION").
  const cellOf = (l: Line) =>
    VISIT_REASON.test(l.text)
      ? l.text
      : cellsOf(l.text).find((c) => VISIT_REASON.test(c.text))?.text;
  const at = head.findIndex((l) => cellOf(l) !== undefined);
  if (at < 0) return null;
  const cell = cellOf(head[at]!)!;
  const label = VISIT_REASON.exec(cell)!;
  const own = cell.slice(label[0].length).trim();
  const values = own
    ? [own]
    : head
        .slice(at + 1, at + 3)
        .filter((l) => !isBlank(l))
        .map((l) => l.text.trim());
  for (const value of values) {
    const text = value.replace(/^\d{1,2}[.)]\s*/, '');
    if (titleType(text) || NUMBERED_VISIT.test(text)) return text;
  }
  return null;
}
/** A reason's last part naming the discharge visit: "... / Discharge", "... - D/C visit". */
const DISCHARGE_VISIT = /(?:^|[/-])\s*(?:discharge|D\/C)(?:\s+visit)?\s*$/i;
/** A reason that numbers the visit: "visit 4", "session #3", "Tx 12". */
const NUMBERED_VISIT = /\b(?:visit|session|tx|treatment)\s*#?\s*\d{1,3}\b/i;
/** How far down a note its visit's reason is printed (under the header's patient fields). */
const VISIT_REASON_LINES = 30;

const SUBJECT_LINE = /^\s*(?:Re|RE|Subject|SUBJECT|Regarding)\s*:\s*/;
const SALUTATION = /^\s*(?:Dear|To whom|Hello)\b/i;
/** A sentence ending inside a line, another starting after it. */
const SENTENCE_BREAK = /[a-z)]{2}[.!?]\s+[A-Z]/;
const LETTER_HEAD_LINES = 25;

/** Reports that measure progress against their goals. */
const REPORT_TYPES: ReadonlySet<DocType> = new Set([
  'progress-report',
  're-evaluation',
  'discharge-summary',
]);
/** Visits that make a report of their own: a generic visit title leaves their type to the visit. */
const REPORT_VISITS: ReadonlySet<DocType> = new Set<DocType>([...REPORT_TYPES, 'evaluation']);
/** A value changed to another, the first with its unit: "35# -> 75#", "12 min → 40 min". */
const MEASURED_CHANGE = /\d\s*(?:#|lbs?|kg|min|sec|s|ft|°|%)\s*(?:->|→|=>)\s*\d/i;

/** An unrecognized note is still named by its first line, when that line reads like a heading. */
function fallbackTitle(content: Line[]): string {
  const first = content.find((l) => !isBlank(l))?.text.trim() ?? '';
  return first.length <= 80 && !first.includes(':') ? first : '';
}

function isGoalLine(line: Line, goalStarts: Set<string>): boolean {
  for (let s = line.start; s <= line.end; s++) if (goalStarts.has(`${line.page}:${s}`)) return true;
  return false;
}

/** Date of service, else the document's own date, else a signing date, else the hint. */
function documentDate(facts: Fact[], hint: string | null): string | null {
  // An order is dated by its physician's signature when nothing else dates it.
  for (const kind of [
    'date-of-service',
    'document-date',
    'signed-date',
    'physician-signed-date',
  ] as const) {
    const f = facts.find((x) => x.kind === kind);
    if (f) return f.value;
  }
  // A communication log dates from its first dated entry.
  let first: string | null = null;
  for (const f of facts) {
    const d = f.kind === 'communication' ? f.detail?.date : null;
    if (d && (first === null || d < first)) first = d;
  }
  if (first) return first;
  return hint
    ? (parseDate(hint) ?? (/^\d{4}-\d{2}-\d{2}/.test(hint) ? hint.slice(0, 10) : null))
    : null;
}

/**
 * Discipline from what says who furnished the service: the title ("PT Daily Note", "Occupational
 * Therapy Evaluation"), else the signer's credentials ("OTR/L", "PTA"), else a discipline field
 * ("Discipline: PT"). Never from content words: a PT's evaluation of a warehouse worker speaks of
 * occupational tasks, and an FCE of daily activities. Billing modifiers (GP/GO/GN) settle the rest
 * in the review.
 */
function findDiscipline(
  titleLine: Line | null,
  content: Line[],
  sink: FactSink,
): Discipline | null {
  const titled = titleLine ? disciplineIn(titleLine.text) : null;
  if (titleLine && titled) {
    sink.add('discipline', titled.discipline, titleLine, titled.start, titled.end);
    return titled.discipline;
  }
  // A document its signers' credentials place in two disciplines (an interdisciplinary
  // evaluation signed section by section by the PT and the OT) is each one's: no one discipline.
  const signed = sink.facts.flatMap((f) => {
    const d = f.kind === 'credentials' && !f.detail?.name ? disciplineOfCredentials(f.value) : null;
    return d ? [{ d, f }] : [];
  });
  if (new Set(signed.map((x) => x.d)).size > 1) return null;
  const first = signed[0];
  if (first) {
    const p = first.f.provenance;
    sink.addSpan('discipline', first.d, p.page, p.start, p.end);
    return first.d;
  }
  for (const line of content) {
    const field = DISCIPLINE_FIELD.exec(line.text);
    if (!field) continue;
    // A field of boxes ("Discipline: [ ] PT  [ ] OT  [X] Speech therapy") names the ticked one.
    const options = checkboxOptions(line.text, field[0].length);
    const ticked =
      options.length > 0 ? options.find((o) => o.checked && disciplineIn(o.text)) : null;
    if (options.length > 0 && !ticked) continue;
    const at = ticked ? ticked.start : field[0].length;
    const hit = disciplineIn(ticked ? ticked.text : line.text.slice(at));
    if (!hit) continue;
    sink.add('discipline', hit.discipline, line, at + hit.start, at + hit.end);
    return hit.discipline;
  }
  return null;
}

/** A field that names the discipline: "Discipline: PT", "Service: Occupational Therapy". */
const DISCIPLINE_FIELD =
  /^\s*(?:Discipline|Service|Department|Therapy Type|Therapy|Specialty)\s*:\s*/i;

/** Patient identity for a whole file: the most frequent name, DOB and MRN among its documents. */
export function fileIdentity(docs: ExtractedDocument[]): PatientRecord {
  const facts = docs.flatMap((d) => d.facts);
  return {
    name: mostFrequent(facts, 'patient-name'),
    dob: mostFrequent(facts, 'dob'),
    mrn: mostFrequent(facts, 'mrn'),
  };
}

function mostFrequent(facts: Fact[], kind: Fact['kind']): string | null {
  const counts = new Map<string, number>();
  for (const f of facts) if (f.kind === kind) counts.set(f.value, (counts.get(f.value) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/** How many lines under a title its subtitle may stand (an underline between). */
const SUBTITLE_LINES = 3;

/** The type the title's subtitle names: the next title line, past blanks and underlines. */
function subtitleType(content: Line[], titleLine: Line): DocType | null {
  const at = content.indexOf(titleLine);
  for (const l of content.slice(at + 1, at + 1 + SUBTITLE_LINES)) {
    if (isBlank(l) || isRuleLine(l.text)) continue;
    return isTitleLine(l.text) ? titleType(l.text) : null;
  }
  return null;
}
