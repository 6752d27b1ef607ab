/**
 * Cross-reference reading (ISO 32000-1 §7.5.4-7.5.8): classic tables and cross-reference streams,
 * hybrid files (/XRefStm) and incremental updates (/Prev), newest entry first. Anything this does
 * not understand throws UnsupportedPdf; it never guesses object positions.
 */
import { inflateSync, constants as zlib } from 'node:zlib';
import {
  expand,
  indexOfAscii,
  PdfDict,
  PdfName,
  PdfStream,
  readAt,
  type PdfParser,
  UnsupportedPdf,
  type PdfValue,
} from './syntax';

export type XrefEntry =
  | { type: 0 }
  | { type: 1; offset: number; gen: number }
  | { type: 2; stream: number; index: number };

export interface Xref {
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
}

/** Reads an indirect object's stream length when /Length is a reference. */
export type LengthOf = (value: PdfValue) => number;

const asInt = (v: PdfValue | undefined): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) ? v : undefined;

/** The stream's filters as names ([] for none); undefined when they are not plain names. */
function filterNames(dict: PdfDict): string[] | undefined {
  const f = expand(dict.get('Filter'));
  if (f === undefined || f === null) return [];
  const list = Array.isArray(f) ? f : [f];
  return list.every((x) => x instanceof PdfName) ? list.map((x) => (x as PdfName).name) : undefined;
}

/** Cross-reference and object streams are small; more than this is a damaged or hostile file. */
const MAX_INFLATED = 64 * 1024 * 1024;

function inflate(data: Uint8Array): Uint8Array {
  try {
    return inflateSync(data, { maxOutputLength: MAX_INFLATED });
  } catch (err) {
    if (err instanceof RangeError) throw new UnsupportedPdf('stream inflates past 64 MB');
    // Streams cut short or with a bad checksum still hold their data; readers accept them.
    return inflateSync(data, { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: MAX_INFLATED });
  }
}

/** PNG predictors (§7.4.4.4), as cross-reference and object streams use them. */
function unpredict(data: Uint8Array, parms: PdfDict): Uint8Array {
  const predictor = asInt(parms.get('Predictor')) ?? 1;
  if (predictor === 1) return data;
  if (predictor < 10) throw new UnsupportedPdf(`predictor ${predictor}`);
  const colors = asInt(parms.get('Colors')) ?? 1;
  const bits = asInt(parms.get('BitsPerComponent')) ?? 8;
  const columns = asInt(parms.get('Columns')) ?? 1;
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLength + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLength + i - bpp]! : 0;
      let v: number;
      if (type === 0) v = raw;
      else if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else throw new UnsupportedPdf(`PNG row filter ${type}`);
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

/** A stream's decoded bytes; only Flate (with PNG predictors) is needed for xref and object streams. */
export function decodeStream(stream: PdfStream): Uint8Array {
  const filters = filterNames(stream.dict);
  if (!filters || filters.length > 1) throw new UnsupportedPdf('stream filters');
  if (filters.length === 0) return stream.data;
  if (filters[0] !== 'FlateDecode') throw new UnsupportedPdf(`filter ${filters[0]}`);
  const parms = expand(stream.dict.get('DecodeParms'));
  const inflated = inflate(stream.data);
  return parms instanceof PdfDict ? unpredict(inflated, parms) : inflated;
}

/**
 * Parses `num gen obj value [stream ... endstream]` at offset. Stream data runs for /Length bytes;
 * where that does not land on `endstream` (a common fault), up to the keyword instead.
 */
export function parseIndirect(
  buf: Uint8Array,
  offset: number,
  lengthOf: LengthOf,
  expect?: number,
): { num: number; value: PdfValue } {
  const { num, value, data } = readAt(buf, offset, (p) => {
    const num = p.integer();
    const gen = p.integer();
    if (num === undefined || gen === undefined || !p.keyword('obj'))
      throw p.error('no object header');
    if (expect !== undefined && num !== expect)
      throw p.error(`object ${expect} expected, found ${num}`);
    const value = p.value();
    const data = value instanceof PdfDict && p.keyword('stream') ? offset + p.pos : -1;
    return { num, value, data };
  });
  if (data < 0 || !(value instanceof PdfDict)) return { num, value };
  // The keyword is followed by CRLF or LF (a lone CR is tolerated).
  let start = data;
  if (buf[start] === 0x0d) start++;
  if (buf[start] === 0x0a) start++;
  const declared = lengthOf(value.get('Length') ?? null);
  let end = start + declared;
  if (!(declared >= 0 && end <= buf.length && keywordAt(buf, end, 'endstream'))) {
    const at = indexOfAscii(buf, 'endstream', start);
    if (at < 0) throw new UnsupportedPdf(`stream without endstream at byte ${start}`);
    end = at;
    if (buf[end - 1] === 0x0a) end--;
    if (buf[end - 1] === 0x0d) end--;
  }
  return { num, value: new PdfStream(value, buf.subarray(start, end)) };
}

