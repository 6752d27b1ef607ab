/**
 * Which of a review's findings put a claim at risk: error-severity fails not dismissed by a
 * reviewer ("not-a-defect"), on the claim's dates of service. A finding without dates (a missing
 * plan of care, say) concerns the whole episode and so every claim of it. Used by the deadlines
 * ("what is still missing") and by probe samples ("in error", dollars at risk).
 */
import type { EpisodeClaim } from '../../../shared/episode';
import type { Finding } from '../../../shared/model';
import type { ReviewedEpisode } from '../../../shared/review';

export function isOpenError(f: Finding): boolean {
  return f.status === 'fail' && f.severity === 'error' && f.decision?.as !== 'not-a-defect';
}

export function claimDates(claim: Pick<EpisodeClaim, 'lines'>): Set<string> {
  return new Set(claim.lines.map((l) => l.dos));
}

/** The open error findings of the episode that concern this claim's dates. */
export function claimOpenErrors(
  reviewed: Pick<ReviewedEpisode, 'findings'>,
  claim: Pick<EpisodeClaim, 'lines'>,
): Finding[] {
  const dates = claimDates(claim);
  return reviewed.findings.filter(
    (f) => isOpenError(f) && (f.dates.length === 0 || f.dates.some((d) => dates.has(d))),
  );
}

/**
 * Billed charges of the claim's lines on dates with an open error finding (every line when a
 * finding has no dates): what the payer could deny or recoup. Lines without a charge count 0.
 */
export function chargesAtRisk(claim: Pick<EpisodeClaim, 'lines'>, errors: Finding[]): number {
  if (errors.length === 0) return 0;
  const whole = errors.some((f) => f.dates.length === 0);
  const dates = new Set(errors.flatMap((f) => f.dates));
  let sum = 0;
  for (const l of claim.lines) if (whole || dates.has(l.dos)) sum += l.charge ?? 0;
  return Math.round(sum * 100) / 100;
}

export function claimCharge(claim: Pick<EpisodeClaim, 'lines'>): number {
  return Math.round(claim.lines.reduce((s, l) => s + (l.charge ?? 0), 0) * 100) / 100;
}
