import type { EpisodeDocument, EpisodeModel } from '../../../../../shared/episode';
import type { Fact, IsoDate } from '../../../../../shared/model';
import { evidenceFromDocument, factsOf } from '../../lib/evidence';
import {
  docDate,
  docsOfOneType,
  goalsOf,
  hasFactOfKind,
  hasSectionNamed,
  isIsoDate,
  isPlanDocument,
  isWorkProgram,
  signatureGap,
} from '../../lib/documents';
import { ELEMENTS, missingElementsFinding, type MissingElement } from '../../lib/elements';
import { ownerElsewhere, referral } from '../../lib/owners';
import type { Rule, RuleFinding } from '../../types';

/** The latest plan (or evaluation serving as plan) on or before a date, with its date. */
type PlanInForce = [EpisodeDocument, IsoDate];

/** Goals in force on `date`: those of the plan in force then, less those found met since. */
function currentGoalCount(
  episode: EpisodeModel,
  plan: PlanInForce | null,
  date: IsoDate | null,
): number {
  if (!plan) return 0;
  const [latest, latestDate] = plan;
  const goals = goalCount(latest);
  // Goals an earlier report found met are no longer in force ("STG 1-3 met" at report #1).
  return Math.max(0, goals - goalsMetBefore(episode, latestDate, date, goals, plan));
}

/** The latest plan (or evaluation serving as plan) on or before `date`, with its date. */
function planInForce(episode: EpisodeModel, date: IsoDate | null): PlanInForce | null {
  // "Latest" is the last such document in document order, found in one pass.
  let latest: PlanInForce | null = null;
  for (const d of episode.documents) {
    if (!isPlanDocument(d) && !(d.type === 'evaluation' && goalCount(d) > 0)) continue;
    const pd = docDate(d);
    if (pd && (!date || pd <= date)) latest = [d, pd];
  }
  return latest;
}

/** A goal that is the return to work itself ("RTW goal: full duty HVAC installer"). */
const RETURN_TO_WORK_GOAL = /^\W*(?:RTW|return[- ]to[- ]work)\b/i;

/**
 * Return-to-work goals of the plan in force that a report's statement of the work status assesses
 * ("Work status: continue light duty"): a work status is where the claimant stands on that goal.
 */
function returnToWorkGoalsAssessed(plan: PlanInForce | null, report: EpisodeDocument): number {
  if (!plan || !hasFactOfKind(report, 'rtw-status')) return 0;
  // A report that gives the RTW goal a status of its own has counted it already.
  if (factsOf(report, 'goal-assessment').some((f) => RETURN_TO_WORK_GOAL.test(f.value))) return 0;
  return goalsOf(plan[0]).filter((f) => RETURN_TO_WORK_GOAL.test(f.value)).length;
}

/**
 * The plan in force set goals at the job's demands ("Lift 70 pounds floor to waist occasionally,
 * the heaviest case he selects"): a report that measures progress toward them sets current
 * capacity against those demands.
 */
function jobLinkedGoalsInForce(plan: PlanInForce | null): boolean {
  return plan !== null && goalsOf(plan[0]).some((f) => f.detail?.jobLinked === true);
}

/** Goals an earlier progress report (after the plan, before `date`) found met. */
function goalsMetBefore(
  episode: EpisodeModel,
  after: IsoDate | null,
  date: IsoDate | null,
  goals: number,
  plan: PlanInForce,
): number {
  if (!date) return 0;
  // Reports restate what earlier ones found met: the most any one report found met, not a sum.
  let most = 0;
  for (const d of docsOfOneType(episode, 'progress-report')) {
    const dd = docDate(d);
    if (!dd || dd >= date || (after && dd < after)) continue;
    let met = 0;
    for (const f of d.facts) {
      if (f.kind !== 'goal-assessment' || f.detail?.status !== 'met') continue;
      met += coveredBy(f, goals, plan);
    }
    most = Math.max(most, met);
  }
  return most;
}

/** `goalsOf(doc).length`, without the array. */
function goalCount(doc: EpisodeDocument, term?: 'short' | 'long'): number {
  let n = 0;
  for (const f of doc.facts)
    if (term ? f.kind === `goal-${term}` : f.kind === 'goal-long' || f.kind === 'goal-short') n++;
  return n;
}

/**
 * How many goals an assessment covers: one, the count it states ("LTG 1-6: progressing"), every
 * goal in force ("All goals met"), or every goal of one term ("STGs on track").
 */
function coveredBy(f: Fact, goals: number, plan: PlanInForce | null): number {
  if (!f.detail?.all) return f.detail?.count ?? 1;
  if (!f.detail.term || !plan) return goals;
  return Math.min(goals, goalCount(plan[0], f.detail.term));
}

const GOAL_ASSESSMENT: MissingElement = {
  element: 'an assessment of progress toward each goal',
  lookedFor: 'goal statuses (met, progressing, not met, % achieved) beside the goals',
};

/**
 * A section the report heads with return to work ("EMPLOYER / RTW PLANNING", "Return to work
 * plan"): where the claimant stands on returning, in the report's own words.
 */
function returnToWorkSection(doc: EpisodeDocument): boolean {
  return doc.facts.some(
    (f) =>
      f.kind === 'section' &&
      f.value === 'recommendations' &&
      /\b(?:RTW|return[- ]to[- ]work)\b/i.test(f.provenance.quote),
  );
}

