import type { EpisodeModel } from '../../../../../shared/episode';
import type { IsoDate } from '../../../../../shared/model';
import {
  authCovers,
  authorizations,
  billedHours,
  daysBetween,
  billingDays,
  isPrimaryProgramLine,
  isProgramLine,
  lineEvidence,
  linesByDate,
} from '../../lib/billing';
import type { Rule } from '../../types';

/**
 * PROG-DURATION: program length against the payer's guideline limits (profile programLimits; a
 * 0 in one dimension means that dimension is not limited). ODG work conditioning: 10 visits over
 * 4 weeks, up to 30 hours (partially verified via Texas DWC decisions).
 * Severity per catalog: warning when over the limit without an extension authorization, error when
 * the authorization is exceeded too; pass when an authorization covers the extra length.
 */
export const progDuration: Rule = {
  meta: {
    id: 'PROG-DURATION',
    title: 'Program length within guideline limits',
    group: 'program',
    source:
      'ODG work conditioning criteria as applied in Texas DWC MCCH decisions; CA Labor Code §4604.5 24-visit cap; WA L&I work hardening',
    sources: [
      { text: 'ODG work conditioning criteria' },
      { text: 'Texas DWC MCCH decisions applying them', states: ['TX'] },
      { text: 'CA Labor Code §4604.5 24-visit cap', states: ['CA'] },
      { text: 'WA L&I work hardening', states: ['WA'] },
    ],
    severity: 'warning',
    payers: ['WC', 'COM'],
    unverified: [
      'ODG/MTUS program limits beyond Texas decisions (10 visits / 4 weeks / 30 hours)',
      'Whether CA work conditioning visits count toward the 24-visit cap',
    ],
  },
  check(episode, profile) {
    const limits = profile.thresholds.programLimits;
    if (!limits) return [];
    const span = programSpan(episode);
    if (!span) return [];
    const { first, last, visits } = span;
    // billedHours counts only 97545/97546, both program codes: no need to pick program lines first.
    const hours = billedHours(episode.billing);
    const spanDays = daysBetween(first, last) + 1;
    const weeks = Math.round((spanDays / 7) * 10) / 10;
    const over: string[] = [];
    if (limits.visits > 0 && visits > limits.visits) over.push(`${limits.visits} visits`);
    if (limits.weeks > 0 && spanDays > limits.weeks * 7) over.push(`${limits.weeks} weeks`);
    if (limits.hours > 0 && hours > limits.hours) over.push(`${limits.hours} hours`);
    const length = `${weeks} wk / ${visits} visits / ${hours} h (${first} to ${last})`;
    if (over.length === 0) {
      return [
        {
          status: 'pass',
          message: `Program length ${length} is within the ${profile.label} limits.`,
          dates: [first, last],
          evidence: [],
        },
      ];
    }
    const auths = authorizations(episode);
    const extension = auths.find(
      (a) =>
        authCovers(a, first) &&
        authCovers(a, last) &&
        (a.visits === null || a.visits >= visits) &&
        (a.hours === null || a.hours >= hours) &&
        (a.visits !== null || a.hours !== null),
    );
    const base = `Program length ${length} exceeds the ${profile.label} guideline limit ${over.join(', ')}`;
    if (extension) {
      return [
        {
          status: 'pass',
          message: `${base}, but authorization ${extension.number ?? '(no number)'} covers it.`,
          dates: [first, last],
          evidence: extension.evidence,
        },
      ];
    }
    const lastLines = linesByDate(episode.billing).get(last)!.filter(isProgramLine);
    return [
      {
        status: 'fail',
        severity: auths.length > 0 ? 'error' : 'warning',
        message:
          auths.length > 0
            ? `${base}, and the authorization on file does not cover it.`
            : `${base}, with no documented extension authorization.`,
        dates: [first, last],
        evidence: [...lineEvidence(lastLines), ...auths.flatMap((a) => a.evidence)],
      },
    ];
  },
};

/**
 * First and last date billing a program code, and the visits (dates billing 97545), from one walk
 * over the shared billing days (ascending); null when no program code is billed.
 */
function programSpan(
  episode: EpisodeModel,
): { first: IsoDate; last: IsoDate; visits: number } | null {
  let first: IsoDate | null = null;
  let last: IsoDate | null = null;
  let visits = 0;
  for (const { date, lines } of billingDays(episode.billing)) {
    if (!lines.some(isProgramLine)) continue;
    first ??= date;
    last = date;
    if (lines.some(isPrimaryProgramLine)) visits++;
  }
  return first !== null && last !== null ? { first, last, visits } : null;
}
