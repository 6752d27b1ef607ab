/**
 * Turns one file's bytes into everything the store needs (pages, documents with facts, billing,
 * remits), without touching the database, so it can run in a worker thread. Ledgers are the one
 * exception: they stream straight into the store (see pipeline.ts) to keep memory flat.
 */
import type {
  BillingLine,
  ExtractedDocument,
  PageText,
  PatientRecord,
  Rejection,
  Remit,
  RemitClaim,
} from '../../../shared/model';
import { extractDocuments, fileIdentity } from '../extract';
import { readPdf, readSource } from '../ingest';
import { ReaderError } from '../ingest/errors';
import type { OcrProgress } from '../ocr';

export interface NotesContent {
  format: 'pdf' | 'txt' | 'html' | 'image';
  pages: PageText[];
  documents: ExtractedDocument[];
  identity: PatientRecord;
}

export interface EmbeddedContent extends NotesContent {
  /** Citation name, `bundle.json#DocumentReference/abc`. */
  name: string;
  pdf: Uint8Array | null;
}

export type Analysis =
  | { status: 'rejected'; rejection: Rejection }
  | ({ status: 'ok'; kind: 'notes'; warnings: string[] } & NotesContent)
  | { status: 'ok'; kind: 'remit'; remit: Remit; warnings: string[] }
  | {
      status: 'ok';
      kind: 'fhir';
      patients: PatientRecord[];
      billing: BillingLine[];
      claims: RemitClaim[];
      embedded: EmbeddedContent[];
      warnings: string[];
    };

export async function analyzeSource(
  path: string,
  bytes: Uint8Array,
  progress?: OcrProgress,
): Promise<Analysis> {
  const outcome = await readSource(path, bytes, progress);
  if (!outcome.ok) return { status: 'rejected', rejection: outcome.rejection };
  const result = outcome.result;
  switch (result.kind) {
    case 'notes': {
      const documents = extractDocuments(path, result.pages);
      return {
        status: 'ok',
        kind: 'notes',
        format: result.format,
        pages: result.pages,
        documents,
        identity: fileIdentity(documents),
        warnings: emptyPageWarnings(result.pages),
      };
    }
    case 'remit':
      return { status: 'ok', kind: 'remit', remit: result.remit, warnings: [] };
    case 'fhir': {
      const embedded: EmbeddedContent[] = [];
      const warnings: string[] = [];
      for (const doc of result.documents) {
        const name = `${path}${doc.name.startsWith('#') ? '' : '#'}${doc.name}`;
        let pages = doc.pages ?? [];
        let format: NotesContent['format'] = 'txt';
        if (doc.pdf) {
          try {
            const read = await readPdf(doc.pdf);
            if (read.kind !== 'notes') continue;
            pages = read.pages;
            format = 'pdf';
          } catch (err) {
            if (!(err instanceof ReaderError)) throw err;
            warnings.push(`${name}: ${err.rejection.reason}`);
            continue;
          }
        }
        if (pages.length === 0) continue;
        const documents = extractDocuments(name, pages, {
          title: doc.title,
          date: doc.date,
          patient: doc.patient,
        });
        const identity = mergeIdentity(fileIdentity(documents), doc.patient);
        embedded.push({ name, format, pages, documents, identity, pdf: doc.pdf ?? null });
      }
      return {
        status: 'ok',
        kind: 'fhir',
        patients: result.patients,
        billing: result.billing,
        claims: result.claims,
        embedded,
        warnings,
      };
    }
    case 'ledger':
      // Small ledgers read through readSource are still stored by the streaming path.
      return {
        status: 'rejected',
        rejection: { reason: 'ledger must be streamed', code: 'invalid' },
      };
  }
}

function mergeIdentity(found: PatientRecord, hint: PatientRecord | null): PatientRecord {
  return {
    name: found.name ?? hint?.name ?? null,
    dob: found.dob ?? hint?.dob ?? null,
    mrn: found.mrn ?? hint?.mrn ?? null,
  };
}

/**
 * Pages without text in an otherwise readable file are kept but reported, never silently skipped:
 * no text layer, and OCR read nothing legible there (a blank page, a photo, a failed read).
 */
function emptyPageWarnings(pages: PageText[]): string[] {
  const empty = pages.filter((p) => p.text.trim() === '').map((p) => p.page);
  if (empty.length === 0) return [];
  const list = empty.length > 10 ? `${empty.slice(0, 10).join(', ')}, ...` : empty.join(', ');
  return [
    `page${empty.length > 1 ? 's' : ''} ${list}: no text layer, and OCR found no legible text`,
  ];
}
