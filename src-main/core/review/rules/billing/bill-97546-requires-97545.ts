import type { EpisodeBillingLine } from '../../../../../shared/episode';
import {
  billingDays,
  isAddOnProgramLine,
  isPrimaryProgramLine,
  lineEvidence,
} from '../../lib/billing';
import type { Rule, RuleFinding } from '../../types';

/**
 * Some 97545 line whose provider agrees with every 97546 line of the date (a line without a
 * provider agrees with any). Walks the date's lines in place: most dates pass.
 */
function primaryWithSameProvider(lines: readonly EpisodeBillingLine[]): boolean {
  for (const p of lines) {
    if (!isPrimaryProgramLine(p)) continue;
    if (
      lines.every(
        (a) => !isAddOnProgramLine(a) || !a.provider || !p.provider || a.provider === p.provider,
      )
    ) {
      return true;
    }
  }
  return false;
}

/** BILL-97546-REQUIRES-97545: the add-on hour is never billed without the primary code. */
export const bill97546Requires97545: Rule = {
  meta: {
    id: 'BILL-97546-REQUIRES-97545',
    title: '97546 billed with 97545 on the same date',
    group: 'billing',
    source:
      'CPT add-on designation for 97546 (global ZZZ, reported with 97545); NCCI add-on code edits',
    severity: 'error',
    payers: ['ALL'],
  },
  check(episode) {
    const findings: RuleFinding[] = [];
    const okDates: string[] = [];
    for (const { date, lines } of billingDays(episode.billing)) {
      if (!lines.some(isAddOnProgramLine)) continue;
      // Same provider when both lines name one (catalog: same rendering/billing provider).
      if (primaryWithSameProvider(lines)) {
        okDates.push(date);
        continue;
      }
      const addOns = lines.filter(isAddOnProgramLine);
      const primaries = lines.filter(isPrimaryProgramLine);
      findings.push({
        status: 'fail',
        message:
          primaries.length === 0
            ? `97546 billed on ${date} without 97545 on the same date.`
            : `97546 billed on ${date} by a different provider than the 97545 on that date.`,
        dates: [date],
        evidence: lineEvidence([...addOns, ...primaries]),
      });
    }
    if (findings.length > 0) return findings;
    if (okDates.length === 0) return [];
    return [
      {
        status: 'pass',
        message: `97546 billed with 97545 on every date (${okDates.length}).`,
        dates: okDates,
        evidence: [],
      },
    ];
  },
};
