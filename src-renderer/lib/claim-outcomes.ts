import type { ClaimSummary } from '../../shared/api';

/**
 * An episode's claims that came back without payment, in the Episodes table's words: "denied" is
 * a denial with appeal rights; a claim returned as unprocessable (CO-4 with MA130) is counted apart,
 * as it is corrected and resubmitted, not appealed. Null when neither happened.
 */
export function claimOutcomeWords(claims: readonly ClaimSummary[]): string | null {
  const unprocessable = claims.filter((c) => c.denial && c.correction).length;
  const denied = claims.filter((c) => c.denial && !c.correction).length;
  const parts = [
    ...(denied ? [`${denied} denied`] : []),
    ...(unprocessable ? [`${unprocessable} unprocessable`] : []),
  ];
  return parts.length ? parts.join(', ') : null;
}
