import type { EpisodeBillingLine, EpisodeDocument } from '../../../../../shared/episode';
import type { Discipline, Evidence, IsoDate } from '../../../../../shared/model';
import { linesByDate } from '../../lib/billing';
import { evidenceFromDocument, evidenceFromLine } from '../../lib/evidence';
import {
  EVALUATION_CODES,
  REEVALUATION_CODES,
  disciplineOfLine,
  docDate,
  docsOfOneType,
  docsOfType,
  hasFactOfKind,
  NO_DOCS,
  WORK_PROGRAM_CODES,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

function isEvaluationCode(line: EpisodeBillingLine): boolean {
  return EVALUATION_CODES.has(line.code) || REEVALUATION_CODES.has(line.code);
}

/** A document of the line's discipline, or either discipline unknown. */
function sameDiscipline(doc: EpisodeDocument, disc: Discipline | null): boolean {
  return !disc || !doc.discipline || doc.discipline === disc;
}

/**
 * The note documenting a treatment line: a same-discipline note, else an evaluation, progress
 * report or discharge summary of that day that records the treatment given (its interventions or
 * its services' minutes).
 */
function noteFor(
  disc: Discipline | null,
  dayNotes: readonly EpisodeDocument[],
  dayEvals: readonly EpisodeDocument[],
): EpisodeDocument | undefined {
  for (const n of dayNotes) if (sameDiscipline(n, disc)) return n;
  for (const e of dayEvals)
    if (
      sameDiscipline(e, disc) &&
      (hasFactOfKind(e, 'intervention') || hasFactOfKind(e, 'service-minutes'))
    )
      return e;
  return undefined;
}

function evaluationFor(
  disc: Discipline | null,
  dayEvals: readonly EpisodeDocument[],
): EpisodeDocument | undefined {
  for (const e of dayEvals)
    if ((e.type === 'evaluation' || e.type === 're-evaluation') && sameDiscipline(e, disc))
      return e;
  return undefined;
}

/** Appends the item unless the list already holds it (first-use order kept). */
function addOnce<T>(list: T[], item: T): void {
  if (!list.includes(item)) list.push(item);
}

/** Dated documents grouped by date, each group in document order. */
function byDocDate(docs: readonly EpisodeDocument[]): Map<IsoDate, EpisodeDocument[]> {
  const map = new Map<IsoDate, EpisodeDocument[]>();
  for (const d of docs) {
    const date = docDate(d);
    if (!date) continue;
    const list = map.get(date);
    if (list) list.push(d);
    else map.set(date, [d]);
  }
  return map;
}

export const docDailyPresent: Rule = {
  meta: {
    id: 'DOC-DAILY-PRESENT',
    title: 'Treatment note for every billed date of service',
    group: 'documentation',
    source:
      'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.E (treatment note required for every treatment day and every therapy service)',
    sources: [
      {
        text: 'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.E (treatment note required for every treatment day and every therapy service)',
        payers: ['medicare'],
      },
    ],
    severity: 'error',
    payers: ['ALL'],
    decided: [
      "A work program (97545/97546) is one interdisciplinary service: a day's note by the PT or the OT who ran the session documents the program's lines, whatever therapy modifier they carry; the program's evaluation, plan and progress reports are likewise the program's, not one discipline's (lib/documents knownDisciplines counts only the disciplines its billing names).",
    ],
  },
  check(episode) {
    const notes = docsOfOneType(episode, 'daily-note');
    const findings: RuleFinding[] = [];
    for (const n of notes) {
      if (docDate(n)) continue;
      findings.push({
        status: 'warn',
        message: `A treatment note ("${n.title}") has no readable date, so it cannot be matched to a billed date of service.`,
        dates: [],
        evidence: [evidenceFromDocument(n)],
      });
    }
    if (episode.billing.length === 0) {
      if (findings.length) return findings;
      return [
        {
          status: 'n/a',
          message: 'No billing lines were imported, so billed dates cannot be matched to notes.',
          dates: [],
          evidence: [],
        },
      ];
    }
    // The supporting documents in first-use order, for the pass evidence (a list: few documents).
    const supporting: EpisodeDocument[] = [];
    // Looked up per billed line: index the documents by date once (document order kept).
    const notesOn = byDocDate(notes);
    const evalsOn = byDocDate(
      docsOfType(episode, 'evaluation', 're-evaluation', 'progress-report', 'discharge-summary'),
    );
    const fcesOn = byDocDate(docsOfOneType(episode, 'fce'));
    const linesOn = linesByDate(episode.billing);
    // By key, not by entry: each entry would be a new [date, lines] pair.
    for (const dos of linesOn.keys()) {
      const lines = linesOn.get(dos)!;
      const dayNotes = notesOn.get(dos) ?? NO_DOCS;
      const dayEvals = evalsOn.get(dos) ?? NO_DOCS;
      // Evaluation codes are documented by the evaluation itself; other codes need a treatment
      // note, which an evaluation that records the interventions also is (rules.md edge case).
      // Treatment lines are reported first, then evaluation lines.
      let missing: string[] | null = null;
      let evidence: Evidence[] | null = null;
      // Indexed loops: a for-of over an array allocates a result per element until optimized.
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        if (isEvaluationCode(line)) continue;
        // A work program's note is the program's, whichever discipline ran the session.
        const disc = WORK_PROGRAM_CODES.has(line.code) ? null : disciplineOfLine(line);
        // A functional capacity evaluation billed as physical performance testing (97750) is
        // documented by its FCE report.
        const note =
          noteFor(disc, dayNotes, dayEvals) ??
          (line.code === '97750' ? (fcesOn.get(dos) ?? NO_DOCS)[0] : undefined);
        if (note) addOnce(supporting, note);
        else {
          (missing ??= []).push(`${line.code}${disc ? ` (${disc})` : ''}`);
          (evidence ??= []).push(evidenceFromLine(line));
        }
      }
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        if (!isEvaluationCode(line)) continue;
        // An entry FCE written as the program's evaluation documents the evaluation billed with it
        // (rules.md DOC-EVAL-PRESENT: "a payer-accepted FCE/entry evaluation for the program").
        const doc =
          evaluationFor(disciplineOfLine(line), dayEvals) ?? (fcesOn.get(dos) ?? NO_DOCS)[0];
        if (doc) addOnce(supporting, doc);
        else {
          (missing ??= []).push(`${line.code} (evaluation document)`);
          (evidence ??= []).push(evidenceFromLine(line));
        }
      }
      if (missing && evidence) {
        findings.push({
          status: 'fail',
          message: `No treatment note for billed DOS ${dos} (${[...new Set(missing)].join(', ')}).`,
          dates: [dos],
          evidence,
        });
      }
    }
    // Notes with no billed line on their date: advisory only (rules.md: orphans -> info).
    // The billed dates are the keys of the lines by date (sorted).
    for (const n of notes) {
      const d = docDate(n);
      if (!d || linesOn.has(d)) continue;
      findings.push({
        status: 'fail',
        severity: 'info',
        message: `Treatment note dated ${d} has no billed service on that date.`,
        dates: [d],
        evidence: [evidenceFromDocument(n)],
      });
    }
    if (findings.length) return findings;
    const evidence = supporting.map((d) => evidenceFromDocument(d));
    return [
      {
        status: 'pass',
        message: `Every billed date of service (${linesOn.size}) has a treatment note.`,
        dates: Array.from(linesOn.keys()).sort(),
        evidence,
      },
    ];
  },
};
