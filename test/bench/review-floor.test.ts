import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEpisodes } from '../../scripts/bench/episodes';
import { readReviewRows, reportShape, reviewFloor } from '../../scripts/bench/review-floor';
import { reviewStore } from '../../src-main/core/api/review';
import { openDatabase } from '../../src-main/core/store/db';

describe('review-floor (npm run bench)', () => {
  it('reads every row the review reads and measures the report the review made', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'cr-floor-')), 'floor.db'));
    generateEpisodes(db, 40, 12);
    const review = reviewStore(db, { asOf: '2026-11-24', audit: false });
    const shape = reportShape(review.episodes);
    expect(shape.episodes).toBe(40);
    let findings = 0;
    let evidence = 0;
    for (const e of review.episodes)
      for (const f of e.findings) {
        findings++;
        evidence += f.evidence.length;
      }
    expect(shape).toMatchObject({ findings, evidence });
    expect(shape.messageChars).toBeGreaterThan(findings * 20);

    const rows = readReviewRows(db);
    const count = (table: string) =>
      db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    expect(rows.documents).toBe(count('documents'));
    expect(rows.billingLines).toBe(count('billing_lines'));
    expect(rows.facts).toBeGreaterThan(rows.documents);

    const floor = reviewFloor(db, shape);
    expect(floor.readMs).toBeGreaterThan(0);
    expect(floor.reportMs).toBeGreaterThan(0);
    db.close();
  });
});
