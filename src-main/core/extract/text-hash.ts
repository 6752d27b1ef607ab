/** A document's text reduced to what a re-export cannot change, hashed for duplicate detection. */
import { createHash } from 'node:crypto';
import type { Line } from './lines';

/**
 * SHA-256 (hex) of the document's lines that are not running headers or footers, joined and with
 * every run of whitespace (line breaks, CR, tabs, trailing blanks) made one space.
 */
export function documentTextHash(lines: readonly Line[]): string {
  const hash = createHash('sha256');
  let first = true;
  for (const line of lines) {
    if (line.running) continue;
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    if (!first) hash.update(' ');
    hash.update(text);
    first = false;
  }
  return hash.digest('hex');
}
