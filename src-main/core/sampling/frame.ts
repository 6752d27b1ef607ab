/**
 * The sampling frame of a probe audit: every claim with billed lines in the store, one unit per
 * claim id, in a fixed order (by claim id), so a seed draws the same claims from the same frame.
 * Each unit carries its stratum keys: the payer, and the clinician (the rendering provider the
 * claim's lines name most, else who signed most of the episode's notes on its dates).
 */
import { createHash } from 'node:crypto';
import type { EpisodeClaim, EpisodeModel } from '../../../shared/episode';
import { claimCharge, claimDates } from '../claims/open-errors';

export type Stratification = 'clinician' | 'payer';

export interface FrameUnit {
  claimId: string;
  episodeId: string;
  payer: string;
  clinician: string;
  charge: number;
}

export interface FrameDescription {
  unit: 'claim';
  population: string;
  asOf: string;
  size: number;
  /** Units per stratum, when the sample is stratified. */
  strata: Record<string, number> | null;
  /** SHA-256 of the ordered units (claim, episode, stratum): the same hash is the same frame. */
  hash: string;
}

function mostFrequent(values: Array<string | null | undefined>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  // Ties go to the name first in alphabetical order, so the frame never depends on input order.
  for (const [v, c] of [...counts].sort((a, b) => a[0].localeCompare(b[0])))
    if (c > n) [best, n] = [v, c];
  return best;
}

function clinicianOf(model: EpisodeModel, claim: EpisodeClaim): string {
  const provider = mostFrequent(claim.lines.map((l) => l.provider));
  if (provider) return provider;
  const dates = claimDates(claim);
  const signers = model.documents
    .filter((d) => d.date && dates.has(d.date))
    .flatMap((d) => d.facts.filter((f) => f.kind === 'signer').map((f) => f.value));
  return (
    mostFrequent(signers) ??
    mostFrequent(
      model.documents.flatMap((d) =>
        d.facts.filter((f) => f.kind === 'signer').map((f) => f.value),
      ),
    ) ??
    'unknown'
  );
}

/** The frame units of one episode: its claims with billed lines. */
export function frameUnitsOf(model: EpisodeModel): FrameUnit[] {
  return model.claims
    .filter((claim) => claim.lines.length > 0)
    .map((claim) => ({
      claimId: claim.claimId,
      episodeId: model.id,
      payer: model.payer.name,
      clinician: clinicianOf(model, claim),
      charge: claimCharge(claim),
    }));
}

/**
 * One unit per claim id, in claim-id order. A claim billed in two episodes counts once, under the
 * episode with the smaller id, so the frame never depends on the order episodes were built in.
 */
export function orderFrame(units: Iterable<FrameUnit>): FrameUnit[] {
  const byClaim = new Map<string, FrameUnit>();
  for (const u of units) {
    const seen = byClaim.get(u.claimId);
    if (!seen || u.episodeId < seen.episodeId) byClaim.set(u.claimId, u);
  }
  return [...byClaim.values()].sort((a, b) =>
    a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0,
  );
}

export function stratumOf(unit: FrameUnit, per: Stratification | null): string | null {
  return per === null ? null : per === 'payer' ? unit.payer : unit.clinician;
}

export function describeFrame(
  frame: readonly FrameUnit[],
  per: Stratification | null,
  asOf: string,
): FrameDescription {
  const hash = createHash('sha256');
  const strata: Record<string, number> = {};
  for (const u of frame) {
    const s = stratumOf(u, per);
    hash.update(`${u.claimId}\t${u.episodeId}\t${s ?? ''}\n`);
    if (s !== null) strata[s] = (strata[s] ?? 0) + 1;
  }
  return {
    unit: 'claim',
    population: 'every claim with billed lines in the store',
    asOf,
    size: frame.length,
    strata: per ? strata : null,
    hash: hash.digest('hex'),
  };
}
