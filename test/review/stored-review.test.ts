/**
 * The stored, incremental review (issue 16) on the sample chart: a review with nothing changed
 * reads its results back without matching or building anything; an import, a payer-list change or
 * a later review date rebuilds only the patients it touches, and what is stored then equals a
 * review from scratch (the in-memory review that keeps its models).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewedEpisode } from '../../shared/review';
import { findingId, isDecidable } from '../../src-main/core/api/decisions';
import { reviewStore, runReview, RULES_VERSION } from '../../src-main/core/api/review';
import {
  bringReviewUpToDate,
  readStoredEpisodes,
  readStoredReviews,
} from '../../src-main/core/api/stored-review';
import { importPaths } from '../../src-main/core/import/pipeline';
import { loadPayerProfile } from '../../src-main/core/review/profiles';
import { openDatabase, type Db } from '../../src-main/core/store/db';
import { setPayerKind } from '../../src-main/core/store/payer-list';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';

let dir: string;
let db: Db;

function up(asOf = AS_OF, opts: { rulesVersion?: string; profile?: string } = {}) {
  return bringReviewUpToDate(db, {
    asOf,
    rulesVersion: opts.rulesVersion ?? RULES_VERSION,
    override: opts.profile ? loadPayerProfile(opts.profile) : null,
    overrideName: opts.profile ?? null,
  });
}

/** The review's content without what a recorded review adds (ids stay: they name the finding). */
function content(episodes: ReviewedEpisode[]): unknown {
  return episodes.map((e) => ({
    ...e,
    findings: e.findings.map(({ new: _n, decision: _d, reopened: _r, ...f }) => f),
  }));
}

/** A review of the store from scratch, nothing stored or read back. */
function fromScratch(asOf = AS_OF): unknown {
  return content(runReview(db, { asOf, audit: false }).episodes);
}

/** Stored reviews as a report gives them: finding ids (episode, rule, dates, evidence) added. */
function withIds(e: ReviewedEpisode): ReviewedEpisode {
  for (const f of e.findings) if (isDecidable(f)) f.id = findingId(e.id, f);
  return e;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-stored-'));
  db = openDatabase(join(dir, 'store.db'));
  await importPaths(db, [SAMPLE]);
}, 120_000);

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('stored review', () => {
  it('builds every patient once, then reads the stored results back without matching anyone', () => {
    const first = up();
    expect(first.rebuilt).toBeGreaterThan(1);
    expect(first.reused).toBe(0);
    expect(first.resolution).not.toBeNull();
    const again = up();
    expect(again.rebuilt).toBe(0);
    expect(again.resolution).toBeNull();
    expect(again.episodes).toEqual(first.episodes);
    // What is stored is what a review from scratch finds, episode by episode, in report order.
    const scratch = runReview(db, { asOf: AS_OF, audit: false });
    expect(readStoredEpisodes(db).map((e) => e.id)).toEqual(scratch.episodes.map((e) => e.id));
    expect(content(readStoredReviews(db).map(withIds))).toEqual(content(scratch.episodes));
  });

  it('the review command reports the stored results with decisions applied, the same as before', () => {
    const a = reviewStore(db, { asOf: AS_OF, audit: false });
    const b = reviewStore(db, { asOf: AS_OF, audit: false });
    expect(b.episodes).toEqual(a.episodes);
    expect(content(a.episodes)).toEqual(fromScratch());
  });

  it('a new note rebuilds only its patient; the episode keeps its id and grows by a visit', async () => {
    const before = readStoredEpisodes(db);
    const nguyen = before.find((e) => e.summary.patientName.startsWith('Nguyen'))!;
    const note = readFileSync(join(SAMPLE, 'nguyen-linda/2026-11-06_daily_note.txt'), 'utf8')
      .replace(/2026-11-06/g, '2026-11-07')
      .replace(/Treatment day \d+/, 'Treatment day 11');
    const extra = join(dir, 'addendum');
    mkdirSync(extra);
    writeFileSync(join(extra, '2026-11-07_daily_note.txt'), note);
    await importPaths(db, [extra]);

    const r = up();
    expect(r.rebuilt).toBe(1);
    expect(r.reused).toBe(new Set(before.map((e) => e.patientKey)).size - 1);
    const after = r.episodes.find((e) => e.id === nguyen.id);
    expect(after, 'the same episode, not a new one').toBeDefined();
    expect(after!.summary.visits).toBe(nguyen.summary.visits + 1);
    // Every other episode's stored row is untouched.
    for (const e of before.filter((x) => x.patientKey !== nguyen.patientKey))
      expect(r.episodes.find((x) => x.id === e.id)?.summary).toEqual(e.summary);
    expect(content(readStoredReviews(db).map(withIds))).toEqual(fromScratch());
  });

  it("a payer's kind set in the clinic list rebuilds only the patients whose items name it", () => {
    const list = up();
    const patients = new Set(list.episodes.map((e) => e.patientKey)).size;
    const medicare = list.episodes.filter((e) => e.summary.payerKind === 'medicare');
    expect(medicare.length).toBeGreaterThan(0);
    const names = new Set(medicare.map((e) => e.summary.payerName));
    const owners = new Set(medicare.map((e) => e.patientKey));
    setPayerKind(db, [...names][0]!, 'commercial', null);
    const r = up();
    expect(r.rebuilt).toBeGreaterThanOrEqual(1);
    expect(r.rebuilt).toBeLessThanOrEqual(owners.size);
    expect(r.rebuilt).toBeLessThan(patients);
    expect(content(readStoredReviews(db).map(withIds))).toEqual(fromScratch());
  });

  it('a later review date rebuilds only patients whose care a discharge has not ended', async () => {
    // A patient still in care: one daily note, no discharge.
    const note = readFileSync(join(SAMPLE, 'nguyen-linda/2026-11-06_daily_note.txt'), 'utf8')
      .replace(/Nguyen, Linda/g, 'Quill, Harriet')
      .replace(/1990-07-09/g, '1971-02-03')
      .replace(/200942/g, '300117')
      .replace(/2026-11-06/g, '2026-11-20');
    const extra = join(dir, 'in-care');
    mkdirSync(extra);
    writeFileSync(join(extra, 'quill_daily_note.txt'), note);
    await importPaths(db, [extra]);
    expect(up().rebuilt).toBe(1);
    const sensitive = db
      .prepare('SELECT count(*) FROM patient_reviews WHERE as_of_sensitive = 1')
      .pluck()
      .get() as number;
    expect(sensitive).toBeGreaterThanOrEqual(1);
    const r = up('2027-03-01');
    expect(r.rebuilt).toBe(sensitive);
    expect(r.reused).toBeGreaterThan(0);
    expect(content(readStoredReviews(db).map(withIds))).toEqual(fromScratch('2027-03-01'));
  });

  it('a new rules version or another profile for every episode rebuilds every patient', () => {
    const patients = new Set(up().episodes.map((e) => e.patientKey)).size;
    expect(up(AS_OF, { rulesVersion: 'catalog-test' }).rebuilt).toBe(patients);
    expect(up(AS_OF, { rulesVersion: 'catalog-test', profile: 'commercial' }).rebuilt).toBe(
      patients,
    );
    const r = up(AS_OF, { rulesVersion: 'catalog-test', profile: 'commercial' });
    expect(r.rebuilt).toBe(0);
    expect(r.episodes.every((e) => e.summary.profile === 'commercial')).toBe(true);
  });
});
