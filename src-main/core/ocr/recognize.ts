/**
 * One page image -> OCR text. Clean-up first (Otsu binarization, speckle removal); tesseract
 * corrects small skew itself (`rotateAuto`: it measures the text lines' gradient and re-reads the
 * page rotated back). A page read upside down or sideways comes out as few low-confidence words,
 * so only then the other three orientations are tried and the best reading is kept.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { OcrLayer, PageMark } from '../../../shared/model';
import { inkMarks } from './ink-marks';
import { recognizePng } from './engine';
import { blocksToText, type OcrText } from './page-text';
import { binarize, isBlankRaster, rotateQuarter, type Raster } from './raster';

/** Below this mean word confidence a reading is suspect enough to try the page turned. */
const TRY_ROTATIONS_BELOW = 60;
const MIN_WORDS_TO_TURN = 8;

export interface OcrPage extends OcrText {
  layer: OcrLayer;
  /** Quarter turns clockwise applied before reading (0 when upright). */
  turns: number;
  /** Ink OCR did not read as confident words (handwriting), in the words' frame. */
  marks: PageMark[];
}

export function rasterToPng(r: Raster): Uint8Array {
  const canvas = createCanvas(r.width, r.height);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(r.width, r.height);
  for (let i = 0, j = 0; i < r.data.length; i++, j += 4) {
    const v = r.data[i]!;
    img.data[j] = v;
    img.data[j + 1] = v;
    img.data[j + 2] = v;
    img.data[j + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas.toBuffer('image/png');
}

/** Characters of words read with confidence, the measure of which orientation reads best. */
function score(t: OcrText): number {
  return t.words.filter((w) => w.confidence >= 60).reduce((n, w) => n + w.text.length, 0);
}

async function readOnce(
  r: Raster,
  dpi: number,
  turns: number,
): Promise<Omit<OcrPage, 'marks'> & { raster: Raster }> {
  const turned = rotateQuarter(r, turns);
  const result = await recognizePng(rasterToPng(turned), dpi);
  const text = blocksToText(result.blocks);
  return {
    ...text,
    turns,
    raster: turned,
    layer: {
      width: turned.width,
      height: turned.height,
      words: text.words,
      quarterTurns: turns,
      skewRadians: Math.round(result.rotateRadians * 10000) / 10000,
    },
  };
}

export async function ocrRaster(page: Raster, dpi: number): Promise<OcrPage> {
  if (isBlankRaster(page)) {
    return {
      text: '',
      words: [],
      confidence: 0,
      turns: 0,
      layer: { width: page.width, height: page.height, words: [] },
      marks: [],
    };
  }
  const clean = binarize(page);
  let best = await readOnce(clean, dpi, 0);
  // Few words is a page with no text (a drawing, a stamp), not a page on its side: text turned
  // away still reads as many low-confidence fragments.
  if (best.confidence < TRY_ROTATIONS_BELOW && best.words.length >= MIN_WORDS_TO_TURN) {
    for (const turns of [2, 1, 3]) {
      const other = await readOnce(clean, dpi, turns);
      if (score(other) > score(best)) best = other;
      if (best.confidence >= TRY_ROTATIONS_BELOW) break;
    }
  }
  const { raster, ...read } = best;
  return { ...read, marks: inkMarks(raster, read.layer) };
}
