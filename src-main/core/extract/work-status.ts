/** Work-program facts: diagnosis, job title, physical demand level, RTW status, program type, plateau, re-eval indication. */
import type { DocType } from '../../../shared/model';
import type { FactSink } from './facts';
import { matchesOverBreak, type Line } from './lines';
import { headingOf } from './sections';
import { LIST_MARKER, tickedText } from './layout';
import { firstAffirmed } from '../lexicon/negation';
import { CONDITION } from '../lexicon/conditions';

const ICD10 = /\b[A-TV-Z]\d{2}\.[0-9A-Z]{1,4}\b/g;
const DIAGNOSIS_LABEL =
  /^\W*(?:(?:Treatment |Medical |Primary |Secondary |Referring )?Diagnos[ie]s|Dx|ICD-?10(?: Codes?)?)\s*(?:\d\s*)?[:#-]\s*/i;
const JOB_TITLE = /\b(?:Job Title|Occupation|Position|Job|Employment)\s*:\s*/i;
const PDL_WORD = '(?:sedentary|light|medium[- ]heavy|medium|very heavy|heavy)';
/**
 * A physical demand level: "Medium PDL", "medium-heavy demands of his job", "PDL: Heavy", "DOT
 * strength: MEDIUM-HEAVY (...)" (the DOT's strength rating, not a muscle test: a level word follows),
 * "vs job requirement HEAVY", "vs HEAVY required", "Tested capacity HEAVY".
 */
const PDL = new RegExp(
  `\\b(?:${PDL_WORD}(?:\\s*(?:-|to|\\/)\\s*(?:light|medium|heavy|very heavy))?\\s+(?:PDL|physical demands? (?:level|category|rating)|physical demand\\b(?!\\s+(?:of|for|in)\\b)|work level|duty level|demand level|category|demands? of (?:the|his|her|their) (?:job|work|position))|(?:PDL|physical demand (?:level|category)|work level)(?:\\s+(?:at|on|@)\\s+[\\w/.]+)?\\s*:?\\s*(?:of\\s+)?${PDL_WORD}|(?:DOT\\s+)?strength(?:\\s+(?:level|rating|category))?\\s*:\\s*${PDL_WORD}(?=\\s*(?:$|\\(|\\.|,|;))|(?:job|work)\\s+(?:requirements?|demands?)\\s*:?\\s*(?:is\\s+|of\\s+)?${PDL_WORD}(?!\\s+(?:PDL|physical demand))|${PDL_WORD}\\s+(?:required|requirement)|(?:tested\\s+|current\\s+)?capacity\\s+(?:is\\s+|of\\s+|at\\s+)?${PDL_WORD}(?:\\s*(?:-|to|\\/)\\s*(?:light|medium|heavy|very heavy))?)\\b`,
  'gi',
);
/** "Occupation" or "Job" alone on its line: the job is the first thing written under it. */
const JOB_HEADING =
  /^\W*(?:Occupation|Job|Job title|Employment|Work status and occupation)\s*:?\s*$/i;
const RTW =
  /\b(?:return(?:ed)? to (?:full|regular|unrestricted)[ -]duty|(?:full|regular|unrestricted)(?:\s*\((?:full|regular|unrestricted)\))?[ -]duty|return to work (?:without|with no) restrictions|modified[ -]duty|light[ -]duty|restricted[ -]duty|transitional[ -]duty|not (?:ready|able|cleared) to return(?: to work)?|unable to return to work|remain(?:s)? off work|off work)\b/gi;
const PROGRAM = /\bwork (conditioning|hardening)\b/i;
const PLATEAU =
  /(?<!\bnot\s|\bno\s|\bhas not\s|\bhave not\s)\bplateau(?:ed|ing|s)?\b[^.;\n]{0,60}/i;
const REEVAL_LINE =
  /\bre-?\s?(?:evaluat\w*|eval|assess\w*)\b|\breason for re-?\s?(?:evaluation|assessment)\b/i;
const REEVAL_INDICATION =
  /\b(?:new (?:(?:clinical|objective|exam|neuro(?:logical)?)\s+)?(?:symptoms?|findings?|injury|complaints?|onset)|plateau(?:ed)? (?:of|in) (?:\w+\s+){0,3}?(?:progress|flexion|extension|motion|ROM|strength|function|gains?)|(?:significant |a )?change in (?:condition|status|medical status|functional status)|(?:recent |a )?fall\b|re-?injury|exacerbation|failure to (?:progress|respond)|not responding to treatment|(?:recent|new|underwent|had)\s+(?:\w+\s+)?surgery|new diagnosis|hospitali[sz]ation)\b[^.;\n]{0,40}/i;

export function extractWorkStatus(lines: Line[], type: DocType, sink: FactSink): void {
  let inDiagnosis = false;
  let jobUnder = false;
  lines.forEach((line, i) => {
    const t = line.text;
    const h = headingOf(t);
    // A heading with its value on the line ("Dx: M75.121 ...") is a field: the lines under it
    // are other fields ("Treating clinician: ..."), not more diagnoses.
    if (h) inDiagnosis = h.name === 'diagnosis' && !/[A-Za-z0-9]/.test(t.slice(h.rest));
    else if (t.trim() === '') inDiagnosis = false;
    diagnosis(line, inDiagnosis, sink);
    if (h?.name === 'assessment' && EVALUATING.has(type)) impressionDiagnosis(line, h.rest, sink);

    const job = JOB_TITLE.exec(t);
    if (job) {
      const start = job.index + job[0].length;
      const end = fieldEnd(t, start);
      if (/[A-Za-z]{3}/.test(t.slice(start, end)))
        sink.add('job-title', t.slice(start, end), line, start, end);
    } else if (JOB_HEADING.test(t)) jobUnder = true;
    else if (jobUnder && t.trim() !== '') {
      jobUnder = false;
      // "> HVAC Service Technician II, Comfort Air Mechanical (Smyrna GA), 11 years": the title
      // is what comes before the employer.
      const start = LIST_MARKER.exec(t)?.[0].length ?? t.length - t.trimStart().length;
      const comma = t.indexOf(',', start);
      const end = comma > start ? comma : fieldEnd(t, start);
      if (/[A-Za-z]{3}/.test(t.slice(start, end)) && end - start <= 60)
        sink.add('job-title', t.slice(start, end).trim(), line, start, end);
    }
    // On a form only the ticked choice is said ("RTW: [ ] Full duty [X] Modified duty").
    const said = tickedText(t);
    for (const m of said.matchAll(PDL))
      sink.add(
        'physical-demand-level',
        m[0].replace(/\s+/g, ' '),
        line,
        m.index,
        m.index + m[0].length,
      );
    for (const m of said.matchAll(RTW))
      sink.add('rtw-status', m[0], line, m.index, m.index + m[0].length);
    // A status wrapped in an assessment's prose ("ON TRACK FOR FULL" / "DUTY BY PLANNED END").
    if (said === t)
      for (const m of matchesOverBreak(line, lines[i + 1], RTW))
        sink.addSpan('rtw-status', m.text, line.page, m.start, m.end);
    // "Therapy: [X] PT  [ ] Work hardening" orders no program.
    const program = PROGRAM.exec(said);
    if (program) {
      const value =
        program[1]!.toLowerCase() === 'conditioning' ? 'work-conditioning' : 'work-hardening';
      if (!sink.facts.some((f) => f.kind === 'program-type' && f.value === value)) {
        sink.add('program-type', value, line, program.index, program.index + program[0].length);
      }
    }
    const plateau = firstAffirmed(t, PLATEAU);
    if (plateau)
      sink.add('plateau', plateau[0], line, plateau.index, plateau.index + plateau[0].length);
    if (type === 're-evaluation' || REEVAL_LINE.test(t)) {
      // "No new symptoms, no falls, no change in condition" gives no indication.
      const r = firstAffirmed(t, REEVAL_INDICATION);
      if (r) sink.add('reeval-indication', r[0], line, r.index, r.index + r[0].length);
    }
  });
}

function fieldEnd(text: string, from: number): number {
  const m = /[ \t]{2,}|\t|\|/.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

/** Documents whose assessment states the diagnosis the plan treats. */
const EVALUATING: ReadonlySet<DocType> = new Set(['evaluation', 're-evaluation', 'plan-of-care']);
/** How far into the impression its condition may be named: its subject, not a later remark. */
const IMPRESSION_SUBJECT_WORDS = 8;

/**
 * A therapist's impression that names the condition treated ("Assessment: cervical/thoracic
 * sprain-strain (WAD grade II) with pain ...") states the diagnosis, as a Dx label would: its
 * subject, up to "with" or the sentence's end, when a condition is named in its first words.
 */
function impressionDiagnosis(line: Line, from: number, sink: FactSink): void {
  if (sink.facts.some((f) => f.kind === 'diagnosis')) return;
  const t = line.text;
  const rest = t.slice(from);
  const lead = rest.length - rest.trimStart().length;
  const start = from + lead;
  const stop = /\s+(?:with|which|that|who|and (?:is|has|was))\b|[.;]\s|[.;]?$/i.exec(
    t.slice(start),
  );
  const clause = t.slice(start, start + (stop?.index ?? t.length - start));
  const subject = clause.replace(/[\s,;:]+$/, '');
  const end = start + subject.length;
  const m = CONDITION.exec(subject);
  if (!m || subject.slice(0, m.index).split(/\s+/).length > IMPRESSION_SUBJECT_WORDS) return;
  sink.add('diagnosis', subject, line, start, end);
}

/**
 * A form's date field under the diagnoses, as its prompt ("Date of referral / order"), its answer
 * under it ("2026-03-03 (signed order on file)") or both on a line: no diagnosis.
 */
const DATE_VALUE = String.raw`(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})\b`;
const DATED_FIELD = new RegExp(
  String.raw`^\s*date\b[^:]{0,40}(?::\s*${DATE_VALUE}.*)?$|^\s*${DATE_VALUE}\s*(?:\([^)]*\))?\s*$`,
  'i',
);

/** One fact per ICD-10 code with its description; a labeled diagnosis without codes as one fact. */
function diagnosis(line: Line, inSection: boolean, sink: FactSink): void {
  const t = line.text;
  const label = DIAGNOSIS_LABEL.exec(t);
  const codes = [...t.matchAll(ICD10)];
  if (codes.length > 0) {
    codes.forEach((m, i) => {
      const start = m.index ?? 0;
      const next = codes[i + 1]?.index ?? t.length;
      const sep = /[;,|]|[ \t]{2,}/.exec(t.slice(start + m[0].length, next));
      const end = sep ? start + m[0].length + sep.index : next;
      sink.add('diagnosis', t.slice(start, end).replace(/\s+/g, ' '), line, start, end);
    });
    return;
  }
  if (label) {
    const start = label.index + label[0].length;
    if (/[A-Za-z]{3}/.test(t.slice(start)))
      sink.add('diagnosis', t.slice(start), line, start, t.length);
  } else if (inSection && !headingOf(t) && /[A-Za-z]{3}/.test(t) && !DATED_FIELD.test(t)) {
    const b = /^\s*(?:[-•*]|\d{1,2}[.)])?\s*/.exec(t)!;
    sink.add('diagnosis', t.slice(b[0].length), line, b[0].length, t.length);
  }
}
