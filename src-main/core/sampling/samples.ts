/**
 * Probe samples in the store (migration 0011): drawn once from the frame as it stands, recorded
 * with the frame's description and hash, the seed and the method, so the draw can be repeated and
 * checked; and their statistics from the current review (error rate with a Clopper-Pearson
 * interval, dollars at risk projected to the frame).
 */
import type { IsoDate } from '../../../shared/model';
import type { EpisodeClaim } from '../../../shared/episode';
import type { ReviewedEpisode } from '../../../shared/review';
import { todayIso } from '../api/review';
import { forEachReviewedEpisode } from '../claims/reviewed-episodes';
import { chargesAtRisk, claimCharge, claimOpenErrors } from '../claims/open-errors';
import { recordAudit } from '../store/audit';
import { log } from '../log';
import type { Db } from '../store/db';
import { drawSample, SampleError } from './draw';
import {
  describeFrame,
  frameUnitsOf,
  orderFrame,
  type FrameDescription,
  type FrameUnit,
  type Stratification,
} from './frame';
import { clopperPearson, projectTotal, type Interval, type Projection } from './stats';

export { SampleError };

export const CONFIDENCE = 0.9;

export interface SampleMember {
  ordinal: number;
  claimId: string;
  episodeId: string;
  stratum: string | null;
}

export interface StoredSample {
  id: number;
  createdAt: string;
  method: string;
  per: Stratification | null;
  seed: string;
  n: number;
  frame: FrameDescription;
  members: SampleMember[];
}

export function methodOf(per: Stratification | null): string {
  const srs =
    'simple random sampling without replacement (partial Fisher-Yates over the frame in claim-id order; xoshiro128** seeded by splitmix64)';
  return per === null
    ? srs
    : `stratified by ${per}, proportional allocation (largest remainder, at least one claim per stratum while n allows); within each stratum, ${srs}`;
}

/** What one review gives the samples: every frame unit and the claims asked for, with their reviews. */
interface ReviewedClaims {
  units: FrameUnit[];
  claims: Map<string, { reviewed: Pick<ReviewedEpisode, 'findings'>; claim: EpisodeClaim }>;
}

/**
 * Reviews the store once (unrecorded, decisions carried) keeping no models: each episode's frame
 * units, and the claims `wanted` (every claim when null) with their episode's review.
 */
function reviewClaims(db: Db, asOf: IsoDate, wanted: ReadonlySet<string> | null): ReviewedClaims {
  const units: FrameUnit[] = [];
  const claims: ReviewedClaims['claims'] = new Map();
  forEachReviewedEpisode(db, { asOf }, (model, findings) => {
    units.push(...frameUnitsOf(model));
    for (const claim of model.claims)
      if ((!wanted || wanted.has(claim.claimId)) && !claims.has(claim.claimId))
        claims.set(claim.claimId, { reviewed: { findings }, claim });
  });
  return { units, claims };
}

export function createSample(
  db: Db,
  opts: { n: number; per: Stratification | null; seed: bigint; asOf?: IsoDate },
): StoredSample {
  return drawAndStore(db, opts, reviewClaims(db, opts.asOf ?? todayIso(), new Set()));
}

/** Draws and records a sample and reports on it from the same review (`chartready sample`). */
export function createSampleWithReport(
  db: Db,
  opts: { n: number; per: Stratification | null; seed: bigint; asOf?: IsoDate },
): SampleReport {
  const asOf = opts.asOf ?? todayIso();
  const reviewed = reviewClaims(db, asOf, null);
  const sample = drawAndStore(db, { ...opts, asOf }, reviewed);
  return reportFrom(sample, reviewed, asOf);
}

function drawAndStore(
  db: Db,
  opts: { n: number; per: Stratification | null; seed: bigint; asOf?: IsoDate },
  reviewed: ReviewedClaims,
): StoredSample {
  const asOf = opts.asOf ?? todayIso();
  const frame = orderFrame(reviewed.units);
  const drawn = drawSample(frame, opts);
  const frameDescription = describeFrame(frame, opts.per, asOf);
  const createdAt = new Date().toISOString();
  const method = methodOf(opts.per);
  const seed = opts.seed.toString();
  const members: SampleMember[] = drawn.map((u, i) => ({
    ordinal: i + 1,
    claimId: u.claimId,
    episodeId: u.episodeId,
    stratum: u.stratum,
  }));
  const id = db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO samples (created_at, method, per, seed, n, frame, frame_size, frame_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        createdAt,
        method,
        opts.per,
        seed,
        opts.n,
        JSON.stringify(frameDescription),
        frame.length,
        frameDescription.hash,
      );
    const sampleId = Number(lastInsertRowid);
    const insert = db.prepare(
      'INSERT INTO sample_members (sample_id, ordinal, claim_id, episode_id, stratum) VALUES (?, ?, ?, ?, ?)',
    );
    for (const m of members) insert.run(sampleId, m.ordinal, m.claimId, m.episodeId, m.stratum);
    // Claim ids and strata (payer or clinician names), never patients.
    recordAudit(db, 'sample', {
      sample: sampleId,
      per: opts.per,
      seed,
      n: opts.n,
      frameSize: frame.length,
      frameHash: frameDescription.hash,
      claims: members.map((m) => m.claimId),
    });
    return sampleId;
  })();
  log.debug('sample', { sample: id, n: opts.n, frame: frame.length, per: opts.per });
  return {
    id,
    createdAt,
    method,
    per: opts.per,
    seed,
    n: opts.n,
    frame: frameDescription,
    members,
  };
}

