/**
 * Packet page content written by hand: each page gets one content stream of PDF operators built as
 * a string, instead of pdf-lib's per-operator objects (PDFOperator, PDFNumber) that are encoded
 * again at save. Text is encoded by the pdf-lib font that measured it, so what a page shows is the
 * same; fonts come from one /Font dictionary shared by every page.
 */
import { deflateSync } from 'node:zlib';
import { PDFDict, PDFName, type PDFDocument, type PDFFont, type PDFRef } from 'pdf-lib';
import { RawPdfObject, rawStream, refText } from './raw-copy';

/** An RGB colour, its operands formatted once: pages set the same few colours many times. */
export interface Rgb {
  readonly operands: string;
}

/**
 * Streams shorter than this stay uncompressed: a stamped exhibit or separator page (~1 KB) would
 * save a few hundred bytes for the cost of a zlib stream per page.
 */
const MIN_DEFLATE_BYTES = 2048;
/**
 * A small window and hash table: setting up zlib's default state (~256 KB) for every stream costs
 * several times more than compressing a page's few kilobytes of operators.
 */
const DEFLATE_OPTIONS = { windowBits: 10, memLevel: 4 };

const xObjectName = (i: number): string => `X${i}`;
/** The colour operands of a fresh page's fill and stroke. */
const BLACK = '0 0 0';

/**
 * A number as written in a content stream: at most `decimals` decimals (4 place coordinates to
 * 1/10000 pt), no exponent, no "-0".
 */
export function pdfNumber(n: number, decimals = 4): string {
  // String() switches to exponent notation below 1e-6 and from 1e21 (n * 10^6 stays below it).
  if (decimals > 6) throw new Error('At most 6 decimals print without an exponent');
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) {
    throw new Error(`Cannot write ${n} in a PDF content stream`);
  }
  // k / 10^d prints with at most d decimals; numbers that round to 0 print "0" (String(-0) is "0").
  const scale = 10 ** decimals;
  return String(Math.round(n * scale) / scale);
}

export function rgbColor(r: number, g: number, b: number): Rgb {
  return { operands: `${pdfNumber(r)} ${pdfNumber(g)} ${pdfNumber(b)}` };
}

/** The fonts pages use, as F1, F2, ... in order of first use, in one shared /Font dictionary. */
export class PageFonts {
  readonly dictRef: PDFRef;
  private readonly dict: PDFDict;
  private readonly keys = new Map<PDFFont, string>();
  /** Per font, UTF-16 code unit -> its code as hex: the standard fonts encode one byte each. */
  private readonly codes = new Map<PDFFont, string[]>();

  constructor(doc: PDFDocument) {
    this.dict = PDFDict.withContext(doc.context);
    this.dictRef = doc.context.register(this.dict);
  }

  key(font: PDFFont): string {
    let key = this.keys.get(font);
    if (!key) {
      key = `F${this.keys.size + 1}`;
      this.keys.set(font, key);
      this.dict.set(PDFName.of(key), font.ref);
    }
    return key;
  }

  /** `<hex>` of the text as pdf-lib's font encodes it (and throws on what it cannot encode). */
  hex(font: PDFFont, text: string): string {
    let codes = this.codes.get(font);
    if (!codes) {
      codes = [];
      this.codes.set(font, codes);
    }
    let hex = '<';
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      // A lone surrogate half cannot be encoded either: encodeText throws for it too.
      hex += codes[unit] ??= font
        .encodeText(text[i] as string)
        .toString()
        .slice(1, -1);
    }
    return hex + '>';
  }
}

/** One page's operators. Colours and line width are set only when they change. */
export class PageContent {
  private readonly ops: string[] = [];
  private readonly xObjects: PDFRef[] = [];
  // The graphics state the operators so far leave; '' = unknown (see `fragment`).
  private fill = BLACK;
  private stroke = BLACK;
  private lineWidth = '1';

  constructor(private readonly fonts: PageFonts) {}

  /**
   * Operators to append to many pages (see `append`). They set every colour and width they use,
   * since the state of the page they land on is unknown.
   */
  static fragment(fonts: PageFonts): PageContent {
    const content = new PageContent(fonts);
    content.fill = content.stroke = content.lineWidth = '';
    return content;
  }

