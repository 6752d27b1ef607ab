/** Document type and discipline, from the title first and from content cues second. */
import type { Discipline, DocType } from '../../../shared/model';
import { findDates, isBareDateLine } from '../parse/dates';
import { entryHeader } from './entry-header';
import { headingOf } from './sections';
import { cellsOf, checkboxOptions, type Cell } from './layout';
import { beforePrintStamp } from './print-stamp';

/** A team's conference on a patient: "Weekly Interdisciplinary Team Conference", "Case conference". */
export const CONFERENCE_TITLE = /\b(?:team|case|interdisciplinary|staffing) conference\b/i;

/**
 * A document that is itself a request for authorization: "Request for Authorization", "DWC Form
 * RFA", a state fund's "Prior Authorization Review Request (UR-C)".
 */
export const REQUEST_FOR_AUTHORIZATION =
  /^\W*(?:request for (?:prior )?authori[sz]ation\b|(?:DWC\s+)?Form\s+RFA\b|(?:prior\s+)?authori[sz]ation\s+(?:review\s+)?request\b)/i;

/**
 * Title vocabulary, checked in order: the first match wins, so more specific headings come
 * before the general ones they contain ("Daily Progress Note" before "Progress Note",
 * "Re-Evaluation" and "Functional Capacity Evaluation" before "Evaluation").
 */
