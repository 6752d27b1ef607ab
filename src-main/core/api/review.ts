import { localToday } from '../../../shared/dates';
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
import { applyDecisions, FindingMarks } from './decisions';
import { episodeReviewer } from './episode-reviewer';
import { readEpisodeProfiles } from './episode-profiles';
import { bringReviewUpToDate, storedReviewSequence } from './stored-review';
import { makeReport } from '../review/format';
import type { ReportSource } from '../review/format/report';
import { loadPayerProfile } from '../review/profiles';
import type { PayerProfile } from '../review/types';
import type { Db } from '../store/db';

/**
 * What the rules say, versioned: stored reviews are rebuilt when it changes. Bump the last number
 * with any change to what the rules report (`test/review/rules-version.test.ts` holds the sample
 * chart's review to it; `npx tsx scripts/rules-golden.ts` renews that record after a bump).
 */
export const RULES_VERSION = 'catalog-v2/chartready-0.1.0/rules-25';

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
  return localToday();
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
  const { report, reviewed } = review(db, opts);
  return { ...report, models: reviewed.map((e) => e.model!) };
}

/**
 * The review without the models (`chartready review`'s callers that want every episode at hand):
 * the stored review brought up to date, read back whole.
 */
export function reviewStore(db: Db, opts: ReviewOptions = {}): ReviewReport {
  const report = openReview(db, opts);
  return { ...report, episodes: [...report.episodes] };
}

/**
 * The review as `chartready review` writes it: brought up to date in the store, its episodes read
 * back from their stored rows as they are reached (with their decisions), so a large store's
 * report is never all in memory. Read it before the store changes again.
 */
export function openReview(db: Db, opts: ReviewOptions = {}): ReportSource {
  const asOf = opts.asOf ?? todayIso();
  const name = overrideProfileName(db, opts.profile);
  const override = name ? loadPayerProfile(name) : null;
  if (db.readonly) {
    // Nothing can be stored: built and reviewed here, every episode at hand.
    const episodes = reviewEpisodes(db, { ...opts, asOf, override, keepModels: false });
    return finishReview(
      db,
      episodes.map((e) => e.reviewed),
      asOf,
      override,
      opts,
    );
  }
  // Decisions carried, ids and "new" on every fail and warn finding of every episode (those built
  // again as they are made, the others read back); a recorded review remembers what it reported.
  const marks = new FindingMarks(db, { record: opts.audit !== false });
  const tally = new ReviewTally();
  const marked = new Set<string>();
  const mark = (r: ReviewedEpisode) => {
    marks.mark(r);
    tally.add(r);
  };
  const up = bringReviewUpToDate(db, {
    asOf,
    rulesVersion: RULES_VERSION,
    override,
    overrideName: name,
    resolution: opts.resolution,
    onRebuilt: (r) => {
      mark(r);
      marked.add(r.id);
    },
    onProgress: opts.onProgress,
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
  });
  if (up.reused > 0)
    for (const r of storedReviewSequence(db, () => {})) if (!marked.has(r.id)) mark(r);
  marks.flush();
  tally.record(
    db,
    up.episodes.map((e) => e.id),
    asOf,
    override,
    opts,
  );
  // Read back as the marks left them: the same decisions, and new what this review found new.
  const readMarks = new FindingMarks(db, { record: false, newSince: marks.fresh });
  return {
    generatedAt: new Date().toISOString(),
    rulesVersion: RULES_VERSION,
    episodes: storedReviewSequence(db, (r) => readMarks.mark(r)),
  };
}

function review(db: Db, opts: ReviewOptions) {
  const asOf = opts.asOf ?? todayIso();
  const name = overrideProfileName(db, opts.profile);
  const override = name ? loadPayerProfile(name) : null;
  const reviewed = reviewEpisodes(db, { ...opts, asOf, override, keepModels: true });
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
  const tally = new ReviewTally();
  for (const e of episodes) tally.add(e);
  tally.record(
    db,
    episodes.map((e) => e.id),
    asOf,
    override,
    opts,
  );
  return makeReport(episodes, RULES_VERSION);
}

/** A review's counts, and its debug log and audit entry. */
class ReviewTally {
  private episodes = 0;
  private findings = 0;
  private fail = 0;
  private warn = 0;

  add(e: ReviewedEpisode): void {
    let episodeFail = 0;
    for (const f of e.findings) {
      if (f.status === 'fail') episodeFail++;
      else if (f.status === 'warn') this.warn++;
    }
    this.findings += e.findings.length;
    this.fail += episodeFail;
    this.episodes++;
    log.debug('review.episode', {
      episode: e.id,
      profile: e.profile ?? null,
      findings: e.findings.length,
      fail: episodeFail,
    });
  }

  /** Logs the counts and, unless told not to, records the review (`ids`: its episodes, in order). */
  record(
    db: Db,
    ids: string[],
    asOf: IsoDate,
    override: PayerProfile | null,
    opts: ReviewOptions,
  ): void {
    const summary = {
      episodes: this.episodes,
      findings: this.findings,
      fail: this.fail,
      warn: this.warn,
    };
    log.debug('review', { ...summary, asOf });
    if (opts.audit !== false) {
      recordAudit(db, 'review', {
        ...summary,
        asOf,
        rulesVersion: RULES_VERSION,
        profile: override?.name ?? null,
        episodeIds: ids,
      });
    }
  }
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
