/**
 * The import pipeline: walk the arguments, skip what is already imported (content hash), read and
 * extract each file, and store it in ONE transaction per file, so a crash or a bad file never
 * leaves anything half-imported. A rejected file is logged with its reason and the batch goes on.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ImportFileResult } from '../../../shared/api';
import type { BillingLine, Rejection } from '../../../shared/model';
import { detectKind, isJunkPath, isSourceProblem, walkSources } from '../ingest';
import { ReaderError } from '../ingest/errors';
import { readLedgerBatches, type LedgerStats } from '../ingest/ledger-csv';
import { log, pathRef } from '../log';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import { ImportWriter } from '../store/write';
import { EXTRACTOR_VERSION } from '../extract';
import { isCancelled, type OcrProgress } from '../ocr';
import { analyzeSource, type Analysis, type EmbeddedContent } from './analyze';
import {
  duplicateWarning,
  withoutDuplicates,
  type DeduplicatedDocuments,
  type DuplicateDocument,
} from './duplicates';

/** One file's outcome: the same shape the desktop API reports (shared/api.ts). */
export type FileResult = ImportFileResult & { code?: Rejection['code'] };

export interface ImportSummary {
  batchId: string;
  files: FileResult[];
  imported: number;
  skipped: number;
  rejected: number;
  /** The import was cancelled: the files listed were done; the rest were not imported. */
  cancelled?: boolean;
}

export interface ImportProgress {
  done: number;
  current: FileResult;
}

/**
 * How many files the sources hold, without reading them (folders walked, zip directories read),
 * so progress can say "N of M". Nested archives count as one file each.
 */
export async function countSources(args: string[]): Promise<number> {
  let n = 0;
  for await (const entry of walkSources(args)) {
    if (!isSourceProblem(entry) && isJunkPath(entry.path)) continue;
    n++;
  }
  return n;
}

/** A page about to be read by OCR: the file and its page N of M. */
export interface OcrPageProgress {
  path: string;
  page: number;
  pages: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Each page before OCR reads it (OCR is the slow step: seconds a page). */
  onOcrPage?: (p: OcrPageProgress) => void;
  /**
   * Cancels the import: OCR stops before its next page, no further file is stored. Files stored
   * before stay (each is its own transaction); the summary says `cancelled`.
   */
  signal?: AbortSignal;
  batchId?: string;
  /** Analyse files with this function (e.g. a worker pool); defaults to in-process. */
  analyze?: (path: string, bytes: Uint8Array, progress?: OcrProgress) => Promise<Analysis>;
  /** How many files may be read ahead while earlier ones are stored. */
  readAhead?: number;
  /** Parse a ledger's rows (e.g. in a worker thread); defaults to in-process. */
  ledgerBatches?: (bytes: Uint8Array) => AsyncGenerator<BillingLine[], LedgerStats>;
}

export function newBatchId(): string {
  return `${new Date()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)}-${randomBytes(3).toString('hex')}`;
}

