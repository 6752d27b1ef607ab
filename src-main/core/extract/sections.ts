/** Section headings, normalized to SectionName, and the regions they head. */
import { COPY_LIST } from '../lexicon/communication';
import type { SectionName } from '../../../shared/model';
import type { FactSink } from './facts';
import type { Line } from './lines';
import {
  FUNCTIONAL_ACTIVITY_FIELD,
  ASSESSMENT_CLAUSE,
  FUNCTIONAL_LIMITATION_CLAUSE,
  HISTORY_CLAUSE,
  PLAN_CLAUSE,
  SYMPTOM_RATING_AFTER,
  isLetterSection,
  RESPONSE_SENTENCE,
  sectionNamed,
  sectionsNamedTogether,
  sectionsContained,
} from '../lexicon/sections';
import {
  cellsOf,
  isMarkdownHeading,
  isUnderlinedHeading,
  withoutColumnDates,
  withoutRuleTail,
} from './layout';
import { titleType } from './classify';
import { findTimeFrame } from '../parse/timeframe';

export interface Heading {
  /** The first section the heading names (a combined heading names several). */
  name: SectionName;
  names: SectionName[];
  /** Span of the heading label within the line. */
  start: number;
  end: number;
  /** Offset where the text after the heading starts. */
  rest: number;
}

