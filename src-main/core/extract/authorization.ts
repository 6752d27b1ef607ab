/** Payer authorization: number, approved visits/hours, validity period, service, denial codes. */
import type { DocType, FactDetail } from '../../../shared/model';
import { disciplineIn } from './classify';
import type { FactSink } from './facts';
import { findDates, labeledDates, leadingDate } from '../parse/dates';
import type { Line } from './lines';
import { blankSpan, cellsOf, type Cell } from './layout';

const AUTH_NUMBER =
  /\b(?:Prior\s+)?(?:Pre-?)?(?:Authori[sz]ation|Auth\.?|Approval|Pre-?cert(?:ification)?|Certification|Reference|Ref\.?|UR(?:\s+Reference)?|Review|Tracking|Determination|Confirmation)\s*(?:#|No\.?|Number|ID|Code|Reference|Ref\.?)\s*#?\s*:?\s*([A-Z0-9][A-Z0-9-]{2,24})\b/dgi;
/**
 * An authorization's number straight after the word, with no "#" or "No." ("PRIOR AUTHORIZATION
 * KC-PA-261002-09", "Auth KC-PA-261002-09"): letters and digits together, so neither a count
 * ("Authorization 8 visits") nor a date is taken for it.
 */
const AUTH_NUMBER_BARE =
  /\b(?:Prior\s+)?(?:Authori[sz]ation|Auth\.?)\s+(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])([A-Z0-9][A-Z0-9-]{5,24})\b(?!-)/dgi;
/**
 * The number a payer's decision gives the request it decides ("MCO request #: C9-26-0304117"): on
 * an authorization, the number the approval is known by.
 */
const DECIDED_REQUEST_NUMBER =
  /\b(?:[A-Z]{2,5}\s+)?Request\s*(?:#|No\.?|Number|ID)\s*:?\s*([A-Z0-9][A-Z0-9-]{2,24})\b/dgi;
/** Lines that talk about an authorization, so counts and dates on them are the authorization's. */
const AUTH_CONTEXT =
  /\b(?:approv\w*|authori[sz]\w*|certif\w*|valid|UR\b|utilization|pre-?cert\w*|request(?:ed)?)\b/i;
/**
 * Dates of care already had: "visits used (03/09 - 04/09)", "attended from ... to ..."; never
 * "visits to be used between ...", which is the approval's.
 */
const CARE_HAD_BEFORE_DATES =
  /(?<!\b(?:to|may|must|can|will)\s+be\s+)\b(?:used|completed|attended|rendered|furnished)\b[^.;:]{0,20}$/i;
/** Words that make the count after them care already given: "after 18 visits", "completed 12 sessions". */
const CARE_HAD_BEFORE =
  /\b(?:after|completed|attended|had|received|prior|previous(?:ly)?|failed|despite)\s+(?:[a-z-]+\s+){0,2}$/i;
/**
 * A count may name its service or kind before the noun ("12 PT treatment visits", "6 additional
 * sessions"); a letter writes it in words with its figure in brackets ("ten (10) visits").
 */
const AUTH_VISITS =
  /\b(\d{1,3})\)?\s*(?:\([a-z -]{2,20}\)\s*)?(?:(?:PT|OT|ST|SLP|therapy|physical\s+therapy|occupational\s+therapy|work\s+(?:conditioning|hardening)|program|treatment|additional|follow-?up|outpatient|office)\s+){0,2}(?:visits?|sessions?|treatments?)\b|\b(?:(?:visits?|sessions?)\s*(?:approved|authori[sz]ed)|(?:approved|authori[sz]ed)\s+(?:visits?|sessions?))\s*:?\s*(\d{1,3})\b/dgi;
/**
 * An authorization form's count as a field of its own: "Visits: 12 (including evaluation)",
 * "Number of visits: 10".
 */
