import type { Discipline, IsoDate } from '../../../../../shared/model';
import { evidenceFromDocument, evidenceFromLine } from '../../lib/evidence';
import {
  EVALUATION_CODES,
  docDate,
  planDocuments,
  knownDisciplines,
  treatmentDaysView,
  type TreatmentDayView,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

/**
 * A day with only evaluation codes billed, or with nothing billed and only evaluations on file.
 * (A day with no lines exists because of its documents, so "only evaluations" means at least one.)
 */
function isEvaluationOnly(day: TreatmentDayView): boolean {
  if (day.lines.length > 0) return day.lines.every((l) => EVALUATION_CODES.has(l.code));
  return day.docs.length > 0 && day.docs.every((x) => x.type === 'evaluation');
}

export const docPocPresent: Rule = {
  meta: {
    id: 'DOC-POC-PRESENT',
    title: 'Written plan of care covering every date of service',
    group: 'documentation',
    source:
      'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.1.2 (services furnished under a plan of care); 42 CFR 410.61',
    sources: [
      {
        text: 'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.1.2 (services furnished under a plan of care); 42 CFR 410.61',
        payers: ['medicare'],
      },
    ],
    severity: 'error',
    payers: ['ALL'],
  },
  check(episode) {
    const all = treatmentDaysView(episode);
    if (all.length === 0) return [];
    const plans = planDocuments(episode);
    const disciplines = knownDisciplines(episode);
    const streams: Array<Discipline | null> = disciplines.length > 1 ? disciplines : [null];
    const findings: RuleFinding[] = [];
    const used = new Set<(typeof plans)[number]>();
    for (const disc of streams) {
      const prefix = disc ? `${disc}: ` : '';
      const days = treatmentDaysView(episode, disc ?? undefined);
      // An evaluation-only day needs the evaluation, not a plan (the plan follows from it).
      const needing = days.filter((d) => !isEvaluationOnly(d));
      if (needing.length === 0) continue;
      const mine = plans.filter((p) => !disc || !p.discipline || p.discipline === disc);
      const dated = mine
        .map((p) => ({ p, date: docDate(p) }))
        .filter((x): x is { p: (typeof plans)[number]; date: IsoDate } => !!x.date)
        .sort((a, b) => (a.date < b.date ? -1 : 1));
      const firstPlan = dated[0];
      if (firstPlan) used.add(firstPlan.p);
      const uncovered = needing.filter((d) => !firstPlan || d.date < firstPlan.date);
      if (uncovered.length === 0) continue;
      const dates = uncovered.map((d) => d.date);
      const range =
        dates.length > 1
          ? `${dates[0]} through ${dates[dates.length - 1]} (${dates.length} dates)`
          : dates[0];
      const evidence = uncovered
        .slice(0, 5)
        .flatMap((d) =>
          d.lines[0]
            ? [evidenceFromLine(d.lines[0])]
            : d.docs.slice(0, 1).map((x) => evidenceFromDocument(x)),
        );
      if (mine.length > 0 && dated.length === 0) {
        findings.push({
          status: 'warn',
          message: `${prefix}A plan of care was found but its date could not be read; cannot confirm it covers DOS ${range}.`,
          dates,
          evidence: [...mine.map((p) => evidenceFromDocument(p)), ...evidence],
        });
        continue;
      }
      findings.push({
        status: 'fail',
        message: firstPlan
          ? `${prefix}No plan of care found covering DOS ${range}; the first plan is dated ${firstPlan.date}.`
          : `${prefix}No plan of care found covering DOS ${range}.`,
        dates,
        evidence: firstPlan ? [evidenceFromDocument(firstPlan.p), ...evidence] : evidence,
      });
    }
    if (findings.length) return findings;
    const list = [...used];
    return [
      {
        status: 'pass',
        message: list.length
          ? `Plan of care dated ${list.map(docDate).join(', ')} covers every treatment date.`
          : 'Only evaluation days so far; the evaluation serves as the plan.',
        dates: list.map(docDate).filter((d): d is IsoDate => !!d),
        evidence: list.map((p) => evidenceFromDocument(p)),
      },
    ];
  },
};
