/** Session clock times, total and timed minutes, and breaks. */
import type { Fact } from '../../../shared/model';
import type { FactSink } from './facts';
import type { Line } from './lines';
import { SERVICE_NAMES } from '../domain/codes';
import { cellsOf, startsTicked, type Cell } from './layout';
import { NUMBER_SOURCE, numberValue } from '../parse/numbers';

/** A clock time: "8:00 AM", "8:00a", "08:00", "14:22". */
const CLOCK = String.raw`(\d{1,2}):([0-5]\d)(?:\s*([AaPp])\.?(?:[Mm]\.?)?(?![A-Za-z]))?`;
/** Hours and minutes of a 24-hour time without colon ("0800"), as two groups. */
const HHMM = String.raw`([01]\d|2[0-3])([0-5]\d)`;
/** A 24-hour time without colon ("0800"); only trusted right after a time label. */
const MILITARY = String.raw`${HHMM}(?:\s*(?:hrs?|h)\b)?`;
const TIME = `(?:${CLOCK}|${MILITARY})`;

const IN_LABEL = String.raw`(?:Time\s*In|In\s*Time|Start(?:\s*Time)?|Began|Begin(?:\s*Time)?|Arrival(?:\s*Time)?|Check[- ]?in|In(?=\s*:)|(?:arrived|started|came in)(?:\s+(?:early|on time))?(?:\s+at)?)`;
const OUT_LABEL = String.raw`(?:Time\s*Out|Out\s*Time|Stop(?:\s*Time)?|End(?:\s*Time)?|Finish(?:ed)?|Departure(?:\s*Time)?|Check[- ]?out|Out(?=\s*:)|(?:session\s+)?ended(?:\s+at)?|(?:was\s+)?here\s+until|left\s+at)`;
const IN_RE = new RegExp(String.raw`\b${IN_LABEL}\s*[:=-]?\s*${TIME}`, 'i');
const OUT_RE = new RegExp(String.raw`\b${OUT_LABEL}\s*[:=-]?\s*${TIME}`, 'i');
/**
 * "8:00a-12:05p", "08:00 - 12:05", or after a time label "Session time 0800-1205", "Session:
 * 0800-1015", "Clock: 0800-1105", "Time in/out: 1400 / 1450".
 */
const CLOCK_RANGE = new RegExp(
  String.raw`(?<![\d:])${CLOCK}\s*(?:-|–|—|to|until|till)\s*${CLOCK}`,
  'g',
);
/** A line's opening clock range ("9:00am - 10:15am with ...", ", 10:00 AM to 10:45 AM"). */
const OPENING_CLOCK_RANGE = new RegExp(
  String.raw`^[,\s]*${CLOCK}(?!\d)\s*(?:-|–|—|to)\s*${CLOCK}(?!\d)`,
  'i',
);

/** Whether a text opens with a clock range (an appointment's times after its date). */
export function opensWithClockRange(text: string): boolean {
  return OPENING_CLOCK_RANGE.test(text);
}

const LABELED_RANGE = new RegExp(
  String.raw`\b(?:(?:Session|Treatment|Tx|Visit|Program)?\s*Time(?:s)?(?:\s*In\s*\/\s*Out)?|Session|Clock(?:\s*Times?)?)\s*[:=-]?\s*${TIME}\s*(?:-|–|—|to|\/)\s*${TIME}`,
  'gi',
);

