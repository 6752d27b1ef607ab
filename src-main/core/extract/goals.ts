/**
 * Short- and long-term goals (one fact per goal, typed: time frame, measurable, job-linked,
 * status) and goal-by-goal assessments, in the forms clinicians write them: lists under a goals
 * heading ("Long-Term Goals (4 weeks):"), labelled goals ("STG (1.5 weeks): ...", "LTG #2 - 4
 * weeks - ..."), goal tables (Goal | Target date | Status), statuses after the goal ("...: MET",
 * "PROGRESSING (40 lb)"), in sentences ("She has met her goal of ...") and for every goal at once
 * ("All goals met", "[X] Goals met").
 */
import type { FactDetail, FactKind, GoalStatus } from '../../../shared/model';
import {
  allGoalStatements,
  codedStatusIn,
  coversAllGoals,
  goalStatusIn,
  statusKeyIn,
} from '../lexicon/goal-status';
import { jobLinkedGoalText, measurableGoalText, returnToWorkGoalText } from '../lexicon/goals';
import { findTimeFrame, isTargetDate } from '../parse/timeframe';
import type { FactSink } from './facts';
import {
  BULLET,
  cellsOf,
  checkboxOptions,
  isMarkdownHeading,
  isUnderlinedHeading,
  isRuleLine,
  LIST_MARKER,
  namesColumns,
  taskItem,
  type Cell,
} from './layout';
import { isBlank, withoutMarkup, type Line } from './lines';
import { headingOf } from './sections';
import { isSignatureLine } from './signatures';

type GoalKind = 'goal-short' | 'goal-long';

/** A label naming one goal, with its number and time frame: "STG (1.5 weeks):", "LTG #2 - 4 wks -", "Goal 3:". */
const GOAL_LABEL =
  /^[\s\-•*·●▪>]*(?:\d{1,2}[.)]\s*)?(STG|LTG|Short[- ]?term goal|Long[- ]?term goal|Goal)\s*#?\s*(\d{0,2})\s*(?:\(([^()]{0,30})\))?\s*(?::|\.(?=\s)|\)|\s[-–—]\s|[-–—](?=\s))\s*/i;
/** "LTG - 4 weeks - lift 50 lb": a time frame right after the label, closed by a dash or colon. */
const LABEL_TIME_FRAME = /^([^:–—-]{1,25}?)\s*(?::|[-–—])\s*/;
/**
 * A list marker at the start of a goal item: "1.", "2)", "#3", "-", "•", "(a)". The no-break spaces
 * a spoken number leaves when written shorter belong to what they replace: the marker's ("one, lift"
 * read as "1.   lift"), or the goal's first word ("6. Five times" read as "6.    5 times").
 */
