import type { Rejection } from './model';

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

/** The advice for a refusal, or null when it has no code. */
export function importAdvice(code: string | undefined): string | null {
  return code && code in IMPORT_ADVICE ? IMPORT_ADVICE[code as keyof typeof IMPORT_ADVICE] : null;
}
