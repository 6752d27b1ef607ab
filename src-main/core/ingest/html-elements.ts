/**
 * What the HTML note reader knows about elements, in one place: which ones hold no note text,
 * which ones break lines, and the nesting rules a browser applies to unclosed tags.
 */

/** Elements whose content is never note text. */
export const DROPPED = new Set([
  'script',
  'style',
  'head',
  'template',
  'noscript',
  'svg',
  'object',
  'datalist',
]);

/** Elements that end a paragraph: a blank line before and after. */
export const PARAGRAPH = new Set([
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
  'menu',
  'dir',
  'dl',
  'blockquote',
  'pre',
  'xmp',
  'listing',
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
export const LINE = new Set([
  'div',
  'center',
  'caption',
  'figcaption',
  'legend',
  'body',
  'html',
  'title',
  'option',
  'details',
  'summary',
]);

/** Elements whose text keeps its spaces and line breaks. */
export const PREFORMATTED = new Set(['pre', 'xmp', 'listing', 'textarea']);

/** Elements that never have content or a closing tag. */
export const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements the tokenizer reads as raw text up to their closing tag. */
export const RAW_TEXT = ['script', 'style', 'title', 'textarea', 'xmp'] as const;

/** What may stand in <head>; any other tag (or text) ends it, as in a browser. */
export const HEAD_CONTENT = new Set([
  'base',
  'basefont',
  'bgsound',
  'link',
  'meta',
  'title',
  'noscript',
  'noframes',
  'style',
  'script',
  'template',
]);

/**
 * Opening one of these closes an open element of the same family, but only inside the nearest
 * container (`closes` within `scope`): a new <td> ends the open cell of its own table, never a cell
 * of the table around it.
 */
export const IMPLIED_CLOSE: ReadonlyMap<string, { closes: string[]; scope: string[] }> = new Map([
  ['tr', { closes: ['tr'], scope: ['table', 'thead', 'tbody', 'tfoot'] }],
  ['td', { closes: ['td', 'th'], scope: ['tr', 'table'] }],
  ['th', { closes: ['td', 'th'], scope: ['tr', 'table'] }],
  ['thead', { closes: ['thead', 'tbody', 'tfoot'], scope: ['table'] }],
  ['tbody', { closes: ['thead', 'tbody', 'tfoot'], scope: ['table'] }],
  ['tfoot', { closes: ['thead', 'tbody', 'tfoot'], scope: ['table'] }],
  ['li', { closes: ['li'], scope: ['ul', 'ol', 'menu', 'dir', 'td', 'th', 'table'] }],
  ['dt', { closes: ['dt', 'dd'], scope: ['dl', 'td', 'th', 'table'] }],
  ['dd', { closes: ['dt', 'dd'], scope: ['dl', 'td', 'th', 'table'] }],
  ['option', { closes: ['option'], scope: ['select', 'datalist', 'optgroup'] }],
  ['optgroup', { closes: ['optgroup', 'option'], scope: ['select', 'datalist'] }],
]);

/** Block elements that end an open <p> (HTML's "close a p element"). */
export const CLOSES_P = new Set([
  ...PARAGRAPH,
  'div',
  'center',
  'li',
  'dd',
  'dt',
  'details',
  'summary',
  'figcaption',
]);

/** An open <p> is only closed by a block inside the same cell or button. */
export const P_SCOPE = ['td', 'th', 'table', 'caption', 'button', 'object', 'marquee'];

export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