export const TITLE_VOCABULARY: ReadonlyArray<{ type: DocType; re: RegExp }> = [
  { type: 'communication', re: /\bletter of medical necessity\b|\bLMN\b/i },
  // "Discharge Summary / Exit Functional Capacity Evaluation": a discharge with its exit testing.
  {
    type: 'discharge-summary',
    re: /\bdischarge (?:summary|note|report)\b.*\b(?:FCE|functional capacity)\b|\b(?:FCE|functional capacity)\b.*\bdischarge (?:summary|note|report)\b/i,
  },
  { type: 'fce', re: /\bfunctional capacity (?:evaluation|assessment|exam)\b|\bFCE\b/i },
  { type: 're-evaluation', re: /\bre-?\s?(?:evaluation|eval|assessment|exam(?:ination)?)\b/i },
  {
    type: 'discharge-summary',
    re: /\bdischarge (?:summary|note|report|evaluation|assessment|letter)\b|\b(?:case|episode) closure\b|\bsummary (?:at|of|on) discharge\b|\bD\/C (?:summary|note|report)\b|\bdischarge\s*[/&]\s*final (?:report|summary)\b|\b(?:program|course) completion (?:report|summary)\b|^\s*final (?:report|summary)\s*[-–—:]\s*\w|^\s*(?:(?:PT|OT|SLP|ST|physical|occupational|speech|rehab(?:ilitation)?)(?:\s+therapy)?\s+)?discharge(?:\s+visit)?\s*$|^\W*discharge (?:from|of)\b/i,
  },
  {
    type: 'daily-note',
    re: /\b(?:daily|weekly) (?:(?:progress|treatment|visit|skilled|therapy|session|program|hours|attendance|activity|exercise)\s+)?(?:notes?|log)\b|\battendance\s*(?:&|and)\s*participation\b|\bsession\s+attendance(?:\s+record)?\b|\b(?:treatment|visit|therapy|tx) log\b|\b(?:treatment|tx|visit|soap|session|program|work conditioning|work hardening|therapy|PT|OT|SLP) notes?\b|\b(?:treatment|therapy|tx|PT|OT|SLP|ST|rehab) encounter\b|\b(?:visit|treatment) record\b|\b(?:treatment|home|house[- ]call) visit\b(?!\s+(?:summary|report))|\bdaily treatment\b|\b(?:daily|treatment|visit|session|tx)\s+documentation\b|\bflow ?sheet\b|\b(?:work (?:conditioning|hardening)|therapy|PT|OT)\b[\s\-–—]{1,5}(?:(?:final|first|last|daily)\s+)?(?:visit|session)\b(?!\s+(?:summary|report))/i,
  },
  // A physician's own report ("Primary Treating Physician's Progress Report (PR-2)") is where the
  // physician prescribes or refers; it is not the therapist's progress report.
  {
    type: 'physician-order',
    re: /\b(?:treating physician(?:'s)?|physician's|doctor's) (?:(?:progress|status|first|narrative|supplemental)\s+)?report\b|\b(?:physician|doctor)(?:'s)? (?:work status|work ability|return to work)\b[\w\s&/-]{0,30}\breport\b/i,
  },
  // A request for authorization is no authorization: the requesting physician's order, or the
  // clinic's letter to the payer (see `REQUEST_FOR_AUTHORIZATION`).
  { type: 'physician-order', re: REQUEST_FOR_AUTHORIZATION },
  // A physician's treatment and work status form ("Uniform Medical Treatment/Status Reporting
  // Form", "Work Status Report", "Attending Doctor's Report") prescribes therapy and sets duty.
  {
    type: 'physician-order',
    re: /\b(?:medical\s+)?treatment\s*\/\s*(?:work\s+)?status\b|\bwork (?:status|ability) (?:report|form)\b|\battending (?:doctor|physician)(?:'s)? report\b/i,
  },
  // A physician's "Work Status Report / Treatment Order" orders therapy; it reports no therapy.
  {
    type: 'physician-order',
    re: /\b(?:treatment|therapy|physician(?:'s)?|doctor(?:'s)?)\s+orders?\b/i,
  },
  // The federal workers' compensation program's physician forms: the work capacity evaluation
  // (OWCP-5a/5b/5c) and the duty status report (CA-17) set restrictions; they report no therapy.
  {
    type: 'physician-order',
    re: /\bOWCP-?5[abc]\b|\bCA-?17\b|\bduty status report\b/i,
  },
  // A physician's visit note printed with its orders ("Progress Note / Orders") is where the
  // physician orders therapy, not the therapist's report.
  { type: 'physician-order', re: /\bnotes?\s*(?:\/|&|and)\s*orders\b/i },
  // A record system's list of what a visit ordered ("Orders Placed This Encounter").
  { type: 'physician-order', re: /\borders\s+placed\b/i },
  {
    type: 'progress-report',
    re: /\bprogress (?:note|report|summary|evaluation)\b|\binterim (?:report|summary)\b|(?<!\b(?:work|duty) )\bstatus report\b|\b(?:work conditioning|work hardening|program|therapy|PT|OT|rehab)\s+(?:progress|status)\s*(?:[-–—:]\s*)?(?:week|wk)\b/i,
  },
  // An instrumental swallow study's report ("Rehab Outpatient Assessment - Instrumental Swallow
  // Study", "Modified Barium Swallow Study", "FEES Report") records the procedure of its day: a
  // visit's note, not the evaluation that sets the plan.
  {
    type: 'daily-note',
    re: /\binstrumental swallow|\b(?:modified barium|videofluoroscopic) swallow|\bswallow(?:ing)? study\b|\b(?:MBSS|VFSS|FEES)\b(?!\s*:)/i,
  },
  {
    type: 'evaluation',
    re: /\b(?:initial |intake |entry |physical therapy |occupational therapy |PT |OT )?(?:evaluation|eval)\b|\binitial assessment\b|^\W*(?:rehab(?:ilitation)?\s+(?:(?:outpatient|OP)\s+)?|outpatient\s+(?:rehab(?:ilitation)?\s+)?)assessment\b(?!\s*:)(?!.*\b(?:instrumental|swallow(?:ing)? study|MBSS|VFSS|FEES)\b)|\b(?:initial|intake|entry|PT|OT) (?:(?:physical|occupational|speech)\s+therapy\s+)?exam(?:ination)?\b/i,
  },
  // "Plan of Care - Physician Certification", "Plan of Care Certification", "Plan of Care Review",
  // "Therapy plan of care - physician review": the physician's certification of a plan.
  {
    type: 'certification',
    re: /\b(?:plan of care|POC|(?:treatment|therapy) plan|plan of treatment)\s*(?:[-–—:]\s*)?(?:(?:physician|MD|provider)(?:'s)?\s+)?(?:review|approval|sign-?off)\b|\b(?:physician(?:'s)?|MD|provider)\s+(?:review|approval|sign-?off)\b.{0,40}\b(?:plan of care|POC|(?:treatment|therapy) plan|plan of treatment)\b|\b(?:physician(?:'s)?|MD|provider)\s+certification\b|\b(?:review|approve|sign)\s+(?:the\s+)?(?:PT|OT|SLP|therapy)?\s*(?:plan of care|POC|plan of treatment)\b|\b(?:re-?)?certification\s+of\s+(?:the\s+)?(?:plan|POC)\b|\b(?:plan of care|POC)\s+(?:re-?)?certification\b/i,
  },
  {
    type: 'plan-of-care',
    re: /\bplan of (?:care|treatment)\b|\bPOC\b|\b(?:treatment|therapy|rehab(?:ilitation)?) plan\b/i,
  },
  // A UR "notice of certification" is the payer's authorization, not a plan's certification.
  {
    type: 'authorization',
    re: /\b(?:prior |pre-?)?authori[sz]ation\b|\butilization review\b|\bnotice of (?:\w+ )?(?:review )?determination\b|\b(?:review|UR) determination (?:notice|letter)\b|\bUR (?:approval|determination|decision)\b|\bpre-?certification\b|\bnotice of approval\b|\bapproval (?:notice|letter)\b/i,
  },
  { type: 'certification', re: /\b(?:re-?)?certification\b|\brecert\b/i },
  // The CMS-701 "Updated Plan of Progress" reports progress (a recertification titled so stays one).
  { type: 'progress-report', re: /\bplan of progress\b/i },
  {
    type: 'physician-order',
    re: /\b(?:physician(?:'s)?|doctor(?:'s)?|MD) orders?\b|\bprescription\b|\border (?:requisition|inquiry|entry|details?)\b|\breferral\b|\bRx\b|\btherapy orders?\b|\border for\b|\bconsult(?:ation)? (?:request|order)\b/i,
  },
  {
    type: 'job-description',
    re: /\bjob (?:description|analysis|demands analysis|site analysis)\b|\bphysical demands? analysis\b|\bessential functions\b/i,
  },
  {
    type: 'communication',
    re: /\bletter\b|\b(?:telephone|phone) (?:call|conversation|contact|encounter|note|log)\b|\bcall with\b|\b(?:case\s+)?contact (?:log|notes?)\b|\be-?mail\b|\bcorrespondence\b|\bcommunication\b|\b(?:fax|facsimile) (?:cover|transmittal)\b|\bcase conference\b|\bteam conference\b/i,
  },
];

/** Words allowed around a heading without making the line prose. */
const TITLE_FILLER = new Set(
  (
    'pt ot slp physical occupational speech therapy therapist rehab rehabilitation outpatient work conditioning ' +
    'hardening program and of to with for the a from re note form summary report medical necessity daily initial ' +
    'case manager adjuster employer physician doctor dr md claims insurance carrier patient visit session treatment ' +
    'plan care certification evaluation dpt otr/l cota pta wc wh & / - – — : # no ' +
    'determination notice decision approval approved certified request review primary treating ' +
    "physician's dwc medicare medicaid part uniform reporting"
  ).split(' '),
);

/**
 * The type a title names. Words in parentheses qualify the title ("Progress Note
 * (Re-Assessment)", "Daily Note (PM session)"): the title outside them is read first.
 */
export function titleType(raw: string): DocType | null {
  const text = ocrLetters(raw);
  const head = text.includes('(') ? text.replace(/\([^()]*\)/g, ' ') : text;
  if (head !== text) {
    const type = firstTitleType(head);
    // "AUTHORIZATION FOR TREATMENT (Physician Order)": a form the carrier prints for the
    // physician to order on is the physician's order, not the carrier's approval.
    const said = (text.match(/\([^()]*\)/g) ?? []).map((p) => firstTitleType(p));
    if (type === 'authorization' && said.includes('physician-order')) return 'physician-order';
    if (type) return type;
  }
  return firstTitleType(text);
}

/**
 * A word as OCR of a faxed page may print it, a digit for a letter inside it ("EVALUATI0N",
 * "REP0RT", "Dai1y"), read with its letters: same length, so spans still hold.
 */
export function ocrLetters(text: string): string {
  if (!/[A-Za-z][01]|[01][A-Za-z]/.test(text)) return text;
  return text
    .replace(/(?<=[A-Za-z])0(?=[A-Za-z]|\b)|(?<=\b)0(?=[A-Za-z]{2})/g, 'O')
    .replace(/(?<=[A-Za-z])1(?=[A-Za-z])/g, 'l');
}

/**
 * Reports a visit's note may be combined with: "Daily Note / Progress Report", "Visit Record -
 * Initial Exam".
 */
const COMBINED_WITH_NOTE: ReadonlySet<DocType> = new Set([
  'evaluation',
  'progress-report',
  're-evaluation',
  'discharge-summary',
]);

/**
 * The first type the vocabulary finds in a title, except that a title naming a visit's note and
 * a report apart ("DAILY NOTE / PROGRESS REPORT") is the report, which also records the visit;
 * "Daily Progress Note" names one daily note.
 */
function firstTitleType(text: string): DocType | null {
  let first: { type: DocType; m: RegExpExecArray } | null = null;
  for (const { type, re } of TITLE_VOCABULARY) {
    const m = re.exec(text);
    if (!m) continue;
    if (!first) {
      if (type !== 'daily-note') return type;
      first = { type, m };
      continue;
    }
    if (!COMBINED_WITH_NOTE.has(type)) continue;
    // "Treatment Encounter Note - Initial Evaluation Visit" names the visit the note records, not
    // a second document.
    if (/^\s*(?:visit|day|session|appointment)\b/i.test(text.slice(m.index + m[0].length)))
      continue;
    const a = first.m;
    if (m.index >= a.index + a[0].length || m.index + m[0].length <= a.index) return type;
  }
  return first?.type ?? null;
}

/**
 * A title line is mostly a document-type heading: short, matching the vocabulary, with at most
 * a couple of words beyond headings, dates and filler ("PT Daily Note - 03/04/2026").
 */
/**
 * A field that names the document: "Form: Discharge Summary - Work Conditioning" (OpenEMR), a
 * record filed from outside the clinic ("Outside Record: Physician Order / Prescription"), a
 * hospital record's "Intervention/Assessment: PT Initial Evaluation - Outpatient".
 */
const TITLE_FIELD =
  /^\s*(?:Form|Form Name|Document|Document Type|Note Type|Note Title|Local Title|Report Type|Record Type|Template|Intervention\s*\/\s*Assessment|(?:Outside|External|Scanned|Imported)\s+(?:Records?|Documents?))\s*[:=]\s*/i;

/**
 * The reason for the visit as a scheduling EMR prints it, as a heading over its value or a label
 * before it ("Reason for Appointment" / "1. PT Initial Evaluation R knee"): where the print's own
 * heading is the same for every encounter ("Progress Notes: <provider>"), it names the note.
 */
export const VISIT_REASON =
  /^\s*(?:Reason for (?:Appointment|Visit)|Visit Reason|(?:Appointment|Appt\.?|Visit|Encounter) Type)\s*(?::\s*|$)/i;

/**
 * A title every visit of an EHR carries ("Visit Note", "Office Visit", "Encounter Note", "Clinical
 * Encounter Summary"): one that opens on "visit", "encounter" or "clinical" and a word after it
 * names a visit, not which report the visit made; the visit's type says that.
 */
export const GENERIC_VISIT_TITLE =
  /^\W*(?:(?:office|clinic|outpatient)\s+)?(?:visit|encounter|clinical)\s+\w|^\W*office\s+visit\b/i;

/**
 * A title printed with the patient's fields after it on its line ("OT DAILY NOTES - September 2026
 * Resident: ROE, JAN  DOB ..."): the title is the part before them.
 */
const TRAILING_PATIENT_FIELDS =
  /\s+(?:Patient|Resident|Client|Claimant|Member|Pt|DOB|MRN|MR\s*#|Acct|Account)\b\s*(?:name)?\s*[:#].*$/i;

function beforePatientFields(text: string): string {
  return text.replace(TRAILING_PATIENT_FIELDS, '');
}

/**
 * A letterhead's list of what the practice offers ("Work Conditioning * Work Hardening * FCE *
 * Outpatient PT", "Hand Therapy • Sports Rehab • Aquatics"): three or more short items set apart
 * by a bullet, an asterisk or a bar names services, never the document under it.
 */
const SERVICE_LIST = /^[^*•·|:]{2,40}(?:\s[*•·|]\s[^*•·|:]{2,40}){2,}$/;

/** A title and its entry's date and clinician after a dash: the title is the part before. */
function beforeEntryTail(text: string): string {
  const entry = entryHeader(text);
  return entry ? text.slice(0, entry.titleEnd) : text;
}

/**
 * A practice's legal name before the title on one line, a dash between: "HUDSON MOHAWK PHYSICAL
 * THERAPY, PLLC - PROGRESS REPORT, WORK CONDITIONING". The title is the part after the dash.
 */
const PRACTICE_BEFORE_TITLE =
  /^[^:]{3,80}?,?\s+(?:LLC|PLLC|L\.L\.C\.|P\.?C\.|INC\.?|LTD\.?|LLP)\s+[-–—]\s+(?=\S)/i;

/**
 * A document system's filing remark after a title ("REFERRAL / PRESCRIPTION  (Document Type:
 * Physician Order - Outside Record)"): the title is what stands before it.
 */
const TYPE_REMARK = /\s*\((?:document|doc\.?)\s*(?:type|category|class)\s*:[^()]*\)\s*$/i;

function withoutTypeRemark(text: string): string {
  return text.replace(TYPE_REMARK, '');
}

export function isTitleLine(text: string): boolean {
  const field = TITLE_FIELD.exec(text) ?? PRACTICE_BEFORE_TITLE.exec(text);
  if (field) return isTitleLine(text.slice(field[0].length));
  // A label and its value in the next cell is a field of the note, unless the value only dates
  // the document the label names ("Progress Note:<tab>03/04/2026").
  const raw = cellsOf(text.trim());
  if (raw.length === 2 && raw[0]!.text.endsWith(':') && !namesDocument(raw[1]!.text)) return false;
  // A form's numbered box and its value ("4. REFERRAL NUMBER<tab>VA0045719382") is a field.
  if (raw.length >= 2 && FORM_BOX_LABEL.test(raw[0]!.text)) return false;
  const t = withoutTypeRemark(beforeEntryTail(beforePatientFields(text.trim())));
  // A table row is a title only by its first cell ("DAILY NOTE<tab>Clinic name"); a log entry
  // ("04/13/2026<tab>E-mail<tab>Progress summary") is not one.
  const cells = cellsOf(t);
  if (cells.length >= 2) return titleCellOf(t) !== null;
  // A title is a line of its own, at most a long one ("OCCUPATIONAL THERAPY EVALUATION AND PLAN
  // OF TREATMENT FOR OUTPATIENT REHABILITATION (MEDICARE PART B)"); longer lines are prose.
  if (t.length === 0 || t.length > 120) return false;
  // A title starts with a capital or a digit; a line that starts in lower case continues the
  // sentence above it ("... with initial / evaluation (97163)").
  if (/^[a-z]/.test(t)) return false;
  // How a letter was sent ("Via e-mail and fax 555-0187", "Sent by facsimile") is a line of its
  // address block, not its title.
  if (DELIVERY_LINE.test(t)) return false;
  if (SERVICE_LIST.test(t)) return false;
  const type = titleType(t);
  if (!type) return false;
  // A document named only in a remark in brackets, after words of another kind ("QuickDASH <= 25
  // (progress report of 10/09/2026 attached)"), is mentioned, not the title.
  if (mentionedOnlyInBrackets(t)) return false;
  // A heading that looks back to another report ("Summary Since Last Progress Report
  // (04/14/2026)" in a discharge summary) names that report, not this document.
  const since = SINCE_LAST.exec(t);
  if (since && !titleType(t.slice(0, since.index))) return false;
  // A line led by a procedure code ("97163 PT EVALUATION, HIGH COMPLEXITY X1") is a charge line.
  if (CODE_LEAD.test(t)) return false;
  // A form's option line ("[X] Employer (e-mail 4/13)") or a wrapped line's tail ("4/13/26)")
  // is never a title.
  if (checkboxOptions(t).length > 0 || unbalanced(t)) return false;
  // A section heading that mentions a document ("OBJECTIVE MEASURES (evaluation 3/3 / today)")
  // heads a section of the note, unless its label is itself a document's name ("Plan of Care").
  const section = headingOf(t);
  if (section && !titleType(t.slice(section.start, section.end))) return false;
  // "Reason for Referral / Diagnosis" heads the evaluation's section; it is no referral.
  if (section && /^\W*reason for\b/i.test(t)) return false;
  // "Referral: Dr. Chen" or "Plan: continue" are labels with values, not titles.
  const colon = t.indexOf(':');
  if (colon >= 0) {
    const label = t.slice(0, colon);
    const after = t.slice(colon + 1).trim();
    // A label that says more than a document type ("Plan of care dates: ...", "Certification
    // period: ...") names a field of the note, whatever its value.
    if (after !== '' && titleType(label) && extraWords(headingBeforeDateField(label)).length > 0)
      return false;
    // "Progress Note: 03/04/2026" is a title; "Plan of care: 3/3/26 to 4/21/26 (cert. ...)" is a
    // field whose value is a period and more.
    if (findDates(after).length > 0 && !isBareDateLine(after)) return false;
    if (after !== '' && findDates(after).length === 0 && !/^\s*$/.test(after)) {
      if (!titleType(label)) return false;
      if (after.split(/\s+/).length > 4) return false;
    }
  }
  if (/[.?!]\s*$/.test(t) && !/\b(?:Dr|No|Ms|Mr|Mrs)\.\s*$/.test(t)) return false;
  // A sentence ended after a figure, another begun ("Program 05/11/2026 - 06/08/2026. Period
  // since last progress report ..."): prose.
  if (/\d[.!?]\s+[A-Z][a-z]/.test(t)) return false;
  // Headings are short; a long line that mentions a document type is a sentence about it
  // ("Submit a progress report at the midpoint ... and a discharge report").
  // A line in capitals is a form's heading, which may run longer ("OCCUPATIONAL THERAPY EVALUATION
  // AND PLAN OF TREATMENT FOR OUTPATIENT REHABILITATION").
  // A short qualifier in brackets ("... PLAN OF CARE (Medicare Part B)") is no part of the
  // heading's length or case; a remark that names documents ("(from the progress report of ...)")
  // is.
  const outside = t.replace(/\(([^()]*)\)/g, (all, inner: string) =>
    inner.trim().split(/\s+/).length <= 4 && !titleType(inner) ? ' ' : all,
  );
  const maxWords = outside === outside.toUpperCase() ? MAX_TITLE_WORDS + 6 : MAX_TITLE_WORDS;
  if (wordsOf(withoutDates(outside)).length > maxWords) return false;
  return extraWords(t).length <= 3;
}

/**
 * A heading in capitals with its date field after it on the line ("REFERRAL TO PHYSICAL THERAPY
 * Date: 07/29/2026"): the heading, without the field's label. A label in one case ("Plan of care
 * date:", "PLAN OF CARE DATE:") names a field of the note.
 */
function headingBeforeDateField(label: string): string {
  const m = /\s+(?:Date|Dated|DOS|Date of (?:service|visit|referral))\s*$/.exec(label);
  if (!m) return label;
  const heading = label.slice(0, m.index);
  return /[a-z]/.test(heading) || !/[a-z]/.test(m[0]) ? label : heading;
}

/** Whether the text names a document type only inside brackets, with other words outside them. */
function mentionedOnlyInBrackets(text: string): boolean {
  if (!text.includes('(')) return false;
  const outside = text.replace(/\([^()]*\)/g, ' ');
  return /\p{L}{2}/u.test(outside) && titleType(outside) === null;
}

/** A form's numbered box label ("4. REFERRAL NUMBER"). */
const FORM_BOX_LABEL = /^\s*\d{1,2}[a-z]?\.\s+[A-Z]/;

/**
 * Whether a labelled document's value cell still lets the label name the document: a bare date
 * ("Progress Note:<tab>03/04/2026 (Wed)"). Any other value makes the row a field of the note
 * ("Plan of Care:<tab>03/02/2026 - 04/19/2026", "Authorization:<tab>TW-26-0418873 (... Approved)").
 */
function namesDocument(value: string): boolean {
  return isBareDateLine(value);
}

/**
 * The cell of a row that is the document's title: the first ("DAILY NOTE<tab>Clinic name"), or
 * the second of a letterhead row that prints the practice's name on the left and the title on
 * the right ("FOX RIVER PHYSICAL THERAPY, LLC      DAILY NOTE - FLOWSHEET"). A log entry
 * ("04/13/2026<tab>E-mail<tab>Progress summary") has neither.
 */
function titleCellOf(t: string): string | null {
  const cells = cellsOf(t);
  const first = cells[0]!;
  // A row that bills or counts a service ("Functional capacity evaluation | 97750 | 1 visit") is a
  // table's data, whatever its first cell names.
  if (cells.slice(1).some((c) => PROCEDURE_CODE_CELL.test(c.text) || COUNT_CELL.test(c.text)))
    return null;
  // "Period since last progress report:<tab>03/16/2026 - 03/25/2026" is a field and its value: a
  // label that says more than a document's name. "Date of evaluation:<tab>02-Mar-2026" dates the
  // document it names and still heads it.
  const label = first.text.replace(/:$/, '');
  const labelOfValue =
    first.text.endsWith(':') &&
    cells.length >= 2 &&
    !/^\W*date\b/i.test(label) &&
    extraWords(headingBeforeDateField(label)).length > 0;
  if (first.start === 0 && !labelOfValue && !proseValue(cells) && isTitleLine(first.text))
    return first.text;
  // A scanned document's index row: "Scan Date: 4/2/2026<tab>Document Type: MCO Letter"; a
  // legacy header's fields two spaces apart ("VISIT# 11  NOTE TYPE=OT TX NOTE").
  const field = cells
    .flatMap((c) => c.text.split(/\s{2,}/))
    .find((c) => TITLE_FIELD.test(c) && isTitleLine(c));
  if (field) return field.replace(TITLE_FIELD, '').trim();
  const second = cells[1]!;
  // A practice's name has words enough to name one, or the cell is the form's number ("WC-205");
  // a single word ("Order") labels a field.
  const practiceName =
    cells.length === 2 &&
    /^[A-Z]/.test(first.text) &&
    (/\S\s+\S/.test(first.text) || FORM_NUMBER.test(first.text.toLowerCase())) &&
    lowerWords(first.text).length === 0 &&
    !first.text.includes(':') &&
    findDates(first.text).length === 0 &&
    !titleType(first.text);
  // The letterhead's address row may carry the title too ("2218 Kessler Ave, Suite 140 · Dayton,
  // OH 45420<tab>Daily Treatment Note"): a state and ZIP code end an address.
  const address = cells.length === 2 && STATE_ZIP.test(first.text) && !titleType(first.text);
  return (practiceName || address) && isTitleLine(second.text) ? second.text.trim() : null;
}

const STATE_ZIP = /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\s*$/;

/** Small words a name or a title holds in lower case ("Sports Medicine and Rehab of Ohio"). */
const NAME_LINKS = new Set(['and', 'of', 'the', 'for', 'at', 'in', 'on', 'to', 'a', '&']);

/**
 * A panel's label cell beside a sentence ("Prescription<tab>03/20/2026 – Work hardening program:
 * intake eval w/ ..."): a field of the note whatever document its label names. A title's second
 * cell is a name or a date ("DAILY NOTE<tab>Riverside Physical Therapy"), not prose.
 */
function proseValue(cells: readonly Cell[]): boolean {
  return cells.length === 2 && lowerWords(cells[1]!.text).length >= 4;
}

/** The words of a text in lower case that a name would capitalize. */
function lowerWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => /^[a-z]/.test(w) && !NAME_LINKS.has(w));
}

/** The title a title line states: the line, or its title cell in a row of cells. */
export function titleText(line: string): string {
  // A print header's title is the report it names, not the print job's stamp after it.
  const named = beforePrintStamp(line) ?? line;
  const t = beforePatientFields(named.trim()).replace(PRACTICE_BEFORE_TITLE, '');
  return cellsOf(t).length >= 2 ? (titleCellOf(t) ?? t) : t;
}

/** Words that look back to an earlier document: "since last", "since the previous". */
const SINCE_LAST = /\b(?:since|after)\s+(?:the\s+)?(?:last|previous|prior|most\s+recent)\b/i;

/** The line of a letter's address block that says how it was sent. */
const DELIVERY_LINE =
  /^\W*(?:(?:sent|delivered|transmitted)\s+)?(?:via|by)\s+(?:e-?mail|fax|facsimile|mail|post|courier|portal|secure|certified|first[- ]class|electronic)\b/i;

/** A closing parenthesis before any opening one: the end of a line that wrapped. */
function unbalanced(t: string): boolean {
  const close = t.indexOf(')');
  return close >= 0 && (t.indexOf('(') < 0 || t.indexOf('(') > close);
}

/** A cell holding procedure codes: "97750", "97545/97546", "97110-GP". */
const PROCEDURE_CODE_CELL =
  /^\s*(?:CPT\s*:?\s*)?\d{5}(?:-[A-Z0-9]{2})?(?:\s*[/,–-]\s*\d{5})*(?:\s*[/,])?\s*$/;

/**
 * A cell that counts what a row approves or bills: "1 visit", "12 sessions", "x2", "36 hours", or a
 * value that counts them after its payer ("Cigna OAP - Auth Ref# A26-0227 12 visits 03/02-04/14").
 */
const COUNT_CELL =
  /^\s*(?:x\s*\d{1,3}|\d{1,3}\s*(?:visits?|sessions?|units?|hours?|hrs?|treatments?)\b)|\b\d{1,3}\s*(?:visits|sessions|units|treatments)\b/i;

/** Procedure code (CPT/HCPCS) at the start of a line, optionally with a modifier. */
const CODE_LEAD = /^(?:CPT\s*:?\s*)?(?:\d{5}|[A-Z]\d{4})(?:-[A-Z0-9]{2})?\b/;
const MAX_TITLE_WORDS = 10;

function withoutDates(t: string): string {
  let rest = t;
  for (const d of findDates(t).reverse()) rest = rest.slice(0, d.start) + ' ' + rest.slice(d.end);
  return rest;
}

function wordsOf(t: string): string[] {
  return t.split(/[\s,()]+/).filter((w) => /[A-Za-z0-9]/.test(w));
}

/**
 * A form's number in its title ("DWC-25", "WC-205", "C-4"): no word of the title. The dash makes
 * it a form's: "x1" after a code is a count.
 */
const FORM_NUMBER = /^[a-z]{1,4}-\d{1,4}[a-z]?$/;

/** Words of a heading beyond document-type vocabulary, dates, numbers and filler. */
function extraWords(text: string): string[] {
  let rest = withoutDates(text);
  for (const { re } of TITLE_VOCABULARY) rest = rest.replace(new RegExp(re.source, 'gi'), ' ');
  return rest
    .split(/[\s,()]+/)
    .map((w) => w.toLowerCase().replace(/[.:]+$/, ''))
    .filter(
      (w) => w !== '' && !TITLE_FILLER.has(w) && !/^[\d:/-]+$/.test(w) && !FORM_NUMBER.test(w),
    );
}

/** Content cues for documents whose title is missing or unknown. */
const CONTENT_CUES: ReadonlyArray<{ type: DocType; re: RegExp }> = [
  {
    type: 'authorization',
    re: /\b(?:services?|visits?|sessions?|treatment|request)\b[^.\n]{0,40}\b(?:(?:has|have) been|is|are) (?:approved|authori[sz]ed|certified)\b|\bauthori[sz]ation (?:#|no\.?|number)|\b(?:visits?|sessions?|units?) (?:approved|authori[sz]ed)\b|\b(?:approved|authori[sz]ed) (?:visits|sessions|units)\s*:|\bauthori[sz]ed (?:period|dates)\s*:|\bdetermination\s*:\s*(?:approved|partially approved|modified|certified)|^\s*(?:approved|authori[sz]ed)(?:\s+services)?\s*:[^\n]*?(?:\b\d{1,3}\s*(?:visits?|sessions?|hours?|hrs|units?|treatments?)\b|\b(?:evaluation|eval|therapy|work (?:conditioning|hardening))\b)/im,
  },
  // A physician's page with an order as a field of its own ("ORDER: Work hardening, 3 hrs/day",
  // an office note's "Plan / ORDER:" over the order's line): the order, whatever the letterhead
  // above it.
  {
    type: 'physician-order',
    re: /^\s*(?:plan\s*[/&]\s*)?(?:orders?|Rx|prescription|referral(?: for| to)?)\s*[:#-][ \t]*\n?[^\n]*?\b(?:therapy|PT|OT|SLP|work (?:hardening|conditioning)|functional restoration|evaluat\w*|treat\w*)\b/im,
  },
  { type: 'communication', re: /^\s*Dear\b/im },
  { type: 'daily-note', re: /\btime\s*in\b|\b(?:session|treatment) time\b|^\s*S:/im },
];

/**
 * A title that names only the form of a document ("MCO Letter", "Correspondence"), not whom the
 * clinic wrote to ("Letter to Adjuster" is the clinic's communication whatever it mentions).
 */
const GENERIC_LETTER = /\bletter\b(?!\s+(?:to|from)\b)|\bcorrespondence\b/i;

/** A form's numbered box holding the initial assessment ("20. INITIAL ASSESSMENT (History, ..."). */
const INITIAL_ASSESSMENT_BOX = /^\s*\d{1,2}\.\s*INITIAL ASSESSMENT\b/m;

/**
 * The document's type: its title's, else its content's. A letter is what it says: an approval
 * letter (authorization number, visits approved) is the authorization.
 */
export function documentType(title: string, body: string): DocType {
  const byTitle = titleType(title);
  if (!byTitle) return classifyByContent(body);
  // An insurer's "certification of treatment" under utilization review ("Certification No.: ...",
  // "Approved: up to 10 sessions") is its authorization, not a physician's plan certification.
  if (byTitle === 'certification' && statesApproval(body)) return 'authorization';
  // The CMS-700 plan of treatment carries the initial assessment in its box 20: the evaluation.
  if (byTitle === 'plan-of-care' && INITIAL_ASSESSMENT_BOX.test(body)) return 'evaluation';
  if (
    byTitle === 'communication' &&
    GENERIC_LETTER.test(title) &&
    !TITLE_VOCABULARY[0]!.re.test(title) &&
    classifyByContent(body) === 'authorization'
  )
    return 'authorization';
  return byTitle;
}

/** The header fields an e-mail client prints above a message. */
const EMAIL_FIELDS: ReadonlyArray<RegExp> = [
  /^\s*From\s*:\s*\S/i,
  /^\s*(?:Sent|Date)\s*:\s*\S/i,
  /^\s*To\s*:\s*\S/i,
  /^\s*Subject\s*:/i,
];
/** How far down an e-mail printout its header stands (under the mailbox owner's name line). */
const EMAIL_HEAD_LINES = 8;

/** Where a reply's quoted thread begins: "-----Original Message-----", "On ... wrote:". */
const QUOTED_THREAD =
  /^\s*-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}|^\s*On\b.{5,120}\bwrote:\s*$|^\s*>/i;

/**
 * A printed e-mail: From, Sent (or Date), To and Subject fields at its top. It is correspondence
 * whatever its subject names ("WC progress report 08/14"): a report it attaches is a document of
 * its own. Its own message (not the thread it quotes) may grant an approval, as an adjuster's
 * does ("Authorization #: ... Date range: ..."): that e-mail is the written authorization.
 */
export function emailPrintoutType(lines: readonly { text: string }[]): DocType | null {
  const nonBlank = lines.filter((l) => l.text.trim() !== '');
  const head = nonBlank.slice(0, EMAIL_HEAD_LINES);
  if (!EMAIL_FIELDS.every((re) => head.some((l) => re.test(l.text)))) return null;
  const subject = head.findIndex((l) => EMAIL_FIELDS[3]!.test(l.text));
  const body = nonBlank.slice(subject + 1);
  const quoted = body.findIndex((l) => QUOTED_THREAD.test(l.text));
  const own = (quoted < 0 ? body : body.slice(0, quoted)).map((l) => l.text).join('\n');
  return statesApproval(own) ? 'authorization' : 'communication';
}

/**
 * A payer's approval in its own words: content that reads as an authorization and states it as a
 * field, its number or what is approved. A mention ("10 sessions approved by the carrier") is news
 * of an approval, not the approval.
 */
function statesApproval(text: string): boolean {
  return (
    classifyByContent(text) === 'authorization' &&
    (APPROVAL_NUMBER_FIELD.test(text) || APPROVED_FIELD.test(text))
  );
}

/** What is approved, as a field of its own line: "Approved: 6 sessions" (not "Approved by:"). */
const APPROVED_FIELD = /^\s*(?:approved|authori[sz]ed|certified)(?:\s+services)?\s*:\s*\S/im;
/** An approval's number as a field of its own line: "Authorization #: ...", "Ref/Auth No.: ...". */
const APPROVAL_NUMBER_FIELD =
  /^\s*(?:[A-Za-z]+\/)?(?:prior\s+)?(?:authori[sz]ation|auth|approval|reference|ref|UR|certification|pre-?cert)\.?\s*(?:#|no\.?|number)\s*[:#]?\s*[A-Z0-9][A-Z0-9-]{2,}/im;

/** A payer's answer that approves, as a ticked option or a decision field ("[X] Approved ..."). */
const APPROVING = /^(?:approved|authori[sz]ed|certified|granted)\b/i;
const REFUSING = /^(?:denied|not (?:approved|authori[sz]ed|certified)|non-?certified|refused)\b/i;
const DECISION_FIELD = /\b(?:decision|determination|response|outcome)\s*:\s*/gi;
/** A payer's sentence granting what was asked: "the following services are AUTHORIZED:". */
const GRANTED_STATEMENT =
  /\b(?:is|are|has been|have been)\s+(?:hereby\s+)?(?:approved|authori[sz]ed|certified)\b/i;
const REFUSED_STATEMENT =
  /\b(?:not|never)\s+(?:been\s+)?(?:approved|authori[sz]ed|certified)\b|\b(?:denied|non-?certified)\b/i;

/**
 * Whether a request form carries the payer's answer approving it: an approval option ticked and
 * no refusal ticked, a decision field that reads "Approved", or the payer's sentence that grants
 * ("the following services are AUTHORIZED:"). A request alone answers nothing.
 */
export function answersApproved(lines: readonly { text: string }[]): boolean {
  let approved = false;
  for (const { text } of lines) {
    for (const o of checkboxOptions(text)) {
      if (!o.checked) continue;
      if (REFUSING.test(o.text)) return false;
      if (APPROVING.test(o.text)) approved = true;
    }
    for (const m of text.matchAll(DECISION_FIELD)) {
      const value = text.slice(m.index + m[0].length);
      if (REFUSING.test(value)) return false;
      if (APPROVING.test(value)) approved = true;
    }
    if (GRANTED_STATEMENT.test(text) && !REFUSED_STATEMENT.test(text)) approved = true;
  }
  return approved;
}

export function classifyByContent(text: string): DocType {
  for (const { type, re } of CONTENT_CUES) if (re.test(text)) return type;
  return 'other';
}

/**
 * Discipline words as titles and discipline fields write them. Abbreviations are case-sensitive:
 * "pt" in prose means patient. Credentials after a signer's name are read from the credentials
 * table (core/domain/credentials), not here.
 */
export const DISCIPLINE_CUES: ReadonlyArray<{ discipline: Discipline; re: RegExp }> = [
  { discipline: 'SLP', re: /\bSLP\b|\bST\b(?= (?:evaluation|eval|note))/ },
  { discipline: 'SLP', re: /\bspeech(?:-language)? (?:therapy|patholog(?:y|ist))\b/i },
  { discipline: 'OT', re: /\bOT\b/ },
  { discipline: 'OT', re: /\boccupational therap(?:y|ist)\b/i },
  { discipline: 'PT', re: /\bPT\b/ },
  { discipline: 'PT', re: /\bphysical therap(?:y|ist)\b|\bphysiotherapy\b/i },
];

/** The earliest discipline cue in a text, with its span. */
export function disciplineIn(
  text: string,
): { discipline: Discipline; start: number; end: number } | null {
  let best: { discipline: Discipline; start: number; end: number } | null = null;
  for (const { discipline, re } of DISCIPLINE_CUES) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.start))
      best = { discipline, start: m.index, end: m.index + m[0].length };
  }
  return best;
}
