/**
 * Document boundaries inside one file. A title line followed closely by a date may start a note,
 * but a file that holds one document stays one: a one-page letter with a title and a second
 * heading ("UTILIZATION REVIEW" ... "DETERMINATION") is one letter. Within a page a new note starts
 * only where the one above it has been signed, or where a visit note follows another visit note
 * of another date (a printed chart's short notes sharing a page); at the top of a page (under at
 * most a scan's banner line and the letterhead) any titled and dated note starts a new one, unless
 * the page says it continues the one before.
 */
import type { DocType } from '../../../shared/model';
import { findDates, leadingDate } from '../parse/dates';
import { isTitleLine, titleType } from './classify';
import { type Line, headerBand, isBlank, linesByPage } from './lines';
import { isRuleLine } from './layout';
import { headerDateOf, headerDateOn } from './service-dates';
import { documentedOn, signsAbove } from './signatures';
import { splitEncounters } from './encounters';
import { AMENDMENT_LABEL } from '../lexicon/amendments';
import { labelledPatient } from './identity';
import { nameKey } from '../episodes/identity';
import { beforePrintStamp } from './print-stamp';
import { statesReportPeriod } from './plan';

export interface DocumentSlice {
  /** All lines of the document, including running lines and blanks, in file order. */
  lines: Line[];
  /** Index into `lines` of the title line, or -1 when the file's note has no recognizable title. */
  titleIndex: number;
  /**
   * An entry of a dated log of visit notes ("DAILY SKILLED NOTES - September": "Date: 09/23/26
   * ... signed", "Date: 09/25/26 ... signed"): the log's title and the header naming the patient.
   */
  entryOf?: { title: string; header: Line[]; date?: EntryDate };
  /** One date's column of a flowsheet whose columns are dates (date-columns.ts): its header cell. */
  columnDate?: { iso: string; line: Line; start: number; end: number };
}

/** A log entry's leading date, where no field labels it ("10/06/26 — Visit 1 of 10 ..."). */
export interface EntryDate {
  iso: string;
  line: Line;
  start: number;
  end: number;
}

/** How many content lines after a title may hold its date. */
const DATE_WINDOW = 6;
/** How far down a document its own title stands: under the letterhead, at most. */
const HEAD_TITLE_LINES = 6;

/**
 * The lines a title heads, where its date may stand: DATE_WINDOW lines, not counting lines that
 * hold neither a field nor a date (a long header field wrapped onto the next line, "Adjuster:" /
 * "Dana Roe"), up to twice as many in all.
 */
function headerWindow(content: Line[], i: number): Line[] {
  const out: Line[] = [];
  let counted = 0;
  for (const l of content.slice(i, i + 2 * DATE_WINDOW)) {
    if (counted >= DATE_WINDOW) break;
    // A note signed at the foot of its page has ended: the next page's lines head the next one.
    const last = out[out.length - 1];
    if (last && l.page !== last.page && endsNote(last.text)) break;
    out.push(l);
    if (l.text.includes(':') || findDates(l.text).length > 0 || out.length === 1) counted++;
  }
  return out;
}

function startsDocument(content: Line[], i: number): boolean {
  const line = content[i]!;
  if (!isTitleLine(line.text)) return false;
  return (
    headerWindow(content, i).some((l, k) => headerDateOn(l, k === 0)) ||
    fieldBandUnder(content, i).some((l) => headerDateOn(l, false))
  );
}

/**
 * A report at the top of its page dated by the period it covers ("OT PROGRESS REPORT #2" over
 * "Reporting period: 03/16/2026 - 03/26/2026"), printed behind the visit note of its day. Inside a
 * letter ("RE: ... / WORK CONDITIONING PROGRESS REPORT - WEEK 2 / Reporting period: ...") the
 * title is the letter's subject: the letter starts above it.
 */
