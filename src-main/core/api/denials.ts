import type { EpisodeClaim, EpisodeModel } from '../../../shared/episode';
import type { Adjustment } from '../../../shared/model';
import { ROUTINE_CARCS } from '../domain/carc';

/** CARCs that adjust a payment without denying anything (domain/carc.ts). */
const NOT_DENIALS = new Set(Object.keys(ROUTINE_CARCS));

export interface ClaimDenial {
  claimId: string;
  carc: string;
  group: string;
  remarks: string[];
  /** Dates of the lines the denial applies to (all the claim's dates for a claim-level denial). */
  dates: string[];
  /** Only some of the claim's service lines are denied; the others were processed. */
  linesOnly: boolean;
  remitDate: string | null;
}

function denialAdjustment(adjs: Adjustment[]): Adjustment | undefined {
  return adjs.find((a) => !NOT_DENIALS.has(a.carc) && a.amount > 0);
}

/** The denial on a claim, from its 835/EOB adjudication: claim status 4 or a denying CARC. */
export function claimDenial(
  claim: EpisodeClaim,
  remitDate: string | null = null,
): ClaimDenial | null {
  const remit = claim.remit;
  if (!remit) return null;
  const claimAdj = denialAdjustment(remit.adjustments);
  const lineDenials = remit.services
    .map((s) => ({ s, adj: denialAdjustment(s.adjustments) }))
    .filter((x): x is { s: (typeof remit.services)[number]; adj: Adjustment } => !!x.adj);
  const allDates = [...new Set(claim.lines.map((l) => l.dos))].sort();
  if (claimAdj || (remit.status === '4' && lineDenials.length === 0)) {
    return {
      claimId: claim.claimId,
      carc: claimAdj?.carc ?? lineDenials[0]?.adj.carc ?? '50',
      group: claimAdj?.group ?? 'CO',
      remarks: remit.remarks,
      dates: allDates,
      linesOnly: false,
      remitDate,
    };
  }
  if (lineDenials.length > 0) {
    const first = lineDenials[0]!;
    const dates = [
      ...new Set(
        lineDenials.map((x) => x.s.dos ?? remit.periodStart).filter((d): d is string => !!d),
      ),
    ].sort();
    return {
      claimId: claim.claimId,
      carc: first.adj.carc,
      group: first.adj.group,
      remarks: [...new Set([...remit.remarks, ...lineDenials.flatMap((x) => x.s.remarks)])],
      dates: dates.length ? dates : allDates,
      linesOnly: lineDenials.length < remit.services.length,
      remitDate,
    };
  }
  return null;
}

export function deniedClaims(episode: EpisodeModel): ClaimDenial[] {
  return episode.claims.map((c) => claimDenial(c)).filter((d): d is ClaimDenial => d !== null);
}
