import type { EpisodeDocument } from '../../../../../shared/episode';
import type { IsoDate } from '../../../../../shared/model';
import { evidenceFromDocument, factsOf } from '../../lib/evidence';
import {
  docDate,
  docsOfType,
  hasFact,
  hasSection,
  isMeasurableGoal,
  listText,
  signatureStatus,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

/** Consecutive notes with identical intervention text that count as cloned (rules.md). */
const CLONE_RUN = 3;

/** Elements (1)-(4) of BPM §220.3.E missing from a treatment note, and the recommended (5). */
export function missingNoteElements(
  doc: EpisodeDocument,
  opts: { programDay: boolean; recommended: boolean },
): { required: string[]; recommended: string[] } {
  const required: string[] = [];
  const recommended: string[] = [];
  const interventions = factsOf(doc, 'intervention');
  if (interventions.length === 0 && !hasSection(doc, 'interventions'))
    required.push('the interventions furnished');
  // For 97545 the work-simulation activities need their parameters (loads, reps, distances).
  else if (opts.programDay && !interventions.some((f) => isMeasurableGoal(f.value))) {
    required.push(
      'parameters of the work-conditioning activities (loads, reps, distances, durations)',
    );
  }
  const timed =
    hasFact(doc, 'total-minutes', 'timed-minutes') ||
    (hasFact(doc, 'time-in') && hasFact(doc, 'time-out'));
  if (!timed) required.push('total treatment time');
  const sig = signatureStatus(doc);
  if (sig.status === 'unsigned') required.push('signature');
  else if (sig.missing.includes('credentials'))
    required.push('professional identification (credentials)');
  if (opts.recommended && !hasSection(doc, 'patient-response', 'assessment')) {
    recommended.push('patient response / tolerance');
  }
  return { required, recommended };
}

function interventionKey(doc: EpisodeDocument): string {
  return factsOf(doc, 'intervention')
    .map((f) => f.value.trim().toLowerCase())
    .sort()
    .join('\n');
}

export const docDailyContent: Rule = {
  meta: {
    id: 'DOC-DAILY-CONTENT',
    title: 'Treatment note content',
    group: 'documentation',
    source:
      'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.E (treatment note elements)',
    severity: 'error',
    payers: ['ALL'],
  },
  check(episode) {
    const notes = docsOfType(episode, 'daily-note');
    if (notes.length === 0) return [];
    const programDates = new Set(
      episode.billing.filter((l) => l.code === '97545').map((l) => l.dos),
    );
    const recommended =
      episode.payer.kind === 'workers-comp' || episode.payer.kind === 'commercial';
    const findings: RuleFinding[] = [];
    for (const doc of notes) {
      const date = docDate(doc);
      if (!date) {
        findings.push({
          status: 'warn',
          message: `A treatment note ("${doc.title}") has no readable date of service; its content cannot be tied to a billed date.`,
          dates: [],
          evidence: [evidenceFromDocument(doc)],
        });
        continue;
      }
      const programDay =
        programDates.has(date) || (programDates.size === 0 && hasFact(doc, 'program-type'));
      const { required, recommended: rec } = missingNoteElements(doc, { programDay, recommended });
      if (required.length === 0 && rec.length === 0) continue;
      findings.push({
        status: 'fail',
        ...(required.length === 0 ? { severity: 'warning' as const } : {}),
        message: `Treatment note ${date} is missing ${listText([...required, ...rec])}.`,
        dates: [date],
        evidence: [evidenceFromDocument(doc)],
      });
    }
    // Cloned notes: identical intervention text on 3+ consecutive notes (warning).
    const dated = notes.filter((n) => docDate(n) && factsOf(n, 'intervention').length > 0);
    let run: EpisodeDocument[] = [];
    const flush = (): void => {
      if (run.length >= CLONE_RUN) {
        const dates = run.map((n) => docDate(n) as IsoDate);
        findings.push({
          status: 'fail',
          severity: 'warning',
          message: `Treatment notes ${dates[0]} through ${dates[dates.length - 1]} (${run.length} consecutive notes) repeat identical intervention text, which reads as cloned documentation.`,
          dates,
          evidence: run.map((n) => evidenceFromDocument(n, ['intervention'])),
        });
      }
    };
    for (const n of dated) {
      if (
        run.length &&
        interventionKey(run[run.length - 1] as EpisodeDocument) !== interventionKey(n)
      ) {
        flush();
        run = [];
      }
      run.push(n);
    }
    flush();
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        message: `All ${notes.length} treatment notes record the interventions, treatment time and a credentialed signature.`,
        dates: notes.map(docDate).filter((d): d is IsoDate => !!d),
        evidence: notes.map((n) => evidenceFromDocument(n)),
      },
    ];
  },
};
