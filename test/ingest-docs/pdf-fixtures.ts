/** PDFs built with pdf-lib for the reader tests, so every position and page is known. */
import { PDFDocument, PDFHexString, StandardFonts, rgb } from 'pdf-lib';

export interface Line {
  text: string;
  x: number;
  y: number;
  size?: number;
}

/** One entry per page; an empty array makes a page with no text. */
export async function pdfWithPages(pages: Line[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    for (const l of lines) page.drawText(l.text, { x: l.x, y: l.y, size: l.size ?? 11, font });
  }
  return doc.save();
}

/** A 1x1 red PNG, as a scanned page stands in for. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** Pages carrying only an image (like a scan) and only vector drawing: no text layer at all. */
export async function pdfWithoutText(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const png = await doc.embedPng(PNG_1X1);
  doc.addPage([612, 792]).drawImage(png, { x: 0, y: 0, width: 612, height: 792 });
  doc
    .addPage([612, 792])
    .drawRectangle({ x: 50, y: 50, width: 300, height: 200, color: rgb(0, 0, 0) });
  doc.addPage([612, 792]).drawLine({ start: { x: 10, y: 10 }, end: { x: 500, y: 700 } });
  return doc.save();
}

/**
 * Encrypted with the standard handler and a user password we never give: the U entry matches no
 * password, so a reader must ask for one.
 */
export async function pdfNeedingPassword(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('secret', { x: 50, y: 700 });
  const ctx = doc.context;
  const encrypt = ctx.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    O: PDFHexString.of('11'.repeat(32)),
    U: PDFHexString.of('22'.repeat(32)),
    P: -4,
  });
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([
    PDFHexString.of('33'.repeat(16)),
    PDFHexString.of('33'.repeat(16)),
  ]);
  return doc.save({ useObjectStreams: false });
}
