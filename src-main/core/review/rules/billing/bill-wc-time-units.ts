import type { Evidence } from '../../../../../shared/model';
import { ownerElsewhere, programUnitsOwner, referral } from '../../lib/owners';
import {
  assessProgramDates,
  hasVisitRecord,
  MIDPOINT_RULE_UNVERIFIED,
  unitsFinding,
} from '../../lib/time';
import type { Rule, RuleFinding } from '../../types';

/**
 * BILL-WC-TIME-UNITS: billed 97545/97546 units against documented minutes with the payer's time
 * rule. Shares assessWcDate with DOC-DAILY-TIME, so the two rules report identical numbers. It owns
 * the units defect; a date without minutes (or without a note) is undecidable here and referred to
 * the rule that reports the missing documentation (lib/owners.ts).
 */
export const billWcTimeUnits: Rule = {
  meta: {
    id: 'BILL-WC-TIME-UNITS',
    title: 'Work conditioning units match documented minutes (CPT midpoint rule)',
    group: 'billing',
    source: 'CPT time convention (midpoint rule); 28 TAC §134.230(2)(A); NC IC fee schedule §12',
    sources: [
      { text: 'CPT time convention (midpoint rule)' },
      { text: '28 TAC §134.230(2)(A)', states: ['TX'] },
      { text: 'NC IC fee schedule §12', states: ['NC'] },
    ],
    severity: 'error',
    payers: ['WC', 'COM'],
    unverified: [...MIDPOINT_RULE_UNVERIFIED],
  },
  check(episode, profile) {
    const findings: RuleFinding[] = [];
    const referrals: RuleFinding[] = [];
    const okDates: string[] = [];
    const okEvidence: Evidence[] = [];
    for (const { date, assessment: a } of assessProgramDates(
      episode,
      profile.thresholds.timeRule,
    )) {
      switch (a.verdict) {
        case 'no-minutes': {
          // No minutes to check units against: the missing note or the note without minutes is
          // the defect, and its owner reports it (lib/owners.ts).
          const owner = ownerElsewhere(
            hasVisitRecord(episode, date) ? 'note-minutes' : 'missing-note',
            'BILL-WC-TIME-UNITS',
            profile,
          );
          if (owner) {
            referrals.push(
              referral(owner, [date], `${a.message} Units cannot be checked.`, a.evidence.slice()),
            );
            break;
          }
          findings.push({
            status: 'warn',
            message: `${a.message} Units cannot be checked.`,
            dates: [date],
            evidence: a.evidence.slice(),
          });
          break;
        }
        case 'over':
        case 'under': {
          // 97546 without 97545, within the units the minutes support: the missing 97545 is the
          // defect, and BILL-97546-REQUIRES-97545 reports it.
          const owner = programUnitsOwner(a, 'BILL-WC-TIME-UNITS', profile);
          if (owner) {
            referrals.push(referral(owner, [date], a.message, a.evidence.slice()));
            break;
          }
          findings.push(unitsFinding(a));
          break;
        }
        default:
          // Matches count only while no date has failed: any finding replaces the pass.
          if (findings.length > 0) break;
          okDates.push(date);
          if (a.evidence.length > 0) okEvidence.push(a.evidence[0]!);
      }
    }
    if (findings.length > 0) return findings.concat(referrals);
    if (okDates.length === 0) return referrals;
    return [
      {
        status: 'pass',
        message: `Billed 97545/97546 units match the documented minutes on all ${okDates.length} date(s).`,
        dates: okDates,
        evidence: okEvidence,
      },
      ...referrals,
    ];
  },
};
