import type { ReadResult } from '../../../shared/model';
import { decodeNoteBytes, normalizeNewlines } from './decode';
import { reject } from './errors';
import { decodeEntities } from './html-entities';

/** Elements whose content is never note text. */
const DROPPED = new Set(['script', 'style', 'head', 'template', 'noscript', 'svg', 'object']);

/** Elements that end a paragraph: a blank line before and after. */
const PARAGRAPH = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'ul',
  'ol',
  'dl',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'fieldset',
  'figure',
  'hr',
  'main',
  'aside',
  'nav',
  'address',
  'form',
]);

/** Elements that start a new line. */
const LINE = new Set([
  'div',
  'li',
  'tr',
  'dt',
  'dd',
  'caption',
  'figcaption',
  'thead',
  'tbody',
  'tfoot',
  'legend',
  'body',
  'html',
  'title',
  'option',
  'details',
  'summary',
]);

const CELL = new Set(['td', 'th']);

/** A tag, allowing `>` inside quoted attribute values. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/**
 * HTML to readable text without a DOM: block elements and <br> become line breaks, table cells
 * are separated by tabs, whitespace collapses as a browser would (except inside <pre>).
 */
export function htmlToText(html: string): string {
  const source = normalizeNewlines(html)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<![^>]*>/g, '')
    .replace(/<\?[^>]*>/g, '');

  // Output grows as a list of parts: reading the end of one long concatenated string would
  // flatten it on every block tag and make big exports quadratic.
  const parts: string[] = [];
  let pre = 0;
  let dropUntil: string | null = null;
  let cellOpen = false;
  let last = 0;

  const emitText = (raw: string) => {
    if (raw === '') return;
    const text = pre > 0 ? raw : raw.replace(/[ \t\n\f]+/g, ' ');
    parts.push(decodeEntities(text));
  };
  const dropTrailingBlanks = () => {
    while (parts.length > 0) {
      const tail = parts[parts.length - 1]!.replace(/[ \t]+$/, '');
      if (tail !== '') {
        parts[parts.length - 1] = tail;
        return;
      }
      parts.pop();
    }
  };
  const trailingNewlines = (atMost: number) => {
    let count = 0;
    for (let i = parts.length - 1; i >= 0 && count < atMost; i--) {
      const part = parts[i]!;
      let j = part.length - 1;
      while (j >= 0 && part[j] === '\n' && count < atMost) {
        count++;
        j--;
      }
      if (j >= 0) break;
    }
    return count;
  };
  // Opening and closing tags both break, so a break only tops up the newlines already there.
  const breakLine = (blank: boolean) => {
    dropTrailingBlanks();
    const want = blank ? 2 : 1;
    const have = trailingNewlines(want);
    if (parts.length > 0 && have < want) parts.push('\n'.repeat(want - have));
    cellOpen = false;
  };
  const lowerSource = source.toLowerCase();

  for (const m of source.matchAll(TAG)) {
    const [whole, closing, rawName, attrs] = m;
    const name = rawName!.toLowerCase();
    const start = m.index;
    if (dropUntil !== null) {
      if (closing && name === dropUntil) {
        dropUntil = null;
        last = start + whole.length;
      }
      continue;
    }
    emitText(source.slice(last, start));
    last = start + whole.length;
    const selfClosing = attrs!.trimEnd().endsWith('/');
    if (!closing && DROPPED.has(name) && !selfClosing) {
      // Only drop when the element is really closed later; a stray <head> must not eat the note.
      if (lowerSource.includes(`</${name}`, last)) dropUntil = name;
      continue;
    }
    if (name === 'br') parts.push('\n');
    else if (name === 'pre') {
      pre = Math.max(0, pre + (closing ? -1 : 1));
      breakLine(true);
    } else if (PARAGRAPH.has(name)) breakLine(true);
    else if (LINE.has(name)) breakLine(false);
    else if (CELL.has(name) && !closing) {
      // Cells apart by a tab, as a PDF's columns are: readers tell a table row from a sentence.
      if (cellOpen) parts.push('\t');
      cellOpen = true;
    }
  }
  if (dropUntil === null) emitText(source.slice(last));

  return parts
    .join('')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, '').replace(/^[ \t]+/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function readHtmlNote(bytes: Uint8Array): ReadResult {
  const text = htmlToText(decodeNoteBytes(bytes));
  if (text === '') reject('no readable text in this HTML file', { code: 'empty' });
  return { kind: 'notes', format: 'html', pages: [{ page: 1, text }] };
}
