/**
 * Reads imported notes again with this version's reader: a store imported before a reader change
 * (a new fact kind, a better pattern) keeps the facts its import made, and re-importing the same
 * files is a no-op by content hash. Notes are read from their stored page texts (no PDF parsing);
 * a FHIR bundle from its stored content, as the import read it. Each file is replaced in its own
 * transaction: a failure leaves that file as it was and the others go on.
 */
import type { ReanalyzeResponse } from '../../../shared/api';
import type { OcrLayer, PageMark, PageText, TextItem } from '../../../shared/model';
import { EXTRACTOR_VERSION, extractDocuments, fileIdentity } from '../extract';
import { log } from '../log';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import { ocrPdfPages, pdfPageMarks } from '../ingest/pdf';
import { ImportWriter } from '../store/write';
import { analyzeSource } from './analyze';
import { withoutDuplicates } from './duplicates';
import { storeEmbeddedNotes } from './pipeline';

export interface ReanalyzeOptions {
  /** Every file, not only those read by an older reader. */
  all?: boolean;
  onProgress?: (p: { done: number; total: number }) => void;
}

/** Files read again, documents before and after, and the files that failed and kept theirs. */
export type ReanalyzeSummary = ReanalyzeResponse;

/** What reading one file again stored: its documents, and the copies of other files' left out. */
interface Reread {
  documents: number;
  duplicates: number;
}

interface FileToRead {
  id: number;
  path: string;
  kind: string;
  batchId: string;
}

/**
 * Top-level files whose documents the note reader made and that can be read again: notes with
 * stored pages, FHIR bundles with stored content. `all` = whatever version read them. A file read
 * by this version is not due, even with a page that holds no text (a blank page, or a scan OCR
 * found nothing on): reading it again would find the same, and a notice asking for it would never
 * go away. Pages an earlier version stored without text are read by OCR when its file is read
 * again (`rereadNotes`).
 */
const FILES_SQL = (all: boolean) => `
  SELECT f.id, f.path, f.kind, f.batch_id AS batchId FROM files f
    LEFT JOIN file_readings r ON r.file_id = f.id
   WHERE f.parent_id IS NULL
     AND ((f.kind LIKE 'notes-%' AND EXISTS (SELECT 1 FROM pages p WHERE p.file_id = f.id))
          OR (f.kind = 'fhir' AND f.content IS NOT NULL))
     ${all ? '' : 'AND (r.extractor_version IS NULL OR r.extractor_version < ?)'}
   ORDER BY f.id`;

/** How many imported files an older reader read (what `reanalyze` would read again). */
export function filesReadByOlderReader(db: Db): number {
  return (db
    .prepare(`SELECT count(*) FROM (${FILES_SQL(false)})`)
    .pluck()
    .get(EXTRACTOR_VERSION) ?? 0) as number;
}

export async function reanalyzeStore(
  db: Db,
  opts: ReanalyzeOptions = {},
): Promise<ReanalyzeSummary> {
  const stmt = db.prepare(FILES_SQL(!!opts.all));
  const files = (opts.all ? stmt.all() : stmt.all(EXTRACTOR_VERSION)) as FileToRead[];
  const writer = new ImportWriter(db);
  const summary: ReanalyzeSummary = {
    files: 0,
    documentsBefore: 0,
    documentsAfter: 0,
    failed: [],
    extractorVersion: EXTRACTOR_VERSION,
    duplicates: 0,
  };
  const countDocs = db
    .prepare(
      `SELECT count(*) FROM documents WHERE file_id = @id
        OR file_id IN (SELECT id FROM files WHERE parent_id = @id)`,
    )
    .pluck();
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    try {
      const before = countDocs.get({ id: file.id }) as number;
      const after =
        file.kind === 'fhir'
          ? await rereadBundle(db, writer, file)
          : await rereadNotes(db, writer, file);
      summary.files++;
      summary.documentsBefore += before;
      summary.documentsAfter += after.documents;
      summary.duplicates = (summary.duplicates ?? 0) + after.duplicates;
    } catch (err) {
      // The file keeps what its import stored; the reason names it, never its content.
      summary.failed.push({ path: file.path, reason: (err as Error).message });
      log.info('reanalyze.failed', { file: file.id });
    }
    opts.onProgress?.({ done: i + 1, total: files.length });
    // Let the desktop app's main process answer between files of a large store.
    if (i % 16 === 15) await new Promise((ok) => setImmediate(ok));
  }
  recordAudit(db, 'import', {
    reanalyze: true,
    files: summary.files,
    failed: summary.failed.length,
    documentsBefore: summary.documentsBefore,
    documentsAfter: summary.documentsAfter,
    duplicates: summary.duplicates ?? 0,
    extractorVersion: EXTRACTOR_VERSION,
  });
  return summary;
}

interface PageRow {
  page: number;
  text: string;
  items: string | null;
  source: string | null;
  confidence: number | null;
  ocr_words: string | null;
  marks: string | null;
}

/** A stored page as the reader made it, OCR pages with their source, confidence and words. */
function storedPage(r: PageRow): PageText {
  const page: PageText = { page: r.page, text: r.text };
  if (r.items !== null) page.items = JSON.parse(r.items) as TextItem[];
  if (r.marks !== null) page.marks = JSON.parse(r.marks) as PageMark[];
  if (r.source === 'ocr') {
    page.source = 'ocr';
    if (r.confidence !== null) page.confidence = r.confidence;
    if (r.ocr_words !== null) page.ocr = JSON.parse(r.ocr_words) as OcrLayer;
  }
  return page;
}

