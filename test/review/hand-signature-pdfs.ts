/**
 * Note PDFs signed by hand, made with pdf-lib: text set line by line, and a signature as a pasted
 * PNG of a scribble, vector ink (Bezier strokes in the content stream), an Ink annotation or a
 * Stamp annotation, at a known box. Also a logo image and a body diagram, which are no signatures.
 */
import { createCanvas } from '@napi-rs/canvas';
import { PDFArray, PDFDocument, PDFName, StandardFonts, rgb, type PDFPage } from 'pdf-lib';
import { FAX_DPI_X, textPageRaster } from '../../scripts/sample-chart/fax';
import { rasterToPng } from '../../src-main/core/ocr/recognize';

export interface PlacedLine {
  text: string;
  x?: number;
  /** Baseline, points from the bottom of a letter page. */
  y: number;
  size?: number;
}

export type Mark =
  | { kind: 'image' | 'drawn' | 'ink' | 'stamp'; x: number; y: number; w: number; h: number }
  | { kind: 'logo'; x: number; y: number; w: number; h: number }
  | { kind: 'diagram'; x: number; y: number; w: number; h: number };

/** Text lines from the top of the page down, 16 points apart, starting at `top`. */
export function stacked(lines: string[], top = 740, x = 60): PlacedLine[] {
  return lines.map((text, i) => ({ text, x, y: top - 16 * i }));
}

/** A PNG of a looping scrawl: what a scanned or pasted signature looks like. */
export function scribblePng(width = 240, height = 80): Uint8Array {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = '#10206a';
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(8, height * 0.7);
  for (let i = 0; i < 7; i++) {
    const x = 10 + (i * (width - 20)) / 7;
    ctx.bezierCurveTo(x + 10, 4, x + 30, height - 4, x + (width - 20) / 7, height * 0.55);
  }
  ctx.stroke();
  return canvas.toBuffer('image/png');
}

/** A filled square logo: an image all the same, placed in the letterhead. */
function logoPng(): Uint8Array {
  const canvas = createCanvas(60, 60);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#2050a0';
  ctx.fillRect(0, 0, 60, 60);
  return canvas.toBuffer('image/png');
}

/** SVG path of a signature-like scrawl in a w x h box (SVG y down, from the box's top-left). */
function scrawlPath(w: number, h: number): string {
  let d = `M 0 ${h * 0.7}`;
  const step = w / 12;
  for (let i = 0; i < 12; i++) {
    const x = i * step;
    d += ` C ${x + step * 0.3} ${h * 0.05} ${x + step * 0.7} ${h * 0.95} ${x + step} ${h * 0.5}`;
  }
  // A second stroke: the underline flourish.
  d += ` M ${w * 0.1} ${h * 0.9} C ${w * 0.4} ${h} ${w * 0.7} ${h * 0.8} ${w} ${h * 0.85}`;
  return d;
}

/** A body outline (a pain diagram): head, trunk and limbs as curves, far larger than a signature. */
function bodyPath(w: number, h: number): string {
  const cx = w / 2;
  return [
    `M ${cx - 15} 30 C ${cx - 15} 0 ${cx + 15} 0 ${cx + 15} 30 C ${cx + 15} 45 ${cx - 15} 45 ${cx - 15} 30`,
    `M ${cx - 30} 50 C ${cx - 40} ${h * 0.3} ${cx - 35} ${h * 0.5} ${cx - 20} ${h * 0.55}`,
    `M ${cx + 30} 50 C ${cx + 40} ${h * 0.3} ${cx + 35} ${h * 0.5} ${cx + 20} ${h * 0.55}`,
    `M ${cx - 20} ${h * 0.55} C ${cx - 25} ${h * 0.7} ${cx - 20} ${h * 0.9} ${cx - 15} ${h}`,
    `M ${cx + 20} ${h * 0.55} C ${cx + 25} ${h * 0.7} ${cx + 20} ${h * 0.9} ${cx + 15} ${h}`,
    `M ${cx - 30} 50 C ${cx - 60} 80 ${cx - 70} ${h * 0.4} ${cx - 65} ${h * 0.5}`,
    `M ${cx + 30} 50 C ${cx + 60} 80 ${cx + 70} ${h * 0.4} ${cx + 65} ${h * 0.5}`,
  ].join(' ');
}

