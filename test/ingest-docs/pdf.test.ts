import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { PageText, ReadResult, Rejection } from '../../shared/model';
import { ReaderError } from '../../src-main/core/ingest/errors';
import { readPdf } from '../../src-main/core/ingest/pdf';
import { pdfNeedingPassword, pdfWithPages, pdfWithoutText } from './pdf-fixtures';

function pagesOf(r: ReadResult): PageText[] {
  if (r.kind !== 'notes') throw new Error(`expected notes, got ${r.kind}`);
  return r.pages;
}

async function rejectionOf(p: Promise<unknown>): Promise<Rejection> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ReaderError) return err.rejection;
    throw err;
  }
  throw new Error('expected a ReaderError');
}

const NOTE = [
  [
    { text: 'Work Conditioning Daily Note', x: 72, y: 720, size: 14 },
    { text: 'Date of Service: 03/04/2026', x: 72, y: 700 },
    { text: 'Time In: 8:00 AM', x: 72, y: 680 },
    { text: 'Time Out: 12:05 PM', x: 300, y: 680 },
  ],
  [],
  [{ text: 'Electronically signed by Jane Roe, PT, DPT', x: 72, y: 100 }],
];

describe('readPdf', () => {
  it('joins text into lines top to bottom, left to right, keeping original page numbers', async () => {
    const pages = pagesOf(await readPdf(await pdfWithPages(NOTE)));
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(pages[0]!.text).toBe(
      'Work Conditioning Daily Note\nDate of Service: 03/04/2026\nTime In: 8:00 AM\tTime Out: 12:05 PM',
    );
    expect(pages[1]!.text).toBe('');
    expect(pages[2]!.text).toBe('Electronically signed by Jane Roe, PT, DPT');
  });

  it('keeps each text run with its position and its offset into the page text', async () => {
    const page = pagesOf(await readPdf(await pdfWithPages(NOTE)))[0]!;
    const timeOut = page.items!.find((i) => i.str === 'Time Out: 12:05 PM')!;
    expect(timeOut.x).toBeCloseTo(300);
    expect(timeOut.y).toBeCloseTo(680);
    expect(timeOut.height).toBeCloseTo(11);
    for (const item of page.items!) {
      expect(page.text.slice(item.offset, item.offset + item.str.length)).toBe(item.str);
    }
    expect(page.items!.every((i) => i.str.trim() !== '')).toBe(true);
  });

  it('puts runs drawn out of order on the same baseline into one line, sorted by x', async () => {
    const bytes = await pdfWithPages([
      [
        { text: 'right', x: 300, y: 500 },
        { text: 'left', x: 72, y: 500.4 },
        { text: 'above', x: 200, y: 520 },
      ],
    ]);
    expect(pagesOf(await readPdf(bytes))[0]!.text).toBe('above\nleft\tright');
  });

  it('separates words by a space and columns (a gap over an em) by a tab', async () => {
    const bytes = await pdfWithPages([
      [
        { text: 'Lift', x: 72, y: 500 },
        // 3 pt past "Lift" (Helvetica 11 pt: 17.7 wide) is a word space; 60 pt is a column.
        { text: 'floor', x: 72 + 17.7 + 3, y: 500 },
        { text: '50 lb', x: 200, y: 500 },
      ],
    ]);
    expect(pagesOf(await readPdf(bytes))[0]!.text).toBe('Lift floor\t50 lb');
  });

  it('does not split a word drawn as touching runs', async () => {
    const bytes = await pdfWithPages([
      [
        { text: 'Pa', x: 72, y: 500 },
        // Helvetica 11pt "Pa" is 12.84 wide: the next run starts where it ends.
        { text: 'tient', x: 72 + 12.84, y: 500 },
      ],
    ]);
    expect(pagesOf(await readPdf(bytes))[0]!.text).toBe('Patient');
  });

  it('leaves the caller’s bytes usable (pdf.js detaches what it is given)', async () => {
    const bytes = await pdfWithPages(NOTE);
    await readPdf(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(pagesOf(await readPdf(bytes))).toHaveLength(3);
  });

  it('reads several PDFs concurrently without mixing them up', async () => {
    const texts = ['first note', 'second note', 'third note', 'fourth note'];
    const files = await Promise.all(texts.map((t) => pdfWithPages([[{ text: t, x: 72, y: 700 }]])));
    const read = await Promise.all(files.map((f) => readPdf(f)));
    expect(read.map((r) => pagesOf(r)[0]!.text)).toEqual(texts);
  });

  it('works inside a worker_thread', async () => {
    const bytes = await pdfWithPages(NOTE);
    // The worker loads TypeScript through tsx's loader, as the app's worker pool does through its build.
    const fixture = new URL('./pdf-worker-fixture.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(fixture)}); });`;
    const worker = new Worker(boot, { eval: true, workerData: bytes });
    const texts = await new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect((texts as string[])[2]).toBe('Electronically signed by Jane Roe, PT, DPT');
  });

  it('rejects a PDF with no text layer and nothing OCR can read as needing OCR', async () => {
    const r = await rejectionOf(readPdf(await pdfWithoutText()));
    expect(r.code).toBe('needs-ocr');
    expect(r.reason).toBe('no text layer on any of its 3 pages, and OCR found no legible text');
  });

  it('without OCR, rejects a PDF with no text layer as needing OCR', async () => {
    const r = await rejectionOf(readPdf(await pdfWithoutText(), { ocr: false }));
    expect(r).toMatchObject({
      code: 'needs-ocr',
      reason: 'no text layer on any of its 3 pages: needs OCR',
    });
  });

  it('rejects a single blank page as needing OCR', async () => {
    const r = await rejectionOf(readPdf(await pdfWithPages([[]])));
    expect(r).toMatchObject({
      code: 'needs-ocr',
      reason: 'no text layer on its only page, and OCR found no legible text',
      page: 1,
    });
  });

  it('rejects bytes that are not a PDF', async () => {
    const r = await rejectionOf(readPdf(new TextEncoder().encode('Daily Note\nnot a pdf')));
    expect(r.code).toBe('corrupt');
    expect(r.reason).toMatch(/not a PDF/);
  });

  it('rejects a truncated PDF as corrupt', async () => {
    const bytes = await pdfWithPages(NOTE);
    const r = await rejectionOf(readPdf(bytes.subarray(0, Math.floor(bytes.length * 0.6))));
    expect(r).toEqual({
      code: 'corrupt',
      reason: 'the PDF is damaged and cannot be read (Invalid PDF structure)',
    });
  });

  it('rejects a PDF header followed by garbage as corrupt', async () => {
    const r = await rejectionOf(readPdf(new TextEncoder().encode('%PDF-1.7\nnot really\n%%EOF')));
    expect(r.code).toBe('corrupt');
  });

  it('rejects a PDF that needs a password', async () => {
    const r = await rejectionOf(readPdf(await pdfNeedingPassword()));
    expect(r.code).toBe('invalid');
    expect(r.reason).toMatch(/password/);
  });

  it('rejects a PDF with more pages than allowed', async () => {
    const bytes = await pdfWithPages(NOTE);
    const r = await rejectionOf(readPdf(bytes, { maxPages: 2 }));
    expect(r).toMatchObject({ code: 'too-large' });
    expect(r.reason).toMatch(/3 pages, more than the limit of 2/);
    expect(pagesOf(await readPdf(bytes, { maxPages: 3 }))).toHaveLength(3);
  });
});
