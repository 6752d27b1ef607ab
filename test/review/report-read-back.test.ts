/**
 * The review as `chartready review` writes it (`openReview`): its episodes are read back from the
 * stored review as the report is written, never held whole, and say exactly what the same episodes
 * held in memory say: the same JSON, CSV and text, "new" on what this review found new, decisions
 * carried. The desktop app keeps only what was new, and reads findings back when opened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideFinding, isDecidable } from '../../src-main/core/api/decisions';
import { openReview, reviewStore } from '../../src-main/core/api/review';
import { ChartReadyService } from '../../src-main/core/api/service';
import { importPaths } from '../../src-main/core/import/pipeline';
import { csvChunks, jsonChunks, textChunks } from '../../src-main/core/review/format';
import type { ReportSource } from '../../src-main/core/review/format/report';
import { openDatabase, type Db } from '../../src-main/core/store/db';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const AS_OF = '2026-11-24';

let dir: string;
let dbPath: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-read-back-'));
  dbPath = join(dir, 'store.db');
  db = openDatabase(dbPath);
  await importPaths(db, [SAMPLE]);
}, 120_000);

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Each format written from the sequence read back, and from the same episodes in an array. */
function formats(report: ReportSource) {
  const held = { ...report, episodes: [...report.episodes] };
  const write = (r: ReportSource) => ({
    json: [...jsonChunks(r)].join(''),
    csv: [...csvChunks(r)].join(''),
    text: [...textChunks(r)].join(''),
  });
  return { read: write(report), held: write(held), episodes: held.episodes };
}

describe('the review read back as it is written', () => {
  it('writes the same report as the episodes held in memory, new findings marked on a first review', () => {
    const report = openReview(db, { asOf: AS_OF });
    expect(report.episodes.length).toBeGreaterThan(1);
    const { read, held, episodes } = formats(report);
    expect(read.json).toBe(held.json);
    expect(read.csv).toBe(held.csv);
    expect(read.text).toBe(held.text);
    expect(JSON.parse(read.json)).toEqual(JSON.parse(JSON.stringify({ ...report, episodes })));
    const decidable = episodes.flatMap((e) => e.findings.filter(isDecidable));
    expect(decidable.length).toBeGreaterThan(0);
    // Everything is new on the first review, and read back as new every time it is read.
    expect(decidable.every((f) => f.new === true && typeof f.id === 'string')).toBe(true);
    expect([...report.episodes].flatMap((e) => e.findings.filter((f) => f.new))).toHaveLength(
      decidable.length,
    );
  });

  it('carries a decision into the report read back; a second review finds nothing new', () => {
    const current = reviewStore(db, { asOf: AS_OF, audit: false });
    const target = current.episodes.flatMap((e) => e.findings.filter(isDecidable))[0]!;
    decideFinding(db, current.episodes, {
      findingId: target.id!,
      as: 'not-a-defect',
      reason: 'documented in the scanned addendum',
    });
    const report = openReview(db, { asOf: AS_OF });
    const { read, held, episodes } = formats(report);
    expect(read.json).toBe(held.json);
    expect(read.text).toBe(held.text);
    const found = episodes.flatMap((e) => e.findings).find((f) => f.id === target.id);
    expect(found?.decision?.as).toBe('not-a-defect');
    expect(episodes.flatMap((e) => e.findings).some((f) => f.new)).toBe(false);
    expect(read.csv).toContain('documented in the scanned addendum');
  });
});

describe('the desktop app on a store it reviews when it opens', () => {
  it('counts and marks what its review found new, reading findings back when an episode opens', async () => {
    const fresh = join(dir, 'fresh.db');
    const store = openDatabase(fresh);
    await importPaths(store, [SAMPLE]);
    store.close();
    const service = new ChartReadyService({ dbPath: fresh, asOf: AS_OF });
    try {
      const list = await service.listEpisodes();
      let total = 0;
      for (const row of list) {
        const detail = await service.getEpisode({ id: row.id });
        const decidable = detail.findings.filter(isDecidable);
        expect(detail.findings.filter((f) => f.new)).toHaveLength(decidable.length);
        expect(row.review?.new).toBe(decidable.length);
        total += decidable.length;
      }
      expect(total).toBeGreaterThan(0);
    } finally {
      service.close();
    }
    // Opened again: the store's review is current, nothing is new.
    const again = new ChartReadyService({ dbPath: fresh, asOf: AS_OF });
    try {
      const list = await again.listEpisodes();
      expect(list.every((row) => row.review?.new === 0)).toBe(true);
      const detail = await again.getEpisode({ id: list[0]!.id });
      expect(detail.findings.some((f) => f.new)).toBe(false);
    } finally {
      again.close();
    }
  });
});
