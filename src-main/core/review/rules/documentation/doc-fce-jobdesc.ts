import type { EpisodeModel } from '../../../../../shared/episode';
import type { Evidence, Fact, IsoDate, Severity } from '../../../../../shared/model';
import { evidenceFromDocument, evidenceFromFact, evidenceFromLine } from '../../lib/evidence';
import {
  docDate,
  docsOfOneType,
  hasFact,
  hasSection,
  isReturnToWorkGoal,
  isWorkProgram,
  programDatesView,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

/**
 * The episode's first fact (documents in order, then facts in order) matching `test`: what
 * `documents.flatMap((d) => d.facts).find(test)` gives, without copying every fact into an array.
 */
function firstFactWhere(episode: EpisodeModel, test: (f: Fact) => boolean): Fact | undefined {
  // Indexed: a for-of over these arrays allocates a result per element until optimized.
  for (let i = 0; i < episode.documents.length; i++) {
    const facts = episode.documents[i]!.facts;
    for (let j = 0; j < facts.length; j++) if (test(facts[j]!)) return facts[j];
  }
  return undefined;
}

/** Items (1)-(3) are errors for WC, warnings for commercial, info for Medicare (rules.md). */
function coreSeverity(kind: string): Severity {
  if (kind === 'workers-comp') return 'error';
  if (kind === 'medicare') return 'info';
  return 'warning';
}

export const docFceJobdesc: Rule = {
  meta: {
    id: 'DOC-FCE-JOBDESC',
    title: 'Job description, baseline functional testing and job goal for work programs',
    group: 'documentation',
    source:
      'Texas DWC medical contested case hearing decisions applying ODG work-conditioning criteria (e.g. MCCH 13067, 11124, 19007)',
    sources: [
      {
        text: 'Texas DWC medical contested case hearing decisions applying ODG work-conditioning criteria (e.g. MCCH 13067, 11124, 19007)',
        states: ['TX'],
      },
    ],
    severity: 'error',
    payers: ['WC', 'COM'],
    unverified: ['ODG plateau criterion applied to every WC payer (ODG text proprietary)'],
  },
  check(episode) {
    if (!isWorkProgram(episode)) {
      return [
        {
          status: 'n/a',
          message: 'No work conditioning or work hardening (97545/97546) in this episode.',
          dates: [],
          evidence: [],
        },
      ];
    }
    const kind = episode.payer.kind;
    const core = coreSeverity(kind);
    const secondary: Severity = kind === 'medicare' ? 'info' : 'warning';
    const first = programDatesView(episode)[0] ?? episode.start;
    const firstLine = episode.billing.find((l) => l.code === '97545');
    const dosEvidence: Evidence[] = firstLine ? [evidenceFromLine(firstLine)] : [];
    const findings: RuleFinding[] = [];
    const satisfied: Evidence[] = [];
    const fail = (severity: Severity, message: string, dates: IsoDate[] = [first]): void => {
      findings.push({ status: 'fail', severity, message, dates, evidence: dosEvidence });
    };

    // (1) Job description / physical demands analysis (employer-provided or DOT/O*NET PDL).
    const jobDescs = docsOfOneType(episode, 'job-description');
    const pdl = firstFactWhere(episode, (f) => f.kind === 'physical-demand-level');
    if (jobDescs[0]) satisfied.push(evidenceFromDocument(jobDescs[0]));
    else if (pdl) satisfied.push(evidenceFromFact(pdl));
    else fail(core, 'No job description / physical demand level documented.');

    // (2) Baseline functional testing showing the gap between capacity and job demands.
    const baseline = episode.documents.find((d) => {
      const dd = docDate(d);
      if (!dd || dd > first) return false;
      if (d.type === 'fce') return true;
      return (
        d.type === 'evaluation' &&
        hasFact(d, 'objective-measure') &&
        (hasSection(d, 'job-demands') || hasFact(d, 'physical-demand-level'))
      );
    });
    if (baseline) satisfied.push(evidenceFromDocument(baseline));
    else
      fail(
        core,
        `No baseline functional testing vs job demands on or before the first program date (${first}).`,
      );

    // (3) A defined job / vocational goal to return to.
    const jobGoal =
      firstFactWhere(episode, (f) => f.kind === 'job-title' || f.kind === 'rtw-status') ??
      firstFactWhere(
        episode,
        (f) => (f.kind === 'goal-long' || f.kind === 'goal-short') && isReturnToWorkGoal(f),
      );
    if (jobGoal) satisfied.push(evidenceFromFact(jobGoal));
    else fail(core, 'No defined job or vocational goal to return to.');

    // (4) ODG-based WC payers: plateau in conventional therapy documented.
    if (kind === 'workers-comp') {
      const plateau = firstFactWhere(episode, (f) => f.kind === 'plateau');
      if (plateau) satisfied.push(evidenceFromFact(plateau));
      else
        fail(
          'warning',
          'No documentation that the patient plateaued in conventional therapy before the program (ODG entry criterion).',
        );
    }

    // (5) Exit testing at discharge.
    if (episode.ended) {
      const last = programDatesView(episode).at(-1) ?? episode.end;
      const exit = episode.documents.find((d) => {
        const dd = docDate(d);
        if (!dd || dd < last) return false;
        return (
          d.type === 'fce' || (d.type === 'discharge-summary' && hasFact(d, 'objective-measure'))
        );
      });
      if (exit) satisfied.push(evidenceFromDocument(exit));
      else
        fail(secondary, `No exit functional testing at discharge (last program date ${last}).`, [
          last,
        ]);
    }

    if (findings.length) return findings;
    return [
      {
        status: 'pass',
        message:
          'Job description or PDL, baseline functional testing and a job goal are documented.',
        dates: [first],
        evidence: satisfied,
      },
    ];
  },
};
