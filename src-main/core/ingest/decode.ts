/**
 * Bytes to text for note exports. Clinics' exports are mostly UTF-8, but older EMRs write
 * Windows-1252 ("smart quotes", degree signs) or UTF-16 with a BOM; none of them should fail.
 */

/** Windows-1252 code points for bytes 0x80-0x9F (undefined bytes map to themselves, as browsers do). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Maps a byte (or an HTML numeric reference in 0x80-0x9F) to its Windows-1252 character. */
export function cp1252Char(byte: number): string {
  const high = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : undefined;
  return String.fromCharCode(high ?? byte);
}

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  // Chunked so very long files don't build millions of tiny strings one at a time.
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const chars: string[] = new Array(chunk.length);
    for (let j = 0; j < chunk.length; j++) chars[j] = cp1252Char(chunk[j]!);
    out += chars.join('');
  }
  return out;
}

/** UTF-8 (BOM stripped), UTF-16 when a BOM says so, and Windows-1252 when UTF-8 is invalid. */
export function decodeNoteBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = new Uint8Array(bytes.length - 2 - ((bytes.length - 2) % 2));
    for (let i = 0; i < swapped.length; i += 2) {
      swapped[i] = bytes[i + 3]!;
      swapped[i + 1] = bytes[i + 2]!;
    }
    return new TextDecoder('utf-16le').decode(swapped);
  }
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

/** CRLF and lone CR (old Mac exports) become LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
