/**
 * The readiness dashboard (issue 17) on the sample chart, from the stored review. The figures are
 * checked by hand against the review's error findings and the billed lines (arithmetic in the
 * comments), and against a count made here from the models of a review from scratch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboard } from '../../src-main/core/api/dashboard';
import { decideFinding } from '../../src-main/core/api/decisions';
import { reviewStore, runReview } from '../../src-main/core/api/review';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase, type Db } from '../../src-main/core/store/db';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-dashboard-'));
  db = openDatabase(join(dir, 'store.db'));
  await importPaths(db, [SAMPLE]);
  reviewStore(db, { asOf: AS_OF, audit: false });
}, 120_000);

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('readiness dashboard', () => {
  it('counts billed dates, passing dates and dollars at risk as the findings say', () => {
    const d = dashboard(db, AS_OF);
    // Dates with an open error, and the charges billed on them:
    //  Alvarez 09/11 (DOC-DAILY-TIME, BILL-WC-TIME-UNITS): 97545 420 + 97546 180 = 600
    //  Alvarez 09/17 (BILL-NCCI-UNBUNDLING): 420 + 180 + 97110 96 = 696
    //  Chen 08/19 (BILL-THERAPY-MODIFIER): 97110 96 + 97112 52 = 148
    //  Chen 08/26 (DOC-PROGRESS-10): 96 + 52 = 148
    //  Chen 08/31 (BILL-THERAPY-MODIFIER): 48 + 52 + 55 = 155
    //  Okafor 10/08 (DOC-DAILY-CONTENT, DOC-SIGNED): 420 + 180 = 600
    //  Okafor 10/14 (BILL-97546-REQUIRES-97545): 180
    // 7 dates, 600 + 696 + 148 + 148 + 155 + 600 + 180 = 2,527.
    expect(d.totals).toMatchObject({
      billedDates: 49,
      passingDates: 42,
      atRisk: 2527,
      episodes: 4,
    });
    expect(d.totals.readiness).toBeCloseTo(42 / 49, 10);
    const atRisk = Object.fromEntries(d.byPayer.map((p) => [p.label, p.atRisk]));
    expect(atRisk).toEqual({
      "Midwest Workers' Compensation Insurance Co.": 1296, // Alvarez 600 + 696 (Nguyen clean)
      "Great Lakes Mutual (Workers' Comp)": 780, // Okafor 600 + 180
      'Medicare Part B': 451, // Chen 148 + 148 + 155
    });
    expect(d.byMonth.map((m) => [m.key, m.atRisk])).toEqual([
      ['2026-08', 451],
      ['2026-09', 1296],
      ['2026-10', 780],
      ['2026-11', 0],
    ]);
    expect(d.byRule.find((r) => r.rule === 'BILL-THERAPY-MODIFIER')).toMatchObject({
      findings: 2,
      billedDates: 2,
      atRisk: 303,
    });
  });

  it('agrees with a count made from a review from scratch', () => {
    const scratch = runReview(db, { asOf: AS_OF, audit: false });
    let billed = 0;
    let passing = 0;
    let charges = 0;
    let risk = 0;
    scratch.models.forEach((m, i) => {
      const errors = scratch.episodes[i]!.findings.filter(
        (f) => f.status === 'fail' && f.severity === 'error',
      );
      const byDate = new Map<string, number>();
      for (const l of m.billing) byDate.set(l.dos, (byDate.get(l.dos) ?? 0) + (l.charge ?? 0));
      for (const [date, charge] of byDate) {
        billed++;
        charges += charge;
        if (errors.some((f) => f.dates.length === 0 || f.dates.includes(date))) risk += charge;
        else passing++;
      }
    });
    expect(dashboard(db, AS_OF).totals).toMatchObject({
      billedDates: billed,
      passingDates: passing,
      charges,
      atRisk: risk,
    });
  });

  it('leaves a finding dismissed as not a defect out, and the trend shows the change', () => {
    const before = dashboard(db, AS_OF);
    const report = reviewStore(db, { asOf: AS_OF, audit: false });
    const chen = report.episodes.find((e) => e.patient.name.startsWith('Chen'))!;
    const progress = chen.findings.find(
      (f) => f.rule === 'DOC-PROGRESS-10' && f.status === 'fail',
    )!;
    decideFinding(db, report.episodes, {
      findingId: progress.id!,
      as: 'not-a-defect',
      reason: 'the progress report is in the hospital chart (p. 14)',
      by: 'Test Reviewer',
    });
    const after = dashboard(db, AS_OF);
    expect(after.totals.atRisk).toBe(before.totals.atRisk - 148);
    expect(after.totals.passingDates).toBe(before.totals.passingDates + 1);
    expect(after.trend.length).toBe(before.trend.length + 1);
    expect(after.trend.at(-1)).toMatchObject({ asOf: AS_OF, atRisk: 2379 });
    // The same figures again add nothing to the trend.
    expect(dashboard(db, AS_OF).trend.length).toBe(after.trend.length);
  });
});