export function loadSample(db: Db, id: number): StoredSample | null {
  const row = db
    .prepare('SELECT id, created_at, method, per, seed, n, frame FROM samples WHERE id = ?')
    .get(id) as
    | {
        id: number;
        created_at: string;
        method: string;
        per: Stratification | null;
        seed: string;
        n: number;
        frame: string;
      }
    | undefined;
  if (!row) return null;
  const members = (
    db
      .prepare(
        'SELECT ordinal, claim_id, episode_id, stratum FROM sample_members WHERE sample_id = ? ORDER BY ordinal',
      )
      .all(id) as Array<{
      ordinal: number;
      claim_id: string;
      episode_id: string;
      stratum: string | null;
    }>
  ).map((m) => ({
    ordinal: m.ordinal,
    claimId: m.claim_id,
    episodeId: m.episode_id,
    stratum: m.stratum,
  }));
  return {
    id: row.id,
    createdAt: row.created_at,
    method: row.method,
    per: row.per,
    seed: row.seed,
    n: row.n,
    frame: JSON.parse(row.frame) as FrameDescription,
    members,
  };
}

export interface MemberResult extends SampleMember {
  charge: number;
  inError: boolean;
  /** Charges on the claim's dates with open error findings. */
  atRisk: number;
  rules: string[];
  /** The claim is no longer in the store's review (re-imported under another id, say). */
  missing: boolean;
}

export interface SampleReport {
  sample: Omit<StoredSample, 'members'>;
  asOf: IsoDate;
  members: MemberResult[];
  errorRate: { inError: number; n: number; rate: number; interval: Interval };
  dollarsAtRisk: { sampled: number; projected: Projection };
  /** True when the frame as it stands now differs from the one the sample was drawn from. */
  frameChanged: boolean;
}

export function sampleReport(
  db: Db,
  sample: StoredSample,
  opts: { asOf?: IsoDate } = {},
): SampleReport {
  const asOf = opts.asOf ?? todayIso();
  return reportFrom(
    sample,
    reviewClaims(db, asOf, new Set(sample.members.map((m) => m.claimId))),
    asOf,
  );
}

function reportFrom(sample: StoredSample, reviewed: ReviewedClaims, asOf: IsoDate): SampleReport {
  const { claims, units } = reviewed;
  // Decisions are applied to the findings when the review finishes, so errors are read after it.
  const members: MemberResult[] = sample.members.map((m) => {
    const hit = claims.get(m.claimId);
    if (!hit) return { ...m, charge: 0, inError: false, atRisk: 0, rules: [], missing: true };
    const errors = claimOpenErrors(hit.reviewed, hit.claim);
    return {
      ...m,
      charge: claimCharge(hit.claim),
      inError: errors.length > 0,
      atRisk: chargesAtRisk(hit.claim, errors),
      rules: [...new Set(errors.map((f) => f.rule))].sort(),
      missing: false,
    };
  });
  const x = members.filter((m) => m.inError).length;
  const n = members.length;
  const strata: Array<{ name: string | null; size: number; values: number[] }> = sample.frame.strata
    ? Object.entries(sample.frame.strata)
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([name, size]) => ({
          name,
          size,
          values: members.filter((m) => m.stratum === name).map((m) => m.atRisk),
        }))
    : [{ name: null, size: sample.frame.size, values: members.map((m) => m.atRisk) }];
  const current = describeFrame(orderFrame(units), sample.per, asOf);
  const { members: _members, ...meta } = sample;
  void _members;
  return {
    sample: meta,
    asOf,
    members,
    errorRate: { inError: x, n, rate: n ? x / n : 0, interval: clopperPearson(x, n, CONFIDENCE) },
    dollarsAtRisk: {
      sampled: Math.round(members.reduce((s, m) => s + m.atRisk, 0) * 100) / 100,
      projected: projectTotal(strata, CONFIDENCE),
    },
    frameChanged: current.hash !== sample.frame.hash,
  };
}
