/**
 * pdf-lib's standard fonts encode WinAnsi (CP1252) only; any other character throws at draw time.
 * Note text comes from arbitrary EMR exports, so every string is mapped to WinAnsi first.
 */
const REPLACEMENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2012': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2026': '...',
  '\u2022': '*',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u202f': ' ',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2248': '~',
  '\u2260': '!=',
  '\u00d7': 'x',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2717': 'x',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
};

/** Printable Latin-1 range; pdf-lib's WinAnsi table covers all of it. */
function isLatin1Printable(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff);
}

/** Printable ASCII only: the usual case, which maps to itself. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Returns `text` with every character representable in WinAnsi; others become ASCII or `?`. */
export function toWinAnsi(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0x3f;
    if (ch === '\t') out += '    ';
    else if (ch === '\n' || ch === '\r') out += ' ';
    else if (isLatin1Printable(code)) out += ch;
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if (
      code < 0x20 ||
      (code >= 0x7f && code < 0xa0) ||
      (code >= 0x200b && code <= 0x200f) ||
      code === 0xfeff
    ) {
      // control and zero-width characters: drop
    } else {
      // Accented letters outside Latin-1 fall back to their base letter (e.g. "ł" stays '?', "ő" -> "o").
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out +=
        base.length > 0 && [...base].every((c) => isLatin1Printable(c.codePointAt(0) ?? 0))
          ? base
          : '?';
    }
  }
  return out;
}
