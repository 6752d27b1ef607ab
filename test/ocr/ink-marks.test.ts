/**
 * Ink on a scanned page that OCR did not read as print (issue 18), on rasters drawn here with no
 * OCR run: a scrawl is a mark; a rule (level or turned, as a crooked fax), a frame and specks are
 * not; ink under a word read as print is accounted for.
 */
import { describe, expect, it } from 'vitest';
import type { OcrLayer, OcrWord } from '../../shared/model';
import { inkMarks } from '../../src-main/core/ocr/ink-marks';
import type { Raster } from '../../src-main/core/ocr/raster';

const W = 1700;
const H = 2200;
const page = (): Raster => ({ width: W, height: H, data: new Uint8Array(W * H).fill(255) });
const layer = (words: OcrWord[] = []): OcrLayer => ({ width: W, height: H, words });

function dot(r: Raster, x: number, y: number, pen = 2) {
  for (let dx = -pen; dx <= pen; dx++)
    for (let dy = -pen; dy <= pen; dy++) {
      const px = Math.round(x + dx);
      const py = Math.round(y + dy);
      if (px >= 0 && py >= 0 && px < W && py < H) r.data[py * W + px] = 0;
    }
}

function scrawl(r: Raster, x: number, y: number, w: number, h: number) {
  for (let t = 0; t < 1; t += 0.0005) dot(r, x + w * t, y + h / 2 + (h / 2) * Math.sin(t * 40));
}

describe('inkMarks', () => {
  it('finds a scrawl, with its box', () => {
    const r = page();
    scrawl(r, 500, 1500, 380, 70);
    const marks = inkMarks(r, layer());
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ kind: 'scan-ink' });
    expect(marks[0]!.x0).toBeLessThanOrEqual(500);
    expect(marks[0]!.x1).toBeGreaterThanOrEqual(880);
  });

  it('leaves out rules, a turned rule, a frame and specks', () => {
    const r = page();
    for (let x = 480; x < 880; x++) dot(r, x, 1500, 1); // a signature rule
    for (let x = 480; x < 880; x++) dot(r, x, 1700 + (x - 480) * 0.052, 1); // turned 3 degrees
    // a frame
    for (let x = 300; x < 700; x++) {
      dot(r, x, 300, 1);
      dot(r, x, 380, 1);
    }
    for (let y = 300; y < 380; y++) {
      dot(r, 300, y, 1);
      dot(r, 700, y, 1);
    }
    for (let k = 0; k < 200; k++) dot(r, (k * 7919) % W, (k * 104729) % H, 0);
    expect(inkMarks(r, layer())).toEqual([]);
  });

  it('accounts for ink under a word read as print, not under a guess', () => {
    const r = page();
    scrawl(r, 500, 1500, 380, 70);
    const word = (text: string, confidence: number): OcrWord => ({
      text,
      confidence,
      x0: 500,
      y0: 1500,
      x1: 880,
      y1: 1570,
      offset: 0,
    });
    expect(inkMarks(r, layer([word('Signature', 96)]))).toEqual([]);
    expect(inkMarks(r, layer([word('ApANNS', 0)]))).toHaveLength(1);
  });
});