export async function importPaths(
  db: Db,
  args: string[],
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const batchId = opts.batchId ?? newBatchId();
  const writer = new ImportWriter(db);
  const analyze = opts.analyze ?? analyzeSource;
  const readAhead = Math.max(1, opts.readAhead ?? 1);
  const files: FileResult[] = [];
  const seenThisBatch = new Map<string, string>();
  /** Content hash per reported file, for the audit entry (paths may name the patient). */
  const hashes = new Map<FileResult, string | null>();

  const record = (r: FileResult, sha: string | null = null) => {
    files.push(r);
    hashes.set(r, sha);
    log.debug('import.file', {
      batch: batchId,
      file: pathRef(r.path),
      sha256: sha ? sha.slice(0, 16) : null,
      kind: r.kind,
      status: r.status,
      code: r.code ?? null,
      documents: r.documents ?? 0,
      billingLines: r.billingLines ?? 0,
      claims: r.claims ?? 0,
      warnings: r.warnings?.length ?? 0,
    });
    opts.onProgress?.({ done: files.length, current: r });
  };

  // Read-ahead window: analyses for the next files run while the current one is stored, in order.
  type Pending = {
    path: string;
    sha: string;
    size: number;
    kind: string;
    bytes: Uint8Array;
    analysis: Promise<Analysis> | null;
  };
  const window: Pending[] = [];

  let cancelled = false;
  const stopped = () => cancelled || opts.signal?.aborted === true;
  const progressOf = (path: string): OcrProgress => ({
    onPage: (page, pages) => opts.onOcrPage?.({ path, page, pages }),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });

  const flushOne = async () => {
    const p = window.shift();
    if (!p) return;
    if (stopped()) {
      // Cancelled: what was read ahead is not stored (its OCR stops at the next page).
      cancelled = true;
      await p.analysis?.catch(() => undefined);
      return;
    }
    if (p.kind === 'ledger') {
      const parse = opts.ledgerBatches ?? ((b: Uint8Array) => readLedgerBatches(chunks(b)));
      record(await storeLedger(db, writer, batchId, p.path, p.sha, p.size, parse(p.bytes)), p.sha);
      return;
    }
    let analysis: Analysis;
    try {
      analysis = await p.analysis!;
    } catch (err) {
      if (isCancelled(err)) {
        cancelled = true;
        return;
      }
      // An unexpected failure reading one file (a reader bug, a dead worker) rejects that file with
      // the reason, and the rest of the batch goes on.
      analysis = {
        status: 'rejected',
        rejection: { reason: `could not be read: ${(err as Error).message}`, code: 'invalid' },
      };
    }
    record(
      storeAnalysis(db, writer, batchId, p.path, p.sha, p.size, p.kind, p.bytes, analysis),
      p.sha,
    );
  };

  for await (const entry of walkSources(args)) {
    if (stopped()) {
      cancelled = true;
      break;
    }
    if (isSourceProblem(entry)) {
      record(rejectFile(writer, batchId, entry.path, null, null, entry.rejection));
      continue;
    }
    if (isJunkPath(entry.path)) continue;
    if (/\.(md|markdown)$/i.test(entry.path)) {
      // Exports sometimes carry a README; it is documentation, not chart content: say so, don't fail.
      const reason = 'documentation file (Markdown), not chart content';
      writer.log({
        batchId,
        path: entry.path,
        sha256: null,
        kind: 'doc',
        status: 'skipped',
        reason,
      });
      record({ path: entry.path, status: 'skipped', kind: 'doc', reason });
      continue;
    }
    // A Buffer is a Uint8Array: no copy (a million-line ledger is ~90 MB).
    const bytes: Uint8Array = await entry.read();
    const sha = createHash('sha256').update(bytes).digest('hex');
    const kind = detectKind(entry.path, bytes.subarray(0, 4096));
    const earlier = seenThisBatch.get(sha);
    if (earlier !== undefined || writer.hasFile(sha)) {
      const reason =
        earlier !== undefined
          ? `same content as ${earlier}`
          : 'already imported (same content hash)';
      writer.log({ batchId, path: entry.path, sha256: sha, kind, status: 'skipped', reason });
      record({ path: entry.path, status: 'skipped', kind, reason }, sha);
      continue;
    }
    seenThisBatch.set(sha, entry.path);
    const analysis = kind === 'ledger' ? null : analyze(entry.path, bytes, progressOf(entry.path));
    // Awaited in order by flushOne; a failure (or cancel) before then is not "unhandled".
    analysis?.catch(() => undefined);
    window.push({ path: entry.path, sha, size: bytes.byteLength, kind, bytes, analysis });
    while (window.length > readAhead) await flushOne();
  }
  while (window.length > 0) await flushOne();

  const summary: ImportSummary = {
    batchId,
    files,
    imported: files.filter((f) => f.status === 'imported').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
    rejected: files.filter((f) => f.status === 'rejected').length,
    ...(cancelled ? { cancelled: true } : {}),
  };
  // One audit entry per batch: what came in, by content hash (paths can carry patient names).
  recordAudit(db, 'import', {
    batchId,
    imported: summary.imported,
    skipped: summary.skipped,
    rejected: summary.rejected,
    ...(cancelled ? { cancelled: true } : {}),
    files: files.map((f) => ({ sha256: hashes.get(f) ?? null, kind: f.kind, status: f.status })),
  });
  log.debug('import.batch', {
    batch: batchId,
    files: files.length,
    imported: summary.imported,
    skipped: summary.skipped,
    rejected: summary.rejected,
  });
  return summary;
}

/** Logs a rejected file (with its line or page) and returns its report entry. */
function rejectFile(
  writer: ImportWriter,
  batchId: string,
  path: string,
  sha: string | null,
  kind: string | null,
  r: Rejection,
): FileResult {
  writer.log({
    batchId,
    path,
    sha256: sha,
    kind,
    status: 'rejected',
    reason: r.reason,
    code: r.code ?? null,
    line: r.line ?? null,
    page: r.page ?? null,
  });
  return {
    path,
    status: 'rejected',
    kind,
    reason: r.reason,
    code: r.code,
    ...(r.ocr ? { ocr: r.ocr } : {}),
    line: r.line,
    page: r.page,
  };
}

