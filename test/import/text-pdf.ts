import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A one-page PDF with a text layer: one line of Helvetica per entry, as a note export prints. */
export async function textPdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  lines.forEach((t, i) => page.drawText(t, { x: 50, y: 740 - i * 16, size: 11, font }));
  return doc.save();
}