const ITEM_MARKER =
  /^\s*(?:(?:(STG|LTG)\s*#?\s*\d{0,2}\s*[:.)\-–]?)|\d{1,2}\s*[.)]|#\d{1,2}\s*[:.)]?|[-•*·●▪○]|\(?[a-h]\))(?:\u00a0+(?=[ \t]))?[^\S\u00a0]*/i;
/**
 * A goal term standing as a sub-heading: "Short term (4 weeks, by 31-Mar-2026):", "LTGs -",
 * "Long term goals in 4 weeks:" (its time frame in brackets, said after it or after a dash: "Short
 * term - 3 weeks (by 04/28/2026):", after a comma as dictated: "SHORT-TERM GOALS, two weeks:"),
 * "LTG (4 wks, by 5/1/2026) - job demands:" (a label of the goals under it after a dash).
 */
const TERM_LINE =
  /^[\s\-•*·●▪>]*(STGs?|LTGs?|Short[- ]?term(?:\s+goals?)?|Long[- ]?term(?:\s+goals?)?)\b\s*(\([^()]*\)|(?:in|within|by|over)\s[^:()]{1,30}?|,\s*[^:()]{1,40}?|[-–—]\s*\d{1,3}\s*[A-Za-z]{1,8}\.?(?:\s*\([^()]*\))?|)\s*(?:[-–—]\s*[A-Za-z]+(?:\s+[A-Za-z]+){0,2}\s*:|[:\-–—])?\s*$/i;
/** A program's count beside a term's date: "(by 21-SEP-2026, session 5)", "(10 visits)". */
const SESSION_COUNT =
  /\b(?:sessions?|visits?|treatment days?)\s*#?\s*\d+\b|\b\d+\s*(?:sessions?|visits?)\b/gi;
/**
 * Headings of a list that says how goals stand ("Goal Status", "Progress Toward Goals", "Goals
 * achieved"); "Goals to be achieved by ..." sets them.
 */
const STATUS_HEADING = /\b(?:status|progress|(?<!\b(?:to|will) be\s+)(?:met|achieved))\b/i;
/** A field that belongs to a goal ("Target:", "Status:", "Baseline:"), not one that ends a list. */
const GOAL_FIELD_LABEL =
  /^\W*(?:target|status|goal|stg|ltg|baseline|current|date|due|met|time\s*frame|by)\b/i;
/** The label of the goals a patient states: "Patient goals:", "Pt's goal:", "Client goal -". */
const PATIENTS_OWN_GOALS = /^\W*(?:patient|pt|client|resident)(?:'s)?\s+goals?\b/i;
/** A heading in capitals on a line of its own: "BILLING", "SIGNATURES", "VISIT SUMMARY". */
const CAPS_HEADING = /^\s*[A-Z][A-Z &/-]{2,40}:?\s*$/;
const LABEL_LINE = /^\s*[A-Z][A-Za-z /&'-]{1,30}:\s*\S/;
/** Text that is all one quotation. */
const QUOTED = /^\s*["“][^"“”]*["”]\s*\.?\s*$/;
/** A status standing alone ("Met", "Progressing."): an answer, not a goal. */
const ONLY_STATUS =
  /^\W*(?:partially met|not met|met|not progressing|progressing|ongoing|achieved|not achieved|discontinued|deferred|revised|continue)\W*$/i;

interface OpenGoal {
  kind: GoalKind;
  line: Line;
  start: number;
  end: number;
  /** Where the goal's own words start (after its label or marker). */
  body: number;
  marked: boolean;
  /** A time frame its heading gave the list. */
  inherited: string | null;
  /** Under a goal-status heading: an assessment, not a goal. */
  statusOnly?: boolean;
}

interface GoalList {
  kind: GoalKind;
  /** A "Goal Status" / "Progress toward goals" list: its lines assess goals, they set none. */
  statusOnly: boolean;
  timeFrame: string | null;
  items: number;
  blanks: number;
  columns: TableColumns | null;
  /** Its heading carried the goals inline ("Short-term goals (3 weeks): ..."): no list follows. */
  inline?: boolean;
  /** Its heading was written in capitals, so a line in capitals may be one of its goals. */
  capitals?: boolean;
  /** The page of its last marked or labelled goal ("LTG 2.", "3."), if its goals are marked. */
  markedPage?: number;
  /** Its rows are measures set against their targets: each is an objective measure too. */
  measures?: boolean;
  /**
   * A term's sub-heading set its kind ("Long-term goals (7 weeks):"): its numbers start again,
   * so a row numbered like a goal of another term above it is a goal of its own.
   */
  termed?: boolean;
}

/**
 * A marked list (no table) that runs past a page break goes on with marked goals only: an
 * unmarked line on the next page is that page's repeated header band or a neighbouring column's
 * text, not a goal.
 */
function strayAfterPageBreak(list: GoalList, line: Line): boolean {
  return !list.columns && list.markedPage !== undefined && line.page !== list.markedPage;
}

/** A cell that is a labelled field: "Target date: 08/28/2026", "Status: New". */
const FIELD_CELL = /^\s*[A-Za-z][\w /]{1,25}:\s*\S/;

/**
 * The time frame a goal's field row gives it ("Target date: 08/28/2026   Status: New" under
 * "Goal 1: ..."): a target date standing alone as a field's value, or a time frame in a field.
 */
function fieldRowTimeFrame(cells: readonly Cell[]): string | null {
  for (const c of cells) {
    const value = c.text.slice(c.text.indexOf(':') + 1);
    if (isTargetDate(value)) return value.trim();
    const frame = findTimeFrame(c.text);
    if (frame) return frame.text;
  }
  return null;
}

/** Text with its time frames taken out: what else a label says ("(4 weeks, by 3/31)" says nothing). */
function withoutTimeFrames(text: string): string {
  let rest = text;
  for (let i = 0, f = findTimeFrame(rest); f && i < 4; i++, f = findTimeFrame(rest))
    rest = rest.slice(0, f.start) + ' ' + rest.slice(f.end);
  return rest;
}

function kindOfLabel(label: string, fallback: GoalKind): GoalKind {
  if (/^(?:STG|short)/i.test(label)) return 'goal-short';
  if (/^(?:LTG|long)/i.test(label)) return 'goal-long';
  return fallback;
}

/**
 * A dictated report runs its goals on as one paragraph: "GOALS: SHORT-TERM GOALS (three weeks):
 * 1. ... 2. ... LONG-TERM GOALS (six weeks): 1. ...". Cut where a term's label or the next item's
 * number (one more than the last, after a sentence's end) starts, each piece a line of its own, the
 * heading's first, so the list is read as a list. Only under a goals heading, with two items or
 * more: a number after a stop elsewhere is prose. A paragraph wrapped onto more lines runs on
 * until a blank line or a heading, its numbering continued.
 */
const RUN_ON_TERM = /(?<=^\s*|[.;:]\s+)(?:short|long)[- ]?term\s+goals?\b[^:.]{0,60}:\s*/gi;
const RUN_ON_ITEM = /(?<=^\s*|[.;:]\s+)(\d{1,2})[.)]\s+(?=[A-Za-z]|\d+\s*[A-Za-z])/g;

function runOnGoalLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  /** The number the run-on list expects next, while its paragraph runs on. */
  let expected: number | null = null;
  for (const line of lines) {
    if (isBlank(line)) expected = null;
    const h = headingOf(line.text);
    const from: number = h?.names.includes('goals') ? h.rest : expected !== null && !h ? 0 : -1;
    const run: { cuts: number[]; expected: number } | null =
      from >= 0 ? runOnCuts(line.text, from, expected ?? 1, expected === null) : null;
    expected = run?.expected ?? null;
    out.push(...(run ? piecesOf(line, run.cuts) : [line]));
  }
  return out;
}

/**
 * Where a run-on goal paragraph's terms and items start on a line, from `from`; null when a
 * heading's line opens no list.
 */
function runOnCuts(
  t: string,
  from: number,
  first: number,
  opens: boolean,
): { cuts: number[]; expected: number } | null {
  const rest = t.slice(from);
  const cuts = new Set<number>();
  for (const m of rest.matchAll(RUN_ON_TERM)) cuts.add(from + m.index);
  let expected = first;
  let items = 0;
  for (const m of rest.matchAll(RUN_ON_ITEM)) {
    const n = Number(m[1]);
    // Numbering starts again under each term.
    if (n !== expected && n !== 1) continue;
    expected = n + 1;
    items++;
    cuts.add(from + m.index);
  }
  // A list opens with two items on its heading's line; a wrapped line goes on, cut or not.
  if (opens && items < 2) return null;
  return { cuts: [...cuts].filter((c) => c > 0).sort((a, b) => a - b), expected };
}

function piecesOf(line: Line, cuts: number[]): Line[] {
  const t = line.text;
  const bounds = [0, ...cuts, t.length];
  const pieces: Line[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const text = t.slice(bounds[i], bounds[i + 1]).trimEnd();
    if (text.trim() === '') continue;
    pieces.push({
      ...line,
      text,
      start: line.start + bounds[i]!,
      end: line.start + bounds[i]! + text.length,
    });
  }
  return pieces;
}

export function extractGoals(docLines: Line[], sink: FactSink): void {
  // A Markdown checklist of goals ("- [ ] Goal 1 ...") lists every goal; a ticked box says it
  // is done (met) where no status is written.
  const done = new Set<Line>();
  const lines = runOnGoalLines(docLines).map((l) => {
    const task = taskItem(l.text);
    if (!task) return l;
    const item = { ...l, text: task.text };
    if (task.done) done.add(item);
    return item;
  });
  let list: GoalList | null = null;
  let open: OpenGoal | null = null;
  // Numbers of the goals the document lists: a status grid below ("1 Floor-waist lift | 25 lb |
  // New") restates them by number, it sets no new ones.
  /** Numbers of the marked goals so far, alone ("2") and with their kind ("goal-short:2"). */
  const listedNumbers = new Set<string>();
  // Labels of the goals the document lists ("STG 1", "LTG 2"): a Baseline / Current / Goal grid
  // below that starts its rows with them restates those goals.
  const listedLabels = new Set<string>();
  // A grid whose statuses are codes says what they mean in a key, usually at the page's foot.
  const statusKey = statusKeyIn(lines);

  const flush = () => {
    if (!open) return;
    const g = open;
    open = null;
    const text = sink.slice(g.line.page, g.line.start + g.start, g.line.start + g.end);
    const bodyText = sink.slice(g.line.page, g.line.start + g.body, g.line.start + g.end);
    if (ONLY_STATUS.test(bodyText) || !/[A-Za-z]{3}/.test(bodyText) || g.statusOnly) return;
    // The patient's own words in quotes ("Walk my neighborhood again") state a wish, not a goal
    // the plan sets.
    if (QUOTED.test(bodyText)) return;
    addGoal(sink, g.kind, text, g.line, g.start, g.end, g.inherited, trailingStatus(bodyText));
  };

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const t = line.text;
    assessGoals(
      line,
      lines[li + 1]?.text ?? '',
      paragraphAfter(lines, li),
      sink,
      statusFieldBelow(lines, li) ?? (done.has(line) ? 'met' : null),
    );
    if (t.trim() === '') {
      if (list && ++list.blanks >= 2 && list.items > 0) {
        flush();
        list = null;
      }
      continue;
    }
    // A goals table ends at a blank line or a new line of its own (a capital, no cells): what
    // follows without the table's cells is not a row.
    if (
      list?.columns &&
      list.items > 0 &&
      cellsOf(t).length < 2 &&
      (list.blanks > 0 || /^\s*[A-Z0-9]/.test(t))
    ) {
      flush();
      list = null;
    }
    if (list) list.blanks = 0;
    // A text export underlines its headings ("Goals" over "-----"): a rule, not a goal.
    if (isRuleLine(t)) continue;

    // A form's choice line ("RTW goal: [X] Full duty  [ ] Modified duty") picks an option, it
    // sets no goal of its own (its ticked words are read as work status); a goals table's row may
    // tick its status cell.
    if (checkboxOptions(t).length > 0 && !(list?.columns && cellsOf(t).length >= 2)) {
      flush();
      continue;
    }
    // A term's sub-heading in a goals list ("Short term (4 weeks, by 31-Mar-2026):", "LTG:")
    // sets the kind and time frame of the items under it; it is no goal itself.
    const term = list ? TERM_LINE.exec(t) : null;
    if (
      list &&
      term &&
      !/[A-Za-z]{3}/.test(withoutTimeFrames(term[2]!).replace(SESSION_COUNT, ''))
    ) {
      flush();
      list.kind = kindOfLabel(term[1]!, list.kind);
      list.timeFrame = findTimeFrame(t)?.text ?? null;
      list.markedPage = undefined;
      list.termed = true;
      // The term's own table, if any, has its own header row.
      list.columns = null;
      continue;
    }
    // A signature under a goals table ("Electronically signed by:<tab>NAME, PT") ends it.
    if (list?.columns && isSignatureLine(t)) {
      flush();
      list = null;
      continue;
    }
    // A goals table's rows are read by their columns, labelled or not ("STG 1: ...<tab>04-17-2026").
    const tableRow = list?.columns ? cellsOf(t) : [];
    // The note's charge table under the goals ends them.
    if (list && CHARGE_TABLE_ROW.test(t) && cellsOf(t).length >= 2) {
      flush();
      list = null;
      continue;
    }
    // A form's next field under a goals table nested in its "Goals" row ("Home Exercise Program
    // | R hand putty ..."): a section's heading as the row's first cell ends the goals.
    if (list && tableRow.length >= 2 && namesOtherSection(tableRow[0]!.text)) {
      flush();
      list = null;
      continue;
    }
    if (list && tableRow.length >= 2) {
      flush();
      if (tableGoal(sink, list, line, tableRow, listedNumbers, listedLabels, statusKey))
        list.items++;
      continue;
    }
    // One labelled goal: "STG (1.5 weeks): lift 30 lb", "LTG #2 - 4 weeks - carry 50 lb".
    const labelled = GOAL_LABEL.exec(t);
    if (labelled && !/s$/i.test(labelled[1]!) && /[A-Za-z]{3}/.test(t.slice(labelled[0].length))) {
      flush();
      // "Goal 1 (short-term, 4 weeks):" says its term in its bracket.
      const kind = kindOfLabel(
        labelled[1]!,
        kindOfLabel(labelled[3]?.trim() ?? '', list?.kind ?? 'goal-long'),
      );
      if (labelled[2]) listedLabels.add(`${kind}:${Number(labelled[2])}`);
      // A list headed in capitals whose goals are written in lower case is not a capitals list:
      // a heading in capitals under it ("BILLING SUMMARY") ends it.
      if (list && /[a-z]/.test(t)) list.capitals = false;
      let body = labelled[0].length;
      // "LTG - 4 weeks - lift ..." names its time frame between two dashes.
      const framed = LABEL_TIME_FRAME.exec(t.slice(body));
      if (framed && findTimeFrame(framed[1]!)?.text === framed[1]!.trim()) body += framed[0].length;
      // The goal starts after its bullet ("- STG 1: ...", a checklist's "- [ ] Goal 1: ...").
      const start = (BULLET.exec(t) ?? /^\s*/.exec(t)!)[0].length;
      open = {
        kind,
        line,
        start,
        end: t.length,
        body,
        marked: true,
        inherited: list?.timeFrame ?? null,
        statusOnly: list?.statusOnly ?? false,
      };
      if (list) {
        list.items++;
        list.markedPage = line.page;
      }
      continue;
    }

    const heading = headingOf(t);
    // "Patient goals: walk without a cane, drive again" is what the patient wants (history), in
    // the patient's words; the plan's goals are the clinician's.
    if (heading?.names.includes('goals') && PATIENTS_OWN_GOALS.test(t.slice(0, heading.rest))) {
      flush();
      list = null;
      continue;
    }
    if (heading?.names.includes('goals')) {
      flush();
      const statusList: boolean = (list as GoalList | null)?.statusOnly ?? false;
      const label = t.slice(0, heading.rest);
      const rest = t.slice(heading.rest);
      const restFrame = findTimeFrame(rest);
      // "Goals - STG (within 6 visits):" names the term of the list after the heading.
      const restTerm = /^\W*(STG|LTG|short[- ]?term|long[- ]?term)s?\b/i.exec(rest);
      // "Goals - to be met in 4 weeks:", "GOALS - all by 08/10/2026" give the list its time frame;
      // other text is a first goal.
      const restIsFrame =
        (restFrame !== null || restTerm !== null) &&
        !/[A-Za-z]{3}/.test(
          withoutTimeFrames(rest).replace(
            /\b(?:STGs?|LTGs?|short[- ]?term|long[- ]?term|goals?|all|to be|will be|are to be|expected to be|met|achieved|attained)\b/gi,
            '',
          ),
        );
      list = {
        // A list headed in capitals may write its goals in capitals too (a legacy export).
        capitals: !/[a-z]/.test(t),
        kind: restTerm
          ? kindOfLabel(restTerm[1]!, 'goal-long')
          : kindOfLabel(t.slice(heading.start, heading.end), 'goal-long'),
        // "Short-term goals:" under "GOAL STATUS" is still a list of statuses.
        statusOnly: STATUS_HEADING.test(t.slice(heading.start, heading.end)) || statusList,
        timeFrame: findTimeFrame(label)?.text ?? (restIsFrame ? (restFrame?.text ?? null) : null),
        items: 0,
        blanks: 0,
        columns: null,
      };
      // A goals table's header row ("Goal<tab>Baseline<tab>Target date<tab>Status") heads its rows.
      const header = cellsOf(t);
      if (header.length >= 2 && isHeaderRow(header)) {
        list.columns = columnsOf(header);
        continue;
      }
      // "Short-term goals: all met (...)" says how the goals stand; it sets none.
      const restStatus = goalStatusIn(rest.replace(/^\W*(?:all\s+)?/i, ''));
      if (
        !restIsFrame &&
        /[A-Za-z]{3}/.test(rest) &&
        !(restStatus && restStatus.start === 0) &&
        // "... - tied to Job Analysis demands:" introduces the list; it is no goal.
        !/:\s*$/.test(rest) &&
        !heading.names.every((n) => n === 'goals' && /status|progress/i.test(label)) &&
        // "## Goals — progress", "Goals - update": the heading's qualifier, not a goal.
        !/^\W*(?:progress|status|update|review|summary)\W*$/i.test(rest)
      ) {
        open = {
          kind: list.kind,
          line,
          start: heading.rest,
          end: t.length,
          body: heading.rest,
          marked: false,
          inherited: list.timeFrame,
          statusOnly: list.statusOnly,
        };
        list.items++;
        list.inline = true;
      }
      continue;
    }
    // A table whose header's first column names the goal ("Goal / job demand | Entry | Now |
    // Status") is a goals list, whatever else its heading names.
    // The goal may stand after a number column ("# | Long-Term Goal (by 07/15) | Baseline"), and
    // its header may give the goals' term and time frame.
    const header: Cell[] = list ? [] : cellsOf(t);
    const goalHeader = NUMBER_COLUMN.test(header[0]?.text ?? '') ? header[1] : header[0];
    if (!list && goalHeader && /\bgoals?\b/i.test(goalHeader.text) && isHeaderRow(header)) {
      list = {
        kind: kindOfLabel(goalHeader.text.trim(), 'goal-long'),
        statusOnly: false,
        timeFrame: findTimeFrame(goalHeader.text)?.text ?? null,
        items: 0,
        blanks: 0,
        columns: columnsOf(header),
      };
      continue;
    }
    // A table that sets each measure against its target and says how it stands ("Measure |
    // Admission | Exit | Job Demand | Status") assesses the goals it measures; it sets none.
    if (
      !list &&
      header.length >= 3 &&
      isHeaderRow(header) &&
      header.some((c) => STATUS_CELL.test(c.text)) &&
      header.some((c) => TARGET_CELL.test(c.text))
    ) {
      list = {
        kind: 'goal-long',
        statusOnly: true,
        timeFrame: null,
        items: 0,
        blanks: 0,
        columns: columnsOf(header),
        measures: true,
      };
      continue;
    }
    if (!list) continue;

    const cells = cellsOf(t);
    // A labelled goal's field row ("Target date: 08/28/2026   Status: New") dates that goal and
    // closes it: the lines after it ("Baseline 30 lb.") describe it, they set no goal.
    if (
      cells.length >= 2 &&
      open?.marked &&
      !list.columns &&
      cells.every((c) => FIELD_CELL.test(c.text))
    ) {
      const frame = fieldRowTimeFrame(cells);
      const o: OpenGoal = open;
      if (frame) open = { ...o, inherited: frame };
      flush();
      continue;
    }
    // A legacy field padded up to its colon ("POC SENT TO       : ROE, J MD"), or a form's prompt
    // over its answer read as one field ("Recommendations given today:    Continue ..."), is a
    // field, not a table's row: it ends the list as any label does.
    if (
      cells.length === 2 &&
      (cells[1]!.text.startsWith(':') ||
        (cells[0]!.text.endsWith(':') && !GOAL_FIELD_LABEL.test(cells[0]!.text))) &&
      !list.columns
    ) {
      flush();
      list = null;
      continue;
    }
    if (cells.length >= 2) {
      flush();
      if (strayAfterPageBreak(list, line)) continue;
      if (!list.columns && isHeaderRow(cells)) {
        list.columns = columnsOf(cells);
        continue;
      }
      if (tableGoal(sink, list, line, cells, listedNumbers, listedLabels, statusKey)) {
        list.items++;
        // "LTG1  Lift 50 lb ...": a row that leads with its goal's label is a marked goal.
        if (!list.columns && /^\s*(?:STG|LTG|Goal)\s*#?\s*\d/i.test(cells[0]!.text))
          list.markedPage = line.page;
      }
      continue;
    }
    // A heading in capitals ("BILLING") under a list that is not itself in capitals, or a new
    // sentence after goals written inline on their heading, ends the list.
    const endsInline = list.inline && !open?.marked && /^\s*[A-Z]/.test(t);
    if (
      heading ||
      isMarkdownHeading(t) ||
      isUnderlinedHeading(t, lines[li + 1]?.text ?? '') ||
      (CAPS_HEADING.test(t) && !list.capitals) ||
      endsInline ||
      (LABEL_LINE.test(t) && !ITEM_MARKER.test(t))
    ) {
      flush();
      list = null;
      continue;
    }
    const marker = ITEM_MARKER.exec(t);
    if (marker && marker[0].trim() !== '' && !closesBracketAbove(open, lines, li, marker[0])) {
      flush();
      const number = /^\s*#?(\d{1,2})\b/.exec(marker[0]);
      // "- STG 1: ..." names its term after the bullet.
      const term = marker[1] ?? /^(STG|LTG)\b/i.exec(t.slice(marker[0].length))?.[1];
      const kind = term ? kindOfLabel(term, list.kind) : list.kind;
      if (number) listedNumbers.add(String(Number(number[1]))).add(`${kind}:${Number(number[1])}`);
      open = {
        kind,
        line,
        start: marker[0].length,
        end: t.length,
        body: marker[0].length,
        marked: true,
        inherited: list.timeFrame,
        statusOnly: list.statusOnly,
      };
      list.items++;
      list.markedPage = line.page;
    } else if (
      open &&
      (open.marked || /^\s*[a-z(]/.test(t)) &&
      // After a blank line, a sentence of its own follows a goal that ended with a full stop.
      !(
        li >= 2 &&
        isBlank(lines[li - 1]!) &&
        /[.!]\s*$/.test(lines[li - 2]!.text) &&
        /^\s*[A-Z]/.test(t)
      )
    ) {
      // A wrapped goal: in a marked list every unmarked line continues the item above it, whatever
      // it starts with ("20 lb.", "100% of trials."). A fact cites one page, so a goal wrapped onto
      // the next page keeps its first page's text and the rest is not a goal of its own.
      const o: OpenGoal = open;
      if (line.page === o.line.page) open = { ...o, end: line.start + t.length - o.line.start };
    } else if (list.markedPage !== undefined && !list.columns) {
      // In a list of marked goals ("Goal 1:", "2.") an unmarked line after a goal's fields, or on
      // the next page, is no goal of its own.
      flush();
    } else {
      flush();
      open = {
        kind: list.kind,
        line,
        start: 0,
        end: t.length,
        body: 0,
        marked: false,
        inherited: list.timeFrame,
        statusOnly: list.statusOnly,
      };
      list.items++;
    }
  }
  flush();
}

/**
 * "04) for safe toileting." under "... assist (GG0170E 04, GG0170F": the figure closes the bracket
 * the goal above left open when its line wrapped; it numbers no goal of its own.
 */
function closesBracketAbove(
  open: { line: Line } | null,
  lines: readonly Line[],
  li: number,
  marker: string,
): boolean {
  if (!open || li === 0 || !/^\s*\d{1,3}\)\s*$/.test(marker)) return false;
  const above = lines[li - 1]!.text;
  return (above.match(/\(/g)?.length ?? 0) > (above.match(/\)/g)?.length ?? 0);
}

/**
 * A letter's goals in its prose, numbered in brackets: "Goals over the next four weeks are to (1)
 * lift 60 lb floor to waist ... by 11/02/2026, (2) carry 50 lb for 50 feet by 11/02/2026, ... and
 * (5) return to full duty ...". Read only where no list of goals was found.
 */
const INLINE_GOALS_LEAD =
  /\b(?:(short|long)[- ]term\s+)?goals?\b[^.;:()]{0,60}?(?:\b(?:are|is|include|will be)\b|:)\s*(?:to\s+)?(?=\(1\))/gi;
/** Where a numbered item of such a list starts: "(1) ", ", (2) ", "and (5) ". */
const INLINE_ITEM = /\((\d{1,2})\)\s*/g;
/** What ends an item besides the next one's number: its sentence's end. */
const INLINE_SENTENCE_END = /\.(?=\s+[A-Z]|\s*$)/;

export function extractInlineGoals(lines: Line[], sink: FactSink): void {
  if (sink.has('goal-long') || sink.has('goal-short')) return;
  for (const page of new Set(lines.map((l) => l.page))) {
    const on = lines.filter((l) => l.page === page);
    // The page's lines joined as prose, each line's place in the joined text kept.
    let joined = '';
    const at: number[] = [];
    for (const l of on) {
      at.push(joined.length);
      joined += `${l.text.trim() === '' ? '\n' : l.text.trimEnd()} `;
    }
    const pageOffset = (j: number): number => {
      let k = at.length - 1;
      while (k > 0 && at[k]! > j) k--;
      return on[k]!.start + (j - at[k]!);
    };
    for (const lead of joined.matchAll(INLINE_GOALS_LEAD)) {
      const kind: GoalKind = /^short/i.test(lead[1] ?? '') ? 'goal-short' : 'goal-long';
      const from = lead.index + lead[0].length;
      const sentence = joined.slice(from).split('\n', 1)[0]!;
      const end = INLINE_SENTENCE_END.exec(sentence)?.index ?? sentence.length;
      const items = [...sentence.slice(0, end).matchAll(INLINE_ITEM)].filter(
        (m, k) => Number(m[1]) === k + 1,
      );
      if (items.length < 2) continue;
      items.forEach((m, k) => {
        const s0 = m.index + m[0].length;
        const raw = sentence.slice(s0, items[k + 1]?.index ?? end);
        const text = raw.replace(/[\s,;]*(?:\band\b)?[\s,;]*$/, '');
        if (text.length < 4) return;
        const [a, b] = [pageOffset(from + s0), pageOffset(from + s0 + text.length)];
        const said = sink.slice(page, a, b).replace(/\s+/g, ' ');
        sink.addSpan(kind as FactKind, said, page, a, b, {
          timeFrame: findTimeFrame(said)?.text ?? null,
          measurable: measurableGoalText(said),
          jobLinked: jobLinkedGoalText(said),
          rtw: returnToWorkGoalText(said),
        });
      });
    }
  }
}

function addGoal(
  sink: FactSink,
  kind: GoalKind,
  text: string,
  line: Line,
  start: number,
  end: number,
  inherited: string | null,
  status: GoalStatus | null,
): void {
  const detail: FactDetail = {
    timeFrame: findTimeFrame(text)?.text ?? inherited,
    measurable: measurableGoalText(text),
    jobLinked: jobLinkedGoalText(text),
    rtw: returnToWorkGoalText(text),
  };
  if (status) detail.status = status;
  // The goal as the record states it; its details as read ("lift thirty five pounds" is measurable).
  const said = withoutMarkup(sink.said(line.page, line.start + start, line.start + end));
  sink.add(kind as FactKind, said.replace(/\s+/g, ' '), line, start, end, detail);
}

/**
 * A goal's status at its end, after a separator: then the day it was met ("MET 4/24", "MET April
 * 24th"), a result in brackets or after a comma or spaced dash ("PROGRESSING, 12.6 seconds"; a
 * hyphen joins words, "(partial-thickness tear)").
 */
const STATUS_TAIL =
  /(?:[-–—:(|,;]|\.{3,}|\bstatus\s*:?|[ \t]{2,}|\t)\s*([A-Za-z/' ]{2,30}?)\s*(?:\d[\d/.-]*\s*|(?:on\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*)?(?:\([^)]*\)?|(?:(?<=\s)[-–—]|[:,;])\s*(?:[^.]|\.(?=\d)){0,100})?\s*\)?\.?\s*$/i;

/** How far from a text's end a status tail may start. */
const TAIL_REACH = 200;
/** A separator a goal's status follows for certain: a spaced dash, a colon, "Status". */
const STRONG_SEPARATOR = /\s[-–—]\s|:|\bstatus\b/gi;

/**
 * A status at the end of a goal line, as progress reports append it: "...: MET", "- partially
 * met, 40 lb", "PROGRESSING (40 lb).", "MET 3.11.2026 (45 lb today).", "(Achieved 3/10)",
 * "Status: ongoing", or a remark in parentheses that wraps to the next line ("PROGRESSING
 * (independent HEP; needs").
 * @param later also a status after a later spaced dash or colon: for one item's text, not for a
 *   line joined with the lines under it (their goals' statuses are their own).
 */
function trailingStatus(text: string, later = true): GoalStatus | null {
  // The status after the first separator that leads to the end; else after a later spaced dash
  // or colon: "3-hour session ... - MET (03/20, ...)" has its status after " - ", not "3-".
  const tail = STATUS_TAIL.exec(text);
  const hit = tail ? goalStatusIn(tail[1]!) : null;
  if (hit && hit.start === 0) return hit.status;
  // A tail is short (the status, its day, a result of a hundred characters): only the end of a
  // long text can hold one, and reading only that keeps a long line linear.
  const end = later ? Math.max(0, text.length - TAIL_REACH) : text.length;
  for (const m of text.slice(end).matchAll(STRONG_SEPARATOR)) {
    const after = STATUS_TAIL.exec(text.slice(end + m.index));
    const said = after && after.index <= 1 ? goalStatusIn(after[1]!) : null;
    if (said && said.start === 0) return said.status;
  }
  // A later sentence that starts with the status: "...: now 45 lb x 5. Progressing, close to goal."
  for (const sentence of text.split(/\.\s+/).slice(1)) {
    const said = goalStatusIn(sentence);
    if (said && said.start === 0) return said.status;
  }
  // A status first: "MET - Lift 50 lb ...", "Achieved: carry 40 lb".
  const lead = /^\W*([A-Za-z/' ]{2,20}?)\s*(?::|[-–—])\s/.exec(text);
  const first = lead ? goalStatusIn(lead[1]!) : null;
  if (first && first.start === 0) return first.status;
  // The result's clause after a spaced dash ends with the status: "No falls ... - no falls to
  // date, home program progressing."
  const result = /\s[-–—]\s(?!.*\s[-–—]\s)(.*?)\.?\s*$/.exec(text);
  const closing = result ? goalStatusIn(result[1]!) : null;
  return closing && closing.end === result![1]!.length ? closing.status : null;
}

/** Status words in an assessment sentence: "She has met her goal of ...", "Goal 2 is partially met". */
const STATUS_SENTENCE =
  /\b(?:has|have|had|was|were|is|are)\s+(?:now\s+|not\s+yet\s+|not\s+|since\s+)?(?:been\s+)?(?:fully\s+|partially\s+|partly\s+)?(?:met|achieved|attained|progressing|progressed)\b[^.\n]{0,40}?\bgoals?\b|\bgoals?\b[^.\n]{0,80}?\b(?:is|are|was|were|has been|have been|remains?)\s+(?:now\s+|not\s+yet\s+|not\s+)?(?:fully\s+|partially\s+|partly\s+)?(?:met|achieved|attained|progressing|ongoing|in progress|unmet)\b/i;
/**
 * "Goal 1: met", "STG #2 partially met", "goals 1 through 4 progressing", "The second goal, walking
 * 1,000 feet ..., is progressing": numbered goals, a status; a plan's one short-term goal by its
 * term and words ("STG sustained overhead 8 min - met 11/03").
 */
const NUMBERED_ASSESSMENT =
  /\b(?:(?:STG|LTG|Goal|Goals(?=\s*#?\s*\d{1,2}\s*(?:-|–|through|to)\s*\d))\s*#?\s*\d{1,2}|(?:STG|LTG)(?=\s+[a-z])(?!\s+(?:all\s+)?(?:met|not|partial\w*|progress\w*|ongoing|achieved|attained|unmet|in\s+progress|on\s+track|continu\w*|improving|discontinued|deferred)\b)|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:(?:short|long)[- ]term\s+)?goal)\b[^\n]{0,360}?\b(?:partially met|not met|met|not progressing|progressing|ongoing|achieved|not achieved|discontinued|deferred|revised|continue)\b/gi;

/** Goal-by-goal assessments on a line, and statements that cover every goal. */
/**
 * The rest of a goal's paragraph after line `li`: up to three more lines of the same page, until a
 * blank line or the next goal's label. A narrative report writes "Goal 6, ...: he now" / "completes
 * ... (baseline 30" / "minutes); ODI 28%. Partially met."
 */
function paragraphAfter(lines: Line[], li: number): string {
  const out: string[] = [];
  for (let k = li + 1; k < lines.length && out.length < 3; k++) {
    const l = lines[k]!;
    if (
      l.page !== lines[li]!.page ||
      l.text.trim() === '' ||
      GOAL_START.test(l.text) ||
      LIST_MARKER.test(l.text) ||
      cellsOf(l.text).length >= 2 ||
      headingOf(l.text)
    )
      break;
    out.push(l.text);
  }
  return out.join(' ');
}

/** A status column's header, and the header of a column of targets ("Job Demand", "Target"). */
const STATUS_CELL = /^\s*(?:goal\s+)?status\s*$/i;
const TARGET_CELL = /\b(?:job\s+demands?|targets?|goals?|required|requirements?)\b/i;

/** A table's numbering column: "#", "No.", "Nr". */
const NUMBER_COLUMN = /^(?:#|no\.?|nr\.?|num(?:ber)?)$/i;

const GOAL_START =
  /^\W*(?:(?:STG|LTG|(?:(?:Short|Long)[- ]?Term\s+)?Goal)\s*#?\s*\d|\d{1,2}[.)]\s)/i;

/** A "Status:" field on a goal's own lines under it: "Target date: 08/28/2026   Status: Met". */
const STATUS_FIELD = /\bstatus\s*:\s*([^\t|]+)/i;

/**
 * The status a goal's field lines give it, on the few lines under the goal before the next goal
 * or heading ("Goal 1: Lift 60 lb floor to waist." / "Target date: 08/28   Status: Partially Met").
 */
function statusFieldBelow(lines: Line[], li: number): GoalStatus | null {
  for (let k = li + 1; k < lines.length && k <= li + 3; k++) {
    const l = lines[k]!;
    if (l.page !== lines[li]!.page || l.text.trim() === '') break;
    // An indented line or a row of fields under the goal ("\tBaseline: 102 deg\tTarget: >= 125
    // deg") is the goal's own, whatever section its first label could head.
    const heading = !/^\s/.test(l.text) && cellsOf(l.text).length < 2 && headingOf(l.text);
    if (GOAL_START.test(l.text) || LIST_MARKER.test(l.text) || heading) break;
    const field = STATUS_FIELD.exec(l.text);
    if (field) return goalStatusIn(field[1]!)?.status ?? null;
  }
  return null;
}

function assessGoals(
  line: Line,
  next: string,
  paragraph: string,
  sink: FactSink,
  statusBelow: GoalStatus | null,
): void {
  const t = line.text;
  // A table's header row ("Goal | Result | Met | Not met") names the statuses its columns hold.
  const cells = cellsOf(t);
  if (cells.length >= 2 && isHeaderRow(cells)) return;
  const boxes = checkboxOptions(t);
  if (boxes.length) {
    // A form ticks one of its options: only the ticked ones are said. "[X] Goals met" speaks of
    // every goal; "STG 2 packing 30 min: [ ] Met [X] Partially met" of the goal it follows.
    const goal = t.slice(0, boxes[0]!.start).replace(/\S*$/, '').trim();
    for (const o of boxes) {
      if (!o.checked) continue;
      const status = goalStatusIn(o.text);
      if (!status) continue;
      if (coversAllGoals(o.text))
        sink.add('goal-assessment', o.text, line, o.start, o.end, {
          status: status.status,
          all: true,
        });
      else if (status.start === 0 && /[A-Za-z]{3}/.test(goal) && !LABEL_ONLY.test(goal)) {
        const range = GOAL_RANGE.exec(goal);
        const detail: FactDetail = { status: status.status };
        if (range) detail.count = Math.max(1, Number(range[2]) - Number(range[1]) + 1);
        sink.add('goal-assessment', t.slice(0, o.end), line, 0, o.end, detail);
      }
    }
    return;
  }
  let found = false;
  // "Goals: 1 progressing (50 lb); 2 MET 9/16; 3 progressing": goals by number after a label or
  // a separator, each with its status.
  // A list wrapped mid-item ("...; 4" / "progressing (16 reps)") is read across the break; each
  // assessment cites the part on this line.
  const joined = /[.;:]\s*$/.test(t) ? t : `${t} ${next}`;
  for (const m of joined.matchAll(ENUMERATED_ASSESSMENT)) {
    const at = m.index + m[0].indexOf(m[1]!);
    if (at >= t.length) break;
    found = true;
    const status = goalStatusIn(m[2]!);
    const end = Math.min(t.length, m.index + m[0].length);
    sink.add(
      'goal-assessment',
      t.slice(at, end),
      line,
      at,
      end,
      status ? { status: status.status } : {},
    );
  }
  if (found) return;
  // A goal's status may close its sentence on the next line of a wrapped paragraph ("Goal 3, 35
  // lb waist to shoulder: 25 lb x 5 (baseline 20 lb)." / "Progressing, slower than ...").
  const withParagraph = paragraph ? `${t} ${paragraph}` : t;
  for (const m of withParagraph.matchAll(NUMBERED_ASSESSMENT)) {
    if (m.index >= t.length) break;
    found = true;
    const range = GOAL_RANGE.exec(m[0]);
    const status = goalStatusIn(
      m[0].replace(/^\S+\s*#?\s*\d{1,2}(?:\s*(?:[-–]|through|to)\s*\d{1,2})?/, ''),
    );
    const detail: FactDetail = status ? { status: status.status } : {};
    // "LTG 1-6: progressing" assesses six goals.
    if (range) detail.count = Math.max(1, Number(range[2]) - Number(range[1]) + 1);
    const end = Math.min(t.length, m.index + m[0].length);
    sink.add('goal-assessment', t.slice(m.index, end), line, m.index, end, detail);
  }
  if (found) return;
  // "Short term goals met ... Long term goals progressing": each statement covers its term.
  let covered = false;
  for (const all of allGoalStatements(t)) {
    const allStatus = goalStatusIn(t.slice(all.start));
    if (!allStatus) continue;
    const said = t.slice(all.start, all.end);
    // "All STGs met", "Short-term goals on track" cover the short-term goals only.
    const named = t.slice(Math.max(0, all.start - TERM_REACH), all.end);
    const term = /\bSTGs?\b|short[- ]?term/i.test(named)
      ? 'short'
      : /\bLTGs?\b|long[- ]?term/i.test(named)
        ? 'long'
        : null;
    sink.add('goal-assessment', said, line, all.start, all.end, {
      status: allStatus.status,
      all: true,
      ...(term ? { term } : {}),
    });
    covered = true;
  }
  if (covered) return;
  const sentence = STATUS_SENTENCE.exec(t);
  if (sentence) {
    const status = goalStatusIn(sentence[0]);
    const range = GOAL_RANGE.exec(sentence[0]);
    const detail: FactDetail = status ? { status: status.status } : {};
    // "Long-term goals 1-5 are partially met" assesses five goals.
    if (range) detail.count = Math.max(1, Number(range[2]) - Number(range[1]) + 1);
    sink.add(
      'goal-assessment',
      sentence[0],
      line,
      sentence.index,
      sentence.index + sentence[0].length,
      detail,
    );
    return;
  }
  if (LIST_ITEM.test(t) || LIST_MARKER.test(t) || GOAL_LABEL.test(t)) {
    // "> STG kneel 6 min: progressing (5 min).": a bullet of any kind, then the goal's term.
    const own = (text: string, later = true) =>
      trailingStatus(text.replace(LIST_MARKER, '').replace(LIST_ITEM, ''), later);
    // The item's own line first; a wrapped item's status may close it on a later line.
    // Only an item with words of its own continues on the next lines (not a drawn rule "----").
    const wrapped =
      paragraph &&
      /[A-Za-z]{3}/.test(t) &&
      !isRuleLine(t) &&
      cellsOf(t).length < 2 &&
      !headingOf(t);
    const status = own(t) ?? (wrapped ? own(`${t} ${paragraph}`, false) : null) ?? statusBelow;
    const from = (BULLET.exec(t) ?? [''])[0].length;
    if (status) sink.add('goal-assessment', t.slice(from), line, from, t.length, { status });
  }
}

const ENUMERATED_ASSESSMENT =
  /(?:^\s*|[:;]\s*)(\d{1,2})\s*[.)-]?\s+(partially met|not met|met|not progressing|progressing|ongoing|achieved|not achieved|discontinued|deferred)\b/gi;
/** How far before a statement on all goals their term may stand ("Short-term goals ..."). */
const TERM_REACH = 12;
const GOAL_RANGE =
  /\b(?:goals?|STGs?|LTGs?)\s*#?\s*(\d{1,2})\s*(?:-|–|through|to)\s*#?\s*(\d{1,2})\b/i;
/** A form's label before its options that names no goal ("Response:", "Progress toward goals:"). */
const LABEL_ONLY =
  /^\W*(?:response|tolerance|progress(?: toward goals)?|status|attendance|rtw status|plan)\W*$/i;
const LIST_ITEM =
  /^\s*(?:(?:STG|LTG|Goal)\s*#?\s*\d{0,2}\s*[:.)\-–]?|\d{1,2}\s*[.)]|#\d{1,2}\s*[:.)]?|[-•*·●▪○]|\(?[a-h]\))\s*/i;

interface TableColumns {
  goal: number;
  timeFrame: number;
  status: number;
  /** "Date met": when a goal was met, never its target. */
  met: number;
  /** The header's cells: a row's ticked boxes take their status from the columns they stand in. */
  names: string[];
  /** A column of values measured now ("Now 06-17", "Current", "Exit", "Re-test", "This week"). */
  measured: number;
  /** "% of Goal": how far each goal has come, as a share of its target. */
  percent: number;
}

/**
 * "Goal | Result | Met | Not met" over "... | [X] [ ]": the ticked box's column names the status
 * (one cell may hold the boxes of the columns from its own onwards).
 */
function tickedColumnStatus(
  cells: Cell[],
  cols: TableColumns | null,
): ReturnType<typeof goalStatusIn> {
  if (!cols) return null;
  for (let ci = 0; ci < cells.length; ci++) {
    const ticked = checkboxOptions(cells[ci]!.text).findIndex((o) => o.checked);
    const name = ticked >= 0 ? cols.names[ci + ticked] : undefined;
    if (name) return goalStatusIn(name);
  }
  return null;
}

/**
 * A header row of a goals table: it names its columns, one of them a goal's. A slash joins two
 * names of one column ("Time Frame / Target Date"), not more words of it.
 */
function isHeaderRow(cells: Cell[]): boolean {
  return (
    namesColumns(cells.map((c) => ({ ...c, text: c.text.replace(/\s+\/\s+/g, '/') }))) &&
    cells.some((c) =>
      /\b(?:goal|target|status|date|baseline|current|objective|outcome|time ?frame)\b/i.test(
        c.text,
      ),
    )
  );
}

function columnsOf(cells: Cell[]): TableColumns {
  const find = (re: RegExp) => cells.findIndex((c) => re.test(c.text));
  const goal = find(/\b(?:goals?|objective|outcome|functional)\b/i);
  const statusColumn = find(/\bstatus\b/i);
  return {
    goal: goal >= 0 ? goal : 0,
    // "Date met" records when a goal was met; it is no target.
    timeFrame: find(
      /^(?!.*\b(?:met|achieved|attained)\b).*\b(?:target date|date|time ?frame|by when|due|expected|weeks?)\b/i,
    ),
    // A "Status" column first; else one headed by what it records ("Met?", "Progress").
    status: statusColumn >= 0 ? statusColumn : find(/\b(?:met|achieved|progress)\b/i),
    names: cells.map((c) => c.text.trim()),
    measured: find(
      /^(?:now|current|exit|re-?test(?:ed)?|today|result|latest|this\s+(?:week|period|visit))\b/i,
    ),
    percent: find(/%\s*(?:of\s+)?goal|percent(?:age)?\s+(?:of\s+)?goal|%\s*(?:achieved|met)\b/i),
    met: find(
      /\bdate\b.*\b(?:met|achieved|attained)\b|\b(?:met|achieved|attained)\s+(?:on|date)\b/i,
    ),
  };
}

const FORM_GOALS_LABEL = /^(?:goals?|plan goals|treatment goals)$/i;

/**
 * A header one cell wider than its rows carries the form's own label first ("Goals | Goal |
 * Description | Time Frame | Target Date" over "STG 1 | ... | 3 wks | 04/27/2026", a table nested
 * in the form's "Goals" row): the rows line up with the header's other cells.
 */
function alignedColumns(cols: TableColumns | null, width: number): TableColumns | null {
  if (!cols || cols.names.length !== width + 1 || !FORM_GOALS_LABEL.test(cols.names[0]!))
    return cols;
  if (!cols.names.slice(1).some((n) => DESCRIPTION_COLUMN.test(n) || /^goal$/i.test(n)))
    return cols;
  return columnsOf(cols.names.slice(1).map((text) => ({ text, start: 0, end: text.length })));
}

/** A "% of Goal" cell as a status: the whole target reached is met, part of it progressing. */
function percentStatus(cell: Cell | undefined): { status: GoalStatus } | null {
  const m = cell ? /^(\d{1,3})\s*%$/.exec(cell.text.trim()) : null;
  if (!m) return null;
  const n = Number(m[1]);
  return { status: n >= 100 ? 'met' : n > 0 ? 'progressing' : 'not-met' };
}

/**
 * A charge table under the goals ("CPT / Mod | Description | Units | Minutes", "97163-GP PT
 * Evaluation ... | 1 | 120"): the note's billing, which ends the goals.
 */
const CHARGE_TABLE_ROW = /^\s*(?:(?:CPT|HCPCS)\b|9\d{4}(?:-[A-Z0-9]{2})*\s)/;

const GOAL_LABEL_ONLY = /^\s*(?:STG|LTG|Goal)?\s*#?\s*\d{0,2}\s*[.:)]?\s*$/i;
const DESCRIPTION_COLUMN = /^(?:goal\s+)?(?:description|text|statement)$/i;

/** A cell that is wholly the heading of a section other than goals ("Home Exercise Program"). */
function namesOtherSection(cell: string): boolean {
  const h = headingOf(cell);
  return (
    h !== null && !h.names.includes('goals') && h.start === 0 && h.rest >= cell.trimEnd().length
  );
}

/**
 * One goal from a table row: its goal cell, a target date or time frame cell, a status cell. A row
 * numbered like a goal listed above it restates that goal: it may assess it, it adds none.
 */
function tableGoal(
  sink: FactSink,
  list: GoalList,
  line: Line,
  cells: Cell[],
  listedNumbers: ReadonlySet<string>,
  listedLabels: ReadonlySet<string>,
  statusKey: ReadonlyMap<string, GoalStatus>,
): boolean {
  // A header row repeated under a sub-heading heads the rows; it is no goal.
  if (isHeaderRow(cells)) {
    list.columns = columnsOf(cells);
    return false;
  }
  const cols = alignedColumns(list.columns, cells.length);
  const named = cols ? cells[cols.goal] : undefined;
  // A "Goal" column that holds only the goal's label ("STG 1") names it; its "Description"
  // column says it.
  const described =
    cols && named && GOAL_LABEL_ONLY.test(named.text)
      ? cells[cols.names.findIndex((n) => DESCRIPTION_COLUMN.test(n))]
      : undefined;
  const goalCell =
    described ??
    named ??
    cells.reduce((a, b) =>
      b.text.replace(/[^A-Za-z]/g, '').length > a.text.replace(/[^A-Za-z]/g, '').length ? b : a,
    );
  if (!/[A-Za-z]{3}/.test(goalCell.text) || ONLY_STATUS.test(goalCell.text)) return false;
  // A cell names its term by a label ("STG 1: ...") or by its first word ("STG floor-waist 35"), or
  // the row's number cell does ("STG 2 | Reach 20 lb to shelf | ...").
  const term =
    GOAL_LABEL.exec(goalCell.text)?.[1] ??
    /^\s*(STG|LTG)\b/i.exec(goalCell.text)?.[1] ??
    (goalCell !== cells[0] ? /^\s*(STG|LTG)\b/i.exec(cells[0]!.text)?.[1] : undefined);
  const kind = term ? kindOfLabel(term, list.kind) : list.kind;
  const frameCell = cols && cols.timeFrame >= 0 ? cells[cols.timeFrame] : undefined;
  const timeFrame =
    (frameCell &&
      (isTargetDate(frameCell.text) ? frameCell.text : findTimeFrame(frameCell.text)?.text)) ||
    cells
      .filter((_, i) => i !== cols?.met)
      .map((c) => (isTargetDate(c.text) ? c.text : findTimeFrame(c.text)?.text))
      .find(Boolean) ||
    list.timeFrame;
  const statusCell = cols && cols.status >= 0 ? cells[cols.status] : undefined;
  const others = cells.filter((c) => c !== goalCell);
  const status =
    (statusCell ? goalStatusIn(statusCell.text) : null) ??
    others.map((c) => goalStatusIn(c.text)).find((s) => s && s.start === 0) ??
    tickedColumnStatus(cells, cols) ??
    percentStatus(cols && cols.percent >= 0 ? cells[cols.percent] : undefined) ??
    others.map((c) => codedStatusIn(c.text, statusKey)).find(Boolean) ??
    null;
  const start = cells[0]!.start;
  const end = cells.at(-1)!.end;
  const text = line.text.slice(start, end);
  const detail: FactDetail = {
    timeFrame: timeFrame ?? null,
    measurable: measurableGoalText(text),
    jobLinked: jobLinkedGoalText(goalCell.text),
    rtw: returnToWorkGoalText(goalCell.text),
  };
  if (status) detail.status = status.status;
  const number = /^\s*#?(\d{1,2})\b/.exec(cells[0]!.text);
  const label = /^\s*(STG|LTG)\s*#?\s*(\d{1,2})\s*$/i.exec(cells[0]!.text);
  const restates =
    (number !== null &&
      listedNumbers.has(
        list.termed ? `${kind}:${Number(number[1])}` : String(Number(number[1])),
      )) ||
    (label !== null && listedLabels.has(`${kindOfLabel(label[1]!, kind)}:${Number(label[2])}`));
  if (!list.statusOnly && !restates)
    sink.add(kind, goalCell.text.replace(/\s+/g, ' '), line, start, end, detail);
  if (status)
    sink.add('goal-assessment', text.replace(/\s+/g, ' '), line, start, end, {
      status: status.status,
    });
  // A grid that re-tests each goal ("Now 06-17 | 45 lb x6") measures the change objectively.
  const measured = list.measures
    ? { text }
    : cols && cols.measured >= 0
      ? cells[cols.measured]
      : undefined;
  if (measured && /\d/.test(measured.text))
    sink.add('objective-measure', text.replace(/\s+/g, ' '), line, start, end);
  return true;
}
