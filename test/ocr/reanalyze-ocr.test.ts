/**
 * `reanalyze` reads by OCR the pages an earlier version stored without text (no text layer, no
 * OCR then), from the file's stored bytes, and keeps what it read as OCR pages.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src-main/core/import/pipeline';
import { filesReadByOlderReader, reanalyzeStore } from '../../src-main/core/import/reanalyze';
import { closeOcrEngine } from '../../src-main/core/ocr';
import { rasterToPng } from '../../src-main/core/ocr/recognize';
import { openDatabase, type Db } from '../../src-main/core/store/db';
import { faxify, textPageRaster } from '../../scripts/sample-chart/fax';

const TYPED = [
  'Daily Treatment Note',
  'Patient: Nguyen, Linda    DOB: 02/11/1958',
  'Date of service: 10/06/2026',
  'Total treatment time: 40 minutes',
  'Electronically signed: Priya Raman, PT, DPT  10/06/2026',
];
const FAXED = [
  'Physician Order',
  'Patient: Nguyen, Linda    DOB: 02/11/1958',
  'Date: 10/01/2026',
  'Physical therapy: evaluate and treat, 2x/week for 4 weeks.',
  'Physician signature: Helen Park, DO   Date: 10/01/2026',
];

let dir: string;
let db: Db;

async function typedThenFaxed(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  TYPED.forEach((t, i) => page.drawText(t, { x: 50, y: 740 - i * 16, size: 11, font }));
  const scan = faxify(await textPageRaster(FAXED), { skew: 1, seed: 4 });
  const img = await doc.embedPng(rasterToPng(scan));
  doc.addPage([612, 792]).drawImage(img, { x: 0, y: 0, width: 612, height: 792 });
  return doc.save();
}

const pageRow = (page: number) =>
  db
    .prepare('SELECT text, source, confidence FROM pages WHERE page = ? ORDER BY id DESC LIMIT 1')
    .get(page) as { text: string; source: string | null; confidence: number | null };
const orders = () =>
  db
    .prepare("SELECT count(*) FROM documents WHERE type = 'physician-order'")
    .pluck()
    .get() as number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-reocr-'));
  mkdirSync(join(dir, 'chart'));
  writeFileSync(join(dir, 'chart', 'note_and_fax.pdf'), await typedThenFaxed());
  db = openDatabase(join(dir, 'store.db'));
  await importPaths(db, [join(dir, 'chart')]);
}, 120_000);

afterAll(async () => {
  await closeOcrEngine();
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('reanalyze and pages stored without text', () => {
  it('reads the faxed page of a typed PDF on import', () => {
    expect(pageRow(1).source).toBeNull();
    expect(pageRow(2)).toMatchObject({ source: 'ocr' });
    expect(pageRow(2).text).toContain('Helen Park');
    expect(orders()).toBe(1);
  });

  it('reads such a page again when an earlier version stored it empty', async () => {
    // As a version without OCR stored it: the page with no text, and no order read from it.
    db.exec('DELETE FROM pages WHERE page = 2');
    db.exec("INSERT INTO pages (file_id, page, text) SELECT id, 2, '' FROM files");
    db.exec("DELETE FROM documents WHERE type = 'physician-order'");
    expect(orders()).toBe(0);
    // Read by this version, a page without text is not a reason to read the file again...
    expect(filesReadByOlderReader(db)).toBe(0);
    // ...read by a version from before OCR, it is.
    db.exec('UPDATE file_readings SET extractor_version = 1');
    expect(filesReadByOlderReader(db)).toBe(1);

    const summary = await reanalyzeStore(db);
    expect(summary.failed).toEqual([]);
    expect(summary.files).toBe(1);
    expect(pageRow(2)).toMatchObject({ source: 'ocr' });
    expect(pageRow(2).confidence).toBeGreaterThan(70);
    expect(pageRow(2).text).toContain('Helen Park');
    expect(orders()).toBe(1);
    // Read once: nothing is left for the next reanalyze.
    expect(filesReadByOlderReader(db)).toBe(0);
  });
});
