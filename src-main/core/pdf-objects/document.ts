/**
 * A PDF file read lazily: objects are parsed when first asked for (from the file or from an object
 * stream) and kept; the page tree is walked once with inherited attributes applied (§7.7.3.4).
 * Encrypted files are not read (UnsupportedPdf): the caller falls back to a full PDF library.
 */
import {
  latin1,
  PdfDict,
  PdfName,
  PdfParser,
  PdfRef,
  PdfSpan,
  PdfStream,
  UnsupportedPdf,
  type PdfValue,
} from './syntax';
import { decodeStream, parseIndirect, readXref, type LengthOf, type XrefEntry } from './xref';

export interface PdfPage {
  dict: PdfDict;
  /** The page's /Resources as written (a reference or a dictionary), inherited if need be. */
  resources: PdfValue | undefined;
  /** [x0, y0, x1, y1] as written (inherited; US Letter when missing). */
  mediaBox: [number, number, number, number];
  /** /Rotate in degrees as written (inherited; 0 when missing). */
  rotate: number;
}

interface ObjectStream {
  parser: PdfParser;
  /** Object number -> offset of its value in the decoded stream. */
  offsets: Map<number, number>;
}

const MAX_TREE_DEPTH = 64;

export class PdfFile {
  private readonly entries: Map<number, XrefEntry>;
  readonly trailer: PdfDict;
  private readonly objects = new Map<number, PdfValue>();
  private readonly objectStreams = new Map<number, ObjectStream>();
  private readonly lengthOf: LengthOf = (v) => {
    const n = this.resolve(v);
    return typeof n === 'number' && Number.isInteger(n) ? n : -1;
  };

  constructor(readonly buf: Uint8Array) {
    const { entries, trailer } = readXref(buf);
    if (trailer.get('Encrypt') !== undefined) throw new UnsupportedPdf('encrypted');
    this.entries = entries;
    this.trailer = trailer;
  }

  /** Whether object `num` exists (a reference to a missing object means null, §7.3.10). */
  has(num: number): boolean {
    const e = this.entries.get(num);
    return e !== undefined && e.type !== 0;
  }

  get(num: number): PdfValue {
    if (this.objects.has(num)) return this.objects.get(num)!;
    const entry = this.entries.get(num);
    let value: PdfValue = null;
    if (entry?.type === 1) {
      if (entry.offset >= this.buf.length) throw new UnsupportedPdf(`object ${num} out of range`);
      value = parseIndirect(this.buf, entry.offset, this.lengthOf, num).value;
    } else if (entry?.type === 2) {
      value = this.fromObjectStream(num, entry.stream);
    }
    this.objects.set(num, value);
    return value;
  }

  resolve(v: PdfValue | undefined): PdfValue | undefined {
    let seen = 0;
    while (v instanceof PdfRef || v instanceof PdfSpan) {
      if (++seen > 32) throw new UnsupportedPdf('reference chain too long');
      v = v instanceof PdfSpan ? v.parse() : this.get(v.num);
    }
    return v;
  }

  private fromObjectStream(num: number, streamNum: number): PdfValue {
    let os = this.objectStreams.get(streamNum);
    if (!os) {
      const stream = this.get(streamNum);
      if (!(stream instanceof PdfStream)) throw new UnsupportedPdf(`object stream ${streamNum}`);
      const data = decodeStream(stream);
      const n = stream.dict.get('N');
      const first = stream.dict.get('First');
      if (typeof n !== 'number' || typeof first !== 'number')
        throw new UnsupportedPdf(`object stream ${streamNum} without /N or /First`);
      const parser = new PdfParser(latin1(data));
      const offsets = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const objNum = parser.integer();
        const offset = parser.integer();
        if (objNum === undefined || offset === undefined)
          throw parser.error('bad object stream header');
        offsets.set(objNum, first + offset);
      }
      os = { parser, offsets };
      this.objectStreams.set(streamNum, os);
    }
    const at = os.offsets.get(num);
    if (at === undefined) return null;
    os.parser.pos = at;
    return os.parser.value();
  }

  /** The pages in order, each with its inherited resources, media box and rotation. */
  pages(): PdfPage[] {
    const root = this.resolve(this.trailer.get('Root'));
    if (!(root instanceof PdfDict)) throw new UnsupportedPdf('no document catalog');
    const pages: PdfPage[] = [];
    const visited = new Set<number>();
    const walk = (ref: PdfValue | undefined, inherited: Map<string, PdfValue>, depth: number) => {
      if (depth > MAX_TREE_DEPTH) throw new UnsupportedPdf('page tree too deep');
      if (ref instanceof PdfRef) {
        if (visited.has(ref.num)) throw new UnsupportedPdf('page tree cycle');
        visited.add(ref.num);
      }
      const node = this.resolve(ref);
      if (!(node instanceof PdfDict))
        throw new UnsupportedPdf('page tree node is not a dictionary');
      const own = new Map(inherited);
      for (const key of ['Resources', 'MediaBox', 'Rotate']) {
        const v = node.get(key);
        if (v !== undefined) own.set(key, v);
      }
      const kids = this.resolve(node.get('Kids'));
      const type = node.get('Type');
      if (Array.isArray(kids) && !(type instanceof PdfName && type.name === 'Page')) {
        for (const kid of kids) walk(kid, own, depth + 1);
        return;
      }
      pages.push({
        dict: node,
        resources: own.get('Resources'),
        mediaBox: this.box(own.get('MediaBox')),
        rotate: this.number(own.get('Rotate')) ?? 0,
      });
    };
    walk(root.get('Pages'), new Map(), 0);
    return pages;
  }

  private number(v: PdfValue | undefined): number | undefined {
    const n = this.resolve(v);
    return typeof n === 'number' ? n : undefined;
  }

  private box(v: PdfValue | undefined): [number, number, number, number] {
    const a = this.resolve(v);
    if (!Array.isArray(a)) return [0, 0, 612, 792];
    const nums = a.map((x) => this.number(x));
    if (nums.length !== 4 || nums.some((x) => x === undefined))
      throw new UnsupportedPdf('bad MediaBox');
    return nums as [number, number, number, number];
  }
}
