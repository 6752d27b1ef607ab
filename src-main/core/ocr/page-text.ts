/**
 * Tesseract's blocks -> page text in the shape the extractors expect from the PDF reader: one
 * line per printed line, a tab where a wide gap separates columns ("Patient: Chen  DOB: ..."),
 * a blank line between paragraphs. Every word keeps its box and its offset in that text.
 */
import type { OcrWord } from '../../../shared/model';
import type { OcrBlocks } from './engine';

export interface OcrText {
  text: string;
  words: OcrWord[];
  /** Mean word confidence, 0-100 (0 when no word was read). */
  confidence: number;
}

/** A lone bar or bracket at the start of a sentence is the pronoun: "| certify" is "I certify". */
function fixWord(text: string, next: string | undefined): string {
  if ((text === '|' || text === ']' || text === 'l') && next !== undefined && /^[a-z]/.test(next))
    return 'I';
  return text;
}

/**
 * Fax streaks and specks read as a lone mark ("'", ":", "~") with low confidence; they are not
 * words, and left in they would end lines with junk columns.
 */
function isNoise(text: string, confidence: number): boolean {
  return text === '' || (!/[\p{L}\p{N}]/u.test(text) && confidence < 60);
}

export function blocksToText(blocks: OcrBlocks): OcrText {
  let text = '';
  const words: OcrWord[] = [];
  let confSum = 0;
  for (const block of blocks) {
    for (const para of block.paragraphs) {
      if (text !== '' && !text.endsWith('\n\n')) text += text.endsWith('\n') ? '\n' : '\n\n';
      for (const line of para.lines) {
        const lineWords = line.words.filter((w) => !isNoise(w.text.trim(), w.confidence));
        if (lineWords.length === 0) continue;
        const height = Math.max(1, line.bbox.y1 - line.bbox.y0);
        let prevX1: number | null = null;
        lineWords.forEach((w, i) => {
          if (prevX1 !== null) text += w.bbox.x0 - prevX1 > 2 * height ? '\t' : ' ';
          const value = fixWord(w.text.trim(), lineWords[i + 1]?.text.trim());
          words.push({
            text: value,
            confidence: Math.round(w.confidence * 10) / 10,
            x0: w.bbox.x0,
            y0: w.bbox.y0,
            x1: w.bbox.x1,
            y1: w.bbox.y1,
            offset: text.length,
          });
          confSum += w.confidence;
          text += value;
          prevX1 = w.bbox.x1;
        });
        text += '\n';
      }
    }
  }
  const confidence = words.length === 0 ? 0 : Math.round((confSum / words.length) * 10) / 10;
  return { text: text.replace(/\n+$/, '\n'), words, confidence };
}

/** Mean confidence of the words a span of the page text covers (null when it covers none). */
export function spanConfidence(
  words: readonly OcrWord[],
  start: number,
  end: number,
): number | null {
  let sum = 0;
  let n = 0;
  for (const w of words) {
    if (w.offset >= end) break;
    if (w.offset + w.text.length <= start) continue;
    sum += w.confidence;
    n++;
  }
  return n === 0 ? null : Math.round((sum / n) * 10) / 10;
}
