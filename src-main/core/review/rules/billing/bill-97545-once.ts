import { billingDays, isPrimaryProgramLine, lineEvidence, unitsOf } from '../../lib/billing';
import { minutesOnDate } from '../../lib/time';
import type { Rule, RuleFinding } from '../../types';

/** BILL-97545-ONCE: the initial-2-hours code once per date of service. */
export const bill97545Once: Rule = {
  meta: {
    id: 'BILL-97545-ONCE',
    title: '97545 at most once per date of service',
    group: 'billing',
    source:
      'CPT descriptor (97545 = initial 2 hours); 28 TAC §134.230(2)(A) "first two hours of each session"',
    sources: [
      { text: 'CPT descriptor (97545 = initial 2 hours)' },
      { text: '28 TAC §134.230(2)(A) "first two hours of each session"', states: ['TX'] },
    ],
    severity: 'error',
    payers: ['ALL'],
    unverified: ['97545 MUE best value 1'],
  },
  check(episode, profile) {
    const findings: RuleFinding[] = [];
    const okDates: string[] = [];
    const texas = profile.thresholds.timeRule === 'texas-dwc';
    for (const { date, lines } of billingDays(episode.billing)) {
      if (!lines.some(isPrimaryProgramLine)) continue;
      const units = unitsOf(lines, '97545');
      if (units <= 1) {
        okDates.push(date);
        continue;
      }
      const primaries = lines.filter(isPrimaryProgramLine);
      const sessions = minutesOnDate(episode, date).sessions;
      if (texas && sessions.length >= 2) {
        // Texas bills the first two hours "of each session": two documented sessions may justify
        // two 97545 units, so this needs a reviewer rather than an error (rules.md BILL-97545-ONCE).
        findings.push({
          status: 'warn',
          severity: 'warning',
          message: `97545 billed ${units} times on ${date}; ${sessions.length} separate sessions are documented, which Texas DWC may allow ("first two hours of each session"). Review.`,
          dates: [date],
          evidence: [...lineEvidence(primaries), ...sessions.flatMap((s) => s.evidence)],
        });
        continue;
      }
      findings.push({
        status: 'fail',
        message: `97545 billed ${units} times on ${date}; the initial-2-hours code may be reported once per date of service.`,
        dates: [date],
        evidence: lineEvidence(primaries),
      });
    }
    if (findings.length > 0) return findings;
    if (okDates.length === 0) return [];
    return [
      {
        status: 'pass',
        message: `97545 billed at most once on each of ${okDates.length} date(s).`,
        dates: okDates,
        evidence: [],
      },
    ];
  },
};
