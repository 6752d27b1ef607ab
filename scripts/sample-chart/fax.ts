/**
 * Fax-like scans of known text, for the sample chart, the OCR tests and the benchmark: the text is
 * set in a PDF with a standard font, drawn by pdf.js (glyph outlines from pdfjs-dist's bundled
 * font programs, so no system font is involved and the bytes are the same on every machine),
 * then turned as a sheet fed crooked, thresholded as a fax machine does, and sprinkled with
 * seeded noise. Pages come out at 204 dpi across, 196 ("fine") or 98 ("normal") dpi down.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { renderPageForOcr, type RenderablePage } from '../../src-main/core/ocr';
import type { Raster } from '../../src-main/core/ocr/raster';
import type { Block } from './layout';
import { rasterToPng } from '../../src-main/core/ocr/recognize';

const require = createRequire(import.meta.url);
const STANDARD_FONTS = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts/');

export const FAX_DPI_X = 204;
export const FAX_DPI_FINE = 196;

export interface FaxOptions {
  /** Degrees the sheet is turned, counter-clockwise positive (fax feeders: up to about 3). */
  skew?: number;
  seed?: number;
  font?: 'Helvetica' | 'Courier' | 'Times';
  size?: number;
  /** A fax header line across the top ("FROM: ... PAGE 1/1"). */
  header?: string;
}

const FONTS = {
  Helvetica: StandardFonts.Helvetica,
  Courier: StandardFonts.Courier,
  Times: StandardFonts.TimesRoman,
} as const;

/** Linear congruential generator: the same noise for the same seed, everywhere. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) / 16777216;
  };
}

let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;
function loadPdfJs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/** The text set on a letter page and drawn at 204 dpi, grey. */
export async function textPageRaster(lines: string[], opts: FaxOptions = {}): Promise<Raster> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(FONTS[opts.font ?? 'Helvetica']);
  const page = doc.addPage([612, 792]);
  const size = opts.size ?? 11;
  let y = 792 - 60;
  if (opts.header) {
    page.drawText(opts.header, { x: 30, y: 770, size: 8, font, color: rgb(0, 0, 0) });
  }
  for (const line of lines) {
    if (line !== '') page.drawText(line, { x: 66, y, size, font, color: rgb(0, 0, 0) });
    y -= size * 1.55;
  }
  const bytes = await doc.save({ useObjectStreams: false });
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: STANDARD_FONTS,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const p = await pdf.getPage(1);
    return await renderPageForOcr(p as unknown as RenderablePage, FAX_DPI_X);
  } finally {
    await task.destroy();
  }
}

/** Turned by `degrees` about the centre (nearest pixel), thresholded, with specks and dropouts. */
export function faxify(page: Raster, opts: FaxOptions = {}): Raster {
  const { width, height } = page;
  const out = new Uint8Array(width * height).fill(255);
  const a = ((opts.skew ?? 0) * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The source pixel that lands here when the sheet is turned by `a`.
      const sx = Math.round(cos * (x - cx) - sin * (y - cy) + cx);
      const sy = Math.round(sin * (x - cx) + cos * (y - cy) + cy);
      if (sx < 0 || sy < 0 || sx >= width || sy >= height) continue;
      out[y * width + x] = page.data[sy * width + sx]! < 150 ? 0 : 255;
    }
  }
  const rnd = rng(opts.seed ?? 1);
  // Line noise: single specks, and a few short horizontal streaks as a fax line drops out.
  for (let i = 0; i < (width * height) / 4000; i++) {
    out[Math.floor(rnd() * width * height)] = 0;
  }
  for (let i = 0; i < 6; i++) {
    const y = Math.floor(rnd() * height);
    const x0 = Math.floor(rnd() * width * 0.8);
    for (let x = x0; x < x0 + 40 + rnd() * 200 && x < width; x++) out[y * width + x] = 0;
  }
  return { width, height, data: out };
}

/** Every other row, as a fax in "normal" resolution (204x98 dpi) sends it. */
export function normalResolution(page: Raster): Raster {
  const height = Math.floor(page.height / 2);
  const data = new Uint8Array(page.width * height);
  for (let y = 0; y < height; y++) {
    data.set(page.data.subarray(y * 2 * page.width, (y * 2 + 1) * page.width), y * page.width);
  }
  return { width: page.width, height, data };
}

