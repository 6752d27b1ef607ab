import type { EpisodeDocument } from '../../../../../shared/episode';
import type { IsoDate } from '../../../../../shared/model';
import { linesByDate } from '../../lib/billing';
import { evidenceFromDocument, evidenceFromLine } from '../../lib/evidence';
import {
  EVALUATION_CODES,
  REEVALUATION_CODES,
  disciplineOfLine,
  docDate,
  docsOfType,
  hasFact,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

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
    severity: 'error',
    payers: ['ALL'],
  },
  check(episode) {
    const notes = docsOfType(episode, 'daily-note');
    const evals = docsOfType(episode, 'evaluation', 're-evaluation');
    const findings: RuleFinding[] = [];
    for (const n of notes.filter((x) => !docDate(x))) {
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
    const supporting: EpisodeDocument[] = [];
    // Looked up per billed line: index the documents by date once (document order kept).
    const notesOn = byDocDate(notes);
    const evalsOn = byDocDate(evals);
    for (const [dos, lines] of linesByDate(episode.billing)) {
      const dayNotes = notesOn.get(dos) ?? [];
      const dayEvals = evalsOn.get(dos) ?? [];
      // Evaluation codes are documented by the evaluation itself; other codes need a treatment
      // note, which an evaluation that records the interventions also is (rules.md edge case).
      const evalCodes = lines.filter(
        (l) => EVALUATION_CODES.has(l.code) || REEVALUATION_CODES.has(l.code),
      );
      const treatment = lines.filter((l) => !evalCodes.includes(l));
      const sameDiscipline = (
        doc: EpisodeDocument,
        disc: ReturnType<typeof disciplineOfLine>,
      ): boolean => !disc || !doc.discipline || doc.discipline === disc;
      const missing: string[] = [];
      const evidence = [];
      for (const line of treatment) {
        const disc = disciplineOfLine(line);
        const note =
          dayNotes.find((n) => sameDiscipline(n, disc)) ??
          dayEvals.find((e) => sameDiscipline(e, disc) && hasFact(e, 'intervention'));
        if (note) supporting.push(note);
        else {
          missing.push(`${line.code}${disc ? ` (${disc})` : ''}`);
          evidence.push(evidenceFromLine(line));
        }
      }
      for (const line of evalCodes) {
        const disc = disciplineOfLine(line);
        const doc = dayEvals.find((e) => sameDiscipline(e, disc));
        if (doc) supporting.push(doc);
        else {
          missing.push(`${line.code} (evaluation document)`);
          evidence.push(evidenceFromLine(line));
        }
      }
      if (missing.length) {
        findings.push({
          status: 'fail',
          message: `No treatment note for billed DOS ${dos} (${[...new Set(missing)].join(', ')}).`,
          dates: [dos],
          evidence,
        });
      }
    }
    // Notes with no billed line on their date: advisory only (rules.md: orphans -> info).
    const billed = new Set(episode.billing.map((l) => l.dos));
    for (const n of notes) {
      const d = docDate(n);
      if (!d || billed.has(d)) continue;
      findings.push({
        status: 'fail',
        severity: 'info',
        message: `Treatment note dated ${d} has no billed service on that date.`,
        dates: [d],
        evidence: [evidenceFromDocument(n)],
      });
    }
    if (findings.length) return findings;
    const docs = [...new Set(supporting)];
    return [
      {
        status: 'pass',
        message: `Every billed date of service (${billed.size}) has a treatment note.`,
        dates: [...billed].sort() as IsoDate[],
        evidence: docs.map((d) => evidenceFromDocument(d)),
      },
    ];
  },
};
