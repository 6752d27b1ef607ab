import type { EpisodeDocument, EpisodeModel } from '../../../../../shared/episode';
import type { IsoDate } from '../../../../../shared/model';
import { evidenceFromDocument, factsOf } from '../../lib/evidence';
import {
  docDate,
  docsOfOneType,
  goalsOf,
  hasFact,
  hasSection,
  isIsoDate,
  isPlanDocument,
  isWorkProgram,
  listText,
  signatureStatus,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

/** Goals in force on `date`: those of the latest plan (or evaluation serving as plan) on or before it. */
export function currentGoalCount(episode: EpisodeModel, date: IsoDate | null): number {
  const plans = episode.documents
    .filter((d) => isPlanDocument(d) || (d.type === 'evaluation' && goalsOf(d).length > 0))
    .filter((d) => {
      const pd = docDate(d);
      return !!pd && (!date || pd <= date);
    });
  const latest = plans[plans.length - 1];
  return latest ? goalsOf(latest).length : 0;
}

/** Content elements of BPM §220.3.D missing from a progress report. */
export function missingReportElements(
  doc: EpisodeDocument,
  opts: { workProgram: boolean },
): string[] {
  const missing: string[] = [];
  if (!hasFact(doc, 'report-period-start') || !hasFact(doc, 'report-period-end')) {
    missing.push('start and end dates of the reporting period');
  }
  if (!docDate(doc) && !doc.facts.some((f) => f.kind === 'signed-date' && isIsoDate(f.value))) {
    missing.push('the date written');
  }
  const sig = signatureStatus(doc);
  if (sig.status === 'unsigned' || sig.missing.includes('credentials')) {
    missing.push('signature with professional identification');
  }
  if (!hasFact(doc, 'objective-measure') && !hasSection(doc, 'objective')) {
    missing.push('objective measurements of change');
  }
  if (!hasSection(doc, 'plan', 'recommendations')) missing.push('plans for continuing treatment');
  if (opts.workProgram) {
    if (!hasSection(doc, 'job-demands') && !hasFact(doc, 'physical-demand-level')) {
      missing.push('current capacity versus job demands');
    }
    if (!hasFact(doc, 'rtw-status')) missing.push('return-to-work status');
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
    severity: 'warning',
    payers: ['ALL'],
  },
  check(episode) {
    const reports = docsOfOneType(episode, 'progress-report');
    if (reports.length === 0) return [];
    const workProgram = isWorkProgram(episode) && episode.payer.kind !== 'medicare';
    const findings: RuleFinding[] = [];
    for (const doc of reports) {
      const date = docDate(doc);
      const missing = missingReportElements(doc, { workProgram });
      const assessed = factsOf(doc, 'goal-assessment').length;
      const goals = currentGoalCount(episode, date);
      // The assessment of progress toward each goal is the core of the report: its absence is an
      // error for Medicare (rules.md DOC-PROGRESS-CONTENT).
      const noGoalAssessment = assessed === 0;
      if (noGoalAssessment) missing.unshift('an assessment of progress toward each goal');
      else if (goals > assessed)
        missing.unshift(`an assessment of every goal (${assessed} of ${goals} goals assessed)`);
      if (missing.length === 0) continue;
      findings.push({
        status: 'fail',
        ...(noGoalAssessment && episode.payer.kind === 'medicare'
          ? { severity: 'error' as const }
          : {}),
        message: `Progress report${date ? ` ${date}` : ' (undated)'} lacks ${listText(missing)}.`,
        dates: date ? [date] : [],
        evidence: [evidenceFromDocument(doc)],
      });
    }
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        message: `Progress report${reports.length > 1 ? 's' : ''} include the reporting period, objective measures, an assessment of each goal and the plan.`,
        dates: reports.map(docDate).filter((d): d is IsoDate => !!d),
        evidence: reports.map((d) => evidenceFromDocument(d, ['goal-assessment', 'document-date'])),
      },
    ];
  },
};
