/**
 * Re-exported notes: the same note exported again (another run, CRLF, a trailing newline, an
 * export stamp) has new bytes, so the content hash does not catch it, and every visit would count
 * twice. A document whose patient, type, date and normalized text (`textHash`) equal one already
 * stored, or one earlier in the same file, is a duplicate: the first copy is kept.
 */
import type { ExtractedDocument, PatientRecord } from '../../../shared/model';
import { storedIdentity, type ImportWriter } from '../store/write';

export interface DuplicateDocument {
  doc: ExtractedDocument;
  /** Path of the file that holds the copy kept. */
  of: string;
}

export interface DeduplicatedDocuments {
  kept: ExtractedDocument[];
  duplicates: DuplicateDocument[];
}

export function withoutDuplicates(
  writer: ImportWriter,
  path: string,
  docs: ExtractedDocument[],
  fallback: PatientRecord,
  /** A file being read again: its own stored documents are not copies of themselves. */
  exceptFile: number | null = null,
): DeduplicatedDocuments {
  const kept: ExtractedDocument[] = [];
  const duplicates: DuplicateDocument[] = [];
  const inFile = new Set<string>();
  for (const doc of docs) {
    const who = storedIdentity(doc, fallback);
    const key = doc.textHash
      ? [doc.textHash, doc.type, doc.date, who.name, who.dob, who.mrn].join('\u001f')
      : null;
    const of = key && inFile.has(key) ? path : writer.duplicateOf(doc, who, exceptFile);
    if (of !== null) duplicates.push({ doc, of });
    else {
      kept.push(doc);
      if (key) inFile.add(key);
    }
  }
  return { kept, duplicates };
}

/** "pages 2-3 duplicate doc_0414.txt (same patient, type, date and text): kept once". */
export function duplicateWarning(d: DuplicateDocument): string {
  const pages =
    d.doc.pageStart === d.doc.pageEnd
      ? `page ${d.doc.pageStart}`
      : `pages ${d.doc.pageStart}-${d.doc.pageEnd}`;
  return `${pages} duplicate ${d.of} (same patient, type, date and text): kept once`;
}
