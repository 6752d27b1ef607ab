import type { EpisodeDocument } from '../../../../../shared/episode';
import type { IsoDate } from '../../../../../shared/model';
import { ELEMENTS, missingElementsFinding, type MissingElement } from '../../lib/elements';
import {
  certificationStatingDiagnoses,
  docDate,
  docsOfOneType,
  evidenceForDocs,
  hasFact,
  hasSection,
  isPlanDocument,
  isWorkProgram,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

/** Missing evaluation elements; `objective` is separate because its absence is an error. */
export function missingEvaluationElements(
  doc: EpisodeDocument,
  opts: { jobDemands: boolean; planOnFile: boolean },
): { missing: MissingElement[]; noObjective: boolean } {
  const missing: MissingElement[] = [];
  // BPM §220.3.C: diagnosis and the specific problem.
  if (!hasFact(doc, 'diagnosis') && !hasSection(doc, 'diagnosis')) missing.push(ELEMENTS.diagnosis);
  // BPM §220.3.C: conditions and complexities (history, onset, prior function).
  if (!hasSection(doc, 'history')) missing.push(ELEMENTS.history);
  const noObjective = !hasFact(doc, 'objective-measure') && !hasSection(doc, 'objective');
  if (noObjective) missing.push(ELEMENTS.objective);
  // The catalog's item (4) is "functional limitations tied to the job": in a work program a
  // table or statement setting capacity against the job's demands states them.
  const limitations =
    hasSection(doc, 'functional-limitations') ||
    (opts.jobDemands && hasSection(doc, 'job-demands'));
  if (!limitations) missing.push(ELEMENTS.functionalLimitations);
  // BPM §220.3.C: the clinician's judgment that treatment is needed, with a prognosis.
  if (!hasSection(doc, 'assessment', 'prognosis')) missing.push(ELEMENTS.assessment);
  if (!opts.planOnFile && !hasSection(doc, 'plan') && !isPlanDocument(doc))
    missing.push(ELEMENTS.plan);
  if (opts.jobDemands) {
    // Work programs: job and physical demand level, and the capacity-vs-demand gap (ODG entry
    // criteria as applied by Texas DWC decisions).
    if (!hasFact(doc, 'job-title', 'physical-demand-level')) missing.push(ELEMENTS.jobTitle);
    if (!hasSection(doc, 'job-demands')) missing.push(ELEMENTS.jobGap);
  }
  return { missing, noObjective };
}

export const docEvalElements: Rule = {
  meta: {
    id: 'DOC-EVAL-ELEMENTS',
    title: 'Evaluation contains the required elements',
    group: 'documentation',
    source: 'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.C (evaluation content)',
    sources: [
      {
        text: 'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.3.C (evaluation content)',
        payers: ['medicare'],
      },
    ],
    severity: 'warning',
    payers: ['ALL'],
    decided: [
      "An evaluation that holds the plan of care takes its diagnoses from the physician's certification of that plan when it names them only in its history (the certification DOC-POC-GOALS accepts for the plan).",
      'Functional limitations (item 4, "tied to the job") are stated, in a work program under a workers\u2019 compensation or commercial payer, by a comparison of current capacity with the job\u2019s demands (a table with a job-demand column, "Capacity is LIGHT-MEDIUM vs HEAVY required") as well as by a limitations heading or sentence.',
    ],
  },
  check(episode) {
    const evals = docsOfOneType(episode, 'evaluation');
    if (evals.length === 0) return [];
    // Job-demand items are catalog items for WC/COM work programs only.
    const jobDemands = isWorkProgram(episode) && episode.payer.kind !== 'medicare';
    const planOnFile = docsOfOneType(episode, 'plan-of-care').length > 0;
    const findings: RuleFinding[] = [];
    for (const doc of evals) {
      const found = missingEvaluationElements(doc, { jobDemands, planOnFile });
      const { noObjective } = found;
      // An evaluation that holds the plan is certified with it: the certification's diagnoses
      // are the evaluation's.
      const missing = found.missing.filter(
        (m) =>
          m !== ELEMENTS.diagnosis ||
          !isPlanDocument(doc) ||
          !certificationStatingDiagnoses(episode, doc),
      );
      if (missing.length === 0) continue;
      const date = docDate(doc);
      findings.push(
        missingElementsFinding(
          doc,
          `Evaluation${date ? ` dated ${date}` : ''}`,
          missing,
          date ? [date] : [],
          // No baseline at all means progress can never be shown: error (rules.md DOC-EVAL-ELEMENTS).
          noObjective ? 'error' : undefined,
        ),
      );
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