/**
 * A multi-page TIFF as fax servers save received faxes: 8-bit grey, one strip a page, each page
 * stating its resolution (204 x `dpiY`). Written here because utif's encoder writes one page.
 */
export function faxTiff(pages: Raster[], dpiY: number): Uint8Array {
  // Minimal baseline TIFF writer: 8-bit grey, one strip per page, X/YResolution per page.
  const le = (n: number, bytes: number) => {
    const out: number[] = [];
    for (let i = 0; i < bytes; i++) out.push((n >>> (8 * i)) & 0xff);
    return out;
  };
  let offset = 8;
  const chunks: Uint8Array[] = [new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])];
  pages.forEach((p, i) => {
    const entries = 11;
    const ifdSize = 2 + entries * 12 + 4;
    const resOffset = offset + ifdSize;
    const dataOffset = resOffset + 16;
    const next = i === pages.length - 1 ? 0 : dataOffset + p.data.length;
    const tag = (t: number, type: number, count: number, value: number) => [
      ...le(t, 2),
      ...le(type, 2),
      ...le(count, 4),
      ...(type === 3 && count === 1 ? [...le(value, 2), 0, 0] : le(value, 4)),
    ];
    const ifd = [
      ...le(entries, 2),
      ...tag(256, 4, 1, p.width),
      ...tag(257, 4, 1, p.height),
      ...tag(258, 3, 1, 8),
      ...tag(259, 3, 1, 1),
      ...tag(262, 3, 1, 1),
      ...tag(273, 4, 1, dataOffset),
      ...tag(277, 3, 1, 1),
      ...tag(278, 4, 1, p.height),
      ...tag(279, 4, 1, p.data.length),
      ...tag(282, 5, 1, resOffset),
      ...tag(283, 5, 1, resOffset + 8),
      ...le(next, 4),
    ];
    const res = [...le(FAX_DPI_X, 4), ...le(1, 4), ...le(dpiY, 4), ...le(1, 4)];
    chunks.push(new Uint8Array([...ifd, ...res]), p.data);
    offset = dataOffset + p.data.length;
  });
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** An image-only PDF (no text layer), one letter page per image, as a scanner writes. */
export async function imageOnlyPdf(
  pages: Raster[],
  producer = 'FAX-2200 scanner',
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const p of pages) {
    const img = await doc.embedPng(rasterToPng(p));
    const page = doc.addPage([612, 792]);
    page.drawImage(img, { x: 0, y: 0, width: 612, height: 792 });
  }
  const fixed = new Date(Date.UTC(2026, 7, 31));
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  doc.setProducer(producer);
  doc.setCreator(producer);
  return doc.save({ useObjectStreams: false });
}

/** The page as a JPEG, as a phone or office scanner saves it (lossy, grey). */
export function faxJpeg(page: Raster, quality = 75): Uint8Array {
  const canvas = createCanvas(page.width, page.height);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(page.width, page.height);
  for (let i = 0; i < page.data.length; i++) {
    const v = page.data[i]!;
    img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = v;
    img.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas.toBuffer('image/jpeg', quality);
}

/** A note's blocks as the plain lines of a printed page: labels and values, wrapped paragraphs. */
export function blockLines(blocks: Block[], width = 84): string[] {
  const lines: string[] = [];
  const wrap = (text: string, indent = '') => {
    let line = '';
    for (const word of text.split(/\s+/)) {
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = indent + word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '') lines.push(line);
  };
  for (const b of blocks) {
    switch (b.k) {
      case 'title':
      case 'sub':
      case 'h':
        lines.push(b.text);
        break;
      case 'p':
        wrap(b.text);
        break;
      case 'kv':
        for (const [k, v] of b.pairs) wrap(k === '' ? v : `${k}: ${v}`, '  ');
        break;
      case 'list':
        for (const item of b.items) wrap(`- ${item}`, '  ');
        break;
      case 'table':
        for (const row of b.rows) wrap(row.join('   '));
        break;
      case 'gap':
      case 'rule':
      case 'pagebreak':
        lines.push('');
        break;
    }
  }
  return lines;
}