function startsReportAtPageTop(content: Line[], i: number, letterheads: Set<string>): boolean {
  const type = titleType(content[i]!.text);
  return (
    type !== null &&
    REPORT_TYPES.has(type) &&
    linesAbove(content, i, letterheads) < PAGE_TOP_LINES &&
    headerWindow(content, i)
      .slice(1, 3)
      .some((l) => statesReportPeriod(l.text))
  );
}

/** Reports that state the period they cover. */
const REPORT_TYPES: ReadonlySet<DocType> = new Set([
  'progress-report',
  'discharge-summary',
  're-evaluation',
]);

/**
 * The run of header fields under a title and its subtitle ("Therapy Plan" / "Initial Physical
 * Therapy Examination" over "Patient ...", "Date of Birth ...", "Chart No. ...", "Insurance ...",
 * "Member ID ...", "Date of Service ..."): the title's own header, however many identity fields
 * come before its date.
 */
function fieldBandUnder(content: Line[], i: number): Line[] {
  let k = i + 1;
  while (k < content.length && k <= i + 4 && !HEADER_FIELD.test(content[k]!.text)) {
    const t = content[k]!.text;
    if (!isTitleLine(t) && !isRuleLine(t) && !FORM_ID.test(t)) return [];
    k++;
  }
  const band: Line[] = [];
  for (; k < content.length && band.length < 2 * DATE_WINDOW; k++) {
    if (!HEADER_FIELD.test(content[k]!.text) || content[k]!.page !== content[i]!.page) break;
    band.push(content[k]!);
  }
  return band;
}

/** A form's identifier under its title: "Form WC-1  Rev 01/2026", "OMB No. 1240-0046". */
const FORM_ID =
  /^\s*(?:(?:Form\s+[A-Z0-9][A-Z0-9.-]*|Rev(?:ision|\.)?\s+[\w/.-]+|OMB\s+No\.?\s*[\d-]+)\s*)+$/i;

/** Notes of a visit: two of these on one page with different dates are two notes. */
const VISIT_NOTE_TYPES: ReadonlySet<DocType> = new Set([
  'daily-note',
  'progress-report',
  'evaluation',
  're-evaluation',
  'discharge-summary',
]);

/** The date that heads a title's document: the first header date in the lines it heads. */
function headerDate(content: Line[], i: number): string | null {
  for (const [k, l] of headerWindow(content, i).entries()) {
    const d = headerDateOf(l, k === 0);
    if (d) return d;
  }
  return null;
}

/**
 * A page that says it continues the one before ("(continued)", "cont'd from previous page"), also
 * after the title it repeats ("EVALUATION AND PLAN OF CARE (continued)", "Daily Note - cont.",
 * "Visit Note (continued)  DOS 03/03/2026").
 */
