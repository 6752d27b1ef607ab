import type { EpisodeDocument } from '../../../../../shared/episode';
import type { Discipline, IsoDate } from '../../../../../shared/model';
import { evidenceFromDocument, evidenceFromLine } from '../../lib/evidence';
import {
  daysBetween,
  disciplineOfLine,
  docDate,
  docsOfType,
  evidenceForDay,
  knownDisciplines,
  programDatesView,
  treatmentDaysView,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

export const docEvalPresent: Rule = {
  meta: {
    id: 'DOC-EVAL-PRESENT',
    title: 'Initial evaluation on or before the first date of service',
    group: 'documentation',
    source:
      'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.C (evaluation required) and §220.1.2 (plan based on the evaluation)',
    sources: [
      {
        text: 'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.C (evaluation required) and §220.1.2 (plan based on the evaluation)',
        payers: ['medicare'],
      },
    ],
    severity: 'error',
    payers: ['ALL'],
    unverified: [
      'Re-entry after more than reentryGapDays without treatment needs a new evaluation (heuristic)',
    ],
  },
  check(episode, profile) {
    const days = treatmentDaysView(episode);
    if (days.length === 0) return [];
    const program = programDatesView(episode);
    // The catalog anchors on the first work-conditioning DOS; other episodes on the first visit.
    const firstDos = program[0] ?? (days[0]?.date as IsoDate);
    const label = program.length
      ? 'first work-conditioning date of service'
      : 'first date of service';
    // An FCE / entry evaluation may serve as the baseline for WC and commercial payers, but does
    // not replace the treating therapist's evaluation for Medicare (rules.md DOC-EVAL-PRESENT).
    const types =
      episode.payer.kind === 'medicare'
        ? (['evaluation'] as const)
        : (['evaluation', 'fce'] as const);
    const evals = docsOfType(episode, ...types);
    const disciplines = knownDisciplines(episode);
    const streams: Array<Discipline | null> = disciplines.length > 1 ? disciplines : [null];
    const findings: RuleFinding[] = [];
    const passing: EpisodeDocument[] = [];
    for (const disc of streams) {
      const prefix = disc ? `${disc}: ` : '';
      const mine = evals.filter((e) => !disc || !e.discipline || e.discipline === disc);
      const firstForDisc = disc
        ? (episode.billing.find((l) => disciplineOfLine(l) === disc)?.dos ?? firstDos)
        : firstDos;
      const dated = mine.filter((e) => docDate(e));
      // The therapist's own evaluation is the one to name when there is one; an FCE only stands in.
      const inTime = dated.filter((e) => (docDate(e) as IsoDate) <= firstForDisc);
      const ok = inTime.find((e) => e.type === 'evaluation') ?? inTime[0];
      if (ok) {
        passing.push(ok);
        continue;
      }
      const firstLine = episode.billing.find((l) => l.dos === firstForDisc);
      const firstDay = days.find((d) => d.date === firstForDisc);
      const dosEvidence = firstLine
        ? [evidenceFromLine(firstLine)]
        : firstDay
          ? evidenceForDay(firstDay)
          : [];
      const undated = mine.filter((e) => !docDate(e));
      if (undated.length > 0 && dated.length === 0) {
        findings.push({
          status: 'warn',
          message: `${prefix}An evaluation was found but its date could not be read, so it cannot be confirmed it precedes the ${label} (${firstForDisc}).`,
          dates: [firstForDisc],
          evidence: undated.map((e) => evidenceFromDocument(e)),
        });
        continue;
      }
      const late = dated[0];
      findings.push({
        status: 'fail',
        message: late
          ? `${prefix}The initial evaluation is dated ${docDate(late)}, after the ${label} (${firstForDisc}).`
          : `${prefix}No initial evaluation found before the ${label} (first DOS: ${firstForDisc}).`,
        dates: [firstForDisc],
        evidence: late ? [evidenceFromDocument(late), ...dosEvidence] : dosEvidence,
      });
    }
    // Re-entry after a long gap should start with a new evaluation or re-evaluation (catalog
    // heuristic, UNVERIFIED, payer-specific): warning only.
    const reevals = docsOfType(episode, 'evaluation', 're-evaluation', 'fce');
    for (let i = 1; i < days.length; i++) {
      const prev = days[i - 1]!.date;
      const cur = days[i]!;
      if (daysBetween(prev, cur.date) <= profile.thresholds.reentryGapDays) continue;
      const fresh = reevals.some((e) => {
        const d = docDate(e);
        return !!d && d > prev && d <= cur.date;
      });
      if (fresh) continue;
      findings.push({
        status: 'fail',
        severity: 'warning',
        message: `Treatment resumed on ${cur.date} after ${daysBetween(prev, cur.date)} days without treatment (last visit ${prev}) with no new evaluation or re-evaluation.`,
        dates: [cur.date],
        evidence: evidenceForDay(cur),
      });
    }
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        message: `${passing
          .map(
            (e, k) =>
              `${e.type === 'fce' ? (k ? 'functional capacity evaluation' : 'Functional capacity evaluation') : k ? 'initial evaluation' : 'Initial evaluation'} dated ${docDate(e)}`,
          )
          .join(', ')}, on or before the ${label} (${firstDos}).`,
        dates: passing.map((e) => docDate(e) as IsoDate),
        evidence: passing.map((e) =>
          evidenceFromDocument(e, ['signer', 'document-date', 'date-of-service']),
        ),
      },
    ];
  },
};
