import type { PageText, ReadResult } from '../../../shared/model';
import { decodeNoteBytes, normalizeNewlines } from './decode';
import { reject } from './errors';

/**
 * Plain-text note exports. A form feed is the page break printers and several EMR exports use, so
 * pages split there and keep their numbers for citations.
 */
export function readTextNote(bytes: Uint8Array): ReadResult {
  const text = normalizeNewlines(decodeNoteBytes(bytes));
  if (text.trim() === '') reject('empty file: no text in it', { code: 'empty' });
  const parts = text.split('\f');
  // A trailing form feed ends the last page; it does not start a new, empty one.
  if (parts.length > 1 && parts[parts.length - 1]!.trim() === '') parts.pop();
  const pages: PageText[] = parts.map((part, i) => ({ page: i + 1, text: part }));
  return { kind: 'notes', format: 'txt', pages };
}