/** A notes file's documents made again from its stored pages; returns the new document count. */
async function rereadNotes(db: Db, writer: ImportWriter, file: FileToRead): Promise<Reread> {
  const rows = db
    .prepare(
      'SELECT page, text, items, source, confidence, ocr_words, marks FROM pages WHERE file_id = ? ORDER BY page',
    )
    .all(file.id) as PageRow[];
  let pages = rows.map(storedPage);
  // Pages an earlier version stored without text (no text layer, no OCR then) are read by OCR now.
  const unread = pages.filter((p) => p.source === undefined && p.text.trim() === '');
  let ocred: PageText[] = [];
  if (file.kind === 'notes-pdf' && unread.length > 0) {
    const content = db
      .prepare('SELECT content FROM files WHERE id = ?')
      .pluck()
      .get(file.id) as Buffer | null;
    if (content) {
      ocred = await ocrPdfPages(
        new Uint8Array(content),
        unread.map((p) => p.page),
      );
      const byPage = new Map(ocred.map((p) => [p.page, p]));
      pages = pages.map((p) => byPage.get(p.page) ?? p);
    }
  }
  // Text pages stored before marks were looked for: their hand signatures are read from the bytes.
  let marked = new Map<number, PageMark[]>();
  const unmarked = pages.filter((p) => p.source === undefined && p.marks === undefined);
  if (file.kind === 'notes-pdf' && unmarked.some((p) => p.text.trim() !== '')) {
    const content = db
      .prepare('SELECT content FROM files WHERE id = ?')
      .pluck()
      .get(file.id) as Buffer | null;
    if (content) {
      marked = await pdfPageMarks(new Uint8Array(content), unmarked);
      pages = pages.map((p) => (marked.has(p.page) ? { ...p, marks: marked.get(p.page)! } : p));
    }
  }
  const documents = extractDocuments(file.path, pages);
  const identity = fileIdentity(documents);
  // A store imported before duplicates were known holds re-exports twice: the copy read later
  // (here, the file read again last) leaves its documents out.
  const notes = withoutDuplicates(writer, file.path, documents, identity, file.id);
  db.transaction(() => {
    // Replaced, not updated: the full-text index follows pages through its insert/delete triggers.
    const drop = db.prepare('DELETE FROM pages WHERE file_id = ? AND page = ?');
    for (const p of ocred) drop.run(file.id, p.page);
    writer.insertPages(file.id, ocred);
    const setMarks = db.prepare('UPDATE pages SET marks = ? WHERE file_id = ? AND page = ?');
    for (const [page, marks] of marked) setMarks.run(JSON.stringify(marks), file.id, page);
    db.prepare('DELETE FROM documents WHERE file_id = ?').run(file.id);
    writer.insertDocuments(file.id, notes.kept, identity);
    writer.markRead(file.id, EXTRACTOR_VERSION);
  })();
  return { documents: notes.kept.length, duplicates: notes.duplicates.length };
}

/**
 * A FHIR bundle's attached notes read again from its stored content (the DocumentReference gives
 * each note's title, date and patient, which the stored pages lack); its billing stays. A note
 * that no longer reads fails the whole bundle rather than being dropped.
 */
async function rereadBundle(db: Db, writer: ImportWriter, file: FileToRead): Promise<Reread> {
  const content = db
    .prepare('SELECT content FROM files WHERE id = ?')
    .pluck()
    .get(file.id) as Buffer;
  const analysis = await analyzeSource(file.path, new Uint8Array(content));
  if (analysis.status === 'rejected') throw new Error(analysis.rejection.reason);
  if (analysis.kind !== 'fhir') throw new Error(`read as ${analysis.kind}, not a FHIR bundle`);
  const children = db
    .prepare('SELECT count(*) FROM files WHERE parent_id = ?')
    .pluck()
    .get(file.id) as number;
  if (analysis.embedded.length < children) {
    const why = analysis.warnings.length ? ` (${analysis.warnings.join('; ')})` : '';
    throw new Error(
      `${children - analysis.embedded.length} of its ${children} attached notes could not be read again${why}`,
    );
  }
  let stored: Reread = { documents: 0, duplicates: 0 };
  db.transaction(() => {
    // The attached notes were imported with the bundle, not now: keep each one's import time.
    const importedAt = db
      .prepare('SELECT path, imported_at FROM files WHERE parent_id = ?')
      .all(file.id) as Array<{ path: string; imported_at: string }>;
    // Child files cascade to their pages, documents, facts and readings.
    db.prepare('DELETE FROM files WHERE parent_id = ?').run(file.id);
    const notes = storeEmbeddedNotes(writer, file.id, file.batchId, analysis.embedded);
    stored = { documents: notes.documents, duplicates: notes.duplicates.length };
    const restore = db.prepare('UPDATE files SET imported_at = ? WHERE parent_id = ? AND path = ?');
    for (const c of importedAt) restore.run(c.imported_at, file.id, c.path);
    writer.markRead(file.id, EXTRACTOR_VERSION);
  })();
  return stored;
}
