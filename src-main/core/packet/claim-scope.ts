/**
 * Which billed lines and dates a packet is about. With a remit, only the lines it denied with this
 * CARC; without one (or when the remit does not say which lines), every line of the claim.
 */
import type { EpisodeBillingLine, EpisodeClaim, EpisodeModel } from '../../../shared/episode';
import type { IsoDate, RemitService } from '../../../shared/model';

export interface ClaimScope {
  claim: EpisodeClaim | null;
  lines: EpisodeBillingLine[];
  dates: IsoDate[];
}

function serviceMatchesLine(svc: RemitService, line: EpisodeBillingLine): boolean {
  return svc.code.toUpperCase() === line.code && (svc.dos === null || svc.dos === line.dos);
}

/** `carc` null = the whole claim (an ADR asks for the record of the claim, not of one denial). */
export function scopeOfClaim(
  episode: EpisodeModel,
  claimId: string | null,
  carc: string | null,
): ClaimScope {
  if (claimId === null) {
    return {
      claim: null,
      lines: episode.billing,
      dates: uniqueSorted(episode.billing.map((l) => l.dos)),
    };
  }
  const claim = episode.claims.find((c) => c.claimId === claimId);
  if (!claim) throw new Error(`Claim ${claimId} is not part of episode ${episode.id}`);
  let lines = claim.lines;
  const remit = claim.remit;
  if (carc !== null && remit && !remit.adjustments.some((a) => a.carc === carc)) {
    const denied = remit.services.filter((s) => s.adjustments.some((a) => a.carc === carc));
    const matched = claim.lines.filter((l) => denied.some((s) => serviceMatchesLine(s, l)));
    if (matched.length > 0) lines = matched;
  }
  return { claim, lines, dates: uniqueSorted(lines.map((l) => l.dos)) };
}

export function uniqueSorted(dates: IsoDate[]): IsoDate[] {
  return [...new Set(dates)].sort();
}