/** Content elements of BPM §220.3.D missing from a progress report. */
export function missingReportElements(
  doc: EpisodeDocument,
  opts: { workProgram: boolean },
): MissingElement[] {
  const missing: MissingElement[] = [];
  if (!hasFactOfKind(doc, 'report-period-start') || !hasFactOfKind(doc, 'report-period-end')) {
    missing.push(ELEMENTS.reportPeriod);
  }
  if (!docDate(doc) && !doc.facts.some((f) => f.kind === 'signed-date' && isIsoDate(f.value))) {
    missing.push(ELEMENTS.dateWritten);
  }
  if (signatureGap(doc) !== null) missing.push(ELEMENTS.signature);
  if (!hasFactOfKind(doc, 'objective-measure') && !hasSectionNamed(doc, 'objective')) {
    missing.push(ELEMENTS.change);
  }
  // "Continue 2x/week through 09/14/2026" in the assessment is the plan for continuing care.
  if (
    !hasSectionNamed(doc, 'plan') &&
    !hasSectionNamed(doc, 'recommendations') &&
    !hasFactOfKind(doc, 'frequency')
  ) {
    missing.push(ELEMENTS.continuing);
  }
  if (opts.workProgram) {
    if (!hasSectionNamed(doc, 'job-demands') && !hasFactOfKind(doc, 'physical-demand-level')) {
      missing.push(ELEMENTS.capacityVsJob);
    }
    if (!hasFactOfKind(doc, 'rtw-status') && !returnToWorkSection(doc)) missing.push(ELEMENTS.rtw);
  }
  return missing;
}

export const docProgressContent: Rule = {
  meta: {
    id: 'DOC-PROGRESS-CONTENT',
    title: 'Progress report content',
    group: 'documentation',
    source:
      'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.D (progress report content)',
    sources: [
      {
        text: 'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.D (progress report content)',
        payers: ['medicare'],
      },
    ],
    severity: 'warning',
    payers: ['ALL'],
    decided: [
      'A statement on all goals of one term ("STGs met", "Long term goals progressing") assesses the goals of that term in the plan in force, not every goal; one that names no term ("All goals met") assesses every goal.',
      'A goal that is the return to work itself ("RTW goal: full duty") counts as assessed when the report states the current work status ("Work status: light duty"), which is where the claimant stands on that goal.',
      'In a work program, a report that assesses the plan\'s goals with current measurements, where the plan in force set its goals at the job\'s demands ("lift 70 lb floor to waist occasionally, the heaviest case he selects"), states current capacity against the job demands: the goals are those demands.',
    ],
  },
  check(episode, profile) {
    const reports = docsOfOneType(episode, 'progress-report');
    if (reports.length === 0) return [];
    const workProgram = isWorkProgram(episode) && episode.payer.kind !== 'medicare';
    // An unsigned report is DOC-SIGNED's finding where the payer applies it (lib/owners.ts).
    const signer = ownerElsewhere('signature', 'DOC-PROGRESS-CONTENT', profile);
    const findings: RuleFinding[] = [];
    const referrals: RuleFinding[] = [];
    for (const doc of reports) {
      const date = docDate(doc);
      const missing = missingReportElements(doc, { workProgram });
      if (signer && missing.includes(ELEMENTS.signature)) {
        missing.splice(missing.indexOf(ELEMENTS.signature), 1);
        referrals.push(
          referral(
            signer,
            date ? [date] : [],
            `Progress report${date ? ` ${date}` : ' (undated)'} lacks ${ELEMENTS.signature.element}.`,
            [evidenceFromDocument(doc)],
          ),
        );
      }
      const assessments = factsOf(doc, 'goal-assessment');
      // The plan in force when the report was written, found once for every count below.
      const plan = planInForce(episode, date);
      const goals = currentGoalCount(episode, plan, date);
      // "All goals met" assesses every goal at once.
      let assessed = 0;
      for (const f of assessments) assessed += coveredBy(f, goals, plan);
      if (assessed > 0 && assessed < goals)
        assessed = Math.min(goals, assessed + returnToWorkGoalsAssessed(plan, doc));
      const capacity = missing.indexOf(ELEMENTS.capacityVsJob);
      if (
        capacity >= 0 &&
        assessed > 0 &&
        !missing.includes(ELEMENTS.change) &&
        jobLinkedGoalsInForce(plan)
      )
        missing.splice(capacity, 1);
      // The assessment of progress toward each goal is the core of the report: its absence is an
      // error for Medicare (rules.md DOC-PROGRESS-CONTENT).
      const noGoalAssessment = assessed === 0;
      if (noGoalAssessment) missing.unshift(GOAL_ASSESSMENT);
      else if (goals > assessed)
        missing.unshift({
          ...GOAL_ASSESSMENT,
          element: `an assessment of every goal (${assessed} of ${goals} goals assessed)`,
        });
      if (missing.length === 0) continue;
      findings.push(
        missingElementsFinding(
          doc,
          `Progress report${date ? ` ${date}` : ' (undated)'}`,
          missing,
          date ? [date] : [],
          noGoalAssessment && episode.payer.kind === 'medicare' ? 'error' : undefined,
        ),
      );
    }
    if (findings.length) return findings.concat(referrals);
    return [
      {
        status: 'pass',
        message: `Progress report${reports.length > 1 ? 's' : ''} include the reporting period, objective measures, an assessment of each goal and the plan.`,
        dates: reports.map(docDate).filter((d): d is IsoDate => !!d),
        evidence: reports.map((d) => evidenceFromDocument(d, ['goal-assessment', 'document-date'])),
      },
      ...referrals,
    ];
  },
};
