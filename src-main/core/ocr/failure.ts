/**
 * What went wrong when OCR could not read a page, by name, so the import can say what to do
 * about it (shared/import-advice.ts) instead of one message for every failure.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OcrFailure } from '../../../shared/model';

export class OcrFailureError extends Error {
  constructor(
    readonly kind: OcrFailure,
    message: string,
  ) {
    super(message);
    this.name = 'OcrFailureError';
  }
}

/** The most pixels a page is rendered or decoded with for OCR (a 40-megapixel page). */
export const MAX_OCR_PIXELS = 40_000_000;

/** A page too large to hold in memory for OCR is refused before it is drawn. */
export function checkOcrPageSize(width: number, height: number, page: number): void {
  if (width * height > MAX_OCR_PIXELS)
    throw new OcrFailureError(
      'page-too-large',
      `page ${page}: the page is too large to read by OCR (${width}x${height} pixels)`,
    );
}

/** The English model the engine loads: missing means an installation without its OCR data. */
export function checkLanguageData(dir: string): void {
  if (!['eng.traineddata.gz', 'eng.traineddata'].some((f) => existsSync(join(dir, f))))
    throw new OcrFailureError(
      'no-language-data',
      `the OCR language data (eng.traineddata) is missing from ${dir}`,
    );
}

/** The failure kind of anything OCR threw: named when known, else the engine failed. */
export function ocrFailureOf(err: unknown): OcrFailure {
  return err instanceof OcrFailureError ? err.kind : 'engine-failed';
}
