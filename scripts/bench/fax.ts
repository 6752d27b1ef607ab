/** Fax pages for the OCR benchmark: each as an image-only PDF, and the same text as a text PDF. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { faxify, imageOnlyPdf, textPageRaster } from '../sample-chart/fax';

function noteLines(i: number): string[] {
  const day = String((i % 27) + 1).padStart(2, '0');
  const lines = [
    'Physician Certification of Plan of Care',
    `Patient: Bench${i}, Robert    DOB: 06/22/1951    MRN: ${200000 + i}`,
    `Plan of care dated 09/${day}/2026 by Priya Raman, PT, DPT`,
    'Frequency/Duration: 3x/week for 6 weeks. Certification period 09/01/2026 to 10/14/2026',
    'Planned services: 97110, 97112, 97140, 97530',
  ];
  for (let k = 0; k < 12; k++) {
    lines.push(
      `Visit ${k + 1}: 97110 therapeutic exercise 30 min; 97140 manual therapy 15 min; total 45 minutes.`,
    );
  }
  lines.push(
    'I have reviewed this plan of care and certify that the services are medically',
    'necessary and that the patient is under my care.',
    `Physician signature: Samuel Ortiz, MD   Date: 09/${day}/2026   NPI 1609876545`,
  );
  return lines;
}

async function textPdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  lines.forEach((t, i) => page.drawText(t, { x: 66, y: 732 - i * 17, size: 11, font }));
  return doc.save();
}

export async function writeFaxPages(dir: string, n: number): Promise<void> {
  mkdirSync(join(dir, 'fax'), { recursive: true });
  mkdirSync(join(dir, 'text'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const lines = noteLines(i);
    const scan = faxify(await textPageRaster(lines), { skew: ((i % 5) - 2) * 1.2, seed: i + 1 });
    writeFileSync(join(dir, 'fax', `fax-${i}.pdf`), await imageOnlyPdf([scan]));
    writeFileSync(join(dir, 'text', `text-${i}.pdf`), await textPdf(lines));
  }
}
