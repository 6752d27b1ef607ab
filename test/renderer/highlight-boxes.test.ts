import { describe, expect, it } from 'vitest';
import { lineBoxes } from '../../src-renderer/lib/highlight-boxes';

// Boxes as renderPage makes them for a 10 px font: top at the baseline less the font's height,
// 1.2 times the font's height tall, on lines 11.5 px apart (a dense note's single spacing).
const item = (left: number, line: number, width: number) => ({
  left,
  top: 100 + line * 11.5,
  width,
  height: 12,
});

describe('lineBoxes: one highlight box per printed line, none over another', () => {
  it("joins a line's cells into one box and ends each line's box where the next begins", () => {
    const boxes = lineBoxes([
      item(300, 1, 40), // "Date:" cell of the signature line, listed before its label
      item(60, 0, 200), // "Signature: ____________"
      item(60, 1, 120), // "Therapist:"
      item(62, 0.05, 30), // a text item a fraction of a pixel lower on the first line
    ]);
    expect(boxes).toEqual([
      { left: 60, top: 100, width: 200, height: 11.5 },
      { left: 60, top: 111.5, width: 280, height: 12 },
    ]);
    for (let i = 0; i + 1 < boxes.length; i++)
      expect(boxes[i]!.top + boxes[i]!.height).toBeLessThanOrEqual(boxes[i + 1]!.top);
  });

  it('leaves apart lines and a single box as they are', () => {
    expect(lineBoxes([item(10, 0, 50)])).toEqual([item(10, 0, 50)]);
    expect(lineBoxes([item(10, 0, 50), item(10, 3, 50)])).toEqual([
      item(10, 0, 50),
      item(10, 3, 50),
    ]);
    expect(lineBoxes([])).toEqual([]);
  });
});
