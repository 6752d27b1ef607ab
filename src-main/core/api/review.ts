import type { EpisodeModel } from '../../../shared/episode';
import type { IsoDate } from '../../../shared/model';
import type { ReviewReport } from '../../../shared/review';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildEpisodes } from '../episodes';
import { log, pathRef } from '../log';
import { recordAudit, sha256Hex } from '../store/audit';
import { reviewEpisode } from '../review/engine';
import { makeReport, toReviewedEpisode } from '../review/format';
import { loadPayerProfile, profileForPayer } from '../review/profiles';
import type { PayerProfile } from '../review/types';
import type { Db } from '../store/db';

export const RULES_VERSION = 'catalog-v2/chartready-0.1.0';

export interface ReviewOptions {
  /** "Today" for the review (ISO date); defaults to the current date. */
  asOf?: IsoDate;
  /** Built-in profile name or a JSON profile file; default: chosen per episode from its payer. */
  profile?: string | null;
  /** Record the review in the audit log (default true; packets record their own entry). */
  audit?: boolean;
}

export function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

export function profileFor(episode: EpisodeModel, override: PayerProfile | null): PayerProfile {
  return override ?? profileForPayer(episode.payer.kind, episode.payer.state);
}

/** Builds every episode from the store and runs the rule catalog over each. */
export function runReview(
  db: Db,
  opts: ReviewOptions = {},
): ReviewReport & { models: EpisodeModel[] } {
  const asOf = opts.asOf ?? todayIso();
  const override = opts.profile ? loadPayerProfile(opts.profile) : null;
  const models = buildEpisodes(db, { asOf });
  // Built-in profiles are cloned on every lookup; rules only read them, so one per payer will do.
  const profiles = new Map<string, PayerProfile>();
  const episodes = models.map((ep) => {
    const key = `${ep.payer.kind}|${ep.payer.state ?? ''}`;
    let profile = profiles.get(key);
    if (!profile) profiles.set(key, (profile = profileFor(ep, override)));
    return toReviewedEpisode(ep, reviewEpisode(ep, profile), profile.name);
  });
  const report = makeReport(episodes, RULES_VERSION);
  const findings = episodes.flatMap((e) => e.findings);
  const summary = {
    episodes: episodes.length,
    findings: findings.length,
    fail: findings.filter((f) => f.status === 'fail').length,
    warn: findings.filter((f) => f.status === 'warn').length,
  };
  for (const e of episodes) {
    log.debug('review.episode', {
      episode: e.id,
      profile: e.profile ?? null,
      findings: e.findings.length,
      fail: e.findings.filter((f) => f.status === 'fail').length,
    });
  }
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
  return { ...report, models };
}

/** Writes a formatted review to a file and records the export (path, format, content hash). */
export function writeReviewExport(db: Db, out: string, format: string, content: string): void {
  writeFileSync(out, content);
  const sha256 = sha256Hex(content);
  recordAudit(db, 'export', { output: resolve(out), format, sha256, bytes: content.length });
  log.debug('review.export', { out: pathRef(out), format, sha256: sha256.slice(0, 16) });
}
