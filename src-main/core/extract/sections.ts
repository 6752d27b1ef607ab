/** Section headings, normalized to SectionName, and the regions they head. */
import type { SectionName } from '../../../shared/model';
import type { FactSink } from './facts';
import type { Line } from './lines';

/** Heading vocabulary per section. Single letters (S:/O:/A:/P:) need their colon. */
export const SECTION_HEADINGS: ReadonlyArray<{ name: SectionName; label: string }> = [
  {
    name: 'subjective',
    label: String.raw`Subjective(?: Complaints?| Report)?|S(?=\s*:)|Chief Complaint|Patient Report`,
  },
  {
    name: 'objective',
    label: String.raw`Objective(?: Findings| Measures| Data| Testing)?|O(?=\s*:)|Physical Exam(?:ination)?|Tests and Measures|Examination`,
  },
  {
    name: 'assessment',
    label: String.raw`Assessment|Clinical Impression|Impression|A(?=\s*:)|Clinical Assessment`,
  },
  {
    name: 'frequency-duration',
    label: String.raw`Frequency\s*(?:\/|&|and)\s*Duration|Frequency|Duration|Plan Frequency`,
  },
  {
    name: 'plan',
    label: String.raw`Plan(?: of Care)?|Treatment Plan|P(?=\s*:)|Plan for Next Visit|Next Visit`,
  },
  {
    name: 'history',
    label: String.raw`History(?: of (?:Present )?(?:Illness|Injury|Condition))?|HPI|Past Medical History|PMH|Medical History|Mechanism of Injury|Prior Treatment|Prior Level of Function`,
  },
  {
    name: 'diagnosis',
    label: String.raw`Diagnos[ie]s|Treatment Diagnosis|Medical Diagnosis|Dx|ICD-?10(?: Codes?)?|Reason for Referral`,
  },
  {
    name: 'goals',
    label: String.raw`(?:Short|Long)[- ]?Term Goals?|STGs?|LTGs?|Goals?|Functional Goals|Treatment Goals|Goal Status|Progress Toward Goals`,
  },
  { name: 'prognosis', label: String.raw`Prognosis|Rehab(?:ilitation)? Potential` },
  {
    name: 'functional-limitations',
    label: String.raw`Functional (?:Limitations|Deficits|Status)|Limitations|Impairments|Problem List`,
  },
  {
    name: 'job-demands',
    label: String.raw`Job Demands|Job Requirements|Physical Demands|Essential (?:Job )?Functions|Job Description|Work Demands|Critical Job Demands`,
  },
  {
    name: 'interventions',
    label: String.raw`Interventions?|Treatment(?: Provided| Performed| Rendered| Today)?|Procedures|Exercises?|Activities|Work Simulation|Program Activities|Therapeutic Activities`,
  },
  {
    name: 'patient-response',
    label: String.raw`Patient Response|Response to (?:Treatment|Tx|Intervention)|Tolerance(?: to Treatment)?|Pt Response`,
  },
  {
    name: 'recommendations',
    label: String.raw`Recommendations?|RTW Recommendations?|Work Status Recommendations?|Return to Work Recommendations?`,
  },
];

const HEADING_RES = SECTION_HEADINGS.map(({ name, label }) => ({
  name,
  re: new RegExp(
    String.raw`^[\s\-•*#]{0,3}(${label})\b(?:\s*\([^)]{0,30}\))?\s*(?::|-\s|–|$)`,
    'i',
  ),
}));

export interface Heading {
  name: SectionName;
  /** Span of the heading label within the line. */
  start: number;
  end: number;
  /** Offset where the text after the heading starts. */
  rest: number;
}

export function headingOf(text: string): Heading | null {
  for (const { name, re } of HEADING_RES) {
    const m = re.exec(text);
    if (!m) continue;
    const start = m[0].indexOf(m[1]!);
    const afterLabel = start + m[1]!.length;
    // "Plan: continue" is a heading; "Plan to progress lifting" is prose.
    const hasColon = /^\s*(?:\([^)]*\))?\s*[:\-–]/.test(text.slice(afterLabel));
    if (!hasColon && text.slice(afterLabel).trim() !== '') continue;
    return { name, start, end: afterLabel, rest: m[0].length };
  }
  return null;
}

/**
 * A measurement table whose header has a job-demand column ("Measure  Baseline  Current  Job
 * demand") sets current capacity against the job demands, as a "Job Demands" section would.
 */
const TABLE_HEADER_CUE =
  /\b(?:measure|test|task|item|baseline|current|result|initial|exit|capacity)\b/i;
const JOB_DEMAND_COLUMN =
  /\b(?:job|work|essential|critical)\s+(?:demands?|requirements?)\b|\bPDL\b|\bphysical demand level\b/i;

function jobDemandColumn(text: string): { start: number; end: number } | null {
  // A header names columns: no numbers, no sentence punctuation.
  if (text.length > 100 || /\d|[.;]/.test(text) || !TABLE_HEADER_CUE.test(text)) return null;
  const m = JOB_DEMAND_COLUMN.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

export function extractSections(lines: Line[], sink: FactSink): void {
  const seen = new Set<SectionName>();
  for (const line of lines) {
    const h = headingOf(line.text);
    if (h && !seen.has(h.name)) {
      seen.add(h.name);
      sink.add('section', h.name, line, h.start, h.end);
      continue;
    }
    const col = h ? null : jobDemandColumn(line.text);
    if (col && !seen.has('job-demands')) {
      seen.add('job-demands');
      sink.add('section', 'job-demands', line, col.start, col.end);
    }
  }
}

/** The lines under each heading of the given names, up to the next heading. */
export function regionsOf(
  lines: Line[],
  names: ReadonlySet<SectionName>,
): Array<{ heading: Line; h: Heading; body: Line[] }> {
  const out: Array<{ heading: Line; h: Heading; body: Line[] }> = [];
  let current: { heading: Line; h: Heading; body: Line[] } | null = null;
  for (const line of lines) {
    const h = headingOf(line.text);
    if (h) {
      current = names.has(h.name) ? { heading: line, h, body: [] } : null;
      if (current) out.push(current);
      continue;
    }
    current?.body.push(line);
  }
  return out;
}
