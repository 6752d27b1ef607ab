/**
 * The ingest layer's public entry point: one call reads any supported file into records, or says
 * plainly why it cannot. Readers never touch the database.
 */
import type { ReadOutcome, ReadResult, Rejection } from '../../../shared/model';
import { detectKind, extensionOf, type SourceKind } from './detect';
import { ReaderError } from './errors';
import { readFhirBundle } from './fhir';
import { readHtmlNote } from './html';
import { readImageNote } from './image';
import { readLedgerBytes } from './ledger-csv';
import { readPdf } from './pdf';
import { readTextNote } from './text';
import { isCancelled, type OcrProgress } from '../ocr';
import { readRemit } from './x12-835';
import { wordDocumentReason } from './word-documents';

export { detectKind, isJunkPath, type SourceKind } from './detect';
export {
  walkSources,
  isSourceProblem,
  DEFAULT_ZIP_LIMITS,
  type SourceEntry,
  type SourceProblem,
  type ZipLimits,
} from './container';
export { ReaderError } from './errors';
export { readPdf } from './pdf';
export { readTextNote } from './text';
export { readHtmlNote, htmlToText } from './html';

/** Bytes the detector needs to see; matches what the import pipeline passes. */
const HEAD_BYTES = 4096;

function isBlank(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x00) {
      return false;
    }
  }
  return true;
}

function refuse(reason: string, code: Rejection['code']): ReadOutcome {
  return { ok: false, rejection: { reason, code } };
}

async function readByKind(
  kind: SourceKind,
  bytes: Uint8Array,
  progress?: OcrProgress,
): Promise<ReadResult | null> {
  switch (kind) {
    case 'pdf':
      return readPdf(bytes, progress ? { progress } : {});
    case 'image':
      return readImageNote(bytes, progress);
    case 'txt':
      return readTextNote(bytes);
    case 'html':
      return readHtmlNote(bytes);
    case 'ledger':
      return readLedgerBytes(bytes);
    case 'remit':
      return readRemit(bytes);
    case 'fhir':
      return readFhirBundle(bytes);
    case 'zip':
    case 'unknown':
      return null;
  }
}

/** `progress`: per-page OCR reports and cancel (ocr/progress.ts); a cancel throws, not rejects. */
export async function readSource(
  path: string,
  bytes: Uint8Array,
  progress?: OcrProgress,
): Promise<ReadOutcome> {
  if (isBlank(bytes)) return refuse('empty file', 'empty');
  const kind = detectKind(path, bytes.subarray(0, HEAD_BYTES));
  // A .docx is a zip inside, a .doc binary: named as the document it is, with what to do.
  const word = kind === 'pdf' ? null : wordDocumentReason(extensionOf(path));
  if (word) return refuse(word, 'unknown-type');
  if (kind === 'zip') {
    return refuse('zip archive found where a single file was expected', 'unknown-type');
  }
  try {
    const result = await readByKind(kind, bytes, progress);
    if (result) return { ok: true, result };
    const ext = extensionOf(path);
    // Named as a PDF without being one: a damaged download or a file renamed by hand.
    if (ext === 'pdf') {
      return refuse(
        'not a PDF (damaged or renamed): the file does not begin with the PDF signature "%PDF-"',
        'corrupt',
      );
    }
    return refuse(
      ext === ''
        ? 'unsupported file type (no extension, and the content is not a known format)'
        : `unsupported file type ".${ext}"`,
      'unknown-type',
    );
  } catch (err) {
    if (err instanceof ReaderError) return { ok: false, rejection: err.rejection };
    if (isCancelled(err)) throw err;
    // pdf.js throws plain errors on malformed files; anywhere else a plain error is our bug.
    if (kind === 'pdf') {
      const message = String((err as { message?: string })?.message ?? err);
      return refuse(`the PDF could not be read: ${message}`, 'corrupt');
    }
    throw err;
  }
}
