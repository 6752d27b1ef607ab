/** OCR boxes from the frame tesseract read (turned, deskewed) back onto the image as stored. */
import { describe, expect, it } from 'vitest';
import type { OcrLayer } from '../../shared/model';
import { wordsOnImage } from '../../src-main/core/ocr/word-boxes';

/** A 100 x 200 image with one word at (10, 20)-(30, 25), as read after `turns` quarter turns. */
function layer(turns: number, box: [number, number, number, number], skew = 0): OcrLayer {
  const [x0, y0, x1, y1] = box;
  const sideways = turns % 2 === 1;
  return {
    width: sideways ? 200 : 100,
    height: sideways ? 100 : 200,
    quarterTurns: turns,
    skewRadians: skew,
    words: [{ text: 'word', confidence: 90, x0, y0, x1, y1, offset: 0 }],
  };
}

const box = (o: ReturnType<typeof wordsOnImage>) => {
  const w = o.words[0]!;
  return [w.x0, w.y0, w.x1, w.y1];
};

describe('OCR word boxes on the stored image', () => {
  it('keeps boxes of an upright page as they are, with the page confidence', () => {
    const out = wordsOnImage(layer(0, [10, 20, 30, 25]), 88);
    expect(box(out)).toEqual([10, 20, 30, 25]);
    expect([out.width, out.height, out.confidence]).toEqual([100, 200, 88]);
  });

  it('turns boxes back from a page read after one, two or three clockwise quarter turns', () => {
    // Where (10, 20)-(30, 25) lands on the 100 x 200 image turned 1, 2 and 3 times.
    const cases: Array<[number, [number, number, number, number]]> = [
      [1, [175, 10, 180, 30]],
      [2, [70, 175, 90, 180]],
      [3, [20, 70, 25, 90]],
    ];
    for (const [turns, read] of cases) {
      const out = wordsOnImage(layer(turns, read), 90);
      expect([out.width, out.height], `turns ${turns}`).toEqual([100, 200]);
      expect(box(out), `turns ${turns}`).toEqual([10, 20, 30, 25]);
    }
  });

  it('undoes the deskew about the image centre: a word right of centre moves up or down', () => {
    // Read deskewed by +0.05 rad: back on the crooked scan, a word right of centre sits higher.
    const right = wordsOnImage(layer(0, [80, 100, 95, 110], 0.05), 90).words[0]!;
    expect(right.y0).toBeLessThan(100);
    const left = wordsOnImage(layer(0, [5, 100, 20, 110], 0.05), 90).words[0]!;
    expect(left.y1).toBeGreaterThan(110);
  });
});