/** Bullets, markdown marks and outline numbering before a heading ("1.", "II.", "B)", "##"). */
const LEAD = /^[\s\-•*#>·●▪|]*(?:\(?(?:\d{1,2}|[IVX]{1,4}|[A-H])[.)]\s+)?\**/;
/**
 * Where a label ends: its colon (or "="), or a spaced dash ("Assessment - tolerated well"). A
 * time frame may stand between, in brackets or after a comma as dictated ("UPDATED GOALS, to be
 * met in three weeks, by June 21st, 2026:").
 */
const LABEL_END =
  /\s*(?:\(([^()]{0,90})\)|,\s*(?:to be (?:met|achieved|attained)|(?:within|in|over)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s|by\s+(?:\d|[A-Z][a-z]+\.?\s+\d))[^:()]{0,60})?\s*\**\s*(?::|=|\s[-–—]\s|[-–—]\s*$)/;
/**
 * A heading alone on its line may carry a parenthetical ("Goals (4 weeks)"), even a form's key to
 * its scores ("Section GG functional scores (06 independent, 05 set-up, ... 01 dependent)").
 */
const LINE_HEADING = /^(.*?)\s*(?:\(([^()]{0,160})\))?\s*\**\s*:?\s*$/;
/** The parts of a combined heading: "SUBJECTIVE / HISTORY", "Assessment & Plan", "S/O". */
const PART_SEPARATOR = /\s*(?:\/|&|\+|,|\band\b)\s*/i;
const MAX_LABEL = 60;
/**
 * A run-in heading closed by a full stop, its text after it on the line ("History of present
 * illness. Mrs. Halverson is ...", "Goals."): only a label that is a section's name as a whole,
 * capitalized as a heading is, not in capitals throughout (a legacy print's "HEP." ends a sentence
 * as often as it heads one), and not a wrapped sentence's last word ("conditioning. He ...").
 */
const RUN_IN = /^([A-Z](?=[A-Za-z /&'-]*[a-z])[A-Za-z /&'-]{1,58}?)\.(?:\s+(?=[A-Z0-9("])|\s*$)/;
/** A parenthetical opened and not closed on its line: "Section GG scores (06 independent, 05". */
const UNCLOSED_NOTE = /\s*\([^()]*$/;

/**
 * A heading that says by when ("Goals, to be achieved by July 2, 2026", "Goals to be met within 3
 * weeks"): the words before the time frame name the section.
 */
const BY_WHEN =
  /^(.*?[A-Za-z)])\s*,?\s+(?:(?:are\s+|will\s+be\s+)?to\s+be\s+(?:achieved|met|attained|reached|completed)\s+)?(?=(?:by|in|within|over)\s)(.*)$/i;

function withoutTimeFrameTail(label: string): string | null {
  const when = BY_WHEN.exec(label);
  const frame = when ? findTimeFrame(when[2]!) : null;
  return frame && frame.start === 0 && when![2]!.slice(frame.end).trim() === '' ? when![1]! : null;
}

/** Section names of a label: the whole label, else every part of a combined one. */
function labelSections(label: string, colon: boolean): SectionName[] {
  if (label.length === 0 || label.length > MAX_LABEL) return [];
  const together = sectionsNamedTogether(label);
  if (together) return [...together];
  const whole = sectionNamed(label);
  if (whole) return isLetterSection(label) && !colon ? [] : [whole];
  const framed = withoutTimeFrameTail(label);
  if (framed) return labelSections(framed, colon);
  // "RECERTIFICATION - UPDATED PLAN OF CARE": a heading whose parts stand apart by dashes names
  // the sections its parts name.
  const dashed = label.split(/\s[-–—]\s/);
  if (dashed.length >= 2) {
    const names = [...new Set(dashed.flatMap((p) => labelSections(p.trim(), colon)))];
    if (names.length) return names;
  }
  const parts = label.split(PART_SEPARATOR).filter((p) => p !== '');
  if (parts.length < 2) return sectionsContained(label);
  const names: SectionName[] = [];
  // "REVISED PLAN / RECERTIFICATION": after a slash, a part that names the document the section
  // serves adds no section of its own ("Evaluation and Plan of Care" stays a title).
  const slashed = label.split(/\s*\/\s*/);
  for (const part of parts) {
    const qualifier =
      names.length > 0 &&
      slashed.includes(part) &&
      part.split(/\s+/).length <= 3 &&
      titleType(part) !== null;
    if (qualifier && !sectionNamed(part)) continue;
    const name = sectionNamed(part);
    if (!name || (isLetterSection(part) && !colon)) return sectionsContained(label);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The section a line heads or labels: a heading on its own line ("HISTORY", "Subjective /
 * History", "Goals (4 weeks)"), or a label with its value ("PMH: unremarkable", "MOI - lifting").
 * Prose that starts with a section word ("Plan to progress lifting") is neither.
 */
export function headingOf(line: string): Heading | null {
  // A long parenthetical may wrap onto the next line: the heading is what stands before it.
  const text = withoutRuleTail(line).replace(UNCLOSED_NOTE, '');
  // A table's header row heads what is under it by its first column ("ACTIVITY  PARAMETERS  MIN").
  const cells = cellsOf(text);
  if (cells.length >= 2 && !/\d/.test(withoutColumnDates(text))) {
    const first = cells[0]!;
    const names = labelSections(first.text.replace(/[:*]+$/, ''), false);
    if (names.length)
      return { name: names[0]!, names, start: first.start, end: first.end, rest: text.length };
  }
  const lead = LEAD.exec(text)![0].length;
  const body = text.slice(lead);
  const colon = body.indexOf(':');
  const sep = LABEL_END.exec(body);
  if (sep && sep.index <= MAX_LABEL) {
    const label = body.slice(0, sep.index).replace(/\**$/, '').trim();
    const names = labelSections(label, sep[0].includes(':'));
    if (names.length) return heading(names, lead, label, body, lead + sep.index + sep[0].length);
  }
  const runIn = RUN_IN.exec(body);
  if (runIn) {
    const label = runIn[1]!;
    const names = sectionsNamedTogether(label) ?? [sectionNamed(label)].filter((n) => n !== null);
    if (names.length && !isLetterSection(label))
      return heading([...names], lead, label, body, lead + runIn[0].length);
  }
  if (colon >= 0 && colon < MAX_LABEL) return null;
  const whole = LINE_HEADING.exec(body);
  // A line that ends a sentence ("Goals met.") is prose, not a heading; a heading's parenthetical
  // ("GOALS (to be met by 05/06/2026, within the 4-week program)") does not make it long.
  const withoutNote = whole ? body.trim().length - (whole[2]?.length ?? 0) : Infinity;
  if (!whole || withoutNote > MAX_LABEL + 10 || /[.!?]\s*$/.test(body)) return null;
  const label = whole[1]!.replace(/\**$/, '').trim();
  const names = labelSections(label, false);
  return names.length ? heading(names, lead, label, body, text.length) : null;
}

function heading(
  names: SectionName[],
  lead: number,
  label: string,
  body: string,
  rest: number,
): Heading {
  const start = lead + body.indexOf(label);
  return { name: names[0]!, names, start, end: start + label.length, rest };
}

/**
 * A measurement table whose header has a job-demand column ("Measure  Baseline  Current  Job
 * demand") sets current capacity against the job demands, as a "Job Demands" section would.
 */
const TABLE_HEADER_CUE =
  /\b(?:measure|test|task|item|baseline|current|result|initial|exit|capacity)\b/i;
const JOB_DEMAND_COLUMN =
  /\b(?:job|work|essential|critical)\s+(?:demands?|requirements?)\b|\bPDL\b|\bphysical demand level\b/i;

/** A header cell that is the job's column: "Job", "Job (Medium)", "Job req.", "Job demand". */
const JOB_CELL =
  /^(?:job|job req\.?|job demands?|job requirements?|PDL|demand)\b(?:\s*\([^)]*\))?$/i;
/**
 * A header cell of capacity measured now: "Now", "Current", "Entry 10/19", "Exit", "Tested", or
 * the day it was measured ("7/6 (exit)", "6/26").
 */
const CAPACITY_CELL =
  /^(?:now|current|entry|exit|tested|today|baseline|initial|eval(?:uation)?|result)\b|^\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?:\s*\([A-Za-z ]+\))?$/i;

function jobDemandColumn(text: string): { start: number; end: number } | null {
  // A header row with a job column beside a column of measured capacity.
  const cells = cellsOf(text);
  if (cells.length >= 3) {
    const job = cells.find((c) => JOB_CELL.test(c.text));
    if (job && cells.some((c) => c !== job && CAPACITY_CELL.test(c.text)))
      return { start: job.start, end: job.end };
  }
  // A header names columns: no numbers, no sentence punctuation.
  if (text.length > 100 || /\d|[.;]/.test(text) || !TABLE_HEADER_CUE.test(text)) return null;
  const m = JOB_DEMAND_COLUMN.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/**
 * A sentence that sets capacity against the job: "Light-Medium vs job Medium", "meets job
 * demands", "compared with the medium demand of his job he is 25 pounds short", "a measurable gap
 * between her capacity and a medium job".
 */
const JOB_COMPARISON =
  /\b(?:vs\.?|versus|against|compared\s+(?:to|with))\s+(?:the\s+)?(?:job|PDL|job demands?)\b|\bcompared\s+(?:to|with)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:(?:sedentary|light|medium|heavy)\s+)?(?:job\b|demands?\s+of\s+(?:the|his|her|their)\s+job\b)|\b\d+\s*(?:lbs?|pounds|#)\s+(?:force\s+)?short\b|\bgap\s+between\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:current\s+)?capacity\s+and\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:\w+\s+)?(?:job|demands)\b|\b(?:meets?|met|below|exceeds?|short of|gap to)\s+(?:the\s+|all\s+)?(?:job\s+demands?|job\s+requirements?|required\s+PDL)\b|\b(?:vs\.?|versus)\s+(?:the\s+)?(?:sedentary|light|medium[- ]heavy|medium|very heavy|heavy)\s+(?:demands?|PDL|job|required|requirements?)\b|[(;,]\s*job\s*:?\s*\d+(?:\.\d+)?\s*(?:lbs?|#|ft|feet|min|kg)\b|\b(?:job|position|job description|job analysis)\b[^.]{0,80}?\brequires?\b[^.]{0,40}?\d+\s*(?:lbs?|#|ft|feet|min|kg|hours?)\b|\bremaining gaps?\b|\blimited\s+for\s+(?:his|her|their|the)\s+job\b|\b(?:still\s+)?(?:fall|falls)\s+short\s+of\s+(?:her|his|their|the)\s+job\b/i;

/**
 * A clause that may run onto the next line, as a printed paragraph wraps ("... gait deviations
 * limiting" / "community ambulation"): matched on the line joined to the next line of its page,
 * starting on the line. Its page span, or null.
 */
function wrappedClause(
  re: RegExp,
  line: Line,
  next: Line | undefined,
): { start: number; end: number } | null {
  const joinable = next && next.page === line.page && !headingOf(next.text);
  const text = joinable ? `${line.text} ${next.text.trimStart()}` : line.text;
  const m = re.exec(text);
  if (!m || m.index >= line.text.length) return null;
  const end = m.index + m[0].length;
  if (end <= line.text.length) return { start: line.start + m.index, end: line.start + end };
  const indent = next!.text.length - next!.text.trimStart().length;
  return {
    start: line.start + m.index,
    end: next!.start + indent + (end - line.text.length - 1),
  };
}

/** The label of a field (a line, or a cell of a form's row) that records an activity's level. */
function functionalActivityField(text: string): { start: number; end: number } | null {
  // A row that bills a procedure ("97535  GO  ADL: meal prep  12") is a service furnished.
  if (/\b9\d{4}\b/.test(text)) return null;
  const cells = cellsOf(text);
  // A line of its own may be a bulleted item ("- Transfers: min A").
  const lead = /^[\s\-•*·●▪]*/.exec(text)![0].length;
  const fields = cells.length ? cells : [{ text: text.slice(lead).trim(), start: lead }];
  for (const cell of fields) {
    if (!FUNCTIONAL_ACTIVITY_FIELD.test(cell.text)) continue;
    return { start: cell.start, end: cell.start + cell.text.indexOf(':') };
  }
  return null;
}

/** The sections prose may state by a clause of its own (lexicon/sections), in reading order. */
const PROSE_CLAUSES: ReadonlyArray<readonly [SectionName, RegExp]> = [
  ['history', HISTORY_CLAUSE],
  ['assessment', ASSESSMENT_CLAUSE],
  ['plan', PLAN_CLAUSE],
];

/** A capitalised label with its colon after a sentence's end, inside a line. */
const RUN_IN_LABEL = /[a-z0-9)"'”’][.!?]\s+([A-Z][A-Za-z]{1,20}(?: [A-Za-z]{1,20}){0,2}):\s/g;
/**
 * Sections a run-in label may head: the closing parts of a report, never its opening ones, and
 * the history a subjective paragraph runs on into ("... Pain 3/10 at best. PMH: HTN, T2DM").
 */
const RUN_IN_SECTIONS: ReadonlySet<SectionName> = new Set(['plan', 'recommendations', 'history']);
/** The history's own labels, which only a history has ("Seen today. History: none" is a remark). */
const RUN_IN_HISTORY =
  /^(?:PMH|PSH|HPI|Hx|Past medical history|Medical history|Prior (?:tx|treatment|therapy|PT)|MOI|Mechanism of injury)$/i;

/** A field left empty on a printed form: "Clinical impression: —", "Prognosis: N/A", "Plan: ___". */
const PLACEHOLDER_VALUE = /^[\s—–\-_.]*$|^\s*(?:n\/?a|not applicable)\s*\.?\s*$/i;
/** A field's line: "Evaluation complexity: Moderate (97162)". */
const FIELD_LINE = /^\W*[A-Za-z][^:]{0,40}:\s*\S/;

/**
 * What a form says of its sections besides their headings: the sections whose own fields it
 * left empty ("Clinical impression: —"), filled, or wrote prose under. A section whose fields
 * are all empty, with no prose under its heading, is not there: its heading is the template's.
 */
class SectionContent {
  readonly blank = new Set<SectionName>();
  readonly filled = new Set<SectionName>();
  readonly prose = new Set<SectionName>();
  private open: readonly SectionName[] = [];

  /** Reads a line; true when it is a section field left empty. */
  read(text: string, h: Heading | null): boolean {
    if (h) {
      const value = text.slice(h.rest);
      // A field has its colon; a heading ruled off to the margin ("ASSESSMENT ____") has none.
      const isField = text.slice(0, h.rest).includes(':');
      if (isField && value.trim() !== '' && PLACEHOLDER_VALUE.test(value)) {
        for (const n of h.names) this.blank.add(n);
        return true;
      }
      if (value.trim() !== '') for (const n of h.names) this.filled.add(n);
      this.open = value.trim() === '' ? h.names : [];
      return false;
    }
    if (text.trim() !== '' && !FIELD_LINE.test(text)) for (const n of this.open) this.prose.add(n);
    return false;
  }

  /** Sections the form left empty: blank fields, and nothing written for them anywhere. */
  empty(): SectionName[] {
    return [...this.blank].filter((n) => !this.filled.has(n) && !this.prose.has(n));
  }
}

export function extractSections(lines: Line[], sink: FactSink): void {
  const seen = new Set<SectionName>();
  const content = new SectionContent();
  let limitation: { page: number; start: number; end: number } | null = null;
  /** The sections the last heading opened. */
  let region: readonly SectionName[] = [];
  let fieldLine: { line: Line; start: number; end: number } | null = null;
  for (const [i, line] of lines.entries()) {
    // "cc: Colleen Murtagh, Bayfront" under a letter's signature copies it; no chief complaint.
    const h = COPY_LIST.test(line.text) ? null : headingOf(line.text);
    const blankField = content.read(line.text, h);
    if (h && !blankField) {
      for (const name of h.names) {
        if (seen.has(name)) continue;
        seen.add(name);
        sink.add('section', name, line, h.start, h.end);
      }
    }
    // A label run into a paragraph after a sentence ("... symptoms 3/10 max. Plan: continue the
    // program as written") heads what follows it as a line of its own would.
    for (const m of line.text.matchAll(RUN_IN_LABEL)) {
      const at = m.index + m[0].lastIndexOf(`${m[1]!}:`);
      const run = headingOf(line.text.slice(at));
      if (!run || run.start !== 0) continue;
      for (const name of run.names) {
        if (seen.has(name) || !RUN_IN_SECTIONS.has(name)) continue;
        if (name === 'history' && !RUN_IN_HISTORY.test(m[1]!)) continue;
        seen.add(name);
        sink.add('section', name, line, at + run.start, at + run.end);
      }
    }
    // A table header row may head its rows by its first column and still set capacity against
    // the job in another ("Activity  Current  Job demand").
    // A heading may say it too ("OBJECTIVE - INTERIM TESTING vs JOB DEMANDS").
    const comparison = JOB_COMPARISON.exec(line.text);
    const col =
      jobDemandColumn(line.text) ??
      (comparison
        ? { start: comparison.index, end: comparison.index + comparison[0].length }
        : null);
    if (col && !seen.has('job-demands')) {
      seen.add('job-demands');
      sink.add('section', 'job-demands', line, col.start, col.end);
    }
    // An assessment written as prose states the functional limitations in a clause, also on
    // the heading's own line ("Assessment: ... deficits limiting climbing, squatting"); a
    // heading of their own, anywhere, is cited before it.
    if (!limitation) {
      const span = wrappedClause(FUNCTIONAL_LIMITATION_CLAUSE, line, lines[i + 1]);
      if (span) limitation = { page: line.page, ...span };
    }
    // A form states them as a field for an everyday activity ("Stairs: 12 steps with rail"):
    // the first such field, when nothing heads or states them.
    if (!fieldLine && !h) {
      const span = functionalActivityField(line.text);
      if (span) fieldLine = { line, ...span };
    }
    // Prose states a section where a form would head it: a dictated evaluation's history ("Past
    // medical history includes"), a letter's assessment ("In my assessment", "Her prognosis ...
    // is good") and the care it recommends, how often ("I recommend physical therapy three
    // times a week").
    for (const [name, clause] of PROSE_CLAUSES) {
      const span = h || seen.has(name) ? null : wrappedClause(clause, line, lines[i + 1]);
      if (!span) continue;
      seen.add(name);
      sink.addSpan('section', name, line.page, span.start, span.end);
    }
    // Prose says how the patient took the session where a form would head it ("He tolerated
    // the session well", "Tolerated well; pain 4/10 max", "No adverse response").
    if (h) region = h.names;
    // A visit entry written as one paragraph records the pain its session left after telling
    // the session ("... case picking 25 lb x 60 cases; Biering-Sorensen holds. LBP 2-3/10."): the
    // rating follows the account on its line, outside what the patient reported beforehand.
    const rating =
      h || region.includes('subjective') || region.includes('history')
        ? null
        : SYMPTOM_RATING_AFTER.exec(line.text);
    const response = h ? null : (RESPONSE_SENTENCE.exec(line.text) ?? rating);
    if (response && !seen.has('patient-response')) {
      seen.add('patient-response');
      // The quote starts at the sentence, not at the stop before it.
      const at = response.index + /^[\s.;,]*/.exec(response[0])![0].length;
      sink.add('section', 'patient-response', line, at, response.index + response[0].length);
    }
  }
  if (!seen.has('functional-limitations')) {
    if (limitation)
      sink.addSpan(
        'section',
        'functional-limitations',
        limitation.page,
        limitation.start,
        limitation.end,
      );
    else if (fieldLine)
      sink.add('section', 'functional-limitations', fieldLine.line, fieldLine.start, fieldLine.end);
  }
  const empty = content.empty();
  if (empty.length)
    for (const f of sink.facts.filter(
      (x) => x.kind === 'section' && empty.includes(x.value as SectionName),
    ))
      sink.remove(f);
}

/** The lines under each heading of the given names, up to the next heading. */
export function regionsOf(
  lines: Line[],
  names: ReadonlySet<SectionName>,
): Array<{ heading: Line; h: Heading; body: Line[] }> {
  const out: Array<{ heading: Line; h: Heading; body: Line[] }> = [];
  let current: { heading: Line; h: Heading; body: Line[] } | null = null;
  for (const [i, line] of lines.entries()) {
    const h = headingOf(line.text);
    if (h) {
      current = h.names.some((n) => names.has(n)) ? { heading: line, h, body: [] } : null;
      if (current) out.push(current);
      continue;
    }
    // "## Billing" (or "Billing" over "-------") heads a section of its own, whether or not its
    // words name one.
    if (isMarkdownHeading(line.text) || isUnderlinedHeading(line.text, lines[i + 1]?.text ?? ''))
      current = null;
    else current?.body.push(line);
  }
  return out;
}
