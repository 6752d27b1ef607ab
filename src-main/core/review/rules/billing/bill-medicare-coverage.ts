import { billingDays, isProgramLine, lineEvidence } from '../../lib/billing';
import type { Rule, RuleFinding } from '../../types';

/**
 * BILL-MEDICARE-COVERAGE: 97545/97546 have MPFS status R and 0 RVUs, so Medicare Part B has no
 * national payment amount; expect non-payment, and check whether WC is primary (MSP).
 */
export const billMedicareCoverage: Rule = {
  meta: {
    id: 'BILL-MEDICARE-COVERAGE',
    title: 'Work conditioning billed to Medicare Part B',
    group: 'billing',
    source:
      'Medicare Physician Fee Schedule: 97545/97546 status R (restricted coverage), 0 RVUs; Aetna CPB 0198 (vocational exclusion, commercial analog)',
    severity: 'error',
    payers: ['MCR'],
    unverified: ['Explicit CMS/MAC non-coverage text for 97545/97546'],
  },
  check(episode, profile) {
    if (episode.payer.kind !== 'medicare' && profile.payerKind !== 'medicare') return [];
    const findings: RuleFinding[] = [];
    for (const { date, lines } of billingDays(episode.billing)) {
      if (!lines.some(isProgramLine)) continue;
      const program = lines.filter(isProgramLine);
      const codes = [...new Set(program.map((l) => l.code))].join('/');
      findings.push({
        status: 'fail',
        message: `${codes} billed to Medicare on ${date}: MPFS status R, no RVUs; expect non-payment. Verify MAC policy / MSP (WC primary?).`,
        dates: [date],
        evidence: lineEvidence(program),
      });
    }
    return findings;
  },
};
