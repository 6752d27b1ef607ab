/**
 * Per-page OCR progress and cancel. OCR is the one slow step of an import (seconds a page), so a
 * reader reports each page before reading it, and stops there when the import was cancelled:
 * between pages, never inside one (tesseract's job is not interruptible).
 */
export interface OcrProgress {
  /** Before each page OCR reads: its page number and the file's page count. */
  onPage?: (page: number, pages: number) => void;
  /** When aborted, the reader throws the signal's reason before its next OCR page. */
  signal?: AbortSignal;
}

export function beforeOcrPage(
  progress: OcrProgress | undefined,
  page: number,
  pages: number,
): void {
  progress?.signal?.throwIfAborted();
  progress?.onPage?.(page, pages);
}

/** The error an aborted signal throws (its default reason), as opposed to a reader's failure. */
export function isCancelled(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'AbortError';
}
