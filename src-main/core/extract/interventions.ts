/** Interventions (one per line of a treatment list) and objective measurements with units. */
import type { DocType, SectionName } from '../../../shared/model';
import type { FactSink } from './facts';
import type { Line } from './lines';
import { regionsOf } from './sections';
import { isTreatmentListHeading, PERFORMANCE_COLUMN, TREATMENT_COLUMN } from '../lexicon/sections';
import { measurableGoalText } from '../lexicon/goals';
import { cellsOf, checkboxOptions, isRuleLine, namesColumns } from './layout';
import { isMinutesColumn } from './times';
import { isSignatureLine } from './signatures';
import { vitalSpans } from './vitals';

const INTERVENTION_SECTIONS: ReadonlySet<SectionName> = new Set(['interventions', 'objective']);
/** Under "Objective", only lines that describe an activity are interventions (not "Pain 4/10"). */
const ACTIVITY_CUE =
  /\b(?:lift\w*|carry\w*|push\w*|pull\w*|treadmill|bike|ergometer|UBE|exercis\w*|stretch\w*|squat\w*|climb\w*|crawl\w*|kneel\w*|walk\w*|simulat\w*|circuit|reps?|sets?|x\s*\d+|strengthen\w*|conditioning|hardening|training|mobiliz\w*|manual|stair\w*|ladder|reach\w*|crouch\w*|balance|aerobic|core|stabiliz\w*|plank|bridge\w*|row\w*|press\w*|tolerance|body mechanics|education|trials?|swallow\w*|bolus\w*|sips?|bites?|maneuver|articulat\w*|naming|phonat\w*|cues?|drills?|meals?|strateg\w*)\b/i;
/**
 * A procedure code opening a parenthetical, as a problem-oriented note tags the work it describes
 * under "O:" with the service billed ("... 9/10 sets (90%). (92526, 25 min)"); the parenthetical
 * may wrap onto the next line ("(92507,"). The line records a service furnished.
 */