function storeAnalysis(
  db: Db,
  writer: ImportWriter,
  batchId: string,
  path: string,
  sha: string,
  size: number,
  kind: string,
  bytes: Uint8Array,
  analysis: Analysis,
): FileResult {
  if (analysis.status === 'rejected') {
    return rejectFile(writer, batchId, path, sha, kind, analysis.rejection);
  }
  let documents = 0;
  let billingLines = 0;
  let claims = 0;
  // The file's own row, with its original bytes (packets copy real pages; the viewer shows them).
  const insertTopFile = (fileKind: string, pageCount: number | null) =>
    writer.insertFile({
      parentId: null,
      sha256: sha,
      path,
      kind: fileKind,
      size,
      pageCount,
      batchId,
      content: bytes,
      extractorVersion: fileKind === 'remit' ? null : EXTRACTOR_VERSION,
    });
  const warnings = [...analysis.warnings];
  let duplicates = 0;
  let notes: DeduplicatedDocuments | null = null;
  if (analysis.kind === 'notes') {
    notes = withoutDuplicates(writer, path, analysis.documents, analysis.identity);
    duplicates = notes.duplicates.length;
    if (notes.kept.length === 0 && duplicates > 0) {
      // Every document is already stored from another file: nothing new to keep.
      const of = notes.duplicates[0]!.of;
      const reason = `duplicate of ${of}: same patient, type, date and text`;
      writer.log({ batchId, path, sha256: sha, kind, status: 'skipped', reason });
      return { path, status: 'skipped', kind, reason, duplicateOf: of, duplicates };
    }
    warnings.push(...notes.duplicates.map(duplicateWarning));
  }
  db.transaction(() => {
    switch (analysis.kind) {
      case 'notes': {
        const fileId = insertTopFile(`notes-${analysis.format}`, analysis.pages.length);
        writer.insertPages(fileId, analysis.pages);
        documents += writer.insertDocuments(fileId, notes!.kept, analysis.identity);
        break;
      }
      case 'remit': {
        const fileId = insertTopFile('remit', null);
        for (const c of analysis.remit.claims) {
          writer.insertRemitClaim(
            fileId,
            { ...c, payerName: c.payerName ?? analysis.remit.payerName },
            c.paymentDate ?? analysis.remit.paymentDate,
          );
          claims++;
        }
        break;
      }
      case 'fhir': {
        const fileId = insertTopFile('fhir', null);
        const stored = storeEmbeddedNotes(writer, fileId, batchId, analysis.embedded);
        documents += stored.documents;
        duplicates += stored.duplicates.length;
        warnings.push(...stored.duplicates.map(duplicateWarning));
        for (const l of analysis.billing) {
          writer.insertBillingLine(fileId, l);
          billingLines++;
        }
        for (const c of analysis.claims) {
          writer.insertRemitClaim(fileId, c, null);
          claims++;
        }
        break;
      }
    }
    writer.log({ batchId, path, sha256: sha, kind, status: 'imported' });
  })();
  return {
    path,
    status: 'imported',
    kind,
    documents,
    billingLines,
    claims,
    warnings,
    ...(duplicates > 0 ? { duplicates } : {}),
  };
}

/**
 * The notes a FHIR bundle carries (DocumentReference attachments), each stored as a child file of
 * the bundle with its pages and documents (copies of stored documents left out); returns the
 * number of documents stored and the duplicates left out.
 */
export function storeEmbeddedNotes(
  writer: ImportWriter,
  bundleId: number,
  batchId: string,
  embedded: EmbeddedContent[],
): { documents: number; duplicates: DuplicateDocument[] } {
  let documents = 0;
  const duplicates: DuplicateDocument[] = [];
  for (const e of embedded) {
    const notes = withoutDuplicates(writer, e.name, e.documents, e.identity);
    duplicates.push(...notes.duplicates);
    const content = e.pdf ?? new TextEncoder().encode(e.pages.map((p) => p.text).join('\f'));
    const childId = writer.insertFile({
      parentId: bundleId,
      sha256: createHash('sha256').update(content).digest('hex'),
      path: e.name,
      kind: `notes-${e.format}`,
      size: content.byteLength,
      pageCount: e.pages.length,
      batchId,
      content,
      extractorVersion: EXTRACTOR_VERSION,
    });
    writer.insertPages(childId, e.pages);
    documents += writer.insertDocuments(childId, notes.kept, e.identity);
  }
  return { documents, duplicates };
}

/**
 * Ledgers stream row by row into one transaction (a million-line ledger never sits in memory);
 * a bad row rolls the whole file back and names its line.
 */
async function storeLedger(
  db: Db,
  writer: ImportWriter,
  batchId: string,
  path: string,
  sha: string,
  size: number,
  rows: AsyncGenerator<BillingLine[], LedgerStats>,
): Promise<FileResult> {
  let lines = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    const fileId = writer.insertFile({
      parentId: null,
      sha256: sha,
      path,
      kind: 'ledger',
      size,
      pageCount: null,
      batchId,
      content: null,
    });
    const gen = rows;
    let step = await gen.next();
    while (!step.done) {
      for (const line of step.value) writer.insertBillingLine(fileId, line);
      lines += step.value.length;
      step = await gen.next();
    }
    const stats = step.value;
    writer.log({ batchId, path, sha256: sha, kind: 'ledger', status: 'imported' });
    db.exec('COMMIT');
    const warnings = [
      ...(stats.assumed ?? []),
      ...(stats.skippedRows.length
        ? [
            `skipped ${stats.skippedRows.length} row(s): ${stats.skippedRows
              .slice(0, 3)
              .map((s) => `line ${s.line} (${s.reason})`)
              .join('; ')}`,
          ]
        : []),
    ];
    return { path, status: 'imported', kind: 'ledger', billingLines: lines, warnings };
  } catch (err) {
    db.exec('ROLLBACK');
    if (!(err instanceof ReaderError)) throw err;
    return rejectFile(writer, batchId, path, sha, 'ledger', err.rejection);
  }
}

async function* chunks(bytes: Uint8Array, size = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}