/** Whether `word` follows `at` after white space. */
function keywordAt(buf: Uint8Array, at: number, word: string): boolean {
  while (at < buf.length && (buf[at] === 0x20 || (buf[at]! >= 0x09 && buf[at]! <= 0x0d))) at++;
  return indexOfAscii(buf.subarray(at, at + word.length), word) === 0;
}

function lastStartXref(buf: Uint8Array): number {
  const tail = Math.max(0, buf.length - 4096);
  let at = -1;
  for (
    let i = indexOfAscii(buf, 'startxref', tail);
    i >= 0;
    i = indexOfAscii(buf, 'startxref', i + 1)
  )
    at = i;
  if (at < 0) throw new UnsupportedPdf('no startxref');
  const offset = readAt(buf, at + 'startxref'.length, (p) => p.integer());
  if (offset === undefined || offset >= buf.length)
    throw new UnsupportedPdf('bad startxref offset');
  return offset;
}

/** A classic table (after its `xref` keyword) and its trailer. */
function readTable(p: PdfParser): { rows: Array<[number, XrefEntry]>; trailer: PdfDict } {
  const rows: Array<[number, XrefEntry]> = [];
  for (;;) {
    if (p.keyword('trailer')) break;
    const first = p.integer();
    const count = p.integer();
    if (first === undefined || count === undefined) throw p.error('bad xref subsection');
    for (let i = 0; i < count; i++) {
      const offset = p.integer();
      const gen = p.integer();
      const inUse = p.keyword('n');
      if (offset === undefined || gen === undefined || (!inUse && !p.keyword('f')))
        throw p.error('bad xref entry');
      rows.push([first + i, inUse ? { type: 1, offset, gen } : { type: 0 }]);
    }
  }
  const trailer = p.value();
  if (!(trailer instanceof PdfDict)) throw p.error('trailer is not a dictionary');
  return { rows, trailer };
}

function readStream(stream: PdfStream, entries: Map<number, XrefEntry>): void {
  const w = expand(stream.dict.get('W'));
  const widths = Array.isArray(w) ? w.map(asInt) : [];
  if (widths.length !== 3 || widths.some((x) => x === undefined || x < 0 || x > 8))
    throw new UnsupportedPdf('bad /W in xref stream');
  const [w0, w1, w2] = widths as [number, number, number];
  const size = asInt(stream.dict.get('Size')) ?? 0;
  const index = expand(stream.dict.get('Index'));
  const ranges = (Array.isArray(index) ? index : [0, size]).map(asInt);
  if (ranges.some((x) => x === undefined)) throw new UnsupportedPdf('bad /Index in xref stream');
  const data = decodeStream(stream);
  const field = (at: number, width: number) => {
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + data[at + i]!;
    return v;
  };
  const rowLength = w0 + w1 + w2;
  // Rows of no bytes would make every /Index count loop without reading anything.
  if (rowLength === 0) throw new UnsupportedPdf('xref stream rows of no bytes');
  let at = 0;
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const first = ranges[r]!;
    const count = ranges[r + 1]!;
    for (let i = 0; i < count && at + rowLength <= data.length; i++, at += rowLength) {
      const type = w0 === 0 ? 1 : field(at, w0);
      const a = field(at + w0, w1);
      const b = field(at + w0 + w1, w2);
      const num = first + i;
      if (entries.has(num)) continue;
      if (type === 1) entries.set(num, { type: 1, offset: a, gen: b });
      else if (type === 2) entries.set(num, { type: 2, stream: a, index: b });
      else if (type === 0) entries.set(num, { type: 0 });
    }
  }
}

/** The file's cross-reference entries, newest update first, and its trailer (newest keys win). */
export function readXref(buf: Uint8Array): Xref {
  const entries = new Map<number, XrefEntry>();
  const trailer = new PdfDict();
  const direct: LengthOf = (v) => asInt(v) ?? -1;
  const seen = new Set<number>();
  let next: number | undefined = lastStartXref(buf);
  while (next !== undefined && !seen.has(next)) {
    seen.add(next);
    const table = readAt(buf, next, (p) => (p.keyword('xref') ? readTable(p) : null));
    let dict: PdfDict;
    if (table) {
      // A newer section's entries, free ones included, hide those of older ones.
      for (const [num, entry] of table.rows) if (!entries.has(num)) entries.set(num, entry);
      dict = table.trailer;
      // A hybrid file's stream holds the objects that only newer readers see.
      const stm = asInt(dict.get('XRefStm'));
      if (stm !== undefined) {
        const { value } = parseIndirect(buf, stm, direct);
        if (value instanceof PdfStream) readStream(value, entries);
      }
    } else {
      const { value } = parseIndirect(buf, next, direct);
      if (!(value instanceof PdfStream)) throw new UnsupportedPdf('startxref points at no xref');
      readStream(value, entries);
      dict = value.dict;
    }
    for (const [k, v] of dict.map) if (!trailer.map.has(k)) trailer.map.set(k, v);
    next = asInt(dict.get('Prev'));
  }
  return { entries, trailer };
}
