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
import { extractBilledCodes } from './billing-block';
import {
  REQUEST_FOR_AUTHORIZATION,
  answersApproved,
  disciplineIn,
  documentType,
  emailPrintoutType,
  titleText,
  titleType,
} from './classify';
import { extractCommunicationParties } from './communication';
import { extractCoverage } from './coverage';
import { extractTherapyThreshold } from './therapy-threshold';
import { parseDate } from '../parse/dates';
import { FactSink } from './facts';
import { disciplineOfCredentials } from '../domain/credentials';
import { extractGoals } from './goals';
import { extractIdentity } from './identity';
import { extractInterventions, extractObjectiveMeasures } from './interventions';
import { type Line, isBlank, pageLines } from './lines';
import { isRuleLine } from './layout';
import { asWritten } from '../parse/spoken';
import { extractPlanTerms } from './plan';
import { markRunningLines } from './running-lines';
import { joinStackedFields } from './stacked-fields';
import { extractSections, headingOf } from './sections';
import { extractServiceDates } from './service-dates';
import { extractSignatureMarks, extractUnsignedStatement, extractSignatures } from './signatures';
import { PageMarks } from './page-marks';
import { splitDateColumns } from './date-columns';
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
 * stores imported before it are offered `chartready reanalyze`. 1: illegible signatures, signature
 * logs, "/s/" signatures, licence numbers after credentials, names beyond ASCII (files imported
 * before versions were recorded have none). 2: patients named as claimant, injured worker, employee,
 * member or in a "Re:" line, claim numbers in subject lines, export stamps as running lines, and each
 * document's text hash (duplicates); the section, goal, time, signature, communication and date
 * readers of issue 14 (typed goal details, dated contacts, service minutes, one document per file
 * unless its pages start new ones); coverage signs for the payer kind; and the held-out charts'
 * styles: day-month-word and dotted dates, letterhead-row and scanned-index titles, deeper running
 * headers, continued pages, goal term sub-headings, certification periods, units approved per
 * code, state-fund and MCO letters, signature boxes, dated log rows, people known by their role,
 * prose notes (sessions, totals, treatment and tolerance in sentences), letters as reports; state
 * forms' party blocks and split name fields, physicians' reports and requests for authorization,
 * "/es/" signatures, headings ruled to the margin, goal grids under goal lists, fax cover sheets;
 * chart prints ("Treatment Encounter" pages, weekday dates after a label, long titles), speech
 * therapy's trials and accuracy, limitations stated in an assessment's prose; long-term care
 * ("Resident:", logs of signed visit entries, Section GG scores), signature dates wrapped under it;
 * legacy fixed-width printouts (dot-leader labels, padded label colons); pages that repeat their
 * note's header continue it, signers' job titles, discharges with their exit FCE; flow-sheet grids
 * timed by clock columns with break rows, visits timed in parts, request forms carrying the payer's
 * approval, role remarks after a signer, certification headings, numbered goal tables, titles
 * qualified in parentheses, fields before a reporting period. 3: addenda, late entries,
 * amendments and corrections (DOC-LATE-ENTRY). 4: signatures drawn, pasted or stamped on PDF pages
 * (`PageText.marks`, detail.mark on the signature facts). 5: the ninth held-out round: notes that
 * repeat one header band split by their header dates, wrapped header fields, "Date/Time" labels,
 * signatures in a note's top header block and "Family CREDENTIAL, Given" signers, 24-hour
 * "Session:"/"Clock:"/"Time in/out:" ranges, e-mails' "Sent:" dates, multi-part subject lines and
 * "Approved:" fields, "evaluation + N visits", physicians' treatment/status forms, ticked program
 * types only, joint-range goals, wrapped limitation clauses, capacity against "(job: ...)". 6:
 * the tenth held-out round: signers' jobs in parentheses ("(Program Director / Staff PT)"),
 * counsellors' credentials, "Signed by:" over the signer's name and its "Date:" line (e-signature
 * services), "Electronically signed - NAME", letters' "Via e-mail" lines no title, approved
 * ceilings ("up to 8 units"), contacts within their sentence and none in a physician's own form,
 * an addendum under the note it amends kept with it, inline goal headings ended by the next
 * sentence or a capitals heading, patients' own goals, "N hr sessions" amounts, counted tasks,
 * "in one session" no time frame, "STGs (7/28) - all met". 8: the eleventh held-out round: a
 * party named as a document's source is no contact, approval tables' Start/End columns; weekly
 * treatment logs split into one note per visit date ("DOS 10/27/2026" without a colon, a late
 * entry under a visit's signature), "Entered and e-signed: JRS ..." signatures by initials,
 * signature logs' rows (initials, name, credentials), treatment grids' rows as interventions,
 * "timed-code minutes", "RECERTIFICATION OF PLAN OF CARE", "REVISED PLAN / RECERTIFICATION",
 * a document named only in brackets no title, "*** LATE ENTRY ***", a "Signature:" column after
 * the signer's name. 9: the twelfth held-out round and the two-column chart: pages printed in
 * two columns with small tables read column by column when headings stand side by side; a
 * marked goal list takes no unmarked line after a goal's fields or across a page; goal field
 * rows ("Target date: ...  Status: ...") date and assess the goal above; a status grid that
 * starts its rows with "STG 1" restates that goal; e-mail printouts are correspondence unless
 * their own message states an approval as a field; "DAILY NOTE / PROGRESS REPORT" is the
 * report; a repeated title ending "(continued)" continues the document; approval tables aligned
 * with spaces; a labelled request's sentence; a charge row with a blank minutes column. 10: an
 * e-mail's Subject line is read like a letter's "Re:" line, and one that names its patient by
 * surname alone gives that surname (and an identifier standing as a part of its own, the claim)
 * for placement. 11: the thirteenth held-out round: dot leaders with no colon after them stand
 * for one ("DATE WRITTEN.......... 10/26/26"); a medical-record label ("UNIT#") outranks a visit
 * account ("ACCT#") on the same line; "SUBJ:", "OBJ:", "ASSESS:"; goal rows led by "LTG1" mark
 * their list; an insurer's "certification of treatment" that approves sessions under its
 * number is the authorization. 12: an approval table's row that lists evaluation codes beside
 * treatment codes ("97165-97168, 97110, ...") is the treatment's, period included. 13: the
 * fourteenth held-out round: forms printing each label over its value (stacked-fields.ts), a
 * visit log exported as one HTML table (a row per visit, read as records), a header repeated atop
 * a two-page note, "Signed electronically by" and "E-signed by" in a signature column, a
 * "Signature" heading ruled off over the signature, outside records filed under a type field,
 * goal tables numbered afresh under their term and ended by the next line of their own, "without
 * AD" a measurable standard. 14: a note's own statement that it is unsigned ("UNSIGNED DOCUMENT
 * - PENDING PROVIDER SIGNATURE") is what a finding on its missing signature quotes. 15: the
 * fifteenth held-out round: reports drawn in boxes (box-drawing and ASCII borders read as rules,
 * edges as margins, inner bars as cell gaps, a label cell and its value as a field: `lines.ts`);
 * dictated prose: timed minutes before or after their label ("We spent 55 timed minutes", "Timed
 * code treatment totaled 46 minutes"), "N minutes of <service>" with numbers in words
 * (`parse/numbers.ts`), "Total time of the visit was", frequency and duration in words, the
 * history ("Past medical history includes") and limitations ("Functionally she cannot") in
 * prose, a visit note's services with their minutes as its interventions. 16: a signature
 * followed by its licence and NPI without brackets ("PT, DPT TN Lic. PT 0048213 NPI ..."), and
 * its "Date/time signed:" line. 17: a flowsheet whose columns are visit dates is one note per date
 * (date-columns.ts); a signer's specialty after the credentials, a signature label's qualifier
 * ("Therapist signature (week):"), an authorization number with no "#", functional limitations
 * stated on the assessment heading's line or as a field for an everyday activity ("Stairs: 12
 * steps with rail"), a signature marked "(electronic)", a stamp's 24-hour time without a colon,
 * an "O:" entry tagged with its procedure code, "Objective on discharge", and the amount already
 * applied to the year's therapy threshold (therapy-threshold.ts). Also (eighteenth round): HTML
 * inline boxes that abut are cells, a session's data table (task, trials, accuracy, cueing) is
 * what was furnished, engagement and "Clinical Observations" say the response, caregiver
 * education heads a section, a charge table's Minutes column wherever it stands (not the code's
 * "each 15 min"), a typed signer's name repeated under each page's signature line is no
 * furniture, and "Signed: Pending" outranks that name; a specialty in brackets after a signer's
 * credentials, each code's own minutes on a line listing several, a ticked row whose minutes cell
 * is blank (service-minutes-blank), approved visits named with their service and not care already
 * had. And after them: a letter's subject block ends at its first sentence, "visits are approved"
 * and "evaluation and up to 12 visits" are an approval, an evaluation's impression that names a
 * condition states its diagnosis, "Period:" after another field, a heading in capitals with its
 * date field on the line, and a goal's time frame run into the goal's last word. Nineteenth
 * round: a hospital's progress-notes printout (VistA/CPRS) splits at each "LOCAL TITLE:" dated by
 * "DATE OF NOTE:", its page banner's "LAST,FIRST M  XXX-XX-1234  DOB:" names the patient, a
 * cosignature ("Cosigned:") is the physician's signed date, a consult request is an order signed
 * by its requesting provider, an eligibility form's applied amounts read under its heading, and
 * a signature run over a page break stays with its note; a work program's daily log form (its
 * title over the patient band on every page, components and parameters), the document behind a
 * fax cover, goal statuses coded by the form's key ("M", "P"), "Plan:" run into a paragraph, a
 * heading that sets testing against the job, hyphenated duty ("regular-duty"), a decision table's
 * Requested column and its non-certified rows, and a guideline's visit count are no approval;
 * a portal's section whose fields were left empty ("Clinical impression: —") is not there, a visit
 * report's title over a deep band of patient fields names it, how often a task is done is
 * measurable, and an e-signature's date a page break away still dates it. Twentieth round: a
 * batch print's notes whose header band (patient, date of service) stands above their title,
 * each after the note before it ended, and its cover page apart; a fax OCR's digit inside a
 * title word ("EVALUATI0N") and its split "Sig nature" label; "Name PT, DPT" whose credentials
 * follow the name without a comma; a short qualifier in brackets after a heading in capitals;
 * an eligibility inquiry's "date/time:".
 */
