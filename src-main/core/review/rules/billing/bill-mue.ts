import { linesByDate, lineEvidence } from '../../lib/billing';
import type { Rule, RuleFinding } from '../../types';

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
    source:
      'CMS NCCI MUE practitioner file eff. 2026-04-01 (97546 MUE 2, MAI 3) via PayerReady; MAI semantics',
    severity: 'error',
    payers: ['MCR'],
    unverified: ['97545 MUE best value 1'],
  },
  check(episode, profile) {
    const mue = profile.thresholds.mue;
    const findings: RuleFinding[] = [];
    const okDates: string[] = [];
    const payer = profile.payerKind === 'medicare' ? 'Medicare MUE' : 'MUE';
    for (const [date, lines] of linesByDate(episode.billing)) {
      const codes = [...new Set(lines.map((l) => l.code))].filter((c) => mue[c] !== undefined);
      if (codes.length === 0) continue;
      let failed = false;
      for (const code of codes) {
        const own = lines.filter((l) => l.code === code);
        const units = own.reduce((a, l) => a + l.units, 0);
        const limit = mue[code]!;
        if (units <= limit) continue;
        failed = true;
        findings.push({
          status: 'fail',
          message: `${code} billed ${units} units on ${date}; ${payer} is ${limit}. Units above the MUE deny; modifiers do not bypass a date-of-service edit, only an appeal with the time records.`,
          dates: [date],
          evidence: lineEvidence(own),
        });
      }
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
