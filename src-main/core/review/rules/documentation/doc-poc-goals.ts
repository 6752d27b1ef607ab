import type { EpisodeDocument } from '../../../../../shared/episode';
import type { IsoDate } from '../../../../../shared/model';
import { evidenceFromDocument, evidenceFromFact, factsOf } from '../../lib/evidence';
import {
  certificationStatingDiagnoses,
  docDate,
  goalsOf,
  hasFact,
  hasSection,
  isJobLinkedGoal,
  isReturnToWorkGoal,
  isMeasurableGoal,
  isTimeBoundGoal,
  isWorkProgram,
  listText,
  plansToJudge,
} from '../../lib/documents';
import { ELEMENTS, missingElementsFinding, type MissingElement } from '../../lib/elements';
import type { Rule, RuleFinding } from '../../types';

/** Hours or minutes per session, e.g. "4 hours/day", "2 hrs per session", "240 min". */
const AMOUNT = /\d+(\.\d+)?\s*(h|hr|hrs|hours?|min|mins|minutes?)\b/i;

/** Required plan elements missing from a plan document (BPM §220.1.2.B). */
export function missingPlanElements(doc: EpisodeDocument): MissingElement[] {
  const missing: MissingElement[] = [];
  if (!hasFact(doc, 'diagnosis') && !hasSection(doc, 'diagnosis')) missing.push(ELEMENTS.diagnoses);
  if (goalsOf(doc).length === 0 && !hasSection(doc, 'goals')) missing.push(ELEMENTS.goals);
  if (!hasFact(doc, 'intervention') && !hasSection(doc, 'interventions', 'plan'))
    missing.push(ELEMENTS.services);
  if (!hasFact(doc, 'frequency') && !hasSection(doc, 'frequency-duration'))
    missing.push(ELEMENTS.frequency);
  if (!hasFact(doc, 'duration') && !hasSection(doc, 'frequency-duration'))
    missing.push(ELEMENTS.duration);
  return missing;
}

/** Whether the plan states an amount (time per session): an amount fact, else a time in its plan terms. */
export function planStatesAmount(doc: EpisodeDocument): boolean {
  if (hasFact(doc, 'amount')) return true;
  return [
    ...factsOf(doc, 'frequency'),
    ...factsOf(doc, 'duration'),
    ...factsOf(doc, 'intervention'),
  ].some((f) => AMOUNT.test(f.value));
}

export const docPocGoals: Rule = {
  meta: {
    id: 'DOC-POC-GOALS',
    title: 'Plan of care elements and measurable, time-bound goals',
    group: 'documentation',
    source:
      'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.1.2.B (diagnoses, long-term goals, type, amount, frequency, duration); 28 TAC §134.230 (return-to-work planning)',
    sources: [
      {
        text: 'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.1.2.B (diagnoses, long-term goals, type, amount, frequency, duration)',
        payers: ['medicare'],
      },
      { text: '28 TAC §134.230 (return-to-work planning)', states: ['TX'] },
    ],
    severity: 'error',
    payers: ['ALL'],
    decided: [
      "A plan's diagnoses may stand on the physician's certification of it instead of the plan itself (a hospital's certification return lists the ICD codes the plan treats): a certification of the plan's discipline, dated from the plan's date to 30 days after, that states diagnoses supplies them.",
    ],
  },
  check(episode) {
    const plans = plansToJudge(episode);
    if (plans.length === 0) return [];
    const program = isWorkProgram(episode);
    const findings: RuleFinding[] = [];
    for (const doc of plans) {
      const date = docDate(doc);
      const dates = date ? [date] : [];
      const where = `Plan of care${date ? ` dated ${date}` : ''}`;
      // The physician's certification of this plan may be where its diagnoses stand.
      const missing = missingPlanElements(doc).filter(
        (m) => m !== ELEMENTS.diagnoses || !certificationStatingDiagnoses(episode, doc),
      );
      if (missing.length) findings.push(missingElementsFinding(doc, where, missing, dates));
      const quality: string[] = [];
      const goals = goalsOf(doc);
      const notMeasurable = goals.filter((g) => !isMeasurableGoal(g));
      // Long-term goals are set for the whole plan (BPM §220.1.2.B): a plan that states its
      // duration gives them its time frame; short-term goals still need their own.
      const planDuration = hasFact(doc, 'duration');
      const notTimed = goals.filter(
        (g) => !isTimeBoundGoal(g) && !(g.kind === 'goal-long' && planDuration),
      );
      if (notMeasurable.length)
        quality.push(`${notMeasurable.length} of ${goals.length} goals are not measurable`);
      if (notTimed.length)
        quality.push(`${notTimed.length} of ${goals.length} goals have no time frame`);
      // "Per CPT" without hours is weak for the 2-hour program code (rules.md DOC-POC-GOALS).
      if (program && !planStatesAmount(doc))
        quality.push('the amount (hours per session) is not stated');
      if (program && episode.payer.kind !== 'medicare') {
        if (goals.length && !goals.some((g) => isJobLinkedGoal(g)))
          quality.push('no goal is linked to the job demands');
        if (!hasFact(doc, 'rtw-status') && !goals.some(isReturnToWorkGoal)) {
          quality.push('no target return-to-work status');
        }
      }
      if (quality.length) {
        const cited = [...new Set([...notMeasurable, ...notTimed])];
        findings.push({
          status: 'fail',
          severity: 'warning',
          message: `${where}: ${listText(quality)}.`,
          dates,
          evidence: cited.length ? cited.map(evidenceFromFact) : [evidenceFromDocument(doc)],
        });
      }
    }
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        message: `Plan of care states diagnoses, measurable time-bound goals, type, amount, frequency and duration.`,
        dates: plans.map(docDate).filter((d): d is IsoDate => !!d),
        evidence: plans.flatMap((p) =>
          goalsOf(p).length ? goalsOf(p).map(evidenceFromFact) : [evidenceFromDocument(p)],
        ),
      },
    ];
  },
};
