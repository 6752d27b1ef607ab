import type { EpisodeDocument } from '../../../shared/episode';
import type { PageText } from '../../../shared/model';
import type { Db } from '../store/db';

export type StoredSource =
  | { kind: 'pdf'; bytes: Uint8Array }
  | { kind: 'text'; fileId: number; pages: PageText[] }
  | { kind: 'image'; fileId: number; bytes: Uint8Array; pages: PageText[] };

/**
 * The original content behind a cited file: PDF bytes (so packets copy real pages and the viewer
 * renders them), an image file's bytes (packets embed the scan), or the stored page texts for
 * text, HTML and FHIR-embedded notes.
 */
export function loadStoredSource(db: Db, file: string): StoredSource {
  const row = db
    .prepare('SELECT id, kind, content FROM files WHERE path = ? ORDER BY id DESC LIMIT 1')
    .get(file) as { id: number; kind: string; content: Buffer | null } | undefined;
  if (!row) throw new Error(`${file}: not in the database`);
  if (row.kind === 'notes-pdf' && row.content) {
    return { kind: 'pdf', bytes: new Uint8Array(row.content) };
  }
  const pages = db
    .prepare('SELECT page, text FROM pages WHERE file_id = ? ORDER BY page')
    .all(row.id) as PageText[];
  if (row.kind === 'notes-image' && row.content) {
    return { kind: 'image', fileId: row.id, bytes: new Uint8Array(row.content), pages };
  }
  return { kind: 'text', fileId: row.id, pages };
}

export function loadDocumentSource(db: Db, doc: EpisodeDocument): StoredSource {
  return loadStoredSource(db, doc.file);
}

export function pageText(db: Db, file: string, page: number): string | null {
  const row = db
    .prepare(
      'SELECT p.text FROM pages p JOIN files f ON f.id = p.file_id WHERE f.path = ? AND p.page = ? ORDER BY f.id DESC LIMIT 1',
    )
    .get(file, page) as { text: string } | undefined;
  return row?.text ?? null;
}
