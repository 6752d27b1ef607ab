/** Packet benchmark inputs: exhibit PDFs and a synthetic episode that cites them all. */
import { readFileSync } from 'node:fs';
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { EpisodeDocument, EpisodeModel } from '../../shared/episode';
import { EMPTY_SETTINGS } from '../../shared/settings';
import { buildPacket } from '../../src-main/core/packet';
import { isoDate, noteLines } from './data';

export async function writeExhibitPdfs(dir: string, count: number, pages: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let p = 0; p < pages; p++) {
      const page = doc.addPage([612, 792]);
      noteLines(i).forEach((t, n) => page.drawText(t, { x: 50, y: 740 - n * 16, size: 10, font }));
      page.drawText(`Exhibit source ${i + 1}, page ${p + 1}`, { x: 50, y: 60, size: 9, font });
    }
    await writeFile(join(dir, `exhibit-${String(i).padStart(3, '0')}.pdf`), await doc.save());
  }
}

/**
 * The exhibit documents of the files in dir, with their page ranges. The app has these in its
 * database before it builds a packet, so the benchmark computes them outside the timed region.
 */
export async function benchDocuments(dir: string): Promise<EpisodeDocument[]> {
  const files = (await readdir(dir)).sort();
  const documents: EpisodeDocument[] = [];
  for (const [i, f] of files.entries()) {
    const pdf = await PDFDocument.load(await readFile(join(dir, f)), { updateMetadata: false });
    const date = isoDate(i);
    documents.push({
      id: i + 1,
      type: 'daily-note',
      title: 'Work Conditioning Daily Note',
      date,
      file: f,
      pageStart: 1,
      pageEnd: pdf.getPageCount(),
      discipline: 'PT',
      facts: [
        {
          kind: 'date-of-service',
          value: date,
          provenance: { file: f, page: 1, start: 0, end: 4, quote: date },
        },
      ],
    });
  }
  return documents;
}

/**
 * Builds an ADR packet (the complete record: every document is an exhibit) from the files in dir.
 * Reads the exhibit files itself, synchronously, as the app reads them from its database
 * (api/sources.ts).
 */
export async function benchPacket(
  dir: string,
  out: string,
  documents: EpisodeDocument[],
): Promise<number> {
  const episode: EpisodeModel = {
    id: 'ep-bench',
    patient: { id: 1, name: 'Bench, Patient', mrn: '1', dob: '1979-04-12' },
    payer: {
      name: "Midwest Workers' Compensation Insurance Co.",
      kind: 'workers-comp',
      state: null,
      basis: [],
    },
    start: documents[0]!.date!,
    end: documents[documents.length - 1]!.date!,
    ended: true,
    asOf: '2026-11-24',
    documents,
    billing: [],
    claims: [],
  };
  const built = await buildPacket({
    episode,
    findings: [],
    kind: 'adr',
    denial: { carc: '50', group: 'CO', source: 'user' },
    claimId: null,
    settings: { ...EMPTY_SETTINGS, clinicName: 'Bench Clinic', npi: '1234567893' },
    today: '2026-11-24',
    loadDocumentSource: async (doc) => ({
      kind: 'pdf',
      bytes: new Uint8Array(readFileSync(join(dir, doc.file))),
    }),
  });
  await writeFile(out, built.pdf);
  return built.pageCount;
}
