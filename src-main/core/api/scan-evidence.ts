/**
 * Evidence on scanned pages: the OCR words of a page (boxes on the page image as shown) and, for
 * image files, the one asked page as an image the renderer can show (a TIFF page as PNG).
 */
import type { EvidenceOcr, EvidencePage } from '../../../shared/api';
import type { OcrLayer } from '../../../shared/model';
import { decodeImagePage, imageFormatOf, rasterToPng, wordsOnImage } from '../ocr';
import type { Db } from '../store/db';

interface StoredFile {
  id: number;
  kind: string;
  pageCount: number | null;
  content: Buffer | null;
}

/** The newest stored file at `path` (a re-import of changed content is a newer row). */
export function storedFile(db: Db, path: string): StoredFile | undefined {
  return db
    .prepare(
      'SELECT id, kind, page_count AS pageCount, content FROM files WHERE path = ? ORDER BY id DESC LIMIT 1',
    )
    .get(path) as StoredFile | undefined;
}

/** The OCR words of one stored page, or null when the page has its own text. */
export function ocrOfPage(db: Db, fileId: number, page: number): EvidenceOcr | null {
  const row = db
    .prepare(
      "SELECT confidence, ocr_words FROM pages WHERE file_id = ? AND page = ? AND source = 'ocr'",
    )
    .get(fileId, page) as { confidence: number | null; ocr_words: string | null } | undefined;
  if (!row?.ocr_words) return null;
  return wordsOnImage(JSON.parse(row.ocr_words) as OcrLayer, row.confidence ?? 0);
}

function pageText(db: Db, fileId: number, page: number): string {
  const row = db.prepare('SELECT text FROM pages WHERE file_id = ? AND page = ?').get(fileId, page);
  return (row as { text: string } | undefined)?.text ?? '';
}

/**
 * One page of a stored image file. PNG and JPEG go as they are (the OCR boxes are in their
 * pixels); a TIFF page is decoded alone and sent as PNG, at the size OCR read it (fax rows
 * doubled), so its boxes fit.
 */
export async function imageEvidencePage(
  db: Db,
  path: string,
  file: StoredFile & { content: Buffer },
  requested: number,
): Promise<EvidencePage> {
  const bytes = new Uint8Array(file.content);
  const format = imageFormatOf(bytes);
  if (!format) throw new Error(`${path}: the stored file is not an image`);
  const pageCount = file.pageCount ?? 1;
  const page = Math.min(Math.max(1, requested), pageCount);
  const ocr = ocrOfPage(db, file.id, page) ?? { width: 0, height: 0, confidence: 0, words: [] };
  const base = {
    kind: 'image' as const,
    file: path,
    page,
    pageCount,
    text: pageText(db, file.id, page),
  };
  if (format === 'png' || format === 'jpeg') {
    const mime = format === 'png' ? 'image/png' : 'image/jpeg';
    return { ...base, mime, imageBase64: file.content.toString('base64'), ocr };
  }
  const { raster } = await decodeImagePage(bytes, format, page);
  const png = rasterToPng(raster);
  const imageBase64 = Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString('base64');
  return { ...base, mime: 'image/png', imageBase64, ocr };
}
