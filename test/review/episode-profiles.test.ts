/**
 * A reviewer's profile for one episode (issue 15) on the sample chart: stored with who, when and
 * why, each set and clear an audit-log entry; the stored review rebuilds only that episode's
 * patient, the episode's findings follow the profile set (as a review with that profile would
 * find them), the review JSON says where each profile came from, and clearing goes back to the
 * review as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewedEpisode } from '../../shared/review';
import {
  EpisodeProfileError,
  readEpisodeProfiles,
  setEpisodeProfile,
} from '../../src-main/core/api/episode-profiles';
import { reviewStore, runReview, RULES_VERSION } from '../../src-main/core/api/review';
import { bringReviewUpToDate, readStoredReviews } from '../../src-main/core/api/stored-review';
import { importPaths } from '../../src-main/core/import/pipeline';
import { reviewReportSchema } from '../../src-main/core/review/format';
import { readAuditLog, verifyAuditLog } from '../../src-main/core/store/audit';
import { openDatabase, type Db } from '../../src-main/core/store/db';
import { setPayerKind } from '../../src-main/core/store/payer-list';

const SAMPLE = join(import.meta.dirname, '../../assets/sample-chart');
const AS_OF = '2026-11-24';

let dir: string;
let db: Db;

const up = () =>
  bringReviewUpToDate(db, {
    asOf: AS_OF,
    rulesVersion: RULES_VERSION,
    override: null,
    overrideName: null,
  });

/** What the rules found, without the marks a recorded review adds. */
const findingsOf = (e: ReviewedEpisode) =>
  e.findings.map(({ id: _i, new: _n, decision: _d, reopened: _r, ...f }) => f);

const storedById = () => new Map(readStoredReviews(db).map((e) => [e.id, JSON.stringify(e)]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-episode-profile-'));
  db = openDatabase(join(dir, 'store.db'));
  await importPaths(db, [SAMPLE]);
}, 120_000);

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("an episode's profile set by a reviewer", () => {
  it('says where every profile came from in the review JSON: the payer, its list entry, or the default', () => {
    const report = reviewStore(db, { asOf: AS_OF, audit: false });
    expect(() => reviewReportSchema.parse(report)).not.toThrow();
    for (const e of report.episodes)
      expect(e.profileSource).toEqual({ from: 'payer', payer: e.payer.name, payerList: null });
    const listed = report.episodes.find((e) => e.payer.kind === 'workers-comp')!;
    setPayerKind(db, listed.payer.name, 'workers-comp', 'TX');
    const after = reviewStore(db, { asOf: AS_OF, audit: false });
    const entry = after.episodes.find((e) => e.id === listed.id)!;
    expect(entry.profileSource).toMatchObject({ from: 'payer', payerList: listed.payer.name });
    expect(entry.profile).toBe('texas-wc');
    const all = reviewStore(db, { asOf: AS_OF, audit: false, profile: 'commercial' });
    expect(all.episodes.every((e) => e.profileSource?.from === 'default')).toBe(true);
  });

  it('re-reviews exactly that episode with the profile set, then goes back when cleared', () => {
    up();
    const before = storedById();
    const patients = new Set(up().episodes.map((e) => e.patientKey)).size;
    const episodes = readStoredReviews(db);
    const target = episodes.find((e) => e.profile === 'medicare')!;
    expect(target, 'the sample chart has a Medicare episode').toBeDefined();

    const set = setEpisodeProfile(db, new Set(episodes.map((e) => e.id)), {
      episodeId: target.id,
      profile: 'texas-wc',
      reason: 'the carrier is a Texas WC insurer; the payer entry is shared with Medicare',
      by: 'J. Ruiz',
    });
    expect(set).toMatchObject({ profile: 'texas-wc', by: 'J. Ruiz' });
    expect(readEpisodeProfiles(db).get(target.id)?.profile).toBe('texas-wc');

    const r = up();
    expect(r.rebuilt).toBe(1);
    expect(r.reused).toBe(patients - 1);
    const after = storedById();
    const changed = [...after.keys()].filter((id) => after.get(id) !== before.get(id));
    expect(changed).toEqual([target.id]);

    // Its findings are what a review with Texas WC finds for it; it says who set it, when, why.
    const now = readStoredReviews(db).find((e) => e.id === target.id)!;
    const asTexas = runReview(db, { asOf: AS_OF, audit: false, profile: 'texas-wc' }).episodes.find(
      (e) => e.id === target.id,
    )!;
    expect(now.profile).toBe('texas-wc');
    expect(findingsOf(now)).toEqual(findingsOf(asTexas));
    expect(findingsOf(now)).not.toEqual(findingsOf(target));
    expect(now.profileSource).toEqual({
      from: 'episode',
      by: 'J. Ruiz',
      at: set!.at,
      reason: 'the carrier is a Texas WC insurer; the payer entry is shared with Medicare',
    });
    expect(now.payer.basis?.at(-1)).toContain('set for this episode by J. Ruiz');
    // The review report (CLI, reports) carries it too, within the contract's schema.
    const report = reviewStore(db, { asOf: AS_OF, audit: false });
    expect(() => reviewReportSchema.parse(report)).not.toThrow();
    expect(report.episodes.find((e) => e.id === target.id)?.profileSource?.from).toBe('episode');
    // Nothing changed since: nothing rebuilt.
    expect(up().rebuilt).toBe(0);

    setEpisodeProfile(db, new Set(episodes.map((e) => e.id)), {
      episodeId: target.id,
      profile: null,
      by: 'J. Ruiz',
    });
    expect(readEpisodeProfiles(db).has(target.id)).toBe(false);
    expect(up().rebuilt).toBe(1);
    expect(storedById()).toEqual(before);
  });

  it('records each set and clear in the audit log, without the reason, the chain verifying', () => {
    const entries = readAuditLog(db).filter(
      (e) => e.action === 'decision' && String(e.detail.event).startsWith('episode-profile'),
    );
    expect(entries.map((e) => e.detail.event)).toEqual([
      'episode-profile-set',
      'episode-profile-cleared',
    ]);
    expect(entries[0]!.detail).toMatchObject({
      profile: 'texas-wc',
      previous: null,
      by: 'J. Ruiz',
    });
    expect(entries[1]!.detail).toMatchObject({ profile: null, previous: 'texas-wc' });
    expect(JSON.stringify(entries)).not.toContain('Texas WC insurer');
    expect(verifyAuditLog(db).ok).toBe(true);
    // The rows are kept as written: the history cannot be changed.
    expect(() => db.prepare('DELETE FROM episode_profiles').run()).toThrow(/append-only/);
  });

  it('refuses an unknown episode or profile, naming the valid ones, and a set without a reason', () => {
    const ids = new Set(readStoredReviews(db).map((e) => e.id));
    const [first] = ids;
    expect(() =>
      setEpisodeProfile(db, ids, { episodeId: 'ep-nope', profile: 'texas-wc', reason: 'x' }),
    ).toThrow(new RegExp(`no episode with id ep-nope.*${first}`));
    expect(() =>
      setEpisodeProfile(db, ids, { episodeId: first!, profile: 'ohio-wc', reason: 'x' }),
    ).toThrow(/unknown profile ohio-wc: choose one of medicare, workers-comp, texas-wc/);
    expect(() =>
      setEpisodeProfile(db, ids, { episodeId: first!, profile: 'texas-wc', reason: '  ' }),
    ).toThrow(EpisodeProfileError);
    expect(() => setEpisodeProfile(db, ids, { episodeId: first!, profile: null })).toThrow(
      /no profile set to clear/,
    );
  });
});
