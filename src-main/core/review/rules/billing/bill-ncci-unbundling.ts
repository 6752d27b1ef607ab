import type { EpisodeBillingLine } from '../../../../../shared/episode';
import { billingDays, hasModifier, isProgramLine, lineEvidence } from '../../lib/billing';
import { minutesOnDate } from '../../lib/time';
import type { Rule, RuleFinding } from '../../types';
import { NCCI_PTP_PAIRS } from '../../../domain/codes';

/** The lines' codes, each once in first-seen order, joined for a message. */
function distinctCodes(lines: readonly EpisodeBillingLine[], separator = ', '): string {
  return [...new Set(lines.map((l) => l.code))].join(separator);
}

/**
 * The PTP pairs beyond the program's that the review knows (NCCI_PTP_PAIRS) billed on one date:
 * the column-2 code without a bypass modifier is the edit; with one, the date passes.
 */
function otherPairs(
  date: string,
  lines: readonly EpisodeBillingLine[],
  bypass: readonly string[],
  okDates: string[],
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const pair of NCCI_PTP_PAIRS) {
    const first = lines.filter((l) => pair.column1.includes(l.code));
    const second = lines.filter((l) => l.code === pair.column2);
    if (first.length === 0 || second.length === 0) continue;
    const unmodified = second.filter((l) => !hasModifier(l, bypass));
    if (unmodified.length === 0) {
      okDates.push(date);
      continue;
    }
    findings.push({
      status: 'fail',
      message: `${pair.column2} billed with ${distinctCodes(first, '/')} on ${date}: NCCI PTP edit; modifier absent (needs ${bypass.join('/')} on ${pair.column2} where the services were distinct).`,
      dates: [date],
      evidence: lineEvidence([...unmodified, ...first]),
    });
  }
  return findings;
}

/**
 * BILL-NCCI-UNBUNDLING: component therapy codes billed on a 97545/97546 date. Without a bypass
 * modifier it is an NCCI PTP edit (error); with one, the notes must show a distinct session,
 * otherwise the component minutes are likely inside the program time (double billing). For payers
 * without NCCI edits only that double billing is checked.
 */
export const billNcciUnbundling: Rule = {
  meta: {
    id: 'BILL-NCCI-UNBUNDLING',
    title: 'No component codes bundled into 97545/97546 without a distinct service',
    group: 'billing',
    source:
      'CMS NCCI PTP tables and modifier indicators (0/1/9); 97546 has 10 PTP relationships in the 2026 file',
    sources: [
      {
        text: 'CMS NCCI PTP tables and modifier indicators (0/1/9); 97546 has 10 PTP relationships in the 2026 file',
        payers: ['medicare'],
      },
    ],
    severity: 'error',
    payers: ['MCR', 'COM', 'WC'],
    decided: [
      'Where the payer applies NCCI PTP edits, the rule also checks the pairs of the PTP file it carries beyond the program codes (97140 with a multi-layer compression system 29581-29584, modifier indicator 1 since 2022): the full quarterly file is not bundled, so other pairs are not checked.',
    ],
    unverified: [
      'NCCI column-2 codes for 97545/97546 (profile ncciComponentCodes)',
      'Modifier indicator 1 (59/X{EPSU} may bypass) for these pairs',
    ],
  },
  check(episode, profile) {
    const { ncciComponentCodes, ncciBypassModifiers, ncciPtpEdits } = profile.thresholds;
    const bypass = ncciBypassModifiers.map((m) => m.toUpperCase());
    // A short list: includes() finds a code without building a Set per episode.
    const isComponent = (l: EpisodeBillingLine): boolean => ncciComponentCodes.includes(l.code);
    const findings: RuleFinding[] = [];
    const okDates: string[] = [];
    for (const { date, lines } of billingDays(episode.billing)) {
      if (ncciPtpEdits) findings.push(...otherPairs(date, lines, bypass, okDates));
      if (!lines.some(isProgramLine) || !lines.some(isComponent)) continue;
      const dm = minutesOnDate(episode, date);
      // Distinct service = separately timed sessions, or timed-code minutes recorded apart from the
      // program total (rules.md BILL-NCCI-UNBUNDLING computable (a)).
      const distinct = dm.sessions.length >= 2 || dm.timedMinutes !== null;
      // Most dates pass: the line lists and messages below are built only for a finding.
      const allModified = lines.every((l) => !isComponent(l) || hasModifier(l, bypass));
      if (ncciPtpEdits ? allModified && distinct : dm.sessions.length >= 2) {
        okDates.push(date);
        continue;
      }
      const program = lines.filter(isProgramLine);
      const parts = lines.filter(isComponent);
      const progCodes = distinctCodes(program, '/');
      if (!ncciPtpEdits) {
        // No PTP edit for this payer, but billing component minutes already inside the one
        // documented program session is double billing regardless of payer (rules.md (b)).
        findings.push({
          status: 'fail',
          message: `${distinctCodes(parts)} billed with ${progCodes} on ${date}: the notes document one session${dm.minutes !== null ? ` (${dm.minutes} min)` : ''} and no separate time for ${distinctCodes(parts)}, so its minutes are inside the program time (double billing).`,
          dates: [date],
          // The note's session time is what shows the overlap; the billed lines follow.
          evidence: [...dm.evidence, ...lineEvidence([...parts, ...program])],
        });
        continue;
      }
      if (!allModified) {
        const unmodified = parts.filter((l) => !hasModifier(l, bypass));
        findings.push({
          status: 'fail',
          message: `${distinctCodes(unmodified)} billed with ${progCodes} on ${date}: NCCI PTP edit; modifier absent (needs ${bypass.join('/')} and a distinct service); documentation ${distinct ? 'shows' : 'does not show'} a distinct service.`,
          dates: [date],
          evidence: lineEvidence([...unmodified, ...program]),
        });
      } else {
        findings.push({
          status: 'warn',
          severity: 'warning',
          message: `${distinctCodes(parts)} billed with ${progCodes} on ${date}: NCCI PTP edit; modifier present; documentation does not show a distinct service (no separate session or timed minutes), so the time may already be counted in the program.`,
          dates: [date],
          evidence: [...lineEvidence([...parts, ...program]), ...dm.evidence],
        });
      }
    }
    if (findings.length > 0) return findings;
    if (okDates.length === 0) return [];
    return [
      {
        status: 'pass',
        message: ncciPtpEdits
          ? `Component codes on program dates carry a bypass modifier and a distinct documented session (${okDates.length} date(s)).`
          : `Component codes on program dates were documented in separate sessions (${okDates.length} date(s)).`,
        dates: okDates,
        evidence: [],
      },
    ];
  },
};
