/**
 * OCR failures by name (issue 15): a scan OCR could not read says what failed (no language data,
 * an unreadable image, a page too large, a page that took too long, nothing legible) and the
 * import's advice for it, instead of one message for all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Rejection } from '../../shared/model';
import { importAdvice, IMPORT_ADVICE, OCR_ADVICE } from '../../shared/import-advice';
import { ReaderError } from '../../src-main/core/ingest/errors';
import { readPdf } from '../../src-main/core/ingest/pdf';
import { readImageNote } from '../../src-main/core/ingest/image';
import { setOcrPageTimeout } from '../../src-main/core/ocr/engine';
import { checkLanguageData, ocrFailureOf, OcrFailureError } from '../../src-main/core/ocr/failure';
import { pdfWithPages, pdfWithoutText } from '../ingest-docs/pdf-fixtures';

async function rejectionOf(p: Promise<unknown>): Promise<Rejection> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ReaderError) return err.rejection;
    throw err;
  }
  throw new Error('expected a ReaderError');
}

const dirs: string[] = [];
afterAll(() => {
  setOcrPageTimeout(null);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('what OCR could not do, by name', () => {
  it('refuses a page too large to draw before drawing it', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([14_400, 14_400]); // 200 inches square: 40,000 pixels a side at 200 dpi
    const r = await rejectionOf(readPdf(await doc.save()));
    expect(r).toMatchObject({ code: 'needs-ocr', ocr: 'page-too-large', page: 1 });
    expect(r.reason).toMatch(/page 1: the page is too large to read by OCR \(40000x40000 pixels\)/);
    expect(importAdvice(r.code, r.ocr)).toMatch(/^A page is too large for OCR/);
  });

  it('says a blank scan has nothing legible', async () => {
    const r = await rejectionOf(readPdf(await pdfWithPages([[]])));
    expect(r).toMatchObject({ code: 'needs-ocr', ocr: 'nothing-legible' });
  }, 60_000);

  it('ends a page that takes too long, and says so', async () => {
    setOcrPageTimeout(1);
    try {
      // Pages with ink on them (a blank page is known empty without asking the engine).
      const r = await rejectionOf(readPdf(await pdfWithoutText()));
      expect(r).toMatchObject({ code: 'needs-ocr', ocr: 'timed-out' });
      expect(r.reason).toMatch(/OCR took longer than 0 s on the page/);
    } finally {
      setOcrPageTimeout(null);
    }
    // The engine it ended is started again for the next page.
    const again = await rejectionOf(readPdf(await pdfWithoutText()));
    expect(again.ocr).toBe('nothing-legible');
  }, 60_000);

  it('names missing language data', () => {
    const empty = mkdtempSync(join(tmpdir(), 'chartready-ocr-lang-'));
    dirs.push(empty);
    let thrown: unknown;
    try {
      checkLanguageData(empty);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(OcrFailureError);
    expect(ocrFailureOf(thrown)).toBe('no-language-data');
    expect(ocrFailureOf(new Error('wasm trap'))).toBe('engine-failed');
  });

  it('names an image it cannot decode', async () => {
    // A PNG signature and then nothing an image decoder can use.
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('not an image at all'),
    ]);
    const r = await rejectionOf(readImageNote(png));
    expect(r).toMatchObject({ code: 'corrupt', ocr: 'unreadable-image' });
  });

  it('gives each failure its own advice, naming what failed', () => {
    const texts = Object.values(OCR_ADVICE);
    expect(new Set(texts).size).toBe(texts.length);
    expect(importAdvice('needs-ocr', 'no-language-data')).toMatch(/language data is missing/);
    expect(importAdvice('needs-ocr', 'timed-out')).toMatch(/took too long/);
    expect(importAdvice('corrupt', 'unreadable-image')).toMatch(/could not be decoded/);
    // Without a named failure the code's advice stands.
    expect(importAdvice('needs-ocr')).toBe(IMPORT_ADVICE['needs-ocr']);
  });
});
