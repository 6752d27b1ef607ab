/**
 * The review report (design/cli-contract.md "Review JSON"): types, the zod schema of the contract,
 * and a helper that turns one reviewed episode into its report entry.
 */
import { z } from 'zod';
import { localStamp } from '../../../../shared/dates';
import type { EpisodeModel } from '../../../../shared/episode';
import type { Finding } from '../../../../shared/model';
import type { ProfileSource, ReviewedEpisode, ReviewReport } from '../../../../shared/review';

// One contract for every shell (style.md "one typed contract"): the types live in shared/review.ts.
export type { ReviewedEpisode, ReviewReport } from '../../../../shared/review';

/**
 * A review's episodes in report order, which a large store's review reads from its stored rows
 * as they are reached instead of holding them all (an array is one).
 */
export interface EpisodeSequence extends Iterable<ReviewedEpisode> {
  readonly length: number;
  at(index: number): ReviewedEpisode | undefined;
}

/** What the formatters read: a report whose episodes may be read as they are reached. */
export interface ReportSource extends Omit<ReviewReport, 'episodes'> {
  episodes: EpisodeSequence;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const evidenceSchema = z.object({
  file: z.string().min(1),
  page: z.number().int().min(1),
  quote: z.string(),
  line: z.number().int().min(1).optional(),
});

export const decisionSchema = z.object({
  as: z.enum(['confirmed', 'not-a-defect', 'fixed']),
  reason: z.string().min(1),
  by: z.string().min(1),
  at: z.iso.datetime(),
  action: z.string().optional(),
  due: isoDate.optional(),
});

export const findingSchema = z.object({
  rule: z.string().regex(/^[A-Z]+(-[A-Z0-9]+)+$/, 'expected a catalog rule id'),
  status: z.enum(['pass', 'fail', 'warn', 'n/a']),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string().min(1),
  dates: z.array(isoDate),
  evidence: z.array(evidenceSchema),
  source: z.string().optional(),
  group: z.enum(['documentation', 'billing', 'authorization', 'program']).optional(),
  id: z.string().optional(),
  decision: decisionSchema.nullable().optional(),
  new: z.boolean().optional(),
  reopened: z.object({ previous: decisionSchema, why: z.string() }).optional(),
  refersTo: z
    .object({
      rule: z.string().regex(/^[A-Z]+(-[A-Z0-9]+)+$/, 'expected a catalog rule id'),
      dates: z.array(isoDate),
    })
    .optional(),
});

export const reviewedEpisodeSchema = z.object({
  id: z.string().min(1),
  patient: z.object({
    name: z.string(),
    mrn: z.string().optional(),
    dob: isoDate.nullable(),
  }),
  payer: z.object({
    name: z.string(),
    kind: z.enum(['medicare', 'workers-comp', 'commercial', 'other', 'unknown']),
    basis: z.array(z.string()).optional(),
  }),
  start: isoDate,
  end: isoDate,
  visits: z.number().int().nonnegative(),
  claims: z.array(z.string()),
  findings: z.array(findingSchema),
  profile: z.string().optional(),
  profileSource: z
    .discriminatedUnion('from', [
      z.object({
        from: z.literal('episode'),
        by: z.string().min(1),
        at: z.iso.datetime(),
        reason: z.string().min(1),
      }),
      z.object({ from: z.literal('default') }),
      z.object({ from: z.literal('payer'), payer: z.string(), payerList: z.string().nullable() }),
    ])
    .optional(),
  counts: z
    .object({
      fail: z.number().int(),
      warn: z.number().int(),
      pass: z.number().int(),
      na: z.number().int(),
      errors: z.number().int(),
      warnings: z.number().int(),
    })
    .optional(),
});

export const reviewReportSchema = z.object({
  generatedAt: z.iso.datetime(),
  rulesVersion: z.string().min(1),
  episodes: z.array(reviewedEpisodeSchema),
});

export function countFindings(
  findings: readonly Finding[],
): NonNullable<ReviewedEpisode['counts']> {
  // One pass over the findings, counted into the report's key order.
  const counts = { fail: 0, warn: 0, pass: 0, na: 0, errors: 0, warnings: 0 };
  for (const f of findings) {
    if (f.status === 'n/a') counts.na++;
    else counts[f.status]++;
    if (f.status !== 'fail' && f.status !== 'warn') continue;
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
  }
  return counts;
}

/** Visits = distinct dates of service seen in billing lines or daily notes. */
export function countVisits(episode: EpisodeModel): number {
  const dates = new Set<string>();
  for (const l of episode.billing) dates.add(l.dos);
  for (const d of episode.documents) if (d.type === 'daily-note' && d.date) dates.add(d.date);
  return dates.size;
}

/**
 * Why the episode's profile is what it is when its payer's kind did not choose it: never
 * silently commercial (rules.md section 4).
 */
export function profileNote(
  kind: EpisodeModel['payer']['kind'],
  profileName: string,
  source?: ProfileSource,
): string | null {
  if (source?.from === 'episode')
    return `profile ${profileName} set for this episode by ${source.by} on ${localStamp(source.at, false)}: ${source.reason}`;
  if (source?.from === 'default')
    return `profile ${profileName} applied to every episode of this review, whatever its payer`;
  if (kind === 'unknown') {
    return `reviewed with the ${profileName} profile until the payer's kind is set (Settings › Payers, or the payers command)`;
  }
  if (kind === 'other') {
    return `reviewed with the ${profileName} profile: no built-in profile for this kind of payer`;
  }
  return null;
}

export function toReviewedEpisode(
  episode: EpisodeModel,
  findings: Finding[],
  profileName?: string,
  source?: ProfileSource,
): ReviewedEpisode {
  const note = profileName ? profileNote(episode.payer.kind, profileName, source) : null;
  const claims = new Set<string>();
  for (const c of episode.claims) claims.add(c.claimId);
  for (const l of episode.billing) if (l.claimId) claims.add(l.claimId);
  return {
    id: episode.id,
    patient: {
      name: episode.patient.name,
      ...(episode.patient.mrn ? { mrn: episode.patient.mrn } : {}),
      dob: episode.patient.dob,
    },
    payer: {
      name: episode.payer.name,
      kind: episode.payer.kind,
      basis: note ? [...episode.payer.basis, note] : episode.payer.basis,
    },
    start: episode.start,
    end: episode.end,
    visits: countVisits(episode),
    claims: [...claims].sort(),
    findings,
    ...(profileName ? { profile: profileName } : {}),
    ...(profileName && source ? { profileSource: source } : {}),
    counts: countFindings(findings),
  };
}

export function makeReport(
  episodes: ReviewedEpisode[],
  rulesVersion: string,
  now: Date = new Date(),
): ReviewReport {
  return { generatedAt: now.toISOString(), rulesVersion, episodes };
}