const VISITS_FIELD =
  /^\s*(?:(?:number|no\.?|#|total)\s+(?:of\s+)?)?(?:visits|sessions|treatments)\s*:\s*(\d{1,3})\b(?![/:.-]\d)/di;
/** What makes a count a frequency: "3 sessions per week", "three sessions of three hours per week". */
const VISITS_PER_WEEK_AFTER =
  /^\s*(?:(?:of|at|lasting)\s+[^.;,]{0,25}?\s)?(?:(?:\/|per|a|each)\s*(?:wk|week|day)\b|weekly\b)/i;
const AUTH_HOURS =
  /\b(\d{1,3})\)?\s*(?:total\s+)?(?:program\s+)?(?:hours?|hrs)\b|\bhours?\s*(?:approved|authori[sz]ed)\s*:?\s*(\d{1,3})\b/dgi;
/** Lines about a request or a denial, whose counts are not the approval's. */
const NOT_APPROVED =
  /\b(?:request(?:s|ed|ing)?|denied|denial|not (?:approved|certified|authori[sz]ed)|non-?certified|modified from)\b/i;
const REQUEST_WORD = /\brequest(?:s|ed|ing)?\b/i;
/** A line labelled as the request: "Requested:", "Request:", "Requested services:". */
const REQUEST_LABEL = /^\s*request(?:ed)?(?:\s+[a-z]+)?\s*:/i;
/** A sentence's end: a full stop or semicolon before a space (not a decimal point). */
const SENTENCE_END = /[.;](?=\s)/;
const APPROVED =
  /(?<!\bnon-?|\bnot\s|\bun)\b(?:approved|authori[sz]ed|certified|approval|granted)\b(?!\s+(?:request|was not))/i;
/** What a guideline allows is no approval: "ODG supports up to 10 visits over 4 weeks". */
const GUIDELINE_BEFORE =
  /\b(?:ODG|MTUS|ACOEM|guidelines?)\b[^.;]{0,30}\b(?:supports?|recommends?|allows?|suggests?)\s+(?:up to\s+)?$/i;
/** An evaluation or FCE line of an approval letter, whose counts are the evaluation's. */
const EVALUATION_LINE = /\b(?:9716[1-8]|9775[05]|evaluation|eval|FCE|re-?eval\w*)\b/i;
/**
 * A count joined to the evaluation named before it: "evaluation + ", "eval and up to ", "FCE plus ",
 * "OT evaluation x 1 (97165-97167) + ".
 */
const COUNT_BESIDE_EVALUATION =
  /\b(?:9716[1-8]|9775[05]|evaluation|eval|FCE|re-?eval\w*)(?:\s*(?:x\s*\d{1,2}|\(\d{1,2}\)))?(?:\s*\([^()]{1,24}\))?\s*(?:\+|&|\bplus\b|\band\b)\s*(?:(?:up to|a maximum of|max\.?)\s*)?$/i;
/** Where a count's quote starts: at its bracket when a figure follows its words ("(10) visits"). */
function bracketStart(text: string, at: number, figureEnd: number): number {
  return text[at - 1] === '(' && text[figureEnd] === ')' ? at - 1 : at;
}

/** An approval of the evaluation with the care after it: "evaluation and treatment", "eval & tx". */
const EVALUATION_AND_TREATMENT =
  /\b(?:evaluation|eval)\s*(?:and|&|\/|\+)\s*(?:treatment|tx|treat|therapy|management)\b/i;
/** The program itself, not its evaluation ("Work conditioning evaluation 97163 ... 1 visit"). */
const PROGRAM_SERVICE_ONCE =
  /\bwork (?:conditioning|hardening)\b(?!\s+(?:evaluation|eval|assessment|exam))|\b9754[56]\b/i;
/** Hours that describe a code or a session: "initial 2 hours", "each additional hour", "97545 = 2 hours". */
const HOURS_NOT_TOTAL_BEFORE = /(?:\b(?:initial|first|each additional|additional)|=)\s*$/i;
const HOURS_NOT_TOTAL_AFTER =
  /^\s*(?:\/|per|a|each)\s*(?:day|session|visit|treatment|date of service|wk|week)\b|^\s*(?:sessions?|per)\b/i;
/** A certification period is not an authorization period. */
const AUTH_PERIOD_CONTEXT =
  /^(?!.*\bcertification period\b).*\b(?:authori[sz]\w*|approv\w*|valid)\b/i;
const PERIOD_SEPARATOR = /^\s*(?:-|–|—|to|through|thru|until)\s*$/i;
const PROGRAM_SERVICE = /\bwork (?:conditioning|hardening)\b|\b9754[56]\b/gi;
const DENIAL_CODE =
  /\b(?:CARC|denial (?:reason )?code|reason code|adjustment reason code)s?\s*[:#]?\s*((?:CO|PR|OA|PI|CR)?-?\s?\d{1,3}|[A-Z]\d{1,2})\b|\b(?:CO|PR|OA|PI|CR)-\d{1,3}\b/dgi;

/** A table's approved-quantity column header: "Approved", "Units approved", "Auth units". */
const APPROVED_COLUMN =
  /^(?:approved|authori[sz]ed|certified)(?:\s+(?:units?|qty|quantity|visits?))?$|^(?:units?|qty|visits?)\s+(?:approved|authori[sz]ed|certified)$|^auth(?:\.|ori[sz]ed)?\s+units?$/i;
const PROGRAM_CODE = /^\s*(9754[56])\b/;
/** An approved count in its cell, as a ceiling too: "8", "8 visits", "up to 8 units", "max. 8". */
const UNITS_CELL =
  /^\s*(?:(?:up\s+to|not\s+to\s+exceed|no\s+more\s+than|max(?:imum)?\.?|≤)\s*:?\s*)?(\d{1,3})\b/i;

/** Period columns of an approval table: "Start | End", "From | Through", "Effective | Expires". */
const START_COLUMN =
  /^(?:(?:valid|auth(?:ori[sz]ation)?|approval)\s+)?(?:start|begin|from|effective)(?:\s+date)?$/i;
const END_COLUMN =
  /^(?:(?:valid|auth(?:ori[sz]ation)?|approval)\s+)?(?:end|through|thru|to|until|expires|expiration)(?:\s+date)?$/i;

interface PeriodTable {
  /** The start and end columns, counted from the row's right end. */
  startFromRight: number;
  endFromRight: number;
  /** The count column beside them ("Service | Visits | Valid From | Valid Through"), if any. */
  count?: { fromRight: number; hours: boolean };
}

/**
 * A table's header row: three cells or more, none with a number. A header names its columns; a
 * row with numbers ("... 97545 | CERTIFIED | 10 visits") is data.
 */
function headerCells(text: string): Cell[] | null {
  const cells = cellsOf(text);
  return cells.length < 3 || cells.some((c) => /\d/.test(c.text)) ? null : cells;
}

function periodTableOf(text: string): PeriodTable | null {
  const cells = headerCells(text);
  if (!cells) return null;
  const s = cells.findIndex((c) => START_COLUMN.test(c.text.trim()));
  const e = cells.findIndex((c) => END_COLUMN.test(c.text.trim()));
  if (s < 0 || e <= s) return null;
  const table: PeriodTable = {
    startFromRight: cells.length - 1 - s,
    endFromRight: cells.length - 1 - e,
  };
  const c = cells.findIndex((x) => COUNT_COLUMN.test(x.text.trim()));
  if (c >= 0 && c < s)
    table.count = { fromRight: cells.length - 1 - c, hours: /^h/i.test(cells[c]!.text.trim()) };
  return table;
}

/** A row that is the evaluation's own: evaluation codes or words, no treatment or program code. */
function evaluationOnly(text: string): boolean {
  return (
    EVALUATION_LINE.test(text) &&
    !PROGRAM_SERVICE_ONCE.test(text) &&
    !/\b97(?!16[1-8]\b|75[05]\b)\d{3}\b/.test(text)
  );
}

/**
 * A row's period under the table's Start/End columns. The evaluation's own row has its own window
 * ("97163 | 1 | 09/03 | 09/11"): the program's period is on the program's rows.
 */
function readPeriodRow(line: Line, table: PeriodTable, sink: FactSink): void {
  const cells = cellsOf(line.text);
  const start = cells[cells.length - 1 - table.startFromRight];
  const end = cells[cells.length - 1 - table.endFromRight];
  if (!start || !end || start === end) return;
  if (evaluationOnly(line.text)) return;
  const a = leadingDate(start.text);
  const b = leadingDate(end.text);
  if (!a || !b || b.iso < a.iso) return;
  sink.add('auth-start', a.iso, line, start.start + a.start, start.start + a.end);
  sink.add('auth-end', b.iso, line, end.start + b.start, end.start + b.end);
  const count = table.count ? cells[cells.length - 1 - table.count.fromRight] : undefined;
  const n = count ? UNITS_CELL.exec(count.text) : null;
  if (count && n)
    sink.add(
      table.count!.hours ? 'auth-hours' : 'auth-visits',
      n[1]!,
      line,
      count.start,
      count.end,
    );
}

/** An approval table's column of authorization numbers: "Authorization #", "Auth No.", "Ref #". */
const NUMBER_COLUMN =
  /^(?:prior\s+)?(?:auth(?:ori[sz]ation)?|approval|ref(?:erence)?|cert(?:ification)?)\.?\s*(?:#|no\.?|number)$/i;
/** An authorization number in its cell: letters, digits and dashes, with a digit. */
const NUMBER_CELL = /^(?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{3,}$/i;

/** The index of a table header's authorization-number column, or null. */
function numberColumnOf(text: string): number | null {
  const i = headerCells(text)?.findIndex((c) => NUMBER_COLUMN.test(c.text.trim())) ?? -1;
  return i < 0 ? null : i;
}

/** The number in a row's number column; false when the line is no row of the table. */
function readNumberCell(line: Line, column: number, sink: FactSink): boolean {
  const cells = cellsOf(line.text);
  if (cells.length <= column || cells.length < 3) return false;
  const cell = cells[column]!;
  const value = cell.text.trim();
  if (!NUMBER_CELL.test(value)) return false;
  const at = cell.start + cell.text.indexOf(value);
  sink.add('auth-number', value, line, at, at + value.length);
  return true;
}

/** A decision table's column of what was asked for ("Service | Requested | Decision | Units"). */
const REQUESTED_COLUMN = /^(?:requested|request|asked|requested\s+(?:units?|visits?|services?))$/i;

/**
 * The column a table's header names, counted from the row's right end (descriptions overflow
 * leftwards).
 */
function headerColumnFromRight(text: string, column: RegExp): number | null {
  const cells = headerCells(text);
  if (!cells) return null;
  const i = cells.findIndex((c) => column.test(c.text.trim()));
  return i < 0 ? null : cells.length - 1 - i;
}

/** A row with its Requested cell blanked (same length, so offsets still cite the page). */
function withoutRequestedCell(text: string, fromRight: number): string {
  const cells = cellsOf(text);
  const cell = cells[cells.length - 1 - fromRight];
  if (!cell || cells.length - 1 - fromRight === 0) return text;
  return blankSpan(text, cell.start, cell.end);
}

interface UnitsTable {
  /** The approved column, counted from the row's right end (descriptions overflow leftwards). */
  fromRight: number;
}

/**
 * Units approved per code in a UR vendor's table ("CPT | Description | Requested | Approved"):
 * each 97545 unit is one program session of its first two hours, each 97546 unit an hour more.
 */
function readUnitsRow(line: Line, table: UnitsTable, sink: FactSink): void {
  const cells = cellsOf(line.text);
  const code = PROGRAM_CODE.exec(cells[0]?.text ?? '');
  const cell = cells[cells.length - 1 - table.fromRight];
  if (!code || !cell || cells.length < 2) return;
  const n = UNITS_CELL.exec(cell.text);
  if (n) sink.add('auth-units', n[1]!, line, cell.start, cell.end, { code: code[1]! });
}

function unitsTableOf(text: string): UnitsTable | null {
  const fromRight = headerColumnFromRight(text, APPROVED_COLUMN);
  return fromRight === null ? null : { fromRight };
}

/** An approval table's count column, one word: "Visits", "Sessions", "Hours". */
const COUNT_COLUMN = /^(?:visits?|sessions?|treatments?|hours?|hrs)$/i;
interface WordTable {
  /** Word positions from the row's right end. */
  count: number;
  start: number;
  end: number;
  hours: boolean;
}

/**
 * An approval table printed as space-aligned text whose right-hand columns are one word each
 * ("Service   Codes   Visits   From   To"): its rows line up word by word from the right, whatever
 * the left-hand description holds.
 */
function wordTableOf(text: string): WordTable | null {
  if (/\d/.test(text)) return null;
  const words = text.trim().split(/\s+/);
  const fromRight = (re: RegExp) => {
    const i = words.findLastIndex((w) => re.test(w));
    return i < 0 ? -1 : words.length - 1 - i;
  };
  const count = fromRight(COUNT_COLUMN);
  const start = fromRight(START_COLUMN);
  const end = fromRight(END_COLUMN);
  // Only the count and period columns may stand right of the count column.
  if (count < 0 || start < 0 || end < 0 || count !== 2 || start !== 1 || end !== 0) return null;
  return { count, start, end, hours: /^h/i.test(words[words.length - 1 - count]!) };
}

function readWordRow(line: Line, table: WordTable, sink: FactSink): boolean {
  const words = [...line.text.matchAll(/\S+/g)];
  const at = (k: number) => words[words.length - 1 - k];
  const count = at(table.count);
  const start = at(table.start);
  const end = at(table.end);
  if (!count || !start || !end || !/^\d{1,3}$/.test(count[0])) return false;
  const a = leadingDate(start[0]);
  const b = leadingDate(end[0]);
  if (!a || !b || a.end !== start[0].length || b.end !== end[0].length || b.iso < a.iso)
    return false;
  if (evaluationOnly(line.text)) return true;
  const c = count.index;
  sink.add(
    table.hours ? 'auth-hours' : 'auth-visits',
    String(Number(count[0])),
    line,
    c,
    c + count[0].length,
  );
  sink.add('auth-start', a.iso, line, start.index, start.index + start[0].length);
  sink.add('auth-end', b.iso, line, end.index, end.index + end[0].length);
  return true;
}

/**
 * A letter's field that recalls the authorization before this one ("Prior authorization:
 * NCH-UM-2607-40318 (12 visits, 07/06/2026 - 08/07/2026)" above "Authorization number: ..."):
 * its number, count and dates are that one's, which its own letter states. "Prior authorization"
 * is also the name of an approval ("Prior authorization PA-77 approved for 12 visits"): only a
 * line that approves nothing, in a letter that numbers its own authorization elsewhere, recalls
 * an earlier one.
 */
const EARLIER_AUTHORIZATION =
  /^\W*(?:prior|previous|original|earlier|preceding|superseded)\s+(?:authori[sz]ation|auth\.?|approval|certification)\b/i;
/** A field that recalls what was granted before: "Previously approved: 6 visits, 03/02 - 03/31". */
const PREVIOUSLY_GRANTED =
  /^\W*(?:previously|already|initially)\s+(?:approved|authori[sz]ed|certified|granted)\b/i;
/**
 * A utilization manager's own number for an approval ("Order ID: ARB-260317-41562"), read only
 * on its authorization: elsewhere an order number is the physician's.
 */
const UM_ORDER_NUMBER = /\bOrder\s*(?:#|No\.?|Number|ID)\s*:?\s*([A-Z0-9][A-Z0-9-]{2,24})\b/dgi;

/** Whether a line other than `line` gives an authorization's number. */
function numberedElsewhere(lines: readonly Line[], line: Line): boolean {
  return lines.some((l) => l !== line && l.text.match(AUTH_NUMBER) !== null);
}

/**
 * A review's decision, labelled ("Decision: NON-CERTIFIED (denied)", "Determination: Approved as
 * modified") or in the notice's title ("NOTICE OF UTILIZATION REVIEW DECISION - NON-CERTIFICATION").
 */
const DECISION_LINE =
  /^\W*(?:(?:UR|review|final)\s+)?(?:decision|determination|outcome)\b[^:]{0,30}(?::|\s[-–—]\s)\s*(\S.*)$/i;
const DECIDES_NOTHING =
  /\b(?:non-?certif\w*|not\s+(?:certified|approved|authori[sz]ed|medically necessary)|denied|denial|adverse)\b/i;
const DECIDES_SOMETHING =
  /(?<!\bnon-?|\bnot\s)\b(?:certified|approved|authori[sz]ed|modified|partial(?:ly)?|granted)\b/i;

/**
 * Whether a decision letter certifies nothing: each decision it states is a denial (a letter
 * that certifies one service and denies another, or modifies a request, still grants).
 */
function decidesNothing(lines: readonly Line[]): Line | null {
  let denied: Line | null = null;
  for (const line of lines) {
    const m = DECISION_LINE.exec(line.text);
    if (!m) continue;
    const said = m[1]!;
    if (DECIDES_SOMETHING.test(said.replace(DECIDES_NOTHING, ' '))) return null;
    if (DECIDES_NOTHING.test(said)) denied ??= line;
  }
  return denied;
}

/** The numbers a line gives an authorization (on an authorization, a decided request's too). */
function addAuthNumbers(line: Line, t: string, isAuthDoc: boolean, sink: FactSink): void {
  const requestNumbers = isAuthDoc
    ? [...t.matchAll(DECIDED_REQUEST_NUMBER), ...t.matchAll(UM_ORDER_NUMBER)]
    : [];
  for (const m of [
    ...t.matchAll(AUTH_NUMBER),
    ...t.matchAll(AUTH_NUMBER_BARE),
    ...requestNumbers,
  ]) {
    const g = m.indices![1]!;
    if (/\d/.test(m[1]!)) sink.add('auth-number', m[1]!, line, g[0], g[1]);
  }
}

export function extractAuthorization(lines: Line[], type: DocType, sink: FactSink): void {
  const isAuthDoc = type === 'authorization';
  const denied = isAuthDoc ? decidesNothing(lines) : null;
  if (denied) {
    // The counts it holds are the request's or an earlier approval's ("prior UR ... (6 visits
    // certified)"): none is this letter's grant.
    const m = DECIDES_NOTHING.exec(denied.text)!;
    sink.add('auth-denied', m[0], denied, m.index, m.index + m[0].length);
    for (const line of lines) addAuthNumbers(line, line.text, true, sink);
    return;
  }
  let table: UnitsTable | null = null;
  let periods: PeriodTable | null = null;
  let words: WordTable | null = null;
  /** The column of an approval table that numbers each approval ("Authorization # | Service ..."). */
  let numberColumn: number | null = null;
  let requested: number | null = null;
  /** Whether the line before was a request's and runs on into this one (no full stop, no field). */
  let requestRunsOn = false;
  /**
   * The period of an evaluation's own row ("Evaluation 97163 | 1 visit | 04/06 - 04/10"), held
   * back: the program's row beside it gives the authorization's period, when there is one.
   */
  let evaluationPeriod: (() => void) | null = null;
  for (const line of lines) {
    const requestHeader = isAuthDoc ? headerColumnFromRight(line.text, REQUESTED_COLUMN) : null;
    if (requestHeader !== null) requested = requestHeader;
    else if (cellsOf(line.text).length < 2) requested = null;
    // Under a decision table's header, what a row asked for is not what it was granted.
    const t =
      requested !== null && requestHeader === null
        ? withoutRequestedCell(line.text, requested)
        : line.text;
    if (EARLIER_AUTHORIZATION.test(t) && !APPROVED.test(t) && numberedElsewhere(lines, line))
      continue;
    if (isAuthDoc && PREVIOUSLY_GRANTED.test(t)) continue;
    const inRequest: boolean =
      requestRunsOn && !APPROVED.test(t) && !/^\s*[^\s:][^:]{0,39}:/.test(t);
    if (isAuthDoc) {
      const numberHeader = numberColumnOf(t);
      if (numberHeader !== null) numberColumn = numberHeader;
      else if (numberColumn !== null && !readNumberCell(line, numberColumn, sink))
        numberColumn = null;
      if (words && t.trim() !== '') {
        const table: WordTable = words;
        words = null;
        if (readWordRow(line, table, sink)) {
          words = table;
          continue;
        }
      }
      const wordHeader = wordTableOf(t);
      if (wordHeader) {
        words = wordHeader;
        continue;
      }
      const header = unitsTableOf(t);
      const periodHeader = periodTableOf(t);
      if (header || periodHeader) {
        table = header;
        periods = periodHeader;
        continue;
      }
      const isRow = cellsOf(t).length >= 2;
      if (table && isRow) readUnitsRow(line, table, sink);
      else table = null;
      if (periods && isRow) readPeriodRow(line, periods, sink);
      else periods = null;
    }
    addAuthNumbers(line, t, isAuthDoc, sink);
    for (const m of t.matchAll(DENIAL_CODE)) {
      const g = m.indices![1] ?? m.indices![0]!;
      sink.add('denial-code', t.slice(g[0], g[1]), line, g[0], g[1]);
    }
    // "Requested: 18 visits, 04/06 to 05/17. Approved dates are shown above.": the labelled
    // request's sentence is the request, whatever the next sentence approves.
    const request: boolean =
      inRequest ||
      (REQUEST_LABEL.test(t)
        ? !APPROVED.test(t.split(SENTENCE_END, 1)[0]!)
        : NOT_APPROVED.test(t) && !APPROVED.test(t));
    // "Treatment requested: ... 10 sessions," / "3 hrs/session, 5x/wk. Dates ...": a request's
    // sentence that wraps is still the request.
    requestRunsOn = request && (inRequest || REQUEST_WORD.test(t)) && !/[.!?]\s*$/.test(t);
    if (!isAuthDoc && !AUTH_CONTEXT.test(t)) continue;
    // What was asked for or turned down is not what was approved ("Requested: 12 visits"), and
    // an evaluation's own line ("97163 evaluation ... 1 visit") is not the program's.
    const counts = !request;
    // An evaluation's count names the evaluation first ("97163 evaluation ... 1 visit"); "10
    // visits, including the initial evaluation" counts the visits.
    // "Evaluation + 12 visits", "the evaluation and 10 visits": a count of its own after it.
    // A line may list both ("PT evaluation (97163), one (1) visit; work conditioning ..., eight
    // (8) visits"): each count is read within its own clause. "Evaluation and treatment, eighteen
    // (18) visits" counts the treatment too.
    const evaluationsCount = (at: number) => {
      const clause = t.slice(0, at).split(';').at(-1)!;
      const rest = t.slice(at).split(';', 1)[0]!;
      return (
        EVALUATION_LINE.test(clause) &&
        !PROGRAM_SERVICE_ONCE.test(clause + rest) &&
        !COUNT_BESIDE_EVALUATION.test(clause) &&
        !EVALUATION_AND_TREATMENT.test(clause)
      );
    };
    // A letter that approves each discipline apart says which on the approving line.
    const disciplineDetail = isAuthDoc ? lineDiscipline(t) : undefined;
    const field = counts && isAuthDoc ? VISITS_FIELD.exec(t) : null;
    if (field) {
      const g = field.indices![1]!;
      sink.add('auth-visits', String(Number(field[1])), line, field.index, g[1], disciplineDetail);
    }
    for (const m of counts ? t.matchAll(AUTH_VISITS) : []) {
      if (evaluationsCount(m.index)) continue;
      // Care already had ("Plateau after 18 PT visits") is history, not what is approved.
      if (CARE_HAD_BEFORE.test(t.slice(0, m.index))) continue;
      if (GUIDELINE_BEFORE.test(t.slice(0, m.index))) continue;
      if (VISITS_PER_WEEK_AFTER.test(t.slice(m.index + m[0].length))) continue;
      const g = m.indices![1] ?? m.indices![2]!;
      sink.add(
        'auth-visits',
        String(Number(t.slice(g[0], g[1]))),
        line,
        bracketStart(t, m.index, g[1]),
        m.index + m[0].length,
        disciplineDetail,
      );
    }
    for (const m of counts ? t.matchAll(AUTH_HOURS) : []) {
      if (evaluationsCount(m.index)) continue;
      // "initial 2 hours", "4 hours per session": a code's unit or a session's length, not hours approved.
      if (
        HOURS_NOT_TOTAL_BEFORE.test(t.slice(0, m.index)) ||
        HOURS_NOT_TOTAL_AFTER.test(t.slice(m.index + m[0].length))
      )
        continue;
      const g = m.indices![1] ?? m.indices![2]!;
      sink.add(
        'auth-hours',
        String(Number(t.slice(g[0], g[1]))),
        line,
        bracketStart(t, m.index, g[1]),
        m.index + m[0].length,
      );
    }
    const dates =
      !request && !periods && (isAuthDoc || AUTH_PERIOD_CONTEXT.test(t)) ? findDates(t) : [];
    for (let i = 0; i + 1 < dates.length; i++) {
      const a = dates[i]!;
      const b = dates[i + 1]!;
      // "between 04/06/2026 and 05/08/2026" states the period too.
      const between =
        /\bbetween\s*$/i.test(t.slice(Math.max(0, a.start - 12), a.start)) &&
        /^\s*and\s*$/i.test(t.slice(a.end, b.start));
      if (!PERIOD_SEPARATOR.test(t.slice(a.end, b.start)) && !between) continue;
      // "10 of 10 authorized visits used (03/09/2026 - 04/09/2026)": when care was had, not a
      // period approved.
      if (CARE_HAD_BEFORE_DATES.test(t.slice(0, a.start))) continue;
      const add = () => {
        sink.add('auth-start', a.iso, line, a.start, a.end, disciplineDetail);
        sink.add('auth-end', b.iso, line, b.start, b.end, disciplineDetail);
      };
      if (counts && evaluationsCount(a.start)) evaluationPeriod ??= add;
      else add();
      break;
    }
    if (isAuthDoc) labeledPeriodDate(line, sink);
    for (const m of t.matchAll(PROGRAM_SERVICE)) {
      sink.add('auth-service', m[0], line, m.index ?? 0, (m.index ?? 0) + m[0].length);
    }
  }
  if (evaluationPeriod && !sink.has('auth-start')) evaluationPeriod();
}

/** The one discipline a line names ("Line 2 - Speech Therapy: Approved. 8 visits"), if one. */
function lineDiscipline(text: string): FactDetail | undefined {
  const first = disciplineIn(text);
  if (!first) return undefined;
  const rest = disciplineIn(text.slice(first.end));
  return rest && rest.discipline !== first.discipline
    ? undefined
    : { discipline: first.discipline };
}

/**
 * Labelled ends of an authorization's period, on one line or two: "Start date: 03/01/2026",
 * "Valid from: 03/04/2026<tab>Valid through: 04/03/2026", "Expiration Date: ...".
 */
const PERIOD_LABEL =
  /\b(Start|Begin|From|Effective|End|Expiration|Expires|Through|Thru|To|Until)(?:\s+Date)?\s*:\s*/gi;

function labeledPeriodDate(line: Line, sink: FactSink): void {
  for (const d of labeledDates(line.text, PERIOD_LABEL)) {
    const kind = /^(?:Start|Begin|From|Effective)$/i.test(d.label) ? 'auth-start' : 'auth-end';
    sink.add(kind, d.iso, line, d.start, d.end);
  }
}
