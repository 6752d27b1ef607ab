/**
 * The stored review's rebuild in worker threads (review-pool.ts) stores exactly what the rebuild
 * in the process stores, and reports the same: on the sample chart and on a generated store of
 * many patients (several groups per worker, answers written in group order), and when an
 * episode's own profile makes one patient dirty (the workers get the episode profiles too).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewedEpisode } from '../../shared/review';
import { reviewStore, RULES_VERSION } from '../../src-main/core/api/review';
import { setEpisodeProfile } from '../../src-main/core/api/episode-profiles';
import { reviewWorkers } from '../../src-main/core/api/review-pool';
import {
  bringReviewUpToDate,
  readStoredEpisodes,
  readStoredReviews,
} from '../../src-main/core/api/stored-review';
import { jsonChunks } from '../../src-main/core/review/format';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase, type Db } from '../../src-main/core/store/db';
import { generateEpisodes } from '../../scripts/bench/episodes';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';

let dir: string;

let made = 0;

/** Two copies of one store: one rebuilt in the process, one in workers. */
function copies(fill: (db: Db) => void | Promise<void>) {
  return async (): Promise<[Db, Db]> => {
    const a = join(dir, `${++made}-a.db`);
    const db = openDatabase(a);
    await fill(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    copyFileSync(a, join(dir, `${made}-b.db`));
    return [openDatabase(a), openDatabase(join(dir, `${made}-b.db`))];
  };
}

/** Every stored row of the review (the time it was made aside). */
function storedRows(db: Db) {
  return {
    episodes: db.prepare('SELECT * FROM episode_reviews ORDER BY rowid').raw().all(),
    patients: db.prepare('SELECT * FROM patient_reviews ORDER BY rowid').raw().all(),
    meta: db.prepare('SELECT generation, settings_key, as_of FROM stored_review').raw().all(),
    findings: db
      .prepare('SELECT episode_id, finding_ids FROM episode_findings ORDER BY rowid')
      .raw()
      .all(),
  };
}

function up(db: Db, workers: number) {
  const progress: unknown[] = [];
  const rebuiltReviews: ReviewedEpisode[] = [];
  const result = bringReviewUpToDate(db, {
    asOf: AS_OF,
    rulesVersion: RULES_VERSION,
    override: null,
    overrideName: null,
    onRebuilt: (r) => rebuiltReviews.push(r),
    workers,
    onProgress: (p) => progress.push(p),
  });
  return { result: { ...result, rebuiltReviews }, progress };
}

/** The review as `chartready review --json` writes it (its time stamp aside). */
function reviewJson(db: Db, workers: number): string {
  const report = reviewStore(db, { asOf: AS_OF, workers });
  return [...jsonChunks({ ...report, generatedAt: 'T' })].join('');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-review-workers-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['the sample chart', copies((db) => importPaths(db, [SAMPLE]).then(() => undefined))],
  ['a generated store of 300 episodes', copies((db) => generateEpisodes(db, 300, 6))],
  [
    "the sample chart, reviewed, then one episode's profile set",
    copies(async (db) => {
      await importPaths(db, [SAMPLE]);
      const { episodes } = up(db, 0).result;
      const medicare = episodes.find((e) => e.summary.profile === 'medicare')!;
      setEpisodeProfile(db, new Set(episodes.map((e) => e.id)), {
        episodeId: medicare.id,
        profile: 'texas-wc',
        reason: 'a Texas WC claim',
        by: 'J. Ruiz',
      });
    }),
  ],
])('review workers on %s', (name, make) => {
  it('store the same rows, in the same order, and return the same reviews', async () => {
    const [inProcess, inWorkers] = await make();
    try {
      expect(reviewWorkers(inWorkers, 0, 2)).toBe(2);
      const a = up(inProcess, 0);
      const b = up(inWorkers, 2);
      expect(a.result.workers).toBe(0);
      // One per group at most: the sample chart is one group.
      expect(b.result.workers).toBeGreaterThan(0);
      expect(b.result.rebuilt).toBe(a.result.rebuilt);
      expect(b.result.episodes).toEqual(a.result.episodes);
      expect(JSON.stringify(b.result.rebuiltReviews)).toBe(JSON.stringify(a.result.rebuiltReviews));
      expect([...b.result.payers]).toEqual([...a.result.payers]);
      expect(b.progress).toEqual(a.progress);
      expect(storedRows(inWorkers)).toEqual(storedRows(inProcess));
      expect(readStoredEpisodes(inWorkers)).toEqual(readStoredEpisodes(inProcess));
      expect(JSON.stringify(readStoredReviews(inWorkers))).toBe(
        JSON.stringify(readStoredReviews(inProcess)),
      );
      // The workers applied the episode's own profile, as the process did.
      const set = readStoredReviews(inWorkers).filter((e) => e.profileSource?.from === 'episode');
      expect(set.map((e) => e.profile)).toEqual(name.includes('profile set') ? ['texas-wc'] : []);
    } finally {
      inProcess.close();
      inWorkers.close();
    }
  }, 120_000);

  it('report the same review (the JSON the review command writes)', async () => {
    const [inProcess, inWorkers] = await make();
    try {
      // A first review (every patient rebuilt): the report comes from the rebuilt reviews.
      const a = reviewJson(inProcess, 0);
      const b = reviewJson(inWorkers, 2);
      expect(b).toBe(a);
      expect(storedRows(inWorkers)).toEqual(storedRows(inProcess));
      // Read back (nothing new this time): the same again.
      expect(reviewJson(inWorkers, 2)).toBe(reviewJson(inProcess, 0));
    } finally {
      inProcess.close();
      inWorkers.close();
    }
  }, 120_000);
});

describe('when workers are used', () => {
  it('only when asked (option or CHARTREADY_REVIEW_WORKERS), and never for a store in memory', () => {
    const mem = openDatabase(':memory:');
    const file = openDatabase(join(dir, 'asked.db'));
    const env = process.env.CHARTREADY_REVIEW_WORKERS;
    try {
      expect(reviewWorkers(mem, 1_000_000, 2)).toBe(0);
      delete process.env.CHARTREADY_REVIEW_WORKERS;
      expect(reviewWorkers(file, 1_000_000)).toBe(0);
      expect(reviewWorkers(file, 10, 2)).toBe(2);
      process.env.CHARTREADY_REVIEW_WORKERS = '2';
      expect(reviewWorkers(file, 1_000_000)).toBe(2);
      // A small rebuild (new notes for a few patients) stays in the process.
      expect(reviewWorkers(file, 100)).toBe(0);
      expect(reviewWorkers(file, 1_000_000, 0)).toBe(0);
    } finally {
      if (env === undefined) delete process.env.CHARTREADY_REVIEW_WORKERS;
      else process.env.CHARTREADY_REVIEW_WORKERS = env;
      mem.close();
      file.close();
    }
  });
});
