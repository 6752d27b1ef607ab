/**
 * Word processor documents in a chart export. A .docx is a zip archive inside, and was reported
 * as "zip archive found where a single file was expected", which tells a user nothing they can
 * act on: it is named as the document it is, with what to do instead (export it as PDF).
 */
const WORD_DOCUMENTS: Record<string, string> = {
  docx: 'a Word document',
  docm: 'a Word document',
  dotx: 'a Word template',
  doc: 'a Word document',
  odt: 'an OpenDocument text document',
};

/** The refusal for a word processor file by its extension, or null for any other file. */
export function wordDocumentReason(ext: string): string | null {
  const what = WORD_DOCUMENTS[ext];
  if (!what) return null;
  return `${what} (.${ext}), which ChartReady does not read: export it as PDF (in Word, File › Save As › PDF) and import the PDF`;
}
