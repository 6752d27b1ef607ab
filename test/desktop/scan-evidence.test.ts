/**
 * Evidence on scanned pages through the service: the sample chart's faxed physician order (a PDF
 * page with no text layer) and a two-page faxed TIFF. getEvidence must return the OCR words with
 * boxes on the page image as shown, so the viewer can draw the quote where it is printed; the
 * test measures that on the image itself: the quote's boxes must hold the ink of its letters.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceOcr, EvidencePage } from '../../shared/api';
import { ChartReadyService } from '../../src-main/core/api/service';
import { importPaths } from '../../src-main/core/import/pipeline';
import {
  closeOcrEngine,
  renderPageForOcr,
  type Raster,
  type RenderablePage,
} from '../../src-main/core/ocr';
import { greyFromRgba } from '../../src-main/core/ocr/raster';
import { openDatabase } from '../../src-main/core/store/db';
import { wordsForQuote } from '../../src-renderer/lib/quote';
import { faxify, faxTiff, normalResolution, textPageRaster } from '../../scripts/sample-chart/fax';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../assets/sample-chart');
const FAX = 'alvarez-maria/fax_scan_referral.pdf';
const FAX_QUOTE = 'Physician signature: Alan Kessler, MD Date: 08/31/2026';
const TIFF_QUOTE = 'Total treatment time: 40 minutes';

const TIFF_PAGES = [
  [
    'Daily Treatment Note',
    'Patient: Nguyen, Linda    DOB: 02/11/1958',
    'Date of service: 10/06/2026',
    'Therapeutic exercise and gait training as planned.',
    TIFF_QUOTE,
  ],
  [
    'Daily Treatment Note (continued)',
    'Patient: Nguyen, Linda    DOB: 02/11/1958',
    'Plan: continue per plan of care.',
    'Electronically signed: Priya Raman, PT, DPT  10/06/2026',
  ],
];

let dir: string;
let service: ChartReadyService;
let tiffPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-scan-evidence-'));
  const extra = join(dir, 'scans');
  mkdirSync(extra);
  const pages = [];
  for (const [i, lines] of TIFF_PAGES.entries())
    pages.push(normalResolution(faxify(await textPageRaster(lines), { skew: 1.5, seed: 3 + i })));
  writeFileSync(join(extra, 'nguyen_daily_note_fax.tif'), faxTiff(pages, 98));
  const dbPath = join(dir, 'scan.db');
  const db = openDatabase(dbPath);
  const summary = await importPaths(db, [SAMPLE, extra]);
  tiffPath = summary.files.find((f) => f.path.endsWith('.tif'))!.path;
  db.close();
  service = new ChartReadyService({ dbPath, asOf: '2026-11-24' });
}, 180_000);

afterAll(async () => {
  service?.close();
  await closeOcrEngine();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function pdfPageRaster(base64: string, pageNo: number): Promise<Raster> {
  const doc = await getDocument({
    data: new Uint8Array(Buffer.from(base64, 'base64')),
    verbosity: 0,
  }).promise;
  try {
    return await renderPageForOcr((await doc.getPage(pageNo)) as unknown as RenderablePage);
  } finally {
    await doc.destroy();
  }
}

async function imageRaster(base64: string): Promise<Raster> {
  const img = await loadImage(Buffer.from(base64, 'base64'));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return greyFromRgba(ctx.getImageData(0, 0, img.width, img.height).data, img.width, img.height);
}

type Rect = { x0: number; y0: number; x1: number; y1: number };

function ink(r: Raster, b: Rect): number {
  let n = 0;
  for (let y = Math.max(0, Math.floor(b.y0)); y < Math.min(r.height, Math.ceil(b.y1)); y++)
    for (let x = Math.max(0, Math.floor(b.x0)); x < Math.min(r.width, Math.ceil(b.x1)); x++)
      if (r.data[y * r.width + x]! < 128) n++;
  return n;
}

/**
 * Share of the ink around a word (its box grown by 40% of its height above and below) that lies
 * inside the box: near 1 when the box sits on the letters; a box off by a few pixels of height
 * (a skew not undone) leaves much of the word's ink outside.
 */
function held(r: Raster, b: Rect): number {
  const h = b.y1 - b.y0;
  const around = ink(r, { x0: b.x0 - 3, y0: b.y0 - 0.4 * h, x1: b.x1 + 3, y1: b.y1 + 0.4 * h });
  return around === 0 ? 0 : ink(r, b) / around;
}

function quoteWords(ocr: EvidenceOcr, quote: string) {
  const hit = wordsForQuote(ocr.words, quote);
  expect(hit, `quote "${quote}" among the OCR words`).not.toBeNull();
  return hit!.map((i) => ocr.words[i]!);
}

describe('getEvidence on scanned pages', () => {
  it('returns the fax page with OCR words whose boxes hold the quoted words on the image', async () => {
    const ev = await service.getEvidence({ file: FAX, page: 1 });
    expect(ev.kind).toBe('pdf');
    const page = ev as Extract<EvidencePage, { kind: 'pdf' }>;
    expect(page.ocr).toBeDefined();
    const ocr = page.ocr!;
    expect(ocr.confidence).toBeGreaterThan(70);
    const raster = await pdfPageRaster(page.pdfBase64, 1);
    expect([ocr.width, ocr.height]).toEqual([raster.width, raster.height]);
    const words = quoteWords(ocr, FAX_QUOTE);
    expect(words.map((w) => w.text).join(' ')).toMatch(/Kessler/);
    for (const w of words) expect(held(raster, w), w.text).toBeGreaterThan(0.9);
    // The quote ends right of the centre, where a deskew undone the wrong way puts the boxes off
    // by most of a line's height (measured: 5% of the ink held instead of over 90%).
    expect(words.at(-1)!.x1).toBeGreaterThan(ocr.width * 0.5);
  });

  it('sends no OCR words for a page with its own text layer', async () => {
    const typed = await service.getEvidence({
      file: 'alvarez-maria/2026-08-31_physician-order.pdf',
      page: 1,
    });
    expect(typed.kind).toBe('pdf');
    expect('ocr' in typed).toBe(false);
  });

  it('returns one TIFF page at a time as PNG, with its own words placed on that page', async () => {
    const first = await service.getEvidence({ file: tiffPath, page: 1 });
    const second = await service.getEvidence({ file: tiffPath, page: 2 });
    for (const ev of [first, second]) {
      expect(ev.kind).toBe('image');
      if (ev.kind !== 'image') return;
      expect(ev.mime).toBe('image/png');
      expect(ev.pageCount).toBe(2);
      const raster = await imageRaster(ev.imageBase64);
      // Fax "normal" rows are doubled: the image is shown at the size OCR read it.
      expect([raster.width, raster.height]).toEqual([ev.ocr.width, ev.ocr.height]);
      expect(raster.height).toBeGreaterThan(raster.width);
    }
    if (first.kind !== 'image' || second.kind !== 'image') return;
    expect(first.page).toBe(1);
    expect(second.page).toBe(2);
    const raster = await imageRaster(first.imageBase64);
    for (const w of quoteWords(first.ocr, TIFF_QUOTE))
      expect(held(raster, w), w.text).toBeGreaterThan(0.9);
    expect(wordsForQuote(second.ocr.words, TIFF_QUOTE)).toBeNull();
    expect(second.text).toMatch(/Priya Raman/);
  });
});
