import type { Migration } from './types';

/**
 * Pages read by OCR (issue 18) say so: `source` is 'ocr' (NULL for a page's own text layer),
 * `confidence` the mean word confidence (0-100), and `ocr_words` the words with their boxes on the
 * page image as JSON ({ width, height, words: [{ text, confidence, x0, y0, x1, y1, offset }] }),
 * so the evidence viewer can place a quote on the scan and `reanalyze` keeps what OCR read.
 * Columns only: no table rebuild, nothing else touched.
 */
export const ocrPages: Migration = {
  version: 10,
  name: 'ocr-pages',
  up: `
    ALTER TABLE pages ADD COLUMN source TEXT CHECK (source IS NULL OR source = 'ocr');
    ALTER TABLE pages ADD COLUMN confidence REAL;
    ALTER TABLE pages ADD COLUMN ocr_words TEXT;
  `,
};
