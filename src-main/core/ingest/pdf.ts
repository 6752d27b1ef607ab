import type { OcrFailure, PageMark, ReadResult, PageText } from '../../../shared/model';
import { ocrFailureOf } from '../ocr/failure';
import {
  beforeOcrPage,
  isCancelled,
  ocrPageText,
  renderPageForOcr,
  PDF_OCR_DPI,
  type OcrProgress,
  type RenderablePage,
} from '../ocr';
import { ReaderError, reject } from './errors';
import { layoutPage, type PositionedRun } from './pdf-layout';
import { mayBeSignedByHand } from '../extract/signatures';
import { marksFromAnnotations, marksFromOperators, type AnnotationLike } from './pdf-marks';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export const DEFAULT_MAX_PAGES = 5000;

let pdfjsReady: Promise<PdfJs> | null = null;

/**
 * Loads pdf.js once per thread. In Node pdf.js runs its worker in-process ("fake worker"); handing
 * it the worker module through `globalThis.pdfjsWorker` avoids its relative dynamic import, which
 * breaks under bundlers and test runners. Each worker_thread has its own globalThis and module
 * graph, so this is per thread, and every document gets its own in-process worker port.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsReady ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsReady;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** pdf.js error messages are terse ("Invalid PDF structure."); say what they mean. */
function plainPdfError(err: unknown): { reason: string; code: 'corrupt' | 'invalid' } {
  const name = (err as { name?: string })?.name ?? '';
  const message = String((err as { message?: string })?.message ?? err).replace(/\.$/, '');
  if (name === 'PasswordException') {
    return { reason: 'the PDF is password-protected; save an unprotected copy', code: 'invalid' };
  }
  if (name === 'InvalidPDFException') {
    return { reason: `the PDF is damaged and cannot be read (${message})`, code: 'corrupt' };
  }
  return { reason: `the PDF could not be read: ${message}`, code: 'corrupt' };
}

/** Opens PDF bytes with pdf.js as every reader here does: no eval, no system or web fonts. */
function openDocument(pdfjs: Awaited<ReturnType<typeof loadPdfJs>>, bytes: Uint8Array) {
  return pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given; the caller keeps its bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
}

export async function readPdf(
  bytes: Uint8Array,
  opts: { maxPages?: number; ocr?: boolean; progress?: OcrProgress } = {},
): Promise<ReadResult> {
  const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
  if (!hasPdfHeader(bytes)) reject('not a PDF file (no %PDF header)', { code: 'corrupt' });
  const pdfjs = await loadPdfJs();
  const task = openDocument(pdfjs, bytes);
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      reject(plainPdfError(err).reason, { code: plainPdfError(err).code });
    }
    const count = doc.numPages;
    if (count === 0) reject('the PDF has no pages', { code: 'empty' });
    if (count > maxPages) {
      reject(`the PDF has ${count} pages, more than the limit of ${maxPages}`, {
        code: 'too-large',
      });
    }
    const pages: PageText[] = [];
    const ocrFailures: OcrPageFailure[] = [];
    for (let n = 1; n <= count; n++) {
      try {
        let page = await readPage(doc, n, pdfjs);
        if (page.text.trim() === '' && opts.ocr !== false) {
          beforeOcrPage(opts.progress, n, count);
          const read = await ocrPage(doc, n);
          if ('failure' in read) ocrFailures.push(read);
          else page = read;
        }
        pages.push(page);
      } catch (err) {
        if (err instanceof ReaderError || isCancelled(err)) throw err;
        const { reason, code } = plainPdfError(err);
        reject(`page ${n}: ${reason}`, { page: n, code });
      }
    }
    if (pages.every((p) => p.text.trim() === '')) {
      const what = count === 1 ? 'its only page' : `any of its ${count} pages`;
      if (opts.ocr === false) reject(`no text layer on ${what}: needs OCR`, { code: 'needs-ocr' });
      const failed = ocrFailures.find((f) => f.failure !== 'nothing-legible');
      reject(
        failed
          ? `no text layer, and OCR failed: ${failed.reason}`
          : `no text layer on ${what}, and OCR found no legible text`,
        {
          code: 'needs-ocr',
          ocr: failed?.failure ?? 'nothing-legible',
          ...(count === 1 ? { page: 1 } : {}),
        },
      );
    }
    return { kind: 'notes', format: 'pdf', pages };
  } finally {
    await task.destroy();
  }
}