function addAnnotation(doc: PDFDocument, page: PDFPage, subtype: 'Ink' | 'Stamp', m: Mark): void {
  const rect = [m.x, m.y, m.x + m.w, m.y + m.h];
  const ink: number[] = [];
  for (let i = 0; i <= 16; i++)
    ink.push(m.x + (m.w * i) / 16, m.y + m.h * (0.5 + 0.4 * Math.sin(i * 1.3)));
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: subtype,
    Rect: rect,
    ...(subtype === 'Ink' ? { InkList: [ink] } : { Name: 'Approved' }),
    F: 4,
  });
  const ref = doc.context.register(annot);
  let annots = page.node.lookup(PDFName.of('Annots'));
  if (!(annots instanceof PDFArray)) {
    annots = doc.context.obj([]);
    page.node.set(PDFName.of('Annots'), annots);
  }
  (annots as PDFArray).push(ref);
}

/** A one-page letter PDF with the lines and marks given. */
export async function notePdf(lines: PlacedLine[], marks: Mark[] = []): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  for (const l of lines) page.drawText(l.text, { x: l.x ?? 60, y: l.y, size: l.size ?? 11, font });
  for (const m of marks) {
    if (m.kind === 'image') {
      const png = await doc.embedPng(scribblePng());
      page.drawImage(png, { x: m.x, y: m.y, width: m.w, height: m.h });
    } else if (m.kind === 'logo') {
      const png = await doc.embedPng(logoPng());
      page.drawImage(png, { x: m.x, y: m.y, width: m.w, height: m.h });
    } else if (m.kind === 'drawn') {
      page.drawSvgPath(scrawlPath(m.w, m.h), {
        x: m.x,
        y: m.y + m.h,
        borderWidth: 1.2,
        borderColor: rgb(0.05, 0.1, 0.4),
      });
    } else if (m.kind === 'diagram') {
      page.drawSvgPath(bodyPath(m.w, m.h), {
        x: m.x,
        y: m.y + m.h,
        borderWidth: 1,
        borderColor: rgb(0, 0, 0),
      });
    } else addAnnotation(doc, page, m.kind === 'ink' ? 'Ink' : 'Stamp', m);
  }
  return doc.save();
}

/**
 * A scanned note page as a PNG: the lines set as `textPageRaster` sets them (204 dpi, 11 pt, 1.55
 * line spacing from 60 pt below the top), with a pen scrawl drawn over line `scrawlOnLine` from
 * `x` points for `w` points, when asked.
 */
export async function scannedNotePng(
  lines: string[],
  scrawl?: { line: number; x: number; w: number },
): Promise<Uint8Array> {
  const raster = await textPageRaster(lines);
  if (scrawl) {
    const s = FAX_DPI_X / 72;
    const baseline = 792 - 60 - scrawl.line * 11 * 1.55 - 3;
    const h = 22;
    for (let t = 0; t < 1; t += 0.0005) {
      const x = (scrawl.x + scrawl.w * t) * s;
      const wave = Math.sin(t * 40) * (0.6 + 0.4 * Math.cos(t * 7));
      const y = (792 - baseline - h / 2 - (h / 2) * wave) * s;
      for (let dx = -2; dx <= 2; dx++)
        for (let dy = -2; dy <= 2; dy++) {
          const px = Math.round(x + dx);
          const py = Math.round(y + dy);
          if (px >= 0 && py >= 0 && px < raster.width && py < raster.height)
            raster.data[py * raster.width + px] = 0;
        }
    }
  }
  return rasterToPng(raster);
}
