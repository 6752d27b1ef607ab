/**
 * OCR word boxes back on the page image as stored. Tesseract reads the page turned by
 * `quarterTurns` and then deskewed by `skewRadians` (rotated about its centre, same size), and
 * gives boxes in that frame; the viewer and tests draw on the image as it is, so each box's
 * corners are rotated back and the box that holds them is kept.
 */
import type { EvidenceOcr } from '../../../shared/api';
import type { OcrLayer } from '../../../shared/model';
import { boxUnder, rotateAbout, type Point } from '../geometry';

/**
 * Undoes `turns` clockwise quarter turns (see rotateQuarter in raster.ts): a point of the turned
 * image -> the same point on the original of size `width` x `height`.
 */
function unturn([x, y]: Point, turns: number, width: number, height: number): Point {
  switch (((turns % 4) + 4) % 4) {
    case 1:
      return [y, height - x];
    case 2:
      return [width - x, height - y];
    case 3:
      return [width - y, x];
    default:
      return [x, y];
  }
}

/** The OCR layer's words with boxes on the original image, and the image's size. */
export function wordsOnImage(layer: OcrLayer, confidence: number): EvidenceOcr {
  const turns = layer.quarterTurns ?? 0;
  const sideways = turns % 2 !== 0;
  const width = sideways ? layer.height : layer.width;
  const height = sideways ? layer.width : layer.height;
  const skew = layer.skewRadians ?? 0;
  const cx = layer.width / 2;
  const cy = layer.height / 2;
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));
  const words = layer.words.map((w) => {
    // The deskew undone (turned back about the centre), then the quarter turns.
    const b = boxUnder((p) => unturn(rotateAbout(p, cx, cy, -skew), turns, width, height), w);
    return {
      text: w.text,
      confidence: w.confidence,
      x0: clamp(b.x0, width),
      y0: clamp(b.y0, height),
      x1: clamp(b.x1, width),
      y1: clamp(b.y1, height),
    };
  });
  return { width, height, confidence, words };
}
