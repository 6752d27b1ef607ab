/**
 * Image files through the import: a readable scan is stored with its OCR pages, a damaged or
 * unreadable one is reported by name (and page) while the batch goes on.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths, type ImportSummary } from '../../src-main/core/import/pipeline';
import { closeOcrEngine } from '../../src-main/core/ocr';
import { openDatabase, type Db } from '../../src-main/core/store/db';
import { faxify, faxTiff, normalResolution, textPageRaster } from '../../scripts/sample-chart/fax';
import { rasterToPng } from '../../src-main/core/ocr/recognize';

const NOTE = [
  'Daily Treatment Note',
  'Patient: Nguyen, Linda    DOB: 02/11/1958',
  'Date of service: 10/06/2026',
  'Total treatment time: 40 minutes',
  'Electronically signed: Priya Raman, PT, DPT  10/06/2026',
];

let dir: string;
let db: Db;
let summary: ImportSummary;
const result = (name: string) => summary.files.find((f) => f.path.endsWith(name));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-images-'));
  const chart = join(dir, 'chart');
  mkdirSync(chart);
  const page = faxify(await textPageRaster(NOTE), { skew: 1.2, seed: 9 });
  const blank = { width: 400, height: 300, data: new Uint8Array(400 * 300).fill(255) };
  writeFileSync(join(chart, 'scan_note.tif'), faxTiff([normalResolution(page)], 98));
  const png = rasterToPng(page);
  writeFileSync(join(chart, 'cut_short.png'), png.subarray(0, Math.floor(png.length / 2)));
  writeFileSync(
    join(chart, 'garbage.tif'),
    new Uint8Array([0x49, 0x49, 0x2a, 0, 0xff, 0xff, 0xff, 0x7f, 1, 2]),
  );
  writeFileSync(join(chart, 'blank.png'), rasterToPng(blank));
  writeFileSync(join(chart, 'not_an_image.jpg'), new Uint8Array([0, 1, 2, 3, 0, 5, 6, 7]));
  db = openDatabase(join(dir, 'images.db'));
  summary = await importPaths(db, [chart]);
}, 120_000);

afterAll(async () => {
  await closeOcrEngine();
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('importing scanned images', () => {
  it('stores a faxed TIFF note with its OCR page, source and confidence', () => {
    expect(result('scan_note.tif')).toMatchObject({ status: 'imported', documents: 1 });
    const row = db
      .prepare(
        `SELECT f.kind, p.source, p.confidence, p.ocr_words, p.text FROM pages p
           JOIN files f ON f.id = p.file_id WHERE f.path LIKE '%scan_note.tif'`,
      )
      .get() as {
      kind: string;
      source: string;
      confidence: number;
      ocr_words: string;
      text: string;
    };
    expect(row.kind).toBe('notes-image');
    expect(row.source).toBe('ocr');
    expect(row.confidence).toBeGreaterThan(70);
    expect(row.text).toContain('Nguyen, Linda');
    const layer = JSON.parse(row.ocr_words) as { width: number; height: number; words: unknown[] };
    // 204x98 dpi rows stretched back to the page's proportions.
    expect(layer.height / layer.width).toBeCloseTo(11 / 8.5, 1);
    expect(layer.words.length).toBeGreaterThan(15);
    const doc = db
      .prepare("SELECT type, date FROM documents WHERE patient_name LIKE 'Nguyen%'")
      .get();
    expect(doc).toEqual({ type: 'daily-note', date: '2026-10-06' });
  });

  it('reports damaged images by name as corrupt, and goes on', () => {
    expect(result('cut_short.png')).toMatchObject({ status: 'rejected', code: 'corrupt' });
    expect(result('cut_short.png')!.reason).toMatch(/damaged.*cut short/);
    expect(result('garbage.tif')).toMatchObject({ status: 'rejected', code: 'corrupt' });
    expect(result('garbage.tif')!.reason).toMatch(/damaged/);
    expect(result('not_an_image.jpg')).toMatchObject({ status: 'rejected', code: 'corrupt' });
  });

  it('reports an image with nothing legible as needing OCR, with its page', () => {
    expect(result('blank.png')).toMatchObject({ status: 'rejected', code: 'needs-ocr', page: 1 });
  });
});