  /** Appends the operators of a `fragment` as they are. */
  append(fragment: PageContent): void {
    if (fragment.xObjects.length > 0) throw new Error('A content fragment cannot draw forms');
    this.ops.push(...fragment.ops);
    this.fill = fragment.fill || this.fill;
    this.stroke = fragment.stroke || this.stroke;
    this.lineWidth = fragment.lineWidth || this.lineWidth;
  }

  /** One line of text with its baseline starting at (x, y). */
  text(text: string, x: number, y: number, size: number, font: PDFFont, color: Rgb): void {
    this.setFill(color);
    this.ops.push(
      `BT /${this.fonts.key(font)} ${pdfNumber(size)} Tf ${pdfNumber(x)} ${pdfNumber(y)} Td ${this.fonts.hex(font, text)} Tj ET`,
    );
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number, color: Rgb): void {
    this.setStroke(color, width);
    this.ops.push(`${pdfNumber(x1)} ${pdfNumber(y1)} m ${pdfNumber(x2)} ${pdfNumber(y2)} l S`);
  }

  /** A stroked (unfilled) rectangle. */
  frame(x: number, y: number, width: number, height: number, lineWidth: number, color: Rgb): void {
    this.setStroke(color, lineWidth);
    this.ops.push(`${pdfNumber(x)} ${pdfNumber(y)} ${pdfNumber(width)} ${pdfNumber(height)} re S`);
  }

  /**
   * Draws a form XObject scaled by `scale` with its origin at (x, y), in the default colours and
   * line width whatever was drawn before: an original page expects a fresh page's state.
   */
  form(ref: PDFRef, x: number, y: number, scale: number): void {
    const name = xObjectName(this.xObjects.length);
    this.xObjects.push(ref);
    let op = 'q ';
    if (this.fill !== BLACK) op += `${BLACK} rg `;
    if (this.stroke !== BLACK) op += `${BLACK} RG `;
    if (this.lineWidth !== '1') op += '1 w ';
    // A scale multiplies every coordinate of the form: 4 decimals could move its far edge by 0.04 pt.
    const s = pdfNumber(scale, 6);
    this.ops.push(`${op}${s} 0 0 ${s} ${pdfNumber(x)} ${pdfNumber(y)} cm /${name} Do Q`);
  }

  /**
   * Registers the stream and a page dictionary that shows it, with the fonts and forms it uses, and
   * returns the page's reference; the caller puts it in the page tree under `parent`. Both are
   * written as PDF text here (raw-copy.ts): pdf-lib would build and re-encode an object tree.
   */
  toPage(doc: PDFDocument, parent: PDFRef, mediaBox: readonly number[]): PDFRef {
    const { context } = doc;
    const text = Buffer.from(this.ops.join('\n'), 'latin1');
    const deflate = text.length >= MIN_DEFLATE_BYTES;
    const stream = rawStream(
      deflate ? '<</Filter /FlateDecode>>' : '<<>>',
      deflate ? deflateSync(text, DEFLATE_OPTIONS) : text,
    );
    const contents = context.nextRef();
    context.assign(contents, stream);
    let forms = '';
    if (this.xObjects.length > 0) {
      forms = ' /XObject <<';
      this.xObjects.forEach((ref, i) => (forms += `/${xObjectName(i)} ${refText(ref)} `));
      forms += '>>';
    }
    const page = context.nextRef();
    context.assign(
      page,
      new RawPdfObject(
        Buffer.from(
          `<</Type /Page /Parent ${refText(parent)} /MediaBox [${mediaBox.join(' ')}]` +
            ` /Resources <</Font ${refText(this.fonts.dictRef)}${forms}>>` +
            ` /Contents ${refText(contents)}>>`,
          'latin1',
        ),
      ),
    );
    return page;
  }

  private setFill(color: Rgb): void {
    if (color.operands === this.fill) return;
    this.fill = color.operands;
    this.ops.push(`${this.fill} rg`);
  }

  private setStroke(color: Rgb, width: number): void {
    if (color.operands !== this.stroke) {
      this.stroke = color.operands;
      this.ops.push(`${this.stroke} RG`);
    }
    const lineWidth = pdfNumber(width);
    if (lineWidth !== this.lineWidth) {
      this.lineWidth = lineWidth;
      this.ops.push(`${lineWidth} w`);
    }
  }
}
