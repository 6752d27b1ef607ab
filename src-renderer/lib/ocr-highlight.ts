/**
 * Highlight boxes for a quote on a scanned page: the OCR words that hold it (word-sequence
 * match), their boxes scaled from image pixels to the page's displayed width, words of one line
 * joined into one box. Words read with low confidence keep their own box, marked `low`.
 */
import type { EvidenceOcr } from '../../shared/api';
import { LOW_OCR_CONFIDENCE } from '../../shared/model';
import type { Box } from './pdf';
import { wordsForQuote } from './quote';

export interface OcrBox extends Box {
  /** Read with confidence below LOW_OCR_CONFIDENCE: the viewer outlines it differently. */
  low: boolean;
}

export interface OcrHighlight {
  boxes: OcrBox[];
  /** Mean confidence of the quoted words, 0-100. */
  confidence: number;
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
  const hit = wordsForQuote(ocr.words, quote);
  if (!hit || hit.length === 0) return null;
  const words = hit.map((i) => ocr.words[i]!);
  const runs: Array<{ x0: number; y0: number; x1: number; y1: number; low: boolean }> = [];
  for (const w of words) {
    const low = w.confidence < LOW_OCR_CONFIDENCE;
    const last = runs.at(-1);
    if (last && !last.low && !low && sameLine(last, w) && w.x0 >= last.x0) {
      last.x1 = Math.max(last.x1, w.x1);
      last.y0 = Math.min(last.y0, w.y0);
      last.y1 = Math.max(last.y1, w.y1);
    } else {
      runs.push({ x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1, low });
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
  return { boxes, confidence };
}
