/**
 * One group of patients built and reviewed for the stored review (stored-review.ts), and the rows
 * it stores, made the same way in the process and in a review worker (review-pool.ts): the
 * stored JSON is made here in both cases, so both store the same bytes.
 */
import type { EpisodeSummary } from '../../../shared/api';
import type { EpisodeModel } from '../../../shared/episode';
import type { IsoDate } from '../../../shared/model';
import type { ReviewedEpisode } from '../../../shared/review';
import { buildEpisodeChunks, type PatientResolution, type PayerDecision } from '../episodes';
import type { readRecordsRequests } from '../episodes/build';
import type { PayerProfile } from '../review/types';
import type { EpisodeProfile } from './episode-profiles';
import type { Db } from '../store/db';
import type { PayerListEntry } from '../store/payer-list';
import { findingId } from './decisions';
import { summarizeEpisode } from './episode-summary';
import { ALL_RULES } from '../review/rules';

/** What a payer name decided for one patient, as the episode builder reported it. */
export type PayerDecisionEntry = [name: string, decision: PayerDecision];

/** What building and reviewing a group reads besides the store (the same for every group). */
export interface GroupContext {
  asOf: IsoDate;
  override: PayerProfile | null;
  /** Profiles reviewers set for single episodes, by episode id. */
  episodeProfiles: ReadonlyMap<string, EpisodeProfile>;
  payerList: ReadonlyMap<string, PayerListEntry>;
  requests: ReturnType<typeof readRecordsRequests>;
  resolution: PatientResolution;
}

/** One error-severity failure: its rule, finding id and dates (none: the whole episode). */
export type ErrorFailure = [rule: string, findingId: string, dates: IsoDate[]];

/** One billed date of an episode and the charges billed on it. */
export type BilledDate = [date: IsoDate, charge: number];

/** An episode's stored columns, as JSON. */
export interface EpisodeRows {
  summary: string;
  reviewed: string;
  billed: string;
  errors: string;
}

export interface RebuiltEpisode {
  id: string;
  order: Pick<EpisodeModel, 'patient' | 'start'>;
  summary: EpisodeSummary;
  /** The columns to store (null when nothing is written: a read-only store). */
  rows: EpisodeRows | null;
  /**
   * The review (in the process), or null when it is to be read from its stored row (a worker's
   * answer) or not kept.
   */
  reviewed: ReviewedEpisode | null;
}

/** One patient built and reviewed again (`index` into the resolution). */
export interface RebuiltPatient {
  index: number;
  episodes: RebuiltEpisode[];
  asOfSensitive: boolean;
  claims: string[];
  payers: string[];
  decisions: PayerDecisionEntry[];
}

/**
 * What a group's results carry: the stored columns, and the reviews as objects, as their stored
 * rows only (`rows` then true: the caller reads them back), or not at all.
 */
export interface GroupOutput {
  rows: boolean;
  reviews: 'object' | 'stored' | 'none';
}

/**
 * Builds and reviews the patients of `group` (indices into the resolution, ascending; one chunk
 * of the episode builder) and returns each patient's results, in group order.
 */
export function reviewGroup(
  db: Db,
  group: readonly number[],
  ctx: GroupContext,
  review: (m: EpisodeModel) => ReviewedEpisode,
  out: GroupOutput,
): RebuiltPatient[] {
  const decisionsOf = new Map<number, PayerDecisionEntry[]>();
  const byPatient = new Map<number, EpisodeModel[]>();
  for (const chunk of buildEpisodeChunks(
    db,
    {
      asOf: ctx.asOf,
      payerList: ctx.payerList,
      requests: ctx.requests,
      onPayerDecision: (name, decision, patientId) => {
        if (name === null) return;
        const list = decisionsOf.get(patientId - 1);
        if (list) list.push([name, decision]);
        else decisionsOf.set(patientId - 1, [[name, decision]]);
      },
    },
    Infinity,
    ctx.resolution,
    group,
  )) {
    for (const m of chunk.episodes) {
      const index = m.patient.id - 1;
      const list = byPatient.get(index);
      if (list) list.push(m);
      else byPatient.set(index, [m]);
    }
  }
  return group.map((index) => {
    const models = byPatient.get(index) ?? [];
    const decisions = decisionsOf.get(index) ?? [];
    const episodes = models.map((m): RebuiltEpisode => {
      const r = review(m);
      const summary = summarizeEpisode(m, r);
      return {
        id: r.id,
        order: { patient: m.patient, start: m.start },
        summary,
        rows: out.rows
          ? {
              summary: JSON.stringify(summary),
              reviewed: storedJson(r),
              billed: JSON.stringify(billedDates(m)),
              errors: JSON.stringify(errorFailures(r)),
            }
          : null,
        reviewed: out.reviews === 'object' ? r : null,
      };
    });
    const claims = new Set<string>();
    for (const m of models) for (const c of m.claims) claims.add(c.claimId);
    return {
      index,
      episodes,
      asOfSensitive: asOfSensitive(models),
      claims: [...claims].sort(),
      payers: [...new Set(decisions.map(([name]) => name))].sort(),
      decisions,
    };
  });
}

/** Whether the review date can change this patient's episodes (care not ended by a discharge). */
function asOfSensitive(models: readonly EpisodeModel[]): boolean {
  return models.some(
    (m) =>
      !m.documents.some((d) => d.type === 'discharge-summary') ||
      (m.billing.length === 0 && !m.documents.some((d) => d.date)),
  );
}

/** The episode's billed dates, each with the sum of its lines' charges. */
function billedDates(m: EpisodeModel): BilledDate[] {
  const byDate = new Map<IsoDate, number>();
  for (const l of m.billing) byDate.set(l.dos, (byDate.get(l.dos) ?? 0) + (l.charge ?? 0));
  return [...byDate].sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * The error rows, their finding ids made here: the rest of the ids are made by `applyDecisions`
 * once the rebuild is done (made during it, all 600,000 of a large store raised its peak memory).
 */
function errorFailures(r: ReviewedEpisode): ErrorFailure[] {
  return r.findings
    .filter((f) => f.status === 'fail' && f.severity === 'error')
    .map((f) => [f.rule, findingId(r.id, f), f.dates]);
}

/** Each rule's full citation, which a stored finding leaves out when it cites exactly that. */
const RULE_SOURCE = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta.source]));

/**
 * A review as stored: each finding without its rule's group and, where it is the rule's full
 * citation, its source, which would repeat on every finding of every episode; `readReviewed` puts
 * them back. A source cited for one jurisdiction (review/lib/sources.ts) is kept. No finding has
 * an id yet (the review's decisions give it).
 */
function storedJson(r: ReviewedEpisode): string {
  return JSON.stringify({
    ...r,
    findings: r.findings.map(({ source, group: _g, ...f }) =>
      source === RULE_SOURCE.get(f.rule) ? f : { ...f, source },
    ),
  });
}
