/**
 * Reads imported notes again with this version's reader: a store imported before a reader change
 * (a new fact kind, a better pattern) keeps the facts its import made, and re-importing the same
 * files is a no-op by content hash. Notes are read from their stored page texts (no PDF parsing);
 * a FHIR bundle from its stored content, as the import read it. Each file is replaced in its own
 * transaction: a failure leaves that file as it was and the others go on.
 */
import type { ReanalyzeResponse } from '../../../shared/api';
import type { PageText, TextItem } from '../../../shared/model';
import { EXTRACTOR_VERSION, extractDocuments, fileIdentity } from '../extract';
import { log } from '../log';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import { ImportWriter } from '../store/write';
import { analyzeSource } from './analyze';
import { storeEmbeddedNotes } from './pipeline';

export interface ReanalyzeOptions {
  /** Every file, not only those read by an older reader. */
  all?: boolean;
  onProgress?: (p: { done: number; total: number }) => void;
}

/** Files read again, documents before and after, and the files that failed and kept theirs. */
export type ReanalyzeSummary = ReanalyzeResponse;

interface FileToRead {
  id: number;
  path: string;
  kind: string;
}

/**
 * Top-level files whose documents the note reader made and that can be read again: notes with
 * stored pages, FHIR bundles with stored content. `all` = whatever version read them.
 */
const FILES_SQL = (all: boolean) => `
  SELECT f.id, f.path, f.kind FROM files f
   WHERE f.parent_id IS NULL
     AND ((f.kind LIKE 'notes-%' AND EXISTS (SELECT 1 FROM pages p WHERE p.file_id = f.id))
          OR (f.kind = 'fhir' AND f.content IS NOT NULL))
     ${all ? '' : 'AND (f.extractor_version IS NULL OR f.extractor_version < ?)'}
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
  };
  const countDocs = db
    .prepare(
      `SELECT count(*) FROM documents WHERE file_id = @id
        OR file_id IN (SELECT id FROM files WHERE parent_id = @id)`,
    )
    .pluck();
  const batchOf = db.prepare('SELECT batch_id FROM files WHERE id = ?').pluck();
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    try {
      const before = countDocs.get({ id: file.id }) as number;
      const after =
        file.kind === 'fhir'
          ? await rereadBundle(db, writer, file, batchOf.get(file.id) as string)
          : rereadNotes(db, writer, file);
      summary.files++;
      summary.documentsBefore += before;
      summary.documentsAfter += after;
    } catch (err) {
      // The file keeps what its import stored; the reason names it, never its content.
      summary.failed.push({ path: file.path, reason: (err as Error).message });
      log.info('reanalyze.failed', { file: file.id });
    }
    opts.onProgress?.({ done: i + 1, total: files.length });
  }
  recordAudit(db, 'import', {
    reanalyze: true,
    files: summary.files,
    failed: summary.failed.length,
    documentsBefore: summary.documentsBefore,
    documentsAfter: summary.documentsAfter,
    extractorVersion: EXTRACTOR_VERSION,
  });
  return summary;
}

/** A notes file's documents made again from its stored pages; returns the new document count. */
function rereadNotes(db: Db, writer: ImportWriter, file: FileToRead): number {
  const rows = db
    .prepare('SELECT page, text, items FROM pages WHERE file_id = ? ORDER BY page')
    .all(file.id) as Array<{ page: number; text: string; items: string | null }>;
  const pages: PageText[] = rows.map((r) =>
    r.items === null
      ? { page: r.page, text: r.text }
      : { page: r.page, text: r.text, items: JSON.parse(r.items) as TextItem[] },
  );
  const documents = extractDocuments(file.path, pages);
  db.transaction(() => {
    db.prepare('DELETE FROM documents WHERE file_id = ?').run(file.id);
    writer.insertDocuments(file.id, documents, fileIdentity(documents));
    markRead(db, file.id);
  })();
  return documents.length;
}

/** A FHIR bundle's attached notes read again from its stored content; its billing stays. */
async function rereadBundle(
  db: Db,
  writer: ImportWriter,
  file: FileToRead,
  batchId: string,
): Promise<number> {
  const content = db
    .prepare('SELECT content FROM files WHERE id = ?')
    .pluck()
    .get(file.id) as Buffer;
  const analysis = await analyzeSource(file.path, new Uint8Array(content));
  if (analysis.status === 'rejected') throw new Error(analysis.rejection.reason);
  if (analysis.kind !== 'fhir') throw new Error(`read as ${analysis.kind}, not a FHIR bundle`);
  let documents = 0;
  db.transaction(() => {
    // Child files cascade to their pages, documents and facts.
    db.prepare('DELETE FROM files WHERE parent_id = ?').run(file.id);
    documents = storeEmbeddedNotes(writer, file.id, batchId, analysis.embedded);
    markRead(db, file.id);
  })();
  return documents;
}

function markRead(db: Db, fileId: number): void {
  db.prepare('UPDATE files SET extractor_version = ? WHERE id = ?').run(EXTRACTOR_VERSION, fileId);
}
