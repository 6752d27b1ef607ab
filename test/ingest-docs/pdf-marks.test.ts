/**
 * What the PDF reader keeps as marks (issue 18), on pages made with pdf-lib: a signature-sized
 * image and a scrawl of curves are marks; a full-page image (a scan under its text layer), a
 * form's boxes and rules are not; a page signed only electronically is not searched at all.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src-main/core/ingest/pdf';
import { notePdf, scribblePng, stacked } from '../review/hand-signature-pdfs';

const SIGNATURE_FIELD = [
  'Daily Treatment Note',
  'Therapist Signature: ______________   Date: 10/05/2026',
];

async function marksOf(bytes: Uint8Array) {
  const read = await readPdf(bytes);
  if (read.kind !== 'notes') throw new Error('not notes');
  return read.pages[0]!.marks;
}

describe('marks on text-layer PDF pages', () => {
  it('keeps a signature-sized image, not a full-page one under the text', async () => {
    const small = await notePdf(stacked(SIGNATURE_FIELD), [
      { kind: 'image', x: 175, y: 720, w: 110, h: 26 },
    ]);
    expect(await marksOf(small)).toEqual([{ kind: 'image', x0: 175, y0: 720, x1: 285, y1: 746 }]);
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    page.drawImage(await doc.embedPng(scribblePng()), { x: 0, y: 0, width: 612, height: 792 });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    SIGNATURE_FIELD.forEach((t, i) => page.drawText(t, { x: 60, y: 740 - 16 * i, size: 11, font }));
    expect(await marksOf(await doc.save())).toEqual([]);
  });

  it('keeps a scrawl of curves as drawn ink, not boxes and rules', async () => {
    const scrawl = await notePdf(stacked(SIGNATURE_FIELD), [
      { kind: 'drawn', x: 175, y: 720, w: 110, h: 26 },
    ]);
    expect((await marksOf(scrawl))!.map((m) => m.kind)).toEqual(['drawn']);
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    SIGNATURE_FIELD.forEach((t, i) => page.drawText(t, { x: 60, y: 740 - 16 * i, size: 11, font }));
    for (let k = 0; k < 6; k++) {
      page.drawRectangle({
        x: 60,
        y: 600 - 30 * k,
        width: 480,
        height: 24,
        borderWidth: 1,
        borderColor: rgb(0, 0, 0),
      });
      page.drawLine({ start: { x: 60, y: 590 - 30 * k }, end: { x: 540, y: 590 - 30 * k } });
    }
    expect(await marksOf(await doc.save())).toEqual([]);
  });

  it('does not search a page signed only electronically', async () => {
    const image = { kind: 'image' as const, x: 175, y: 720, w: 110, h: 26 };
    const eSigned = [
      'Daily Treatment Note',
      'Electronically signed by Jane Roe, PT, DPT on 10/05/2026',
    ];
    expect(await marksOf(await notePdf(stacked(eSigned), [image]))).toEqual([]);
    expect(await marksOf(await notePdf(stacked(SIGNATURE_FIELD), [image]))).toHaveLength(1);
  });
});