const SERVICE_TAG = /\(\s*(?:CPT\s*#?\s*)?(?:9\d{4}|[GS]\d{4})\b(?:[^()]*\)|[^()]*$)/;
/** The SOAP note's own objective label: "O", "Obj", "Objective". */
const SOAP_OBJECTIVE = /^\W*o(?:bj(?:ective)?)?\W*$/i;
/** A line that leads with its goal's label ("LTG 3 ...", "STG #1:", "Goal 2 -"). */
const GOAL_ROW = /^[\s\-•*·●▪>]*(?:STG|LTG|Goal)\s*#?\s*\d/i;
/**
 * Lines in a treatment list that are other facts: totals, times, billing, signatures. A total is
 * its label ("Total time 170 min", "TOTAL: 4 units"), not the word in passing ("bike warm up 12
 * minutes total, ...").
 */
const NOT_INTERVENTION =
  /^\W*total\b|\btotal\s*(?:[:=]|(?:\w+\s+){0,2}(?:time|minutes?|mins?|units?)\b)|\b(?:time\s*(?:in|out)|CPT|charges?|units?\s*billed|billing|minutes:)\b|^\s*\w[\w ]{0,20}:\s*\d+\s*\/\s*10\b/i;
const BULLET = /^\s*(?:[-•*·●▪○]|\d{1,2}[.)])\s*/;

/** Measurements with units of load, range, distance and tolerance time. */
const MEASURE =
  /\b\d+(?:\.\d+)?\s*(?:lbs?|pounds|kg|°|deg(?:rees)?|ft|feet|inches|in\.|meters|m\b|yards)|\b\d+(?:\.\d+)?#(?![\w#])|\b\d+(?:\.\d+)?\s*(?:minutes?|min)\b(?=[^.\n]{0,30}\b(?:toleran\w*|sit\w*|stand\w*|walk\w*)\b)|\b(?:toleran\w*|sit\w*|stand\w*|walk\w*)\b[^.\n]{0,30}?\b\d+\s*(?:minutes?|min)\b/i;

export function extractInterventions(lines: Line[], sink: FactSink, type: DocType): void {
  /** Activities written on a test label's own line, added after the other readers had theirs. */
  const labelled: Array<{ line: Line; from: number }> = [];
  for (const { heading, h, body } of regionsOf(lines, INTERVENTION_SECTIONS)) {
    const inline = heading.text.slice(h.rest).trim();
    // "O: Sentence intelligibility 74%. (92507, 25 min)": an objective label's own text tagged
    // with its service is the treatment given.
    const from = heading.text.length - heading.text.slice(h.rest).trimStart().length;
    if (inline && h.name === 'objective' && !isSignatureLine(inline) && !GOAL_ROW.test(inline)) {
      if (SERVICE_TAG.test(inline))
        sink.add('intervention', heading.text.slice(from), heading, from, heading.text.length, {
          measurable: measurableGoalText(heading.text.slice(from)),
        });
      // "Exit testing and final circuit: case lift 50 lb x 10 ...": a test label's own text that
      // describes an activity is one, as a line under it would be; it leaves the readers of
      // grids and prose their turn. The SOAP "O:" line reports measurements ("O: Standing tol 6
      // min. 5xSTS 17.9 s").
      else if (
        !SOAP_OBJECTIVE.test(heading.text.slice(h.start, h.end)) &&
        ACTIVITY_CUE.test(inline)
      )
        labelled.push({ line: heading, from });
    }
    if (inline && h.name === 'interventions') {
      // "Interventions: lifting; carrying; push/pull" lists several on one line; "Work
      // simulation: overhead reach 10 lb" names the treatment in its label.
      const from = isTreatmentListHeading(heading.text.slice(h.start, h.end)) ? h.rest : h.start;
      let offset = from;
      for (const part of heading.text.slice(from).split(';')) {
        if (part.trim() && !NOT_INTERVENTION.test(part))
          sink.add('intervention', part, heading, offset, offset + part.length, {
            measurable: measurableGoalText(part),
          });
        offset += part.length + 1;
      }
    }
    /** Under a grid's header ("Task | Accuracy | Cue level"): each row is a task furnished. */
    let gridRows = false;
    for (const line of body) {
      const t = line.text;
      if (t.trim() === '') gridRows = false;
      if (t.trim() === '' || isRuleLine(t) || NOT_INTERVENTION.test(t) || isSignatureLine(t))
        continue;
      if (onlyVitals(t)) continue;
      if (isTreatmentGridHeader(t)) {
        gridRows = true;
        continue;
      }
      if (
        h.name === 'objective' &&
        !(gridRows && cellsOf(t).length >= 2) &&
        !ACTIVITY_CUE.test(t) &&
        !SERVICE_TAG.test(t)
      )
        continue;
      // "LTG 3 Grip >= 25 lb ... - MET" under the findings reports a goal, not a treatment.
      if (h.name === 'objective' && GOAL_ROW.test(t)) continue;
      // A form lists every activity and ticks those done: an unticked one was not furnished.
      const boxes = checkboxOptions(t);
      if (boxes.length && !boxes[0]!.checked) continue;
      const b = boxes.length ? null : BULLET.exec(t);
      const start = boxes.length ? boxes[0]!.start : b ? b[0].length : 0;
      if (start >= t.length) continue;
      sink.add('intervention', t.slice(start), line, start, t.length, {
        measurable: measurableGoalText(t.slice(start)),
      });
    }
  }
  if (!sink.facts.some((f) => f.kind === 'intervention')) gridInterventions(lines, sink);
  if (!sink.facts.some((f) => f.kind === 'intervention')) narrativeInterventions(lines, sink);
  if (!sink.facts.some((f) => f.kind === 'intervention') && VISIT_TYPES.has(type))
    servicesAsInterventions(sink);
  for (const { line, from } of labelled)
    sink.add('intervention', line.text.slice(from), line, from, line.text.length, {
      measurable: measurableGoalText(line.text.slice(from)),
    });
}

/** Notes of a visit, whose services with their minutes are what was furnished (not an approval's). */
const VISIT_TYPES: ReadonlySet<DocType> = new Set([
  'daily-note',
  'evaluation',
  're-evaluation',
  'progress-report',
  'discharge-summary',
]);

/**
 * A dictated note names its treatment by the service and its minutes ("Therapeutic exercise for
 * 20 minutes, reviewing ...", "Then 12 minutes of manual therapy"): each such statement, read by
 * the minutes reader as the service's minutes, is an intervention furnished.
 */
function servicesAsInterventions(sink: FactSink): void {
  for (const f of sink.facts.filter((x) => x.kind === 'service-minutes')) {
    const { page, start, end, quote } = f.provenance;
    sink.addSpan('intervention', quote, page, start, end, {
      measurable: measurableGoalText(quote),
    });
  }
}

/**
 * A treatment grid's header: a column of what was done and a column of its minutes, or of how
 * the patient performed it.
 */
function isTreatmentGridHeader(text: string): boolean {
  const cells = cellsOf(text);
  return (
    cells.length >= 2 &&
    // A unit or distance in a column's brackets ("Data (SLM 30 cm)") names it; other digits are data.
    !/\d/.test(text.replace(/\([^()]*\)/g, '')) &&
    cells.some((c) => TREATMENT_COLUMN.test(c.text)) &&
    // Narrow columns print one space apart ("Min Units"): any word of a cell may head minutes.
    cells.some(
      (c) =>
        isMinutesColumn(c.text) ||
        c.text.split(/\s+/).some(isMinutesColumn) ||
        PERFORMANCE_COLUMN.test(c.text),
    )
  );
}

/**
 * Rows of a treatment grid outside any treatment heading ("CPT | Modifiers | Intervention /
 * parameters | Min | Units" under each visit of a weekly log): each row is a service furnished,
 * up to a blank line or the grid's totals. A row's wrapped description (one cell) adds nothing.
 */
function gridInterventions(lines: Line[], sink: FactSink): void {
  let inGrid = false;
  for (const line of lines) {
    const t = line.text;
    if (isTreatmentGridHeader(t)) {
      inGrid = true;
      continue;
    }
    if (!inGrid) continue;
    if (t.trim() === '' || NOT_INTERVENTION.test(t) || isSignatureLine(t)) {
      inGrid = false;
      continue;
    }
    const cells = cellsOf(t);
    if (cells.length < 2 || !cells.some((c) => /\p{L}{3}/u.test(c.text))) continue;
    const start = cells[0]!.start;
    sink.add('intervention', t.slice(start), line, start, t.length, {
      measurable: measurableGoalText(t.slice(start)),
    });
  }
}

/**
 * Dosage a treatment is written with: loads, sets and reps, distances, durations, speeds, and (as
 * speech and swallowing therapy count them) trials and accuracy: "9/10 (90%)", "80% accuracy".
 */
const DOSAGE =
  /\b\d+(?:\.\d+)?\s*(?:lbs?|#|kg|ft|feet|reps?|sets?|mph|laps?|trips?|rounds?|trials?)\b|\b\d+\s*x\s*\d+\b|\bx\s*\d+\b|\b\d+\s*(?:min(?:utes?)?|sec(?:onds?)?)\s+(?:at|on|of)\b|(?<!\b(?:pain|nprs|vas|rpe|borg|rated)\s{0,3})\b\d{1,2}\s*\/\s*\d{1,3}\b(?!\s*\/)(?=\s*(?:\(\s*\d{1,3}\s*%|trials?\b|correct\b|accura|,|;|$))|\b\d{1,3}\s*%\s*(?:accura\w*|correct\w*|of (?:trials|opportunities))/gi;

/**
 * A note written as prose names no treatment section: the treatment is the sentences that name an
 * activity with its dosage ("Floor-to-waist lift 30 lb x 5 x 5 ... Carry 30 lb 50 ft x 8"). A line
 * counts when it holds an activity and at least two dosages; what the patient reports doing at
 * home ("carried groceries") has none.
 */
function narrativeInterventions(lines: Line[], sink: FactSink): void {
  for (const line of lines) {
    const t = line.text;
    if (t.trim() === '' || NOT_INTERVENTION.test(t) || isSignatureLine(t)) continue;
    if (!ACTIVITY_CUE.test(t) || (t.match(DOSAGE)?.length ?? 0) < 2) continue;
    const b = BULLET.exec(t);
    const start = b ? b[0].length : t.length - t.trimStart().length;
    sink.add('intervention', t.slice(start), line, start, t.length, {
      measurable: measurableGoalText(t.slice(start)),
    });
  }
}

function onlyVitals(text: string): boolean {
  let rest = text;
  for (const [s, e] of vitalSpans(text).reverse()) rest = rest.slice(0, s) + rest.slice(e);
  return vitalSpans(text).length > 0 && rest.replace(/[\s,;|]/g, '').length < 4;
}

/**
 * One objective-measure fact per line that reports a measurement with units; `measurable` gives
 * the part of a line that may state one (null: none of it, a goal's own line).
 */
export function extractObjectiveMeasures(
  lines: Line[],
  sink: FactSink,
  measurable: (line: Line) => string | null,
): void {
  // The row naming the columns of the table a line belongs to (kept while rows follow it), so a
  // row's cells can be read with their columns' names ("Baseline 25 lb, Job demand 50 lb").
  let header: string[] | null = null;
  for (const line of lines) {
    const t = line.text;
    const cells = cellsOf(t);
    if (cells.length === 0) header = null;
    else if (namesColumns(cells)) header = cells.map((c) => c.text);
    const said = measurable(line);
    if (said === null || !MEASURE.test(said) || NOT_INTERVENTION.test(t) || isSignatureLine(t))
      continue;
    const b = BULLET.exec(t);
    const start = b ? b[0].length : 0;
    const detail = header && header.length === cells.length ? { columns: header } : undefined;
    sink.add('objective-measure', t.slice(start), line, start, t.length, detail);
  }
}
