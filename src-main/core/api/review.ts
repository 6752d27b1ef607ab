import type { EpisodeModel } from '../../../shared/episode';
import type { IsoDate } from '../../../shared/model';
import type { ReviewedEpisode, ReviewReport } from '../../../shared/review';
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildEpisodeChunks, compareEpisodes, type PatientResolution } from '../episodes';
import { log, pathRef } from '../log';
import { recordAudit } from '../store/audit';
import { getSettings } from './settings';
import { applyDecisions } from './decisions';
import { episodeReviewer } from './episode-reviewer';
import { readEpisodeProfiles } from './episode-profiles';
import { bringReviewUpToDate, readStoredReviews } from './stored-review';
import { makeReport } from '../review/format';
import { loadPayerProfile } from '../review/profiles';
import type { PayerProfile } from '../review/types';
import type { Db } from '../store/db';

/**
 * What the rules say, versioned: stored reviews are rebuilt when it changes. Bump the last number
 * with any change to what the rules report (`test/review/rules-version.test.ts` holds the sample
 * chart's review to it; `npx tsx scripts/rules-golden.ts` renews that record after a bump).
 */
export const RULES_VERSION = 'catalog-v2/chartready-0.1.0/rules-4';

export interface ReviewOptions {
  /** "Today" for the review (ISO date); defaults to the current date. */
  asOf?: IsoDate;
  /**
   * Built-in profile name or a JSON profile file; default: the one chosen in Settings, else chosen
   * per episode from its payer.
   */
  profile?: string | null;
  /** Record the review in the audit log (default true; packets record their own entry). */
  audit?: boolean;
  /** Called as patients are reviewed, a few at a time (counts only). */
  onProgress?: (p: ReviewProgress) => void;
  /** Patients already matched (`resolvePatients`), to match them only once. */
  resolution?: PatientResolution;
  /** Worker threads for a stored review's rebuild (`BringUpToDateOptions.workers`). */
  workers?: number;
}

export interface ReviewProgress {
  patientsDone: number;
  patients: number;
  episodes: number;
}

/**
 * The profile every episode is reviewed with instead of the one its payer chooses: the one asked
 * for (command line), else the default chosen in Settings; null lets each episode's payer decide.
 * Every review reads it here, so `review`, `findings`, `decide`, packets and the app agree.
 */
export function overrideProfileName(db: Db, asked?: string | null): string | null {
  return asked ?? getSettings(db).defaultPayerProfile ?? null;
}

export function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Builds the episodes of the store and runs the rule catalog over each, chunk by chunk, in the
 * report's order (`compareEpisodes`): the models are dropped after review unless kept.
 */
function reviewEpisodes(
  db: Db,
  opts: {
    asOf: IsoDate;
    override: PayerProfile | null;
    keepModels: boolean;
  } & Pick<ReviewOptions, 'onProgress' | 'resolution'>,
): Array<{ reviewed: ReviewedEpisode; model: EpisodeModel | null }> {
  const review = episodeReviewer(opts.override, readEpisodeProfiles(db));
  const out: Array<{
    reviewed: ReviewedEpisode;
    model: EpisodeModel | null;
    order: Pick<EpisodeModel, 'patient' | 'start'>;
  }> = [];
  for (const { episodes: chunk, patientsDone, patients } of buildEpisodeChunks(
    db,
    { asOf: opts.asOf },
    undefined,
    opts.resolution,
  )) {
    for (const ep of chunk) {
      out.push({
        reviewed: review(ep),
        model: opts.keepModels ? ep : null,
        // What compareEpisodes reads, without holding on to the model's documents and lines.
        order: { patient: ep.patient, start: ep.start },
      });
    }
    opts.onProgress?.({ patientsDone, patients, episodes: out.length });
  }
  return out.sort((a, b) => compareEpisodes(a.order, b.order));
}

/** Builds every episode from the store and runs the rule catalog over each, keeping the models. */
export function runReview(
  db: Db,
  opts: ReviewOptions = {},
): ReviewReport & { models: EpisodeModel[] } {
  const { report, reviewed } = review(db, opts, true);
  return { ...report, models: reviewed.map((e) => e.model!) };
}

/**
 * The review without the models (`chartready review`, the benchmark): each chunk of episodes is
 * dropped once reviewed, so memory stays bounded on large stores.
 */
