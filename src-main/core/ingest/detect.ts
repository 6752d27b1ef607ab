/**
 * What kind of source a file is. Content decides first (exports are often misnamed: an 835 saved
 * as .txt, a PDF without extension); the extension only settles what content cannot.
 */
export type SourceKind =
  'pdf' | 'image' | 'txt' | 'html' | 'ledger' | 'remit' | 'fhir' | 'zip' | 'unknown';

/** Scans and faxes saved as images; read by OCR. */
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'tif', 'tiff']);

/** PNG, JPEG and TIFF (both byte orders) signatures. */
function hasImageSignature(head: Uint8Array): boolean {
  return (
    startsWithBytes(head, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWithBytes(head, [0xff, 0xd8, 0xff]) ||
    startsWithBytes(head, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWithBytes(head, [0x4d, 0x4d, 0x00, 0x2a])
  );
}

const JUNK_NAMES = new Set(['.ds_store', 'thumbs.db', 'ehthumbs.db', 'desktop.ini', '.localized']);
const JUNK_FOLDERS = new Set(['__macosx', '.spotlight-v100', '.trashes', '.fseventsd']);

/**
 * The folder Word saves beside a web page ("Daily Note 3-10-26_files", localized "-Dateien",
 * "_archivos", "_fichiers") and the files it puts there: the page's file list, theme, colour map
 * and its images (a letterhead logo, never a scan).
 */
const WEB_PAGE_FOLDER = /(?:_files|-dateien|_archivos|_fichiers|\.fld)$/i;
const WEB_PAGE_PARTS =
  /^(?:filelist\.xml|colorschememapping\.xml|themedata\.(?:thmx|xml)|header\.html?|editdata\.mso|(?:item|props)\d*\.xml|image\d+\.(?:png|jpe?g|gif|emz|wmz|wmf))$/i;

/** OS and editor clutter that rides along in exported folders and zips; never a clinical file. */
export function isJunkPath(path: string): boolean {
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  const base = parts[parts.length - 1] ?? '';
  if (parts.slice(0, -1).some((p) => JUNK_FOLDERS.has(p.toLowerCase()))) return true;
  const folder = parts[parts.length - 2] ?? '';
  if (WEB_PAGE_FOLDER.test(folder) && WEB_PAGE_PARTS.test(base)) return true;
  if (JUNK_FOLDERS.has(base.toLowerCase()) || JUNK_NAMES.has(base.toLowerCase())) return true;
  // `~$` are Office lock files; `._` are macOS AppleDouble resource forks.
  return base.startsWith('~$') || base.startsWith('._');
}

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function startsWithBytes(head: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => head[i] === b);
}

function hasPdfSignature(head: Uint8Array): boolean {
  // The spec lets `%PDF-` appear anywhere in the first 1024 bytes (some writers prepend junk).
  const limit = Math.min(head.length, 1024) - 5;
  for (let i = 0; i <= limit; i++) {
    if (
      head[i] === 0x25 &&
      head[i + 1] === 0x50 &&
      head[i + 2] === 0x44 &&
      head[i + 3] === 0x46 &&
      head[i + 4] === 0x2d
    ) {
      return true;
    }
  }
  return false;
}

/** The head as text, without BOM and leading whitespace; latin1 is enough to see signatures. */
function headText(head: Uint8Array): string {
  const body = startsWithBytes(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head;
  return new TextDecoder('latin1').decode(body).replace(/^\s+/, '');
}

function splitHeaderFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      fields.push(current.trim());
      current = '';
    } else current += ch;
  }
  fields.push(current.trim());
  return fields;
}

/** Column labels: words, `#`, `Mod1`; no sentence, no date, nothing long. */
const HEADER_FIELD = /^[A-Za-z][A-Za-z0-9 _#./()&%-]{0,39}$/;

/**
 * A first line of 3+ label-like fields split by `,`, `;` or tab. For a .txt file the second line
 * must also split into as many fields, so a note opening with "Smith, John, PT" stays a note.
 */
function looksLikeDelimitedHeader(text: string, needSecondLine: boolean): boolean {
  const lines = text.split(/\r?\n/);
  const first = lines[0] ?? '';
  for (const delimiter of [',', ';', '\t']) {
    const fields = splitHeaderFields(first, delimiter);
    if (fields.length < 3 || !fields.every((f) => HEADER_FIELD.test(f))) continue;
    if (!needSecondLine) return true;
    const second = lines[1];
    if (second !== undefined && splitHeaderFields(second, delimiter).length === fields.length) {
      return true;
    }
  }
  return false;
}

function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, 4096).includes(0);
}

export function detectKind(name: string, head: Uint8Array): SourceKind {
  const ext = extensionOf(name);
  if (hasPdfSignature(head)) return 'pdf';
  if (
    startsWithBytes(head, [0x50, 0x4b, 0x03, 0x04]) ||
    startsWithBytes(head, [0x50, 0x4b, 0x05, 0x06])
  ) {
    return 'zip';
  }
  if (hasImageSignature(head)) return 'image';
  const utf16 = startsWithBytes(head, [0xff, 0xfe]) || startsWithBytes(head, [0xfe, 0xff]);
  // A binary file named as an image is a damaged image, and is reported as one.
  if (looksBinary(head) && !utf16) return IMAGE_EXTENSIONS.has(ext) ? 'image' : 'unknown';

  const text = headText(head);
  // ISA is always followed by its element separator, never a letter: "ISAAC ..." is not an 835.
  if (/^ISA[^A-Za-z0-9\s]/.test(text)) return 'remit';
  if (text.startsWith('{') && (text.includes('"resourceType"') || ext === 'json')) return 'fhir';
  if (/^<(!doctype\s+html|html[\s>])/i.test(text)) return 'html';
  if (ext === 'csv' || ext === 'tsv') return 'ledger';
  if (ext === 'htm' || ext === 'html' || ext === 'xhtml') return 'html';
  const isTextExt = ext === 'txt' || ext === 'text';
  if (looksLikeDelimitedHeader(text, isTextExt)) return 'ledger';
  if (isTextExt) return 'txt';
  return 'unknown';
}
