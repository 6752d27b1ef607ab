/**
 * Highlight boxes for a quote on a scanned page: the OCR words that hold it (word-sequence
 * match; every place it is found, since the quote alone cannot tell copies apart), their boxes
 * scaled from image pixels to the page's displayed width, words of one line joined into one box.
 * Words read with low confidence keep their own box, marked `low`.
 */
import type { EvidenceOcr } from '../../shared/api';
import { LOW_OCR_CONFIDENCE } from '../../shared/model';
import type { Box } from './pdf';
import { quoteMatchesInWords } from './quote';

export interface OcrBox extends Box {
  /** Read with confidence below LOW_OCR_CONFIDENCE: the viewer outlines it differently. */
  low: boolean;
}

export interface OcrHighlight {
  boxes: OcrBox[];
  /** Mean confidence of the quoted words, 0-100. */
  confidence: number;
  /** How many places on the page hold the quote (each is highlighted). */
  places: number;
}

type Word = EvidenceOcr['words'][number];

/** Same line: the next word's middle lies within the current box's height. */
function sameLine(a: { y0: number; y1: number }, b: Word): boolean {
  const mid = (b.y0 + b.y1) / 2;
  return mid >= a.y0 && mid <= a.y1;
}

export function ocrHighlight(
  ocr: EvidenceOcr,
  quote: string,
  cssWidth: number,
): OcrHighlight | null {
  if (!quote || ocr.width <= 0) return null;
  const matches = quoteMatchesInWords(ocr.words, quote);
  if (matches.length === 0) return null;
  const words = matches.flat().map((i) => ocr.words[i]!);
  const runs: Array<{ x0: number; y0: number; x1: number; y1: number; low: boolean }> = [];
  for (const hit of matches) {
    let last: (typeof runs)[number] | undefined;
    for (const w of hit.map((i) => ocr.words[i]!)) {
      const low = w.confidence < LOW_OCR_CONFIDENCE;
      if (last && !last.low && !low && sameLine(last, w) && w.x0 >= last.x0) {
        last.x1 = Math.max(last.x1, w.x1);
        last.y0 = Math.min(last.y0, w.y0);
        last.y1 = Math.max(last.y1, w.y1);
      } else {
        last = { x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1, low };
        runs.push(last);
      }
    }
  }
  const k = cssWidth / ocr.width;
  // A little margin so the outline does not cover the letters' edges.
  const pad = 2;
  const boxes = runs.map((r) => ({
    left: r.x0 * k - pad,
    top: r.y0 * k - pad,
    width: (r.x1 - r.x0) * k + 2 * pad,
    height: (r.y1 - r.y0) * k + 2 * pad,
    low: r.low,
  }));
  const confidence = words.reduce((s, w) => s + w.confidence, 0) / words.length;
  return { boxes, confidence, places: matches.length };
}
