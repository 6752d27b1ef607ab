/** pdf.js in the renderer: worker from Vite's ?url import, no eval (strict CSP). */
import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { base64ToBytes } from '../api';
import { itemsForQuote } from './quote';
import { type Box, lineBoxes } from './highlight-boxes';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy };

export async function openPdf(base64: string): Promise<PDFDocumentProxy> {
  return pdfjs.getDocument({
    data: base64ToBytes(base64),
    isEvalSupported: false,
    enableXfa: false,
  }).promise;
}

export type { Box };

/** Render one page into the canvas at a CSS width; returns highlight boxes for `quote` (CSS px). */
export async function renderPage(
  doc: PDFDocumentProxy,
  pageNo: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
  quote?: string,
): Promise<{ boxes: Box[]; cssHeight: number }> {
  const page: PDFPageProxy = await doc.getPage(Math.min(Math.max(1, pageNo), doc.numPages));
  const base = page.getViewport({ scale: 1 });
  const scale = cssWidth / base.width;
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  await page.render({
    canvas,
    viewport,
    transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
  }).promise;
  const boxes: Box[] = [];
  if (quote) {
    const content = await page.getTextContent();
    const items = content.items.filter(
      (
        i,
      ): i is (typeof content.items)[number] & {
        str: string;
        transform: number[];
        width: number;
      } => 'str' in i,
    );
    for (const hit of itemsForQuote(items, quote)) {
      const it = items[hit.index]!;
      const tx = pdfjs.Util.transform(viewport.transform, it.transform);
      const fontHeight = Math.hypot(tx[2]!, tx[3]!);
      const width = it.width * scale;
      boxes.push({
        left: tx[4]! + width * hit.from,
        top: tx[5]! - fontHeight,
        width: Math.max(2, width * (hit.to - hit.from)),
        height: fontHeight * 1.2,
      });
    }
  }
  return { boxes: lineBoxes(boxes), cssHeight: viewport.height };
}
