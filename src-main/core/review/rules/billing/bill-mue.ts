import type { EpisodeBillingLine } from '../../../../../shared/episode';
import { billingDays, lineEvidence, unitsOf } from '../../lib/billing';
import type { Rule, RuleFinding } from '../../types';

/** Whether lines[i] is the first line of its code: codes are checked in first-seen order. */
function firstOfCode(lines: readonly EpisodeBillingLine[], i: number): boolean {
  for (let j = 0; j < i; j++) if (lines[j]!.code === lines[i]!.code) return false;
  return true;
}

/**
 * BILL-MUE: units per date of service against the profile's MUE table. 97546 MUE 2 is a MAI 3
 * (clinical date-of-service) edit: modifiers do not bypass it, only an appeal with records does
 * (rules.md BILL-MUE and section 7 on PayerReady's modifier claim).
 */
export const billMue: Rule = {
  meta: {
    id: 'BILL-MUE',
    title: 'Units per date within the medically unlikely edit (MUE)',
    group: 'billing',
    source: 'CMS NCCI MUE practitioner file eff. 2026-04-01 (97546 MUE 2, MAI 3); MAI semantics',
    severity: 'error',
    payers: ['MCR'],
    unverified: ['97545 MUE best value 1'],
  },
  check(episode, profile) {
    const mue = profile.thresholds.mue;
    const findings: RuleFinding[] = [];
    const okDates: string[] = [];
    const payer = profile.payerKind === 'medicare' ? 'Medicare MUE' : 'MUE';
    for (const { date, lines } of billingDays(episode.billing)) {
      let listed = false;
      let failed = false;
      for (let i = 0; i < lines.length; i++) {
        const code = lines[i]!.code;
        const limit = mue[code];
        if (limit === undefined || !firstOfCode(lines, i)) continue;
        listed = true;
        const units = unitsOf(lines, code);
        if (units <= limit) continue;
        failed = true;
        findings.push({
          status: 'fail',
          message: `${code} billed ${units} units on ${date}; ${payer} is ${limit}. Units above the MUE deny; modifiers do not bypass a date-of-service edit, only an appeal with the time records.`,
          dates: [date],
          evidence: lineEvidence(lines.filter((l) => l.code === code)),
        });
      }
      if (!listed) continue;
      if (!failed) okDates.push(date);
    }
    if (findings.length > 0) return findings;
    if (okDates.length === 0) return [];
    return [
      {
        status: 'pass',
        message: `Units within the MUE on all ${okDates.length} date(s) with MUE-listed codes.`,
        dates: okDates,
        evidence: [],
      },
    ];
  },
};
