/**
 * Original pages as form XObjects, written straight from the source file's bytes (raw-copy.ts):
 * the page's content stream keeps its bytes and filters, its resources are copied as written.
 * Files this reader cannot take (encrypted, damaged cross-references, unusual filters) throw
 * UnsupportedPdf, and the caller embeds them through pdf-lib instead.
 */
import { deflateSync } from 'node:zlib';
import type { PDFContext } from 'pdf-lib';
import { PdfFile, type PdfPage } from '../pdf-objects/document';
import { PdfStream, UnsupportedPdf, writeNumber } from '../pdf-objects/syntax';
import { decodeStream } from '../pdf-objects/xref';
import { pageTransform } from './page-geometry';
import type { EmbeddedSourcePage } from './exhibit-sources';
import { RawCopier, rawStream } from './raw-copy';

/** A source file opened for raw copying into one packet. */
export class RawSource {
  private readonly file: PdfFile;
  readonly pages: PdfPage[];
  readonly copier: RawCopier;
  /** Distinct BBox/Matrix texts: pages of one file nearly always share them. */
  private readonly numbers = new Map<string, string>();

  constructor(bytes: Uint8Array, context: PDFContext) {
    this.file = new PdfFile(bytes);
    this.pages = this.file.pages();
    this.copier = new RawCopier(this.file, context);
  }

  private numberArray(values: number[]): string {
    const key = values.join(' ');
    let text = this.numbers.get(key);
    if (text === undefined)
      this.numbers.set(key, (text = `[${values.map(writeNumber).join(' ')}]`));
    return text;
  }

  /** The content streams of a page: one stored stream as it is, several decoded and joined. */
  private contents(page: PdfPage): { data: Uint8Array; filter: string } {
    const c = this.file.resolve(page.dict.get('Contents'));
    const list = c === undefined || c === null ? [] : Array.isArray(c) ? c : [c];
    const streams = list.map((s) => {
      const stream = this.file.resolve(s);
      // /F names an external file: its data is not in this one.
      if (!(stream instanceof PdfStream) || stream.dict.get('F') !== undefined)
        throw new UnsupportedPdf('page contents');
      return stream;
    });
    if (streams.length === 1) {
      const { dict, data } = streams[0]!;
      const filter = dict.get('Filter');
      const parms = dict.get('DecodeParms');
      let text = '';
      if (filter !== undefined) text += '/Filter ' + this.copier.text(filter);
      if (parms !== undefined) text += '/DecodeParms ' + this.copier.text(parms);
      return { data, filter: text };
    }
    if (streams.length === 0) return { data: new Uint8Array(0), filter: '' };
    // Content split over several streams may break between tokens only: a newline joins them.
    const joined = Buffer.concat(streams.flatMap((s) => [decodeStream(s), Buffer.from('\n')]));
    return { data: deflateSync(joined), filter: '/Filter /FlateDecode' };
  }

  /**
   * Pages `first`..`last` (1-based) as form XObjects; on UnsupportedPdf nothing of them stays in
   * the packet.
   */
  embedRange(first: number, last: number): EmbeddedSourcePage[] {
    if (first < 1 || last < first || last > this.pages.length)
      throw new UnsupportedPdf('page range outside the file');
    const mark = this.copier.mark();
    try {
      const out = this.pages.slice(first - 1, last).map((page) => {
        const { matrix, box, width, height } = pageTransform(page.mediaBox, page.rotate);
        const { data, filter } = this.contents(page);
        const resources = page.resources === undefined ? '<<>>' : this.copier.text(page.resources);
        const dict =
          `<</Type /XObject /Subtype /Form /FormType 1 /BBox ${this.numberArray(box)}` +
          ` /Matrix ${this.numberArray(matrix)} /Resources ${resources}${filter}>>`;
        return { ref: this.copier.register(rawStream(dict, data)), width, height };
      });
      this.copier.flush();
      return out;
    } catch (err) {
      this.copier.rollback(mark);
      throw err;
    }
  }
}