export const EXTRACTOR_VERSION = 17;

export interface ExtractHints {
  title?: string | null;
  date?: string | null;
  patient?: PatientRecord | null;
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
  const band = (page: number) => {
    if (!linesOf) {
      linesOf = new Map();
      for (const l of all) {
        const list = linesOf.get(l.page);
        if (list) list.push(l);
        else linesOf.set(l.page, [l]);
      }
    }
    return headerBand(linesOf.get(page) ?? []);
  };
  return splitDocuments(all)
    .flatMap(splitDateColumns)
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
  const stated =
    (titleLine ? titleText(titleLine.text) : null) ??
    (slice.entryOf ? titleText(slice.entryOf.title) : null) ??
    hints?.title?.trim() ??
    subject?.text ??
    null;
  const title = stated ?? fallbackTitle(content);
  // A first line that only looks like a heading names the note but does not type it: a log's
  // "04/13/2026 Phone Progress report to adjuster" is no progress report.
  let type: DocType = emailPrintoutType(content) ?? documentType(stated ?? '', bodyText);

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
  if (column) sink.add('date-of-service', column.iso, column.line, column.start, column.end);
  else extractServiceDates(nonBlank, titleLine ? nonBlank.indexOf(titleLine) : -1, type, sink);
  extractTimes(content, sink);
  extractVisitNumber(content, sink);
  extractSignatures(nonBlank, sink);
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
  extractSections(content, sink);
  extractGoals(content, sink);
  extractPlanTerms(content, sink);
  extractBilledCodes(content, sink);
  extractAuthorization(content, type, sink);
  extractVitals(content, sink);
  extractInterventions(content, sink, type);
  const goalLines = new Set(
    sink.facts
      .filter((f) => f.kind.startsWith('goal'))
      .map((f) => `${f.provenance.page}:${f.provenance.start}`),
  );
  extractObjectiveMeasures(
    content,
    sink,
    (l) => isGoalLine(l, goalLines) || !!headingOf(l.text)?.names.includes('goals'),
  );
  extractWorkStatus(content, type, sink);
  extractDischargeReason(content, type, sink);
  extractVerbalOrders(content, sink);
  extractAmendments(nonBlank, sink);
  extractCommunicationParties(content, titleLine, type, sink);
  extractCoverage(slice.lines, sink);
  extractTherapyThreshold(content, sink);
  const discipline = findDiscipline(titleLine, content, sink);

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

const SUBJECT_LINE = /^\s*(?:Re|RE|Subject|SUBJECT|Regarding)\s*:\s*/;
const SALUTATION = /^\s*(?:Dear|To whom|Hello)\b/i;
/** A sentence ending inside a line, another starting after it. */
const SENTENCE_BREAK = /[a-z)]{2}[.!?]\s+[A-Z]/;
const LETTER_HEAD_LINES = 25;

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
  for (const f of sink.facts) {
    if (f.kind !== 'credentials') continue;
    const d = disciplineOfCredentials(f.value);
    if (!d) continue;
    const p = f.provenance;
    sink.addSpan('discipline', d, p.page, p.start, p.end);
    return d;
  }
  for (const line of content) {
    const field = DISCIPLINE_FIELD.exec(line.text);
    const hit = field ? disciplineIn(line.text.slice(field[0].length)) : null;
    if (!field || !hit) continue;
    const at = field[0].length;
    sink.add('discipline', hit.discipline, line, at + hit.start, at + hit.end);
    return hit.discipline;
  }
  return null;
}

/** A field that names the discipline: "Discipline: PT", "Service: Occupational Therapy". */
const DISCIPLINE_FIELD =
  /^\s*(?:Discipline|Service|Department|Therapy Type|Therapy|Specialty)\s*:\s*/i;

/**
 * A page's header band: its lines from the top up to the first blank or ruled line (the
 * practice's name, the report's title, "Patient: ...  Claim # ...").
 */
function headerBand(page: Line[]): Line[] {
  const band: Line[] = [];
  for (const l of page) {
    if (!l.running && (isBlank(l) || isRuleLine(l.text))) break;
    band.push(l);
  }
  return band;
}

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
