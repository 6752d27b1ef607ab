import { linesByDate, lineEvidence } from '../../lib/billing';
import type { Rule, RuleFinding } from '../../types';

/** BILL-97546-REQUIRES-97545: the add-on hour is never billed without the primary code. */
export const bill97546Requires97545: Rule = {
  meta: {
    id: 'BILL-97546-REQUIRES-97545',
    title: '97546 billed with 97545 on the same date',
    group: 'billing',
    source:
      'CPT add-on designation for 97546 (global ZZZ, reported with 97545; rules.md section 2); NCCI add-on code edits',
    severity: 'error',
    payers: ['ALL'],
  },
  check(episode) {
    const findings: RuleFinding[] = [];
    const okDates: string[] = [];
    for (const [date, lines] of linesByDate(episode.billing)) {
      const addOns = lines.filter((l) => l.code === '97546');
      if (addOns.length === 0) continue;
      const primaries = lines.filter((l) => l.code === '97545');
      // Same provider when both lines name one (catalog: same rendering/billing provider).
      const sameProvider = primaries.some((p) =>
        addOns.every((a) => !a.provider || !p.provider || a.provider === p.provider),
      );
      if (primaries.length > 0 && sameProvider) {
        okDates.push(date);
        continue;
      }
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
