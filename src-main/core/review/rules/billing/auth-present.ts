import { authorizations, datesWith, lineEvidence, PROGRAM_CODES } from '../../lib/billing';
import type { Rule } from '../../types';

/**
 * AUTH-PRESENT: a written prior authorization for the program exists before the first program
 * date. Texas requires preauthorization and concurrent review for WC/WH programs (Labor Code
 * §413.014, SB 1494); NC requires it before entering the program.
 */
export const authPresent: Rule = {
  meta: {
    id: 'AUTH-PRESENT',
    title: 'Prior authorization on file for the program',
    group: 'authorization',
    source:
      'Texas Labor Code §413.014 (SB 1494, 2017) via TOA; TDI-DWC CARF preauthorization table; NC Industrial Commission fee schedule §12',
    sources: [
      {
        text: 'Texas Labor Code §413.014 (SB 1494, 2017) via TOA; TDI-DWC CARF preauthorization table',
        states: ['TX'],
      },
      { text: 'NC Industrial Commission fee schedule §12', states: ['NC'] },
    ],
    severity: 'error',
    payers: ['WC', 'COM'],
    decided: [
      "Of several authorizations on file before the program (an employer's authorization to examine and treat, then the payer's approval of the program), the one that states the most of an approval's elements (number, visits or hours, dates) is judged.",
    ],
  },
  check(episode) {
    const dates = datesWith(episode, PROGRAM_CODES);
    if (dates.length === 0) return [];
    const first = dates[0]!;
    const firstLines = episode.billing.filter((l) => l.dos === first && PROGRAM_CODES.has(l.code));
    const auths = authorizations(episode);
    if (auths.length === 0) {
      return [
        {
          status: 'fail',
          message: `No authorization on file for work conditioning starting ${first}.`,
          dates: [first],
          evidence: lineEvidence(firstLines),
        },
      ];
    }
    // An authorization counts as prior when its approved range or its own date reaches the first DOS.
    // Of several (an employer's authorization to examine, then the payer's approval of the
    // program), the one that states the most of what an approval states is the program's.
    const prior = auths
      .filter((a) => (a.start ?? a.doc.date ?? '9999-12-31') <= first)
      .reduce<(typeof auths)[number] | undefined>(
        (best, a) => (!best || missingOf(a).length < missingOf(best).length ? a : best),
        undefined,
      );
    if (!prior) {
      const earliest = auths[0]!;
      const from = earliest.start ?? earliest.doc.date ?? 'an unknown date';
      return [
        {
          status: 'fail',
          message: `Authorization ${earliest.number ?? '(no number)'} starts ${from}, after the first work conditioning date ${first}: services before it were not authorized.`,
          dates: [first],
          evidence: [...earliest.evidence, ...lineEvidence(firstLines)],
        },
      ];
    }
    const missing = missingOf(prior);
    if (missing.length > 0) {
      return [
        {
          status: 'fail',
          severity: 'warning',
          message: `Authorization on file for the program starting ${first} does not state: ${missing.join(', ')}.`,
          dates: [first],
          evidence: prior.evidence,
        },
      ];
    }
    return [
      {
        status: 'pass',
        message: `Authorization ${prior.number} (${prior.start} to ${prior.end}) on file before the first work conditioning date ${first}.`,
        dates: [first],
        evidence: prior.evidence,
      },
    ];
  },
};

/** What an authorization does not state of an approval: its number, its visits or hours, its dates. */
function missingOf(a: {
  number: string | null;
  visits: number | null;
  hours: number | null;
  start: string | null;
  end: string | null;
}): string[] {
  const missing: string[] = [];
  if (!a.number) missing.push('authorization number');
  if (a.visits === null && a.hours === null) missing.push('approved visits or hours');
  if (!a.start || !a.end) missing.push('approved date range');
  return missing;
}
