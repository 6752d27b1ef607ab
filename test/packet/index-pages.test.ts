import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { embedFonts } from '../../src-main/core/packet/build';
import { indexPageCount, indexPages } from '../../src-main/core/packet/index-pages';
import type { Exhibit } from '../../src-main/core/packet/types';
import { TEXT_BOX } from '../../src-main/core/packet/page-geometry';

async function fonts() {
  return embedFonts(await PDFDocument.create());
}

function exhibit(i: number, title: string, category = 'Daily note'): Exhibit {
  const letter = String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');
  return {
    letter,
    title,
    date: '2026-03-04',
    documentIds: [i + 1],
    category,
    firstPage: 3 + i * 2,
    lastPage: 4 + i * 2,
  };
}

const LONG =
  'Physical Therapy Re-Evaluation and Updated Plan of Care with Certification Request to the ' +
  'Attending Orthopaedic Surgeon';

describe('exhibit index', () => {
  it('wraps a long title over lines in its row instead of cutting it short', async () => {
    const f = await fonts();
    const pages = indexPages(
      [exhibit(0, 'Daily Note'), exhibit(1, LONG, 'Progress report'), exhibit(2, 'Discharge')],
      'appeal',
      f,
    );
    expect(pages).toHaveLength(1);
    const docCell = pages[0]!.filter(
      (o) => o.kind === 'text' && o.style === 'regular' && o.x === TEXT_BOX.left + 50,
    );
    const text = docCell.map((o) => o.text).join(' ');
    // Every word of the title is printed, and the category after it.
    expect(text).toContain('Request to the Attending Orthopaedic Surgeon');
    expect(text).toContain('(Progress report)');
    expect(text).not.toContain('...');
    // The next exhibit's row starts below the wrapped title's last line, never over it.
    const longLines = docCell.filter((o) => LONG.includes(o.text.replace(/ \(Progress.*$/, '')));
    const lastOfLong = Math.min(...longLines.map((o) => o.y));
    const discharge = pages[0]!.find((o) => o.text.startsWith('Discharge'))!;
    expect(longLines.length).toBeGreaterThan(1);
    expect(discharge.y).toBeLessThan(lastOfLong);
  });

  it('clips only past three lines, and counts index pages by the rows that fit', async () => {
    const f = await fonts();
    const huge = `${LONG} ${LONG} ${LONG}`;
    const one = indexPages([exhibit(0, huge)], 'appeal', f)[0]!;
    const lines = one.filter(
      (o) => o.kind === 'text' && o.style === 'regular' && o.x === TEXT_BOX.left + 50,
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]!.text.endsWith('...')).toBe(true);

    // Short titles: as many rows per page as before; tall rows need more pages.
    const short = Array.from({ length: 30 }, (_, i) => exhibit(i, 'Daily Note'));
    const tall = Array.from({ length: 40 }, (_, i) => exhibit(i, LONG));
    expect(indexPageCount(short, f)).toBe(1);
    expect(indexPageCount(tall, f)).toBeGreaterThan(1);
    expect(indexPages(tall, 'adr', f)).toHaveLength(indexPageCount(tall, f));
    // Every row is drawn, on one page only, and none below the text box.
    const drawn = indexPages(tall, 'adr', f)
      .flat()
      .filter(
        (o) => o.kind === 'text' && o.style === 'bold' && o.x === TEXT_BOX.left && o.size < 12,
      );
    expect(drawn.map((o) => o.text).filter((t) => t !== 'Exhibit')).toHaveLength(40);
    for (const o of indexPages(tall, 'adr', f).flat())
      expect(o.y).toBeGreaterThanOrEqual(TEXT_BOX.bottom);
  });
});