const TOTAL_LABEL =
  /\b(?:Total\s+(?:Treatment\s+|Tx\s+|Session\s+|Program\s+|Visit\s+|Billable\s+|Therapy\s+|Service\s+|WC\s+|WH\s+|Work (?:Conditioning|Hardening)\s+)?(?:Time|Minutes|Mins?)\b(?:\s+(?:of|for)\s+(?:the\s+|this\s+|today'?s\s+)?(?:visit|session|treatment)\b|\s+today\b)?|(?<!\b(?:Manual|Aquatic|Massage|Hand|Vision|Cold|Heat)\s)(?:Treatment|Tx|Program|Therapy|Work (?:Conditioning|Hardening))\s+(?:Time|Minutes|Mins)\b|Session\s+(?:Length|Duration|Total)|Time\s+Spent|(?:(?:(?:pt|patient)\s+(?:was\s+)?)?seen(?:\s+for)?|work\s+(?:conditioning|hardening)(?:\s+session)?)(?=\s+\d{1,3}\s*(?:minutes?|mins?)\b)|(?:^|\s)Minutes(?=\s*:)|Total(?:\s+(?:of|tx|treatment|session|visit))?(?=\s*[:=-]?\s*\d+\s*(?:min|hr|hour)))\s*(?:[:=-]|\b(?:was|is|of|totall?ed)\b)?\s*/dgi;
const TIMED_LABEL =
  /\b(?:Total\s+)?Timed(?:[\s-]+Code)?(?:\s+Treatment)?(?:[\s-]+Code)?(?:\s+(?:Minutes|Mins?|Time)\b(?:\s+today\b)?(?:\s*\([^()\d]{1,20}\))?\s*(?:[:=-]|\b(?:was|were|is|totall?ed)\b)?|\s+(?:was|were|totall?ed)\b|(?<=code|treatment)(?=\s+\d)|(?<=\btotal\s+timed)(?=\s+\d{1,3}\s*(?:min|mins|minutes)\b))\s*/dgi;
/** Timed minutes written before their label: "We spent 55 timed minutes". */
const TIMED_AFTER = /(?<![\d.])\b(\d{1,3}) timed(?:[ -]code)? minutes?\b(?!\s*:)/dgi;
/**
 * A service's minutes written before its name, as dictation puts them: "Then 12 minutes of manual
 * therapy", "Fifteen minutes of therapeutic exercise", "10 minutes on gait training".
 */
const MINUTES_OF_SERVICE = new RegExp(
  `\\b(${NUMBER_SOURCE})\\s+minutes?\\s+(?:(?:were|was)\\s+spent\\s+)?(?:of|on|in)\\s+`,
  'gi',
);
/** "2 hrs 15 min", "2.5 hours", "45 min", "45": a duration at the start of a value. */
const DURATION =
  /^(?:(\d{1,2}(?:\.\d{1,2})?)\s*(?:hours?|hrs?|h)\b\.?\s*(?:(?:and\s*)?(\d{1,2})\s*(?:minutes?|mins?|m)\b)?|(\d{1,3})(?![\d]|\s*[:/]\s*\d|\.\d)(?:\s*(?:minutes?|mins?|m)\b)?)/i;
/**
 * A total written as hours and minutes with a colon ("Program Time: 2:30", a form's h:mm field):
 * after a total's label a figure that is no clock time (no AM/PM, no range after it).
 */
const HOURS_COLON_MINUTES = /^(\d{1,2}):([0-5]\d)(?![\d:]|\s*(?:[AaPp]\.?[Mm]?\b|[-–—]|to\b))/;
/**
 * Where "2:30" is a duration, not the hour the session began ("Treatment time: 2:30" may be
 * either): a label that says total, length or duration, or a form that names its h:mm format.
 */
const DURATION_LABEL = /\b(?:total|length|duration|spent)\b/i;
const HOURS_MINUTES_FORMAT = /\b(?:h|hh|hrs?|hours?)\s*:\s*(?:mm|min(?:utes)?)\b/i;
const BREAK_AFTER =
  /\b(?:(?:rest|lunch|meal|water)\s+breaks?|breaks?|lunch)\b\s*(?:of|:|-|x|=|was|taken)?\s*(\d{1,3})\s*(?:minutes?|mins?|m)\b/dgi;
/** A line about breaks ("Breaks:", "rest break", "lunch 12:00-12:30", "snack/hydration"). */
const BREAK_WORD = /\b(?:breaks?|rest(?:ed)?|lunch|meal|snack|hydration|water)\b/i;
const BREAK_BEFORE =
  /\b(\d{1,3})[\s-]*(?:minutes?|mins?|m)\.?\s+(?:(?:rest|lunch|meal|water|snack|hydration)\s+)?(?:break|rest)\b/dgi;
/** A total written after its number: "135 minutes of program activity", "125 min of treatment". */
const TOTAL_AFTER =
  /\b(\d{1,3})\s*(?:minutes?|mins?)\s+of\s+(?:(?:skilled|total|billable)\s+)?(?:program|treatment|therapy|work(?:\s+(?:conditioning|hardening))?|session)(?:\s+(?:time|activity|activities))?\b/dgi;

function to24(h: number, min: number, mer: string | undefined): string | null {
  if (h > 23) return null;
  let hour = h;
  const ap = mer?.toLowerCase();
  if (ap) {
    if (h < 1 || h > 12) return null;
    if (ap === 'p' && h !== 12) hour += 12;
    if (ap === 'a' && h === 12) hour = 0;
  }
  return `${String(hour).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** Reads one TIME group set starting at index `g` of a match (clock h, m, meridiem, military h, m). */
function readTime(m: RegExpExecArray, g: number): { hhmm: string; meridiem: boolean } | null {
  if (m[g] !== undefined) {
    const hhmm = to24(Number(m[g]), Number(m[g + 1]), m[g + 2]);
    return hhmm ? { hhmm, meridiem: m[g + 2] !== undefined } : null;
  }
  if (m[g + 3] !== undefined) return { hhmm: `${m[g + 3]}:${m[g + 4]}`, meridiem: true };
  return null;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** "8:00-1:05" without AM/PM: an end earlier than the start is in the afternoon. */
function fixRange(
  a: { hhmm: string; meridiem: boolean },
  b: { hhmm: string; meridiem: boolean },
): [string, string] {
  let out = b.hhmm;
  let inn = a.hhmm;
  if (!b.meridiem && minutesOf(out) < minutesOf(inn) && minutesOf(out) < 12 * 60) {
    out = to24(Number(out.slice(0, 2)) + 12, Number(out.slice(3)), undefined) ?? out;
  }
  if (!a.meridiem && b.meridiem && minutesOf(inn) + 12 * 60 <= minutesOf(out)) {
    inn = to24(Number(inn.slice(0, 2)) + 12, Number(inn.slice(3)), undefined) ?? inn;
  }
  return [inn, out];
}

interface TimeSpan {
  line: Line;
  start: number;
  end: number;
}

/** A duration at the start of `text`: its minutes and how many characters state it. */
interface Duration {
  minutes: number;
  length: number;
}

function readDuration(text: string): Duration | null {
  const m = DURATION.exec(text);
  if (!m) return null;
  if (m[1] !== undefined)
    return { minutes: Math.round(Number(m[1]) * 60) + Number(m[2] ?? 0), length: m[0].length };
  if (m[3] !== undefined) return { minutes: Number(m[3]), length: m[0].length };
  return null;
}

/** "2:30" at the start of `text` read as hours and minutes (see HOURS_COLON_MINUTES). */
function readHoursColonMinutes(text: string): Duration | null {
  const m = HOURS_COLON_MINUTES.exec(text);
  return m ? { minutes: Number(m[1]) * 60 + Number(m[2]), length: m[0].length } : null;
}

interface Found {
  value: string;
  at: TimeSpan;
}

/** A time range on one line: [in, out] with spans, or null. */
function findRange(line: Line): [Found, Found] | null {
  const t = line.text;
  const labeled = new RegExp(LABELED_RANGE.source, 'di').exec(t);
  if (labeled) {
    const a = readTime(labeled, 1);
    const b = readTime(labeled, 6);
    const aStart = firstDefined(labeled.indices!, 1, 4)[0];
    const bStart = firstDefined(labeled.indices!, 6, 9)[0];
    if (a && b) return rangeFacts(line, a, b, aStart, bStart, labeled.index + labeled[0].length);
  }
  const clock = new RegExp(CLOCK_RANGE.source, 'd').exec(t);
  if (clock) {
    const a = readTime(clock, 1);
    const b = readClock(clock, 4);
    if (a && b)
      return rangeFacts(
        line,
        a,
        b,
        clock.indices![1]![0],
        clock.indices![4]![0],
        clock.index + clock[0].length,
      );
  }
  return null;
}

function rangeFacts(
  line: Line,
  a: { hhmm: string; meridiem: boolean },
  b: { hhmm: string; meridiem: boolean },
  aStart: number,
  bStart: number,
  end: number,
): [Found, Found] | null {
  const [inn, out] = fixRange(a, b);
  if (minutesOf(out) <= minutesOf(inn)) return null;
  const aEnd = line.text.slice(0, bStart).replace(/\s*(?:-|–|—|to|until|till)\s*$/, '').length;
  return [
    { value: inn, at: { line, start: aStart, end: aEnd } },
    { value: out, at: { line, start: bStart, end } },
  ];
}

function findLabeled(line: Line, re: RegExp): Found | null {
  const m = new RegExp(re.source, 'di').exec(line.text);
  const v = m && readTime(m, 1);
  if (!m || !v) return null;
  return {
    value: v.hhmm,
    at: { line, start: firstDefined(m.indices!, 1, 4)[0], end: m.index + m[0].length },
  };
}

/** A labelled total read from a note, before the note's one total is chosen. */
interface Stated {
  minutes: number;
  label: string;
  line: Line;
  start: number;
  end: number;
}

/**
 * A session has exactly one total: a note that states "Total Time: 240 min" and "Total Treatment
 * Time: 240 minutes" documents 240 minutes, not 480. When the stated totals differ, the most
 * specific label wins (a treatment, session or program total over a plain "Total").
 */
function oneTotal(stated: readonly Stated[]): Stated | null {
  if (stated.length <= 1) return stated[0] ?? null;
  const specific = stated.find((s) => /treatment|tx|session|program|therapy|timed/i.test(s.label));
  return specific ?? stated[0]!;
}

export function extractTimes(lines: Line[], sink: FactSink): void {
  let timeIn: Found | null = null;
  let timeOut: Found | null = null;
  let breaks = 0;
  const totals: Stated[] = [];
  const timed: Stated[] = [];
  const grid = new ClockGrid();

  /**
   * The minutes column of the table under way ("ACTIVITY  PARAMETERS  MIN", "CPT | Mod |
   * Service | Minutes | Units"), -1 when it has none.
   */
  let minutesColumn = -1;
  let headerWidth = 0;
  /**
   * The header's width when it also has a units column ("CPT | Modifier | Units | Minutes"): a
   * charge row short of it left its minutes blank, and its last cell is the units.
   */
  let unitsHeaderWidth = 0;
  /**
   * In a table printed with tabs, the minutes column by its tab position, blank cells counted: a
   * header that leaves its first cell blank over a row's checkbox ("\tCPT\tService\tMin" over
   * "☑\t97530\tTherapeutic activities\t30") still sets the columns.
   */
  let minutesTab = -1;
  let tabWidth = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const t = line.text;
    const cells = cellsOf(t);
    if (cells.length >= 2 && !/\d/.test(t)) {
      minutesColumn = cells.findIndex((c) => MINUTES_HEADER.test(c.text));
      headerWidth = cells.length;
      unitsHeaderWidth = cells.some((c) => /^units?$/i.test(c.text.trim())) ? cells.length : 0;
      const tabs = tabCells(t);
      minutesTab = tabs ? tabs.findIndex((c) => MINUTES_HEADER.test(c.text)) : -1;
      tabWidth = tabs?.length ?? 0;
    } else if (t.trim() === '') minutesColumn = minutesTab = -1;
    const tabbed = minutesTab >= 0 ? tabCells(t) : null;
    // A row's tick box in a column its header leaves unnamed (the export drops a blank header
    // cell): the row's columns start after it.
    const row =
      tabbed && tabbed.length === tabWidth + 1 && TICK_CELL.test(tabbed[0]!.text)
        ? tabbed.slice(1)
        : tabbed;
    const tabMinutes = row && row.length === tabWidth ? row[minutesTab]! : null;
    const tabBlank = tabMinutes?.text === '';
    const gridRow = grid.read(line, cells);
    const parts = timedParts(line, cells);
    if (parts) {
      // "Eval 07:45-08:30   FCE testing 08:30-10:30": each part times its own service; the
      // session runs from the first part's start to the last part's end.
      for (const p of parts) if (p.service) serviceMinutes(p.line, p.service, sink, null, p);
      if (!(timeIn && timeOut)) [timeIn, timeOut] = [parts[0]!.range[0], parts.at(-1)!.range[1]];
      continue;
    }
    const service = serviceOf(t);
    // The minutes column's cell: the last cell when the minutes close the header (a row may
    // leave a blank before it), else the cell at its place in a row as wide as the header.
    const lastIsMinutes = minutesColumn >= 0 && minutesColumn === headerWidth - 1;
    const minutesCell = tabMinutes
      ? tabBlank
        ? null
        : tabMinutes
      : minutesColumn < 0 || cells.length < unitsHeaderWidth
        ? null
        : lastIsMinutes
          ? (cells.at(-1) ?? null)
          : cells.length === headerWidth
            ? (cells[minutesColumn] ?? null)
            : null;
    if (service) {
      const read = sink.facts.length;
      serviceMinutes(line, service, sink, minutesCell);
      if (!minutesCell) laterServiceMinutes(line, service, sink);
      // A ticked row of a table with a minutes column, its minutes cell left blank: the service
      // was furnished and its minutes were not written.
      const blankCell = tabMinutes ? tabBlank : cells.length < headerWidth || !minutesCell;
      if (
        minutesColumn >= 0 &&
        blankCell &&
        startsTicked(t) &&
        !sink.facts.slice(read).some((f) => f.kind === 'service-minutes')
      )
        sink.add('service-minutes-blank', service.code, line, 0, t.length, { code: service.code });
    } else {
      minutesBeforeServices(line, sink);
      itemizedMinutes(line, sink);
    }
    // A service's own time ("97110 1:15-1:45 PM") and a break's ("Breaks: 9:10-9:25") are not
    // the session's; a session told in a sentence with its break after it is ("Session ran 8:30
    // am to 10:55 am, with a 10 minute break at 9:35").
    // A clock range outranks a lone arrival time read on an earlier line ("arrived at 8:30 am ...
    // We worked 8:30 am to 10:50 am").
    if (!(timeIn && timeOut) && !service && !gridRow) {
      const range = findRange(line);
      const clause = range
        ? t
            .slice(0, range[0].at.start)
            .split(/[.;]\s/)
            .at(-1)!
        : '';
      if (range && !BREAK_WORD.test(clause)) [timeIn, timeOut] = range;
    }
    if (!timeIn && !service) timeIn = findLabeled(line, IN_RE);
    if (!timeOut && !service) {
      timeOut = findLabeled(line, OUT_RE);
      if (
        timeOut &&
        timeIn &&
        minutesOf(timeOut.value) < minutesOf(timeIn.value) &&
        minutesOf(timeOut.value) < 720
      ) {
        timeOut.value =
          to24(Number(timeOut.value.slice(0, 2)) + 12, Number(timeOut.value.slice(3)), undefined) ??
          timeOut.value;
      }
    }

    for (const m of t.matchAll(new RegExp(TIMED_AFTER.source, 'dgi'))) {
      const minutes = Number(m[1]);
      if (minutes > 0 && minutes <= 24 * 60)
        timed.push({ minutes, label: m[0], line, start: m.index, end: m.index + m[0].length });
    }
    for (const m of t.matchAll(new RegExp(TIMED_LABEL.source, 'dgi'))) {
      const after = (m.index ?? 0) + m[0].length;
      const d = readDuration(t.slice(after));
      if (d && d.minutes > 0 && d.minutes <= 24 * 60)
        timed.push({
          minutes: d.minutes,
          label: m[0],
          line,
          start: m.index ?? 0,
          end: after + d.length,
        });
    }
    // Prose wraps: "giving 130" / "minutes of work conditioning" is read across the break, and
    // cites the part on this line.
    const next = lines[li + 1];
    const joined = next && next.page === line.page ? `${t} ${next.text}` : t;
    for (const m of joined.matchAll(new RegExp(TOTAL_AFTER.source, 'dgi'))) {
      const minutes = Number(m[1]);
      if (m.index >= t.length || minutes <= 0 || minutes > 24 * 60) continue;
      const end = Math.min(t.length, m.index + m[0].length);
      totals.push({ minutes, label: m[0], line, start: m.index, end });
    }
    for (const m of t.matchAll(new RegExp(TOTAL_LABEL.source, 'dgi'))) {
      const at = m.index ?? 0;
      // "Total Timed Code Minutes" is the timed-minutes fact, never the total.
      if (/timed[\w ]*$/i.test(t.slice(Math.max(0, at - 30), at))) continue;
      const after = at + m[0].length;
      // "Session length: 45-55 min" plans a range; a visit's total is one figure.
      if (/^\d+\s*(?:-|–|to)\s*\d/.test(t.slice(after))) continue;
      // A form's blank filled in ("Total time: ___1:05___"), a remark before the figure ("Total
      // program minutes (rest break excluded)<tab>150").
      const from =
        after + /^(?:\([^()\d]{1,40}\)\s*[:=-]?\s*)?_*\s*/.exec(t.slice(after))![0].length;
      const rest = t.slice(from);
      const d =
        readDuration(rest) ??
        (DURATION_LABEL.test(m[0]) || HOURS_MINUTES_FORMAT.test(t)
          ? readHoursColonMinutes(rest)
          : null);
      if (!d || d.minutes <= 0 || d.minutes > 24 * 60) continue;
      totals.push({ minutes: d.minutes, label: m[0], line, start: at, end: from + d.length });
    }

    // "TOTAL PROGRAM HOURS TODAY   180   = 3.00 hrs": a total in hours, read where a unit says so.
    const hours = TOTAL_HOURS_LABEL.exec(t);
    if (hours && !totals.some((x) => x.line === line)) {
      const after = hours.index + hours[0].length;
      const unit = HOURS_OR_MINUTES.exec(t.slice(after));
      const minutes = unit ? (readDuration(t.slice(after + unit.index))?.minutes ?? null) : null;
      if (unit && minutes !== null && minutes > 0 && minutes <= 24 * 60)
        totals.push({
          minutes,
          label: hours[0],
          line,
          start: hours.index,
          end: after + unit.index + unit[0].length,
        });
    }

    let stated = 0;
    for (const re of [BREAK_AFTER, BREAK_BEFORE]) {
      for (const m of t.matchAll(new RegExp(re.source, re.flags))) {
        if (sink.add('break-minutes', m[1]!, line, m.index ?? 0, (m.index ?? 0) + m[0].length)) {
          breaks += Number(m[1]);
          stated++;
        }
      }
    }
    // "Breaks: 9:10 AM-9:25 AM rest; 10:15-10:25 snack": each range a break, unless its minutes
    // are written beside it ("9:35-9:50 (15 min)", read above).
    if (stated === 0 && !gridRow && BREAK_WORD.test(t)) {
      for (const m of t.matchAll(CLOCK_RANGE)) {
        const a = readTime(m, 1);
        const b = readClock(m, 4);
        if (!a || !b) continue;
        const [from, to] = fixRange(a, b);
        const minutes = minutesOf(to) - minutesOf(from);
        if (minutes <= 0 || minutes > 120) continue;
        if (sink.add('break-minutes', String(minutes), line, m.index, m.index + m[0].length))
          breaks += minutes;
      }
    }
  }

  // A grid of activities with their clock times ("Lifting  08:30  08:45") times the session from
  // its first start to its last end, less the breaks it logs, unless labels state the session's
  // own times.
  const session = grid.session();
  if (session && !(timeIn && timeOut)) {
    [timeIn, timeOut] = session.span;
    for (const b of session.breaks)
      if (sink.add('break-minutes', String(b.minutes), b.line, b.start, b.end)) breaks += b.minutes;
  }

  const total = oneTotal(totals);
  if (total) sink.add('total-minutes', String(total.minutes), total.line, total.start, total.end);
  const timedTotal = oneTotal(timed);
  if (timedTotal)
    sink.add(
      'timed-minutes',
      String(timedTotal.minutes),
      timedTotal.line,
      timedTotal.start,
      timedTotal.end,
    );
  const explicitTotal = total !== null;
  if (timeIn) sink.add('time-in', timeIn.value, timeIn.at.line, timeIn.at.start, timeIn.at.end);
  if (timeOut)
    sink.add('time-out', timeOut.value, timeOut.at.line, timeOut.at.start, timeOut.at.end);
  if (!explicitTotal && timeIn && timeOut) {
    const total = minutesOf(timeOut.value) - minutesOf(timeIn.value) - breaks;
    if (total > 0) {
      // A computed total cites the time line it was computed from.
      const a = timeIn.at;
      const b = timeOut.at;
      if (a.line === b.line)
        sink.add('total-minutes', String(total), a.line, 0, a.line.text.length);
      else sink.add('total-minutes', String(total), b.line, 0, b.line.text.length);
    }
  }
}

function readClock(m: RegExpExecArray, g: number): { hhmm: string; meridiem: boolean } | null {
  if (m[g] === undefined) return null;
  const hhmm = to24(Number(m[g]), Number(m[g + 1]), m[g + 2]);
  return hhmm ? { hhmm, meridiem: m[g + 2] !== undefined } : null;
}

function firstDefined(idx: RegExpIndicesArray, a: number, b: number): [number, number] {
  return (idx[a] ?? idx[b] ?? [0, 0]) as [number, number];
}

/** The service a line itemizes: a procedure code, or a timed service's usual name. */
function serviceOf(text: string): { code: string; end: number } | null {
  const code = /\b(97\d{3}|G0\d{3})\b/.exec(text);
  if (code) return { code: code[1]!, end: code.index + code[0].length };
  for (const { code: c, re } of SERVICE_NAMES) {
    const m = re.exec(text);
    if (m && m.index <= 4) return { code: c, end: m.index + m[0].length };
  }
  return null;
}

/**
 * Minutes after a service: "... 23 min", "... x 15 minutes", "...: 30'"; not a code's unit as its
 * descriptor states it ("Therapeutic activities, each 15 min", a charge master's "ea 15 min").
 */
const SERVICE_MINUTES =
  /(?<![\d:])(?<!\b(?:each|per|every|ea\.?)\s*)(\d{1,3})\s*(?:minutes?|mins?|min\.?|m\b|')(?!\s*(?:rest|break))/i;

/**
 * One service's own documented minutes: a clock range on its line ("Therapeutic exercise (97110)
 * 1:15-1:45 PM") or minutes right after it ("Ther ex 97110: 23 min"). A billing row that repeats
 * the same service and minutes is the same time, not more.
 */
function serviceMinutes(
  line: Line,
  first: { code: string; end: number },
  sink: FactSink,
  minutesCell: Cell | null,
  part?: TimedPart,
): void {
  if (part) {
    const minutes = minutesOf(part.range[1].value) - minutesOf(part.range[0].value);
    if (minutes > 0 && minutes <= 8 * 60)
      sink.add('service-minutes', String(minutes), line, part.cell.start, part.cell.end, {
        code: first.code,
        minutes,
      });
    return;
  }
  const t = line.text;
  const inColumn =
    minutesCell && /^\d{1,3}$/.test(minutesCell.text) ? Number(minutesCell.text) : null;
  if (inColumn === null && /\bunits?\b/i.test(t) && !/\bmin/i.test(t) && !CLOCK_RANGE_ONCE.test(t))
    return;
  const clause = serviceClause(line, first.end - 1);
  const range = findRange(clause);
  const labelled = CODE_MINUTES_LABEL.exec(t);
  const military = MILITARY_AFTER_CODE.exec(t.slice(first.end));
  let minutes: number | null = null;
  let service = first;
  if (range) minutes = minutesOf(range[1].value) - minutesOf(range[0].value);
  else if (inColumn !== null) minutes = inColumn;
  else if (labelled) {
    minutes = Number(labelled[2]);
    service = { code: labelled[1]!, end: labelled.index + labelled[0].length };
  } else if (military)
    minutes =
      minutesOf(`${military[3]}:${military[4]}`) - minutesOf(`${military[1]}:${military[2]}`);
  else if (clause !== line) {
    // In its own clause a service's minutes may stand before its code: "(90 min, 97750 x6)".
    const m = SERVICE_MINUTES.exec(clause.text);
    if (m) minutes = Number(m[1]);
  } else if (!ACTIVITY_LIST.test(t.slice(first.end))) {
    const m = SERVICE_MINUTES.exec(t.slice(first.end));
    if (m) {
      minutes = Number(m[1]);
      // "Evaluation (97162), then home program (97110, 15 min)": the minutes are the nearer code's.
      const at = first.end + m.index;
      for (const c of t.slice(0, at).matchAll(/\b(97\d{3}|G0\d{3})\b/g))
        service = { code: c[1]!, end: c.index + c[0].length };
    }
  }
  if (minutes === null || minutes <= 0 || minutes > 8 * 60) return;
  if (hasServiceMinutes(sink, service.code, minutes)) return;
  sink.add('service-minutes', String(minutes), line, 0, t.length, { code: service.code, minutes });
}

/**
 * The part of a line that times a service: the line, unless it times several things in clauses
 * of their own ("0800-0855 evaluation (55 min, untimed); 0900-1030 functional capacity testing
 * (90 min, 97750 x6)"), where only the service's own clause holds its time.
 */
function serviceClause(line: Line, at: number): Line {
  if (!line.text.includes(';')) return line;
  const clauses: Line[] = [];
  let from = 0;
  for (const piece of line.text.split(';')) {
    clauses.push({
      ...line,
      text: piece,
      start: line.start + from,
      end: line.start + from + piece.length,
    });
    from += piece.length + 1;
  }
  const timed = clauses.filter((c) => findRange(c) || SERVICE_MINUTES.test(c.text));
  if (timed.length < 2) return line;
  return clauses.find((c) => at < c.end - line.start) ?? line;
}

/** A cell that holds only a tick box, ticked or not: "☑", "☐", "[x]", "[ ]". */
const TICK_CELL = /^(?:[☑☒☐✓✔■□]|\[[ xX✓]?\])$/;

/** A tab-separated row's cells, blank ones kept (null when the line has no tab). */
function tabCells(text: string): Cell[] | null {
  if (!text.includes('\t')) return null;
  const out: Cell[] = [];
  let at = 0;
  for (const raw of text.split('\t')) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    out.push({ text: trimmed, start: at + lead, end: at + lead + trimmed.length });
    at += raw.length + 1;
  }
  return out;
}

/** A day's total named in hours ("Total program hours today", "Total hrs"). */
const TOTAL_HOURS_LABEL =
  /\bTotal\s+(?:(?:program|treatment|session|therapy|billable|WH|WC)\s+)?(?:hours|hrs)\b(?:\s+today)?/i;
/** Where the first figure with its unit stands after such a label: "3.00 hrs", "180 min". */
const HOURS_OR_MINUTES =
  /\d{1,2}(?:\.\d{1,2})?\s*(?:hours?|hrs?)\b|\d{1,3}\s*(?:minutes?|mins?)\b/i;

/** A code's timed minutes by label: "TIMED CODE MIN 97110: 30", "Timed minutes (97110): 30". */
const CODE_MINUTES_LABEL =
  /\bTimed(?:[\s-]+Code)?\s+(?:Minutes|Mins?|Time)\s+(?:for\s+)?\(?(97\d{3}|G0\d{3})\)?\s*[:=]\s*(\d{1,3})\b/i;
/** A 24-hour range right after a service's code: "THER EX (97110) 0815-0845: ...". */
const MILITARY_AFTER_CODE = new RegExp(
  String.raw`^\)?\s*[:-]?\s*${HHMM}\s*(?:-|–|to)\s*${HHMM}(?!\d|:\d)`,
);

/**
 * A service's label opening a list of its activities ("Ther ex: bike 10', leg press 100 lb 3x12"):
 * minutes in the list are an activity's, not the service's.
 */
const ACTIVITY_LIST = /^\s*\)?\s*:\s*(?!(?:total|time|x|for|approx\w*|about|min\w*)\b)[A-Za-z]/i;

/** How far after its code a later service's minutes may stand ("97750 x4, 60 min"). */
const LATER_MINUTES_REACH = 24;

/**
 * The services after the first on a line that lists several, each with its own minutes ("eval
 * 97162 45 min; ther ex 97110 15 min", "Eval 08:00-08:50 (97163) FCE 08:50-09:50 (97750 x4, 60
 * min)"): each code's minutes stand after it, before the next code. A total is no code's own.
 */
function laterServiceMinutes(
  line: Line,
  first: { code: string; end: number },
  sink: FactSink,
): void {
  const t = line.text;
  const codes = [...t.matchAll(/\b(97\d{3}|G0\d{3})\b/g)].filter((c) => c.index >= first.end);
  codes.forEach((c, k) => {
    const end = c.index + c[0].length;
    const until = codes[k + 1]?.index ?? t.length;
    const segment = t.slice(end, Math.min(until, end + LATER_MINUTES_REACH));
    const m = SERVICE_MINUTES.exec(segment);
    if (!m || /\btotal\b/i.test(segment.slice(0, m.index))) return;
    const minutes = Number(m[1]);
    if (minutes <= 0 || minutes > 8 * 60) return;
    // A code this line already timed ("then home program (97110, 15 min)") is not timed twice.
    const onLine = (f: Fact) =>
      f.provenance.page === line.page &&
      f.provenance.start >= line.start &&
      f.provenance.start <= line.end;
    if (
      sink.facts.some((f) => f.kind === 'service-minutes' && f.detail?.code === c[1] && onLine(f))
    )
      return;
    if (hasServiceMinutes(sink, c[1]!, minutes)) return;
    sink.add('service-minutes', String(minutes), line, c.index, end + m.index + m[0].length, {
      code: c[1]!,
      minutes,
    });
  });
}

/** Whether the note already gave this service these minutes (a billing row repeating them). */
function hasServiceMinutes(sink: FactSink, code: string, minutes: number): boolean {
  return sink.facts.some(
    (f) => f.kind === 'service-minutes' && f.detail?.code === code && f.detail.minutes === minutes,
  );
}

/** Each "N minutes of <service>" on a line: that service's minutes (see MINUTES_OF_SERVICE). */
function minutesBeforeServices(line: Line, sink: FactSink): void {
  const t = line.text;
  for (const m of t.matchAll(MINUTES_OF_SERVICE)) {
    const minutes = numberValue(m[1]!);
    const after = m.index + m[0].length;
    const service = serviceOf(t.slice(after));
    if (minutes === null || minutes <= 0 || !service) continue;
    if (!hasServiceMinutes(sink, service.code, minutes))
      sink.add('service-minutes', String(minutes), line, m.index, after + service.end, {
        code: service.code,
        minutes,
      });
  }
}

/** A visit's minutes opening a list of its parts: "Pt seen 53 min: ther ex 23 (...), ...". */
const ITEMIZED_TOTAL = /\b(\d{1,3})\s*(?:minutes?|mins?)\s*:\s*/gi;
/** A part's bare minutes after its service's name, then its details or the part's end. */
const PART_MINUTES = /^\s*(\d{1,3})\s*(?=\(|$)/;

/**
 * The parts of a visit written after its total, each a service and its bare minutes: "Pt seen 53
 * min: ther ex 23 (bike, leg press), neuromusc re-ed 15 (SLS on foam), manual 15." A bare number
 * is read as a service's minutes only where the parts add up to the total before them.
 */
function itemizedMinutes(line: Line, sink: FactSink): void {
  const t = line.text;
  for (const m of t.matchAll(ITEMIZED_TOTAL)) {
    const from = m.index + m[0].length;
    const parts = topLevelParts(t.slice(from)).map(({ text, start }) => {
      const service = serviceOf(text);
      const after = service && text.slice(service.end).replace(/[.;]\s*$/, '');
      const mins = after ? PART_MINUTES.exec(after) : null;
      return service && mins
        ? {
            code: service.code,
            minutes: Number(mins[1]),
            start: from + start,
            end: from + start + text.length,
          }
        : null;
    });
    if (parts.length < 2 || parts.some((p) => p === null)) continue;
    const read = parts as Array<{ code: string; minutes: number; start: number; end: number }>;
    if (read.reduce((sum, p) => sum + p.minutes, 0) !== Number(m[1])) continue;
    for (const p of read)
      if (p.minutes > 0 && !hasServiceMinutes(sink, p.code, p.minutes))
        sink.add('service-minutes', String(p.minutes), line, p.start, p.end, {
          code: p.code,
          minutes: p.minutes,
        });
  }
}

/**
 * A list's items split at commas outside brackets, up to the sentence's end: "ther ex 30 (bike,
 * squats), manual 15 (mobs). Tol well." gives "ther ex 30 (bike, squats)" and "manual 15 (mobs)".
 */
function topLevelParts(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) out.push({ text: raw.trim(), start: start + lead });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ',' || c === ';')) {
      push(i);
      start = i + 1;
    } else if (depth === 0 && c === '.' && /^\s/.test(text.slice(i + 1, i + 2))) {
      push(i);
      return out;
    }
  }
  push(text.length);
  return out;
}

const CLOCK_RANGE_ONCE = new RegExp(CLOCK_RANGE.source);
/** A table column of minutes, as its header names it. */
const MINUTES_HEADER =
  /^(?:min(?:s|utes)?\.?|time(?:\s*\(min\))?|total min(?:utes)?|minutes spent)$/i;

/** Whether a table header cell names a minutes column ("Min", "Minutes", "Time (min)"). */
export function isMinutesColumn(cell: string): boolean {
  return MINUTES_HEADER.test(cell.trim());
}

/** A grid column that holds each row's start clock time ("IN", "Start", "Time in", "From"). */
const START_COLUMN = /^(?:time\s*)?(?:in|start(?:ed)?|begin|from)(?:\s*time)?$/i;
/** A grid column that holds each row's end clock time ("OUT", "Stop", "End time", "To"). */
const END_COLUMN = /^(?:time\s*)?(?:out|stop(?:ped)?|end(?:ed)?|finish(?:ed)?|to)(?:\s*time)?$/i;
/** A grid column that holds each row's clock range ("Time", "Clock", "Clock time"). */
const RANGE_COLUMN = /^(?:clock\s*)?times?(?:\s*\(clock\))?$|^clock$/i;
const CLOCK_CELL = new RegExp(`^${CLOCK}$`);
const RANGE_CELL = new RegExp(String.raw`^${CLOCK}\s*(?:-|–|—|to)\s*${CLOCK}$`, 'di');
/** A grid row that logs a pause, not program time: a rest break, lunch, a meal. */
const BREAK_ROW = /\b(?:breaks?|lunch|meal)\b|^\s*rest(?:\s+period)?\b/i;

interface ClockCell {
  hhmm: string;
  meridiem: boolean;
  start: number;
  end: number;
}

interface GridRow {
  line: Line;
  from: ClockCell;
  to: ClockCell;
  pause: boolean;
}

/**
 * A flow sheet's grid of activities, one row each with its own clock times: a header names a start
 * and an end column (or one clock-range column), and each row under it that holds those times is
 * an activity, or a break when the row says so. The grid ends at a blank line, a new header, or
 * two lines in a row that are not its rows (a wrapped activity name is one).
 */
class ClockGrid {
  private open = false;
  private misses = 0;
  private readonly rows: GridRow[] = [];

  /** Reads one line; true when it was a row of the grid. */
  read(line: Line, cells: readonly Cell[]): boolean {
    const t = line.text;
    if (t.trim() === '') {
      this.open = false;
      return false;
    }
    if (cells.length >= 2 && !/\d/.test(t)) {
      const start = cells.findIndex((c) => START_COLUMN.test(c.text));
      const end = cells.findIndex((c) => END_COLUMN.test(c.text));
      this.open = (start >= 0 && end > start) || cells.some((c) => RANGE_COLUMN.test(c.text));
      this.misses = 0;
      return false;
    }
    if (!this.open) return false;
    const row = gridRow(line, cells);
    if (!row) {
      if (++this.misses >= 2) this.open = false;
      return false;
    }
    this.misses = 0;
    this.rows.push(row);
    return true;
  }

  /** The session the grid times: first start to last end, and the breaks it logs. */
  session(): {
    span: [Found, Found];
    breaks: { minutes: number; line: Line; start: number; end: number }[];
  } | null {
    // Rows follow the clock: a time without AM/PM earlier than the one before is in the afternoon.
    let last = -1;
    const timed: { row: GridRow; from: number; to: number }[] = [];
    for (const row of this.rows) {
      const from = afterClock(row.from, last);
      const to = afterClock(row.to, from);
      if (to <= from) continue;
      last = to;
      timed.push({ row, from, to });
    }
    const work = timed.filter((r) => !r.row.pause);
    if (work.length < 2) return null;
    const first = timed[0]!;
    const final = timed.reduce((a, b) => (b.to > a.to ? b : a));
    const found = (minutes: number, line: Line, cell: ClockCell): Found => ({
      value: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      at: { line, start: cell.start, end: cell.end },
    });
    return {
      span: [
        found(first.from, first.row.line, first.row.from),
        found(final.to, final.row.line, final.row.to),
      ],
      breaks: timed
        .filter((r) => r.row.pause)
        .map((r) => ({
          minutes: r.to - r.from,
          line: r.row.line,
          start: 0,
          end: r.row.line.text.length,
        })),
    };
  }
}

/** Minutes of a grid clock time, moved to the afternoon when it would run back before `after`. */
function afterClock(cell: ClockCell, after: number): number {
  const m = minutesOf(cell.hhmm);
  return !cell.meridiem && m < after && m < 12 * 60 ? m + 12 * 60 : m;
}

/** A grid row's start and end: two clock cells, or one clock-range cell. */
function gridRow(line: Line, cells: readonly Cell[]): GridRow | null {
  const clocks: ClockCell[] = [];
  let words = '';
  for (const c of cells) {
    const single = CLOCK_CELL.exec(c.text);
    const range = single ? null : RANGE_CELL.exec(c.text);
    if (single) {
      const hhmm = to24(Number(single[1]), Number(single[2]), single[3]);
      if (hhmm)
        clocks.push({ hhmm, meridiem: single[3] !== undefined, start: c.start, end: c.end });
    } else if (range && clocks.length === 0) {
      const a = to24(Number(range[1]), Number(range[2]), range[3]);
      const b = to24(Number(range[4]), Number(range[5]), range[6]);
      if (!a || !b) return null;
      const [from, to] = fixRange(
        { hhmm: a, meridiem: range[3] !== undefined },
        { hhmm: b, meridiem: range[6] !== undefined },
      );
      const [aStart, aEnd] = [
        range.indices![1]![0],
        range.indices![3]?.[1] ?? range.indices![2]![1],
      ];
      const [bStart, bEnd] = [
        range.indices![4]![0],
        range.indices![6]?.[1] ?? range.indices![5]![1],
      ];
      clocks.push(
        {
          hhmm: from,
          meridiem: range[3] !== undefined,
          start: c.start + aStart,
          end: c.start + aEnd,
        },
        {
          hhmm: to,
          meridiem: range[6] !== undefined,
          start: c.start + bStart,
          end: c.start + bEnd,
        },
      );
    } else words += ` ${c.text}`;
  }
  if (clocks.length !== 2) return null;
  return { line, from: clocks[0]!, to: clocks[1]!, pause: BREAK_ROW.test(words.trim()) };
}

interface TimedPart {
  line: Line;
  cell: Cell;
  range: [Found, Found];
  service: { code: string; end: number } | null;
}

/**
 * A line of cells that each name a part of the visit and its own clock range ("Eval 07:45-08:30
 * (45 min)   FCE testing 08:30-10:30"): two or more such cells, each with words before its range,
 * each part starting where the one before it ended.
 */
function timedParts(line: Line, cells: readonly Cell[]): TimedPart[] | null {
  if (cells.length < 2) return null;
  const parts: TimedPart[] = [];
  for (const cell of cells) {
    const m = new RegExp(CLOCK_RANGE.source, 'd').exec(cell.text);
    if (!m || !/\p{L}{2}/u.test(cell.text.slice(0, m.index))) continue;
    const a = readTime(m, 1);
    const b = readClock(m, 4);
    if (!a || !b) continue;
    const off = cell.start;
    const range = rangeFacts(
      line,
      a,
      b,
      off + m.indices![1]![0],
      off + m.indices![4]![0],
      off + m.index + m[0].length,
    );
    if (!range) continue;
    const service = serviceOf(cell.text);
    parts.push({ line, cell, range, service });
  }
  if (parts.length < 2) return null;
  // The parts follow on from each other; separate sittings ("AM 8:00-10:00   PM 1:00-3:00") are
  // read as before, by their first range.
  for (let i = 1; i < parts.length; i++)
    if (parts[i]!.range[0].value !== parts[i - 1]!.range[1].value) return null;
  return parts;
}