type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * Reads the given pages of a PDF by OCR (`reanalyze`: pages stored without text by a version that
 * had no OCR). A page OCR cannot read comes back with empty text, still marked as OCR's reading.
 */
export async function ocrPdfPages(bytes: Uint8Array, pageNumbers: number[]): Promise<PageText[]> {
  const pdfjs = await loadPdfJs();
  const task = openDocument(pdfjs, bytes);
  try {
    const doc = await task.promise;
    const pages: PageText[] = [];
    for (const n of pageNumbers) {
      if (n < 1 || n > doc.numPages) continue;
      const read = await ocrPage(doc, n);
      pages.push('failure' in read ? { page: n, text: '', source: 'ocr', confidence: 0 } : read);
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/**
 * Marks on the given text pages of a PDF (`reanalyze`: pages stored by a version that did not look
 * for them), by page number; pages with no place for a hand signature get none.
 */
export async function pdfPageMarks(
  bytes: Uint8Array,
  pages: readonly PageText[],
): Promise<Map<number, PageMark[]>> {
  const pdfjs = await loadPdfJs();
  const task = openDocument(pdfjs, bytes);
  const out = new Map<number, PageMark[]>();
  try {
    const doc = await task.promise;
    for (const p of pages) {
      if (p.page < 1 || p.page > doc.numPages || p.text.trim() === '') continue;
      if (!mayBeSignedByHand(p.text)) {
        out.set(p.page, []);
        continue;
      }
      const page = await doc.getPage(p.page);
      try {
        out.set(p.page, await pageMarks(page, pdfjs));
      } finally {
        page.cleanup();
      }
    }
    return out;
  } finally {
    await task.destroy();
  }
}

/** A page OCR could not read: what failed, and the reason naming the page. */
interface OcrPageFailure {
  failure: OcrFailure;
  reason: string;
}

/**
 * A page without a text layer, rendered and read by OCR. A page OCR cannot read comes back as a
 * failure naming the page, and stays in the file as an empty page (the reader reports it).
 */
async function ocrPage(doc: PdfDoc, n: number): Promise<PageText | OcrPageFailure> {
  const page = await doc.getPage(n);
  try {
    const raster = await renderPageForOcr(page as unknown as RenderablePage);
    const read = await ocrPageText(n, raster, PDF_OCR_DPI);
    return read.text.trim() === ''
      ? { failure: 'nothing-legible', reason: `page ${n}: no legible text` }
      : read;
  } catch (err) {
    if (isCancelled(err)) throw err;
    const message = String((err as Error)?.message ?? err);
    return {
      failure: ocrFailureOf(err),
      reason: message.startsWith('page ') ? message : `page ${n}: ${message}`,
    };
  } finally {
    page.cleanup();
  }
}

async function readPage(doc: PdfDoc, n: number, pdfjs: PdfJs): Promise<PageText> {
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs: PositionedRun[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue; // marked-content markers carry no text
      const t = item.transform as number[];
      const [a, b, c, d, e, f] = viewport.transform as number[];
      const left = a! * t[4]! + c! * t[5]! + e!;
      const top = b! * t[4]! + d! * t[5]! + f!;
      runs.push({
        str: item.str,
        x: t[4]!,
        y: t[5]!,
        width: item.width,
        height: item.height,
        left,
        top,
      });
    }
    const read = layoutPage(n, runs);
    // Marks matter only where a hand signature could stand (a page without text goes to OCR);
    // elsewhere the page is known to hold none that matter.
    if (read.text.trim() !== '')
      read.marks = mayBeSignedByHand(read.text) ? await pageMarks(page, pdfjs) : [];
    return read;
  } finally {
    page.cleanup();
  }
}

type PdfPage = Awaited<ReturnType<PdfDoc['getPage']>>;

/** Images, vector ink and Ink/Stamp annotations on a page (see pdf-marks.ts). */
async function pageMarks(page: PdfPage, pdfjs: PdfJs): Promise<PageMark[]> {
  const [x0, y0, x1, y1] = page.view as number[];
  const area = Math.abs((x1! - x0!) * (y1! - y0!));
  const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  const marks = marksFromOperators(list.fnArray, list.argsArray, pdfjs.OPS, area);
  const annotations = (await page.getAnnotations()) as AnnotationLike[];
  return marks.concat(marksFromAnnotations(annotations));
}
