import type { EpisodeDocument } from '../../../../../shared/episode';
import type { IsoDate } from '../../../../../shared/model';
import { evidenceFromDocument } from '../../lib/evidence';
import {
  docDate,
  docsOfOneType,
  evidenceForDocs,
  hasFact,
  hasSection,
  isPlanDocument,
  isWorkProgram,
  listText,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

/** Missing evaluation elements; `objective` is separate because its absence is an error. */
export function missingEvaluationElements(
  doc: EpisodeDocument,
  opts: { jobDemands: boolean; planOnFile: boolean },
): { missing: string[]; noObjective: boolean } {
  const missing: string[] = [];
  // BPM §220.3.C: diagnosis and the specific problem.
  if (!hasFact(doc, 'diagnosis') && !hasSection(doc, 'diagnosis'))
    missing.push('diagnosis / reason for referral');
  // BPM §220.3.C: conditions and complexities (history, onset, prior function).
  if (!hasSection(doc, 'history'))
    missing.push('history (mechanism of injury, prior treatment, comorbidities)');
  const noObjective = !hasFact(doc, 'objective-measure') && !hasSection(doc, 'objective');
  if (noObjective) missing.push('objective measures / standardized tests');
  if (!hasSection(doc, 'functional-limitations')) missing.push('functional limitations');
  // BPM §220.3.C: the clinician's judgment that treatment is needed, with a prognosis.
  if (!hasSection(doc, 'assessment', 'prognosis'))
    missing.push('clinical assessment and prognosis');
  if (!opts.planOnFile && !hasSection(doc, 'plan') && !isPlanDocument(doc))
    missing.push('plan (or link to the plan of care)');
  if (opts.jobDemands) {
    // Work programs: job and physical demand level, and the capacity-vs-demand gap (ODG entry
    // criteria as applied by Texas DWC decisions).
    if (!hasFact(doc, 'job-title', 'physical-demand-level'))
      missing.push('job title / physical demand level');
    if (!hasSection(doc, 'job-demands'))
      missing.push('gap between current capacity and job demands');
  }
  return { missing, noObjective };
}

export const docEvalElements: Rule = {
  meta: {
    id: 'DOC-EVAL-ELEMENTS',
    title: 'Evaluation contains the required elements',
    group: 'documentation',
    source: 'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.C (evaluation content)',
    severity: 'warning',
    payers: ['ALL'],
  },
  check(episode) {
    const evals = docsOfOneType(episode, 'evaluation');
    if (evals.length === 0) return [];
    // Job-demand items are catalog items for WC/COM work programs only.
    const jobDemands = isWorkProgram(episode) && episode.payer.kind !== 'medicare';
    const planOnFile = docsOfOneType(episode, 'plan-of-care').length > 0;
    const findings: RuleFinding[] = [];
    for (const doc of evals) {
      const { missing, noObjective } = missingEvaluationElements(doc, { jobDemands, planOnFile });
      if (missing.length === 0) continue;
      const date = docDate(doc);
      findings.push({
        status: 'fail',
        // No baseline at all means progress can never be shown: error (rules.md DOC-EVAL-ELEMENTS).
        ...(noObjective ? { severity: 'error' as const } : {}),
        message: `Evaluation${date ? ` dated ${date}` : ''} is missing: ${listText(missing)}.`,
        dates: date ? [date] : [],
        evidence: [evidenceFromDocument(doc)],
      });
    }
    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        message: `Evaluation${evals.length > 1 ? 's' : ''} contain${evals.length > 1 ? '' : 's'} every required element.`,
        dates: evals.map(docDate).filter((d): d is IsoDate => !!d),
        evidence: evidenceForDocs(evals),
      },
    ];
  },
};
