/**
 * OCR inside the import's analysis threads (the built worker, as the app runs it): each thread
 * starts its own engine on its first scanned page, the pages read as they do in process, and
 * closing the pool ends the engines with their threads.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src-main/core/import/pipeline';
import { AnalyzePool } from '../../src-main/core/import/worker-pool';
import { closeOcrEngine } from '../../src-main/core/ocr';
import { openDatabase } from '../../src-main/core/store/db';
import { faxify, imageOnlyPdf, textPageRaster } from '../../scripts/sample-chart/fax';

const note = (day: string) => [
  'Daily Treatment Note',
  'Patient: Rivera, Sofia    MRN: 77001',
  `Date of service: 10/${day}/2026`,
  'Total treatment time: 45 minutes; 97110 30 min, 97140 15 min',
  `Electronically signed: Jane Roe, PT  10/${day}/2026`,
];

let dir: string;
const builtWorker = new URL('../../dist/node/analyze-worker.mjs', import.meta.url);

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { cwd: join(__dirname, '../..') });
  dir = mkdtempSync(join(tmpdir(), 'cr-pool-ocr-'));
  mkdirSync(join(dir, 'faxes'));
  for (const [i, day] of ['05', '07'].entries()) {
    const page = faxify(await textPageRaster(note(day)), { skew: i === 0 ? 1.5 : -2, seed: i + 1 });
    writeFileSync(join(dir, 'faxes', `fax-${day}.pdf`), await imageOnlyPdf([page]));
  }
}, 120_000);

afterAll(async () => {
  await closeOcrEngine();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('OCR in the analysis pool', () => {
  it('reads scanned pages in worker threads as in process, and closes', async () => {
    const rows = (file: string) => {
      const db = openDatabase(file);
      try {
        return db
          .prepare(
            `SELECT d.type, d.date, d.patient_name AS patient, p.source, p.text FROM documents d
               JOIN pages p ON p.file_id = d.file_id ORDER BY d.date`,
          )
          .all();
      } finally {
        db.close();
      }
    };
    const inProcess = openDatabase(join(dir, 'a.db'));
    await importPaths(inProcess, [join(dir, 'faxes')]);
    inProcess.close();
    const pooled = openDatabase(join(dir, 'b.db'));
    const pool = new AnalyzePool(2, { entry: builtWorker });
    const summary = await importPaths(pooled, [join(dir, 'faxes')], { analyze: pool.analyze });
    pooled.close();
    const started = Date.now();
    await pool.close();
    expect(Date.now() - started).toBeLessThan(5000);

    expect(summary.files.map((f) => f.status)).toEqual(['imported', 'imported']);
    const a = rows(join(dir, 'a.db'));
    expect(a).toMatchObject([
      { type: 'daily-note', date: '2026-10-05', patient: 'Rivera, Sofia', source: 'ocr' },
      { type: 'daily-note', date: '2026-10-07', patient: 'Rivera, Sofia', source: 'ocr' },
    ]);
    expect(rows(join(dir, 'b.db'))).toEqual(a);
  }, 180_000);
});