const CONTINUED =
  /^\s*[-–(]*\s*(?:continued|cont\.?|cont'd)\b|\s[-–(]\s*(?:continued|cont\.?|cont'd)\s*\)?\s*$|\s\((?:continued|cont'd|cont\.)\)\s/i;
/** How many lines from the title on a page must repeat the note's first page to continue it. */
const CONTINUED_HEAD_LINES = 4;
/** How far down its page a title may stand and still head the page (under a scan's banner line). */
const PAGE_TOP_LINES = 2;

function continuedPages(all: Line[]): Set<number> {
  const pages = new Set<number>();
  const seen = new Map<number, number>();
  for (const l of all) {
    if (isBlank(l)) continue;
    const n = seen.get(l.page) ?? 0;
    seen.set(l.page, n + 1);
    if (n < 6 && CONTINUED.test(l.text)) pages.add(l.page);
  }
  return pages;
}

/**
 * Lines that head more than one page near its top: the clinic's letterhead printed on every
 * document of a file. Under it a page's title is still at the top of the page.
 */
function letterheadTexts(content: Line[]): Set<string> {
  const pagesOf = new Map<string, Set<number>>();
  const seen = new Map<number, number>();
  for (const l of content) {
    const n = seen.get(l.page) ?? 0;
    seen.set(l.page, n + 1);
    if (n >= PAGE_TOP_LINES + 1) continue;
    // A fax banner repeats with its page number changed ("P. 1/2", "P. 2/2").
    const key = letterheadKey(l.text);
    pagesOf.set(key, (pagesOf.get(key) ?? new Set()).add(l.page));
  }
  return new Set([...pagesOf].filter(([, pages]) => pages.size > 1).map(([text]) => text));
}

const letterheadKey = (text: string): string => text.trim().replace(/\d+/g, '#');

/**
 * A label and its date, "Initial evaluation: 10/05/2026", or a document named by its date, "Plan
 * of care dated 03/02/2026 (NAME, PT)": under a form's own title, the document it reviews.
 */
const LABELLED_DATE = /^\s*[A-Za-z][^:]{1,40}(?::|\s+dated\s+(?=\d))\s*\S/i;

/** A title that names a transmission, not a document: "Fax Cover Sheet", "Fax Transmittal". */
const COVER_SHEET = /\b(?:fax|facsimile)\s+(?:cover|transmittal)\b|\bcover\s+sheet\b/i;

/**
 * The fields a fax cover prints: whom to, from whom, how many pages ("Pages: 2 (including
 * cover)", "Number of pages (including cover):", "# of Pages:").
 */
const TRANSMISSION_FIELD =
  /(?:^|\s{2,})(to|from|(?:total\s+|no\.?\s+of\s+|number\s+of\s+|#\s*of\s+)?pages(?:\s*\([^)]{0,30}\)|\s+including\s+[a-z ]{0,20})?)\s*:/gi;

/** Lines at the top of the page behind a cover that may stand above its title (a letterhead). */
const BEHIND_COVER_LINES = 6;

/**
 * The title of the document a fax sends behind its cover page, when the first page is a cover
 * (one that prints whom to, from whom and how many pages, under "FAX" or a clinic's own banner)
 * and a title heads the next page. The cover's message ("Employer job description for the
 * eval, as requested") says why it was sent, not what it is.
 */
function titleBehindCover(content: Line[]): Line | null {
  const first = content[0]?.page;
  if (first === undefined) return null;
  const labels = new Set<string>();
  for (const l of content) {
    if (l.page !== first) break;
    for (const m of l.text.matchAll(TRANSMISSION_FIELD))
      labels.add(/pages/i.test(m[1]!) ? 'pages' : m[1]!.toLowerCase());
  }
  if (labels.size < 3) return null;
  const next = content.findIndex((l) => l.page > first);
  if (next < 0) return null;
  return (
    content
      .slice(next, next + BEHIND_COVER_LINES)
      .find((l) => isTitleLine(l.text) && !COVER_SHEET.test(l.text)) ?? null
  );
}

/** How far above its title a note's header band may begin. */
const BAND_LINES = 8;

/**
 * A note whose header band stands above its title (a batch print: the practice, then "Patient:
 * ... DOB ...", "Date of Service: ...", "Insurance: ...", a rule, then "DAILY NOTE - PHYSICAL
 * THERAPY"): the band's first line, when the band dates the note; else -1. The band runs up from
 * the title over fields, rules and the letterhead, and stops at a signature or prose.
 */
function bandAbove(content: Line[], i: number, letterheads: Set<string>): number {
  if (!isTitleLine(content[i]!.text) || titleType(content[i]!.text) === null) return -1;
  let top = -1;
  let dated = false;
  let named = false;
  for (let k = i - 1; k >= 0 && k >= i - BAND_LINES; k--) {
    const t = content[k]!.text;
    if (content[k]!.page !== content[i]!.page) break;
    // Fields right under a signature that name no patient finish the signature ("Signature:
    // electronically signed", "Date / Time: May 5, 2026"); a band after a signed note names its
    // own patient.
    if (endsNote(t)) {
      if (!named) return -1;
      break;
    }
    if (labelledPatient(t)) named = true;
    // Fields under a title are that title's header ("Therapy Plan" / "Initial Examination" over
    // "Patient ... Date of Service ..."): the heading below them is a section of its note.
    if (isTitleLine(t)) return -1;
    const field = HEADER_FIELD.test(t);
    if (!field && !isRuleLine(t) && !letterheads.has(letterheadKey(t))) break;
    if (field && headerDateOn(content[k]!, false)) dated = true;
    top = k;
  }
  return dated ? top : -1;
}

/**
 * The document a fax cover sheet transmits: the first title at the top of a later page, dated or
 * not (its date may stand below a band of the claimant's fields). The cover names the
 * transmission; what it sent is a document of its own.
 */
function sentBehindCover(
  content: Line[],
  i: number,
  starts: readonly Line[],
  letterheads: Set<string>,
): boolean {
  const cover = starts.length === 1 ? starts[0]! : coverAbove(content, i, starts);
  const line = content[i]!;
  return (
    cover !== null &&
    COVER_SHEET.test(cover.text) &&
    line.page > cover.page &&
    isTitleLine(line.text) &&
    !COVER_SHEET.test(line.text) &&
    linesAbove(content, i, letterheads) < PAGE_TOP_LINES
  );
}

/**
 * A cover sheet's title above `i` when nothing has started a document yet: a cover names no date
 * of service to start one by itself, but what it sends is a document of its own.
 */
function coverAbove(content: Line[], i: number, starts: readonly Line[]): Line | null {
  if (starts.length > 0) return null;
  return content.slice(0, i).find((l) => COVER_SHEET.test(l.text) && isTitleLine(l.text)) ?? null;
}

/** Content lines above `at` on its page, not counting the letterhead. */
function linesAbove(lines: Line[], at: number, letterheads: Set<string>): number {
  let above = 0;
  for (let k = at - 1; k >= 0 && lines[k]!.page === lines[at]!.page; k--) {
    const l = lines[k]!;
    if (!l.running && !isBlank(l) && !letterheads.has(letterheadKey(l.text))) above++;
  }
  return above;
}

function clearlyStarts(
  content: Line[],
  prevIndex: number,
  i: number,
  continued: Set<number>,
  letterheads: Set<string>,
): boolean {
  const line = content[i]!;
  // An EMR that prints the note's title and header band (patient, date of service) on every page
  // continues the same note: the same lines under the same title. Notes of one patient printed
  // one after another repeat the same band too, but each under its own date.
  const head = (k: number) =>
    content
      .slice(k, k + CONTINUED_HEAD_LINES)
      .map((l) => l.text.trim())
      .join('\n');
  const prevDate = headerDate(content, prevIndex);
  const date = headerDate(content, i);
  if (head(prevIndex) === head(i) && prevDate === date) return false;
  // A page that repeats the title and date of a note not yet signed carries on with that note
  // (its header printed on every page, "Page 2 of 2" at the foot): the signature is still to come.
  if (
    line.page > content[prevIndex]!.page &&
    line.text.trim() === content[prevIndex]!.text.trim() &&
    prevDate === date &&
    !content.slice(prevIndex + 1, i).some((l) => endsNote(l.text))
  )
    return false;
  // "ADDENDUM - LATE ENTRY to Daily Note of 4/13/26" under the signed note of 4/13/26 is an entry
  // appended to that note, part of it (PIM Ch. 3 §3.3.2.5), not a note of its own.
  if (amendsNoteAbove(line.text, prevDate)) return false;
  // At the top of a page (under at most a banner line and the letterhead) a titled, dated note
  // starts a new one, unless the page says it continues the last.
  const above = linesAbove(content, i, letterheads);
  if (above < PAGE_TOP_LINES && !continued.has(line.page)) return true;
  // A signature in the field band under the title ("Sign Information: ..." at the top of a
  // hospital system's note) signs the note below it; it ends nothing.
  const band = fieldBandEnd(content, prevIndex);
  for (let k = band; k < i; k++) if (signsAbove(content[k]!.text)) return true;
  // A hospital record's entry line under the title ("Document 03/12/26 1000 CVESTERG") opens an
  // entry of its own, however many entries the visit's print holds.
  if (i + 1 < content.length && documentedOn(content[i + 1]!.text)) return true;
  const prevType = titleType(content[prevIndex]!.text);
  const type = titleType(line.text);
  return (
    !!prevType &&
    !!type &&
    VISIT_NOTE_TYPES.has(prevType) &&
    VISIT_NOTE_TYPES.has(type) &&
    prevDate !== date &&
    datedHeadOf(content, i)
  );
}

/**
 * A title dated by its own head: a date on the title, on the line under it or in the field band
 * under it. "Objective re-assessment" over a table of tests, a date only further down in its
 * goals, is a section of the note it stands in.
 */
function datedHeadOf(content: Line[], i: number): boolean {
  const next = content[i + 1];
  return (
    headerDateOn(content[i]!, true) ||
    (next !== undefined && headerDateOn(next, false)) ||
    fieldBandUnder(content, i).some((l) => headerDateOn(l, false))
  );
}

/** An amendment's label line that names the date of the note above it as the one it amends. */
function amendsNoteAbove(text: string, noteDate: string | null): boolean {
  return (
    noteDate !== null &&
    AMENDMENT_LABEL.test(text) &&
    findDates(text).some((d) => d.iso === noteDate)
  );
}

/**
 * A header field: a short label and its colon at the start of the line ("Result Status: Auth",
 * "Acct #: 10388").
 */
const HEADER_FIELD = /^\s*[A-Z][\w/&.'-]*(?:\s+[\w/&.'#-]+){0,3}\s*:/;

/** Where the run of header fields right under the title at `i` ends. */
function fieldBandEnd(content: Line[], i: number): number {
  let k = i + 1;
  while (k < content.length && HEADER_FIELD.test(content[k]!.text)) k++;
  return k;
}

/**
 * A visit entry's first line: a date field first ("Date: 09/23/26  Tx day #2  Time in 10:05"),
 * its colon optional when the date follows at once ("DOS 10/27/2026 (Tue)  Visit # 7").
 */
const ENTRY_START =
  /^\s*(?:Date(?: of (?:Service|Visit|Treatment))?|DOS|Visit Date|Treatment Date|Session Date)(?:\s*:\s*|\s+(?=\d))/i;

/**
 * A running log's entry opens on its date alone, set off from the entry by a dash or a colon
 * ("10/06/26 — Visit 1 of 10. Work conditioning 135 min ...", "09/02/26: Pt seen 45 min"), or,
 * after its weekday, by a column gap before the session's number or times ("05/06/26 (Wed)
 * Session #1   8:00a-10:05a").
 */
const DATE_LED_ENTRY =
  /^\s*(?:[—–]|-{1,2}|:)\s*\S|^\s*\((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)(?:\t| {2,})\S/i;

/** An entry's date: its date field's (`labelled`, read as a field), or the date it opens on. */
function entryStart(line: Line): { date: EntryDate; labelled: boolean } | null {
  const m = ENTRY_START.exec(line.text);
  const from = m ? m[0].length : line.text.length - line.text.trimStart().length;
  const d = leadingDate(line.text.slice(from));
  if (!d || (!m && !DATE_LED_ENTRY.test(line.text.slice(from + d.end)))) return null;
  return { date: { iso: d.iso, line, start: from + d.start, end: from + d.end }, labelled: !!m };
}

/**
 * A titled log of short visit notes splits into one document per entry: an entry starts at a
 * date field after the entry before it was signed or ruled off, and the log holds at least two
 * entries of different dates. Each entry keeps the log's title and its patient header.
 */
function splitEntries(slice: DocumentSlice): DocumentSlice[] {
  // A log printed over several pages repeats its title in the running header.
  const title =
    (slice.titleIndex >= 0 ? slice.lines[slice.titleIndex]! : null) ??
    slice.lines.find((l) => l.running && isTitleLine(l.text)) ??
    null;
  if (!title || titleType(title.text) !== 'daily-note') return [slice];
  const starts: number[] = [];
  const leading = new Map<number, EntryDate>();
  const dates = new Set<string>();
  let prev: Line | null = null;
  // The entry above ends with its signature, or with a late entry or addendum appended under
  // its signature (the rules judge that as part of the visit it is appended to).
  let signed = false;
  let appended = false;
  // A running log's entries open on their dates after a blank line; one left unsigned still
  // ends where the next opens (the unsigned entry is its own note, and DOC-SIGNED says so).
  let afterBlank = false;
  let dateLed = false;
  slice.lines.forEach((line, i) => {
    if (line.running) return;
    const blankBefore = afterBlank;
    afterBlank = isBlank(line);
    if (afterBlank) return;
    const entry = entryStart(line);
    const nextDateLed = !!entry && !entry.labelled && dateLed && blankBefore;
    if (
      entry &&
      (starts.length === 0 || signed || nextDateLed || (prev && isRuleLine(prev.text)))
    ) {
      dateLed = !entry.labelled;
      if (!entry.labelled) leading.set(i, entry.date);
      starts.push(i);
      dates.add(entry.date.iso);
      signed = appended = false;
    } else if (starts.length > 0 && signsAbove(line.text)) {
      signed = true;
      appended = false;
    } else if (signed && (appended || AMENDMENT_LABEL.test(line.text))) appended = true;
    else signed = false;
    prev = line;
  });
  if (starts.length < 2 || dates.size < 2) return [slice];
  const header = slice.lines.slice(0, starts[0]);
  return starts.map((from, k) => ({
    lines: slice.lines.slice(from, starts[k + 1] ?? slice.lines.length),
    titleIndex: -1,
    entryOf: {
      title: title.text.trim(),
      header,
      ...(leading.has(from) ? { date: leading.get(from)! } : {}),
    },
  }));
}

export function splitDocuments(all: Line[]): DocumentSlice[] {
  return splitEncounters(all) ?? splitTitled(all).flatMap(splitEntries);
}

function splitTitled(all: Line[]): DocumentSlice[] {
  const content = all.filter((l) => !l.running && !isBlank(l));
  const continued = continuedPages(all);
  const letterheads = letterheadTexts(content);
  const starts: Line[] = [];
  /** Where a note whose header band stands above its title begins: the band's first line. */
  const bandTops = new Map<Line, Line>();
  let prev = -1;
  for (let i = 0; i < content.length; i++) {
    let band = bandAbove(content, i, letterheads);
    // A band opens a note only after the note before it has ended (signed): within a note's own
    // header ("DATE OF NOTE: ..." over "*** TREATMENT NOTE ***") a second title is its heading.
    if (band >= 0 && prev >= 0 && !content.slice(prev + 1, band).some((l) => endsNote(l.text)))
      band = -1;
    const behindCover = band < 0 && sentBehindCover(content, i, starts, letterheads);
    if (
      band < 0 &&
      !startsDocument(content, i) &&
      !behindCover &&
      !startsReportAtPageTop(content, i, letterheads)
    )
      continue;
    // The cover that sent it is a document of its own, started at its title.
    const cover = behindCover ? coverAbove(content, i, starts) : null;
    if (cover) {
      starts.push(cover);
      prev = content.indexOf(cover);
    }
    // A title right after another title is a subtitle ("Plan of Care" under "Evaluation").
    // A dated band after a signed note needs no more evidence; notes of one template may share
    // every line under their titles.
    if (
      band < 0 &&
      prev >= 0 &&
      (i - prev <= 2 || !clearlyStarts(content, prev, i, continued, letterheads))
    )
      continue;
    starts.push(content[i]!);
    if (band >= 0) bandTops.set(content[i]!, content[band]!);
    prev = i;
  }
  startPatientPages(all, content, starts, bandTops);
  const printed = printedReportHeads(all, content, starts);
  if (printed.length > 0) {
    // A print header heads its page from the top, as a band does.
    for (const head of printed) if (head.running) bandTops.set(head, head);
    starts.push(...printed);
    starts.sort((a, b) => all.indexOf(a) - all.indexOf(b));
  }
  if (starts.length <= 1) {
    // A fax cover sheet names the transmission; the document behind it names what was sent.
    const titles = content.slice(0, 15).filter((l) => isTitleLine(l.text));
    const named = titles.find((l) => !COVER_SHEET.test(l.text)) ?? titles[0] ?? null;
    // "Initial evaluation: 10/05/2026" under the form's own title is a field dating another
    // document; the title above it names this one.
    const start = starts[0];
    const fieldUnderTitle =
      start !== undefined &&
      named !== null &&
      content.indexOf(named) < content.indexOf(start) &&
      LABELLED_DATE.test(start.text);
    // A visit report's title at the document's head names it; a dated heading found further
    // down ("Objective re-assessment" over a table of dated tests, under a band of patient fields
    // too deep for the title's own date) is a section of it.
    const namedType = named ? titleType(named.text) : null;
    const headTitle =
      start !== undefined &&
      named !== null &&
      namedType !== null &&
      VISIT_NOTE_TYPES.has(namedType) &&
      content.indexOf(named) < HEAD_TITLE_LINES &&
      content.indexOf(start) - content.indexOf(named) > DATE_WINDOW;
    const behind = titleBehindCover(content);
    const title =
      behind && (!start || start.page < behind.page)
        ? behind
        : ((fieldUnderTitle || headTitle ? named : start) ?? named);
    return [{ lines: all, titleIndex: title ? all.indexOf(title) : -1 }];
  }
  // A note that starts at the top of its page takes the page from its top (its running header
  // and a scan's banner line), so the note before it ends on the page before.
  // A signature that ran over the page break ("Physical Therapist" / "Signed: 05/14/2026" above
  // the next note's title) stays with the note it signs.
  const from = (start: Line): number => {
    const bandTop = bandTops.get(start);
    if (bandTop) return all.indexOf(bandTop);
    const at = all.indexOf(start);
    let top = at;
    while (top > 0 && all[top - 1]!.page === start.page) top--;
    const signedAbove = all.slice(top, at).some((l) => !l.running && endsNote(l.text));
    return linesAbove(all, at, letterheads) < PAGE_TOP_LINES && !signedAbove ? top : at;
  };
  const bounds = starts.map((s, k) => (k === 0 ? 0 : from(s)));
  const slices: DocumentSlice[] = [];
  // A batch print's cover page (its job, its date range) before the first note's band is a page
  // of its own, not the first note's: its dates are the batch's.
  const firstTop = bandTops.get(starts[0]!);
  if (firstTop && firstTop.page > (content[0]?.page ?? firstTop.page)) {
    const at = all.findIndex((l) => l.page === firstTop.page);
    slices.push({ lines: all.slice(0, at), titleIndex: -1 });
    bounds[0] = at;
  }
  for (let k = 0; k < starts.length; k++) {
    // Text before the first title (clinic letterhead) belongs to the first note.
    const to = k + 1 < starts.length ? bounds[k + 1]! : all.length;
    const lines = all.slice(bounds[k]!, to);
    slices.push({ lines, titleIndex: lines.indexOf(starts[k]!) });
  }
  return slices;
}

/** The kind of report a print header names ("CONSULT REQUEST -- <facility>  Printed <date>"). */
function printedReportType(text: string): DocType | null {
  const name = beforePrintStamp(text);
  return name && isTitleLine(name) ? titleType(name) : null;
}

/**
 * Pages headed by a print header that names a report, behind a document of another kind: a
 * report printed on its own and filed in a packet behind another (a VA referral approval, then
 * the VA consult it carries, "CONSULT REQUEST -- BANNOCK RANGE VAHCS  Printed 02/27/2026 09:41").
 * The stamp makes the header page furniture, so nothing else starts the report: its words name
 * it. The report starts on the first page its header heads; a header that heads the file's first
 * page is the whole file's. Pages before it under no title are a document of their own.
 */
function printedReportHeads(all: Line[], content: Line[], starts: readonly Line[]): Line[] {
  const seen = new Set<string>();
  const heads: Line[] = [];
  const firstPage = all[0]?.page;
  for (const [page, lines] of linesByPage(all)) {
    const top = lines.find((l) => !isBlank(l));
    if (!top?.running) continue;
    const key = letterheadKey(top.text);
    const first = !seen.has(key);
    seen.add(key);
    const type = first && page !== firstPage ? printedReportType(top.text) : null;
    if (!type || starts.some((s) => s.page === page)) continue;
    // The document before it: the last one started, or the file's first title when no date has
    // started one (a letter dated only in its text), which then starts where it stands.
    const started = [...starts, ...heads]
      .filter((s) => s.page < page)
      .reduce<Line | undefined>(
        (a, s) => (a && all.indexOf(a) > all.indexOf(s) ? a : s),
        undefined,
      );
    const before = started ?? content.find((l) => l.page < page && isTitleLine(l.text));
    const beforeType = before?.running
      ? printedReportType(before.text)
      : before && titleType(before.text);
    if (before && beforeType === type) continue;
    if (before && !started) heads.push(before);
    heads.push(top);
  }
  return heads;
}

/** How many lines at a page's top may hold the band that names its patient. */
const PAGE_BAND_LINES = 8;

/** The patient a page's header band names ("Patient: PENNINGTON, LORETTA  Claim # ..."). */
function bandPatient(page: Line[]): string | null {
  for (const l of headerBand(page.slice(0, PAGE_BAND_LINES))) {
    const name = labelledPatient(l.text);
    // One person however the page writes the name ("DELGADO, RAMON A." and "Delgado, Ramon").
    if (name) return nameKey(name) ?? name.toLowerCase();
  }
  return null;
}

/**
 * A page whose header band names another patient than the pages before it starts that
 * patient's document, though nothing on it looks like a new note (a printed log, a page per
 * patient under one title). The document takes the page from its top.
 */
function startPatientPages(
  all: Line[],
  content: Line[],
  starts: Line[],
  bandTops: Map<Line, Line>,
): void {
  const pages = linesByPage(all);
  // One page holds one patient's band at most: nothing to tell apart.
  if (pages.size < 2) return;
  let current: { name: string; page: number } | null = null;
  const added: Line[] = [];
  const startOn = (page: number) => {
    if (starts.some((s) => s.page === page) || added.some((s) => s.page === page)) return;
    const own = content.filter((l) => l.page === page);
    const at = own.find((l) => isTitleLine(l.text)) ?? own[0];
    if (!at) return;
    added.push(at);
    bandTops.set(at, pages.get(page)![0]!);
  };
  for (const [page, lines] of pages) {
    const name = bandPatient(lines);
    if (!name) continue;
    if (current && name !== current.name) {
      // The first patient's pages are a document of their own too.
      if (added.length === 0 && !starts.some((s) => s.page <= current!.page)) startOn(current.page);
      startOn(page);
    }
    if (!current || name !== current.name) current = { name, page };
  }
  if (added.length === 0) return;
  starts.push(...added);
  starts.sort((a, b) => content.indexOf(a) - content.indexOf(b));
}

/** A signature, or the signing date under one ("Signed: 05/14/2026 12:00"): a note ends there. */
function endsNote(text: string): boolean {
  return SIGNED_DATE.test(text) || signsAbove(text);
}
const SIGNED_DATE =
  /^\s*(?:e-?|electronically\s+|digitally\s+)?(?:co-?)?signed(?:\s+on)?\s*:?\s*\d/i;

/** Original page range of a slice, from its first and last content lines. */
export function pageRange(slice: DocumentSlice): { pageStart: number; pageEnd: number } {
  const content = slice.lines.filter((l) => !l.running && !isBlank(l));
  const first = slice.titleIndex >= 0 ? slice.lines[slice.titleIndex] : content[0];
  const firstAll = content[0] ?? slice.lines[0];
  const start = Math.min(first?.page ?? 1, firstAll?.page ?? 1);
  const last = content.at(-1) ?? slice.lines.at(-1);
  return { pageStart: start, pageEnd: Math.max(start, last?.page ?? start) };
}