export function reviewStore(db: Db, opts: ReviewOptions = {}): ReviewReport {
  return review(db, opts, false).report;
}

function review(db: Db, opts: ReviewOptions, keepModels: boolean) {
  const asOf = opts.asOf ?? todayIso();
  const name = overrideProfileName(db, opts.profile);
  const override = name ? loadPayerProfile(name) : null;
  if (!keepModels && !db.readonly) {
    // The stored review, brought up to date: only patients whose inputs changed are built again.
    const up = bringReviewUpToDate(db, {
      asOf,
      rulesVersion: RULES_VERSION,
      override,
      overrideName: name,
      resolution: opts.resolution,
      keepRebuilt: true,
      onProgress: opts.onProgress,
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    });
    // Built again in full (a first review, a new rules version): the reviews are at hand, in the
    // order of the list; otherwise the stored ones are read back.
    const byId = new Map(up.rebuiltReviews.map((r) => [r.id, r]));
    const episodes =
      up.reused === 0 && byId.size === up.episodes.length
        ? up.episodes.map((e) => byId.get(e.id)!)
        : readStoredReviews(db);
    const report = finishReview(db, episodes, asOf, override, opts);
    return { report, reviewed: [] };
  }
  const reviewed = reviewEpisodes(db, { ...opts, asOf, override, keepModels });
  const report = finishReview(
    db,
    reviewed.map((e) => e.reviewed),
    asOf,
    override,
    opts,
  );
  return { report, reviewed };
}

function finishReview(
  db: Db,
  episodes: ReviewedEpisode[],
  asOf: IsoDate,
  override: PayerProfile | null,
  opts: ReviewOptions,
): ReviewReport {
  // Decisions carried, ids and "new" on every fail and warn finding; a recorded review remembers
  // which findings it reported.
  applyDecisions(db, episodes, { record: opts.audit !== false && !db.readonly });
  const report = makeReport(episodes, RULES_VERSION);
  let findings = 0;
  let fail = 0;
  let warn = 0;
  for (const e of episodes) {
    let episodeFail = 0;
    for (const f of e.findings) {
      if (f.status === 'fail') episodeFail++;
      else if (f.status === 'warn') warn++;
    }
    findings += e.findings.length;
    fail += episodeFail;
    log.debug('review.episode', {
      episode: e.id,
      profile: e.profile ?? null,
      findings: e.findings.length,
      fail: episodeFail,
    });
  }
  const summary = { episodes: episodes.length, findings, fail, warn };
  log.debug('review', { ...summary, asOf });
  if (opts.audit !== false) {
    recordAudit(db, 'review', {
      ...summary,
      asOf,
      rulesVersion: RULES_VERSION,
      profile: override?.name ?? null,
      episodeIds: episodes.map((e) => e.id),
    });
  }
  return report;
}

/**
 * Writes a formatted review to a file a chunk at a time (`jsonChunks`, `csvChunks`,
 * `textChunks`), or the bytes of a binary export (the client report's PDF or workbook), and
 * records the export (path, format, SHA-256 and size of the bytes written).
 */
export function writeReviewExport(
  db: Db,
  out: string,
  format: string,
  content: string | Uint8Array | Iterable<string>,
): void {
  const hash = createHash('sha256');
  let bytes = 0;
  const fd = openSync(out, 'w');
  try {
    const chunks =
      typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
    for (const chunk of chunks) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      for (let at = 0; at < buf.length;) at += writeSync(fd, buf, at);
      hash.update(buf);
      bytes += buf.length;
    }
  } finally {
    closeSync(fd);
  }
  recordExportHash(db, resolve(out), format, hash.digest('hex'), bytes);
}

/** An export handed to the user without a path here (a browser download): the audit entry only. */
export function recordExport(db: Db, output: string, format: string, content: Uint8Array): void {
  const sha256 = createHash('sha256').update(content).digest('hex');
  recordExportHash(db, output, format, sha256, content.length);
}

function recordExportHash(
  db: Db,
  output: string,
  format: string,
  sha256: string,
  bytes: number,
): void {
  recordAudit(db, 'export', { output, format, sha256, bytes });
  log.debug('review.export', { out: pathRef(output), format, sha256: sha256.slice(0, 16) });
}
