import type { OcrFailure, Rejection } from './model';

/**
 * What to do about a file the import refused, by the reason's code: the import screen and the
 * command line say it beside the reason, so a refused file is never a dead end.
 */
export const IMPORT_ADVICE: Readonly<Record<NonNullable<Rejection['code']>, string>> = {
  'needs-ocr':
    'A scan with no text that OCR could not read: scan it again (300 dpi, straight, dark enough) or get the original from the EMR, then import it again.',
  empty: 'The file is empty: export it again from the EMR.',
  'unknown-type':
    'Export it as PDF, text, HTML, a CSV ledger, an X12 835 or a FHIR R4 bundle, then import that.',
  corrupt:
    'The file is damaged or is not what its name says: export it again, or ask the sender for the original.',
  invalid:
    'The file does not follow its format at the place named: export it again, or send it to the system that wrote it.',
  'too-large': 'Split the export into smaller files (fewer pages or rows each), then import them.',
  unsafe: 'The file was refused to protect this computer: ask the sender for a plain export.',
};

/**
 * What to do about a scan OCR could not read, by what failed: each names the failure, since the
 * remedy differs (reinstall, rescan, split, retry).
 */
export const OCR_ADVICE: Readonly<Record<OcrFailure, string>> = {
  'no-language-data':
    "OCR's language data is missing from this installation: reinstall ChartReady, then import the file again.",
  'unreadable-image':
    'The scanned image could not be decoded (damaged, or an image format inside it that is not supported): scan or export it again as PDF, PNG, JPEG or TIFF, then import it again.',
  'page-too-large':
    'A page is too large for OCR: scan it again at 300 dpi on a normal paper size (letter or A4), or split it, then import it again.',
  'timed-out':
    'OCR took too long on a page (often a very noisy or dense scan): import the file again on its own; if it fails again, scan it again cleaner (300 dpi, straight, no background) or get the original from the EMR.',
  'engine-failed':
    'The OCR engine failed on this file: import it again; if it fails again, get the original (with a text layer) from the EMR.',
  'nothing-legible':
    'OCR found no legible text: scan it again (300 dpi, straight, dark enough) or get the original from the EMR, then import it again.',
};

/**
 * The advice for a refusal, or null when it has no code. A scan OCR could not read gets the
 * advice for what failed, when the reader named it.
 */
export function importAdvice(code: string | undefined, ocr?: OcrFailure): string | null {
  if (ocr) return OCR_ADVICE[ocr];
  return code && code in IMPORT_ADVICE ? IMPORT_ADVICE[code as keyof typeof IMPORT_ADVICE] : null;
}
