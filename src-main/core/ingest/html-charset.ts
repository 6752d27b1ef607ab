/**
 * Bytes to text for HTML notes: a byte order mark first, then UTF-8 when the bytes are valid
 * UTF-8, then the charset the page declares in a <meta> tag, then Windows-1252 (decode.ts).
 * Valid UTF-8 wins over the declaration because exporters often keep a template's old
 * "iso-8859-1" while writing UTF-8; text in another charset is almost never valid UTF-8.
 */
import { isUtf8 } from 'node:buffer';
import { decodeNoteBytes, decodeWindows1252 } from './decode';

/** A browser looks for the declaration in the first 1024 bytes. */
const PRESCAN_BYTES = 1024;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

function hasBom(bytes: Uint8Array): boolean {
  return (
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff)
  );
}

/** The charset named by <meta charset> or <meta http-equiv="Content-Type" content="...; charset=">. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES));
  const m = META_CHARSET.exec(head.toString('latin1'));
  return m ? m[1]!.toLowerCase() : null;
}

/** A decoder for a declared legacy charset; null for Unicode ones (handled already) or unknown. */
function legacyDecoder(label: string): TextDecoder | null {
  // A page cannot declare UTF-16 in its own bytes; browsers read such a declaration as UTF-8.
  if (/^(?:utf-?8|unicode-1-1-utf-8|utf-?16.*|unicode.*|x-user-defined)$/.test(label)) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * Labels the WHATWG Encoding Standard reads as Windows-1252 ("iso-8859-1" and "us-ascii" too).
 * Decoded here, not by TextDecoder: a Node built without full ICU maps 0x80-0x9F to control
 * characters, losing Word's en dashes and smart quotes.
 */
const WINDOWS_1252_LABELS =
  /^(?:windows-1252|x-cp1252|cp1252|cp819|ibm819|iso-?8859-1|iso_8859-1(?::1987)?|iso8859-1|iso88591|iso-ir-100|csisolatin1|l1|latin1|us-ascii|ascii|ansi_x3\.4-1968)$/;

export function decodeHtmlBytes(bytes: Uint8Array): string {
  if (!hasBom(bytes) && !isUtf8(bytes)) {
    const label = declaredCharset(bytes);
    if (label !== null && WINDOWS_1252_LABELS.test(label)) return decodeWindows1252(bytes);
    const decoder = label === null ? null : legacyDecoder(label);
    if (decoder) return decoder.decode(bytes);
  }
  return decodeNoteBytes(bytes);
}
