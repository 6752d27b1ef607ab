/**
 * A source page with /Rotate shows rotated in every viewer; the packet must show it the same way
 * (scaled between the stamp bands), not as the unrotated page underneath.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { adrWithOrderFile } from './fixture';
import { pageTexts, qpdfCheck } from './pdf-inspect';
import { execFileSync } from 'node:child_process';

async function sourceWithRotation(rotate: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < 2; p++) {
    const page = doc.addPage([612, 792]);
    page.drawText('ROTATIONMARKERWORDLONG', { x: 60, y: 700, size: 14, font });
    page.setRotation(degrees(rotate));
  }
  return doc.save();
}

/** Width and height of a word's box on a packet page, from pdftotext -bbox. */
function wordBox(file: string, page: number, word: string): { w: number; h: number } | null {
  const html = execFileSync(
    'pdftotext',
    ['-bbox', '-f', String(page), '-l', String(page), file, '-'],
    {
      encoding: 'utf8',
    },
  );
  for (const m of html.matchAll(
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[5] === word) return { w: Number(m[3]) - Number(m[1]), h: Number(m[4]) - Number(m[2]) };
  }
  return null;
}

describe('rotated source pages', () => {
  it.each([0, 90])('shows a page with /Rotate %i as a viewer does', async (rotate) => {
    const { pdf, exhibit } = await adrWithOrderFile(await sourceWithRotation(rotate), 2);
    const file = join(mkdtempSync(join(tmpdir(), 'cr-rot-')), 'p.pdf');
    writeFileSync(file, pdf);
    expect(qpdfCheck(file).ok).toBe(true);
    const pages = pageTexts(file);
    const content = exhibit.firstPage + 1; // after the separator page
    expect(pages[content - 1]).toContain('ROTATIONMARKERWORDLONG');
    const box = wordBox(file, content, 'ROTATIONMARKERWORDLONG')!;
    // Unrotated: the word runs across the page; rotated a quarter turn: it runs up or down it.
    if (rotate === 0) expect(box.w).toBeGreaterThan(box.h * 3);
    else expect(box.h).toBeGreaterThan(box.w * 3);
  });
});
