/**
 * Copies objects of a source PDF into the packet as the bytes they are written with, references
 * renumbered: no pdf-lib object tree is built for them, and saving them is one byte copy. Each
 * source object is copied once per packet, however many pages share it (fonts, images).
 */
import { PDFInvalidObject, PDFObject, type PDFContext, type PDFRef } from 'pdf-lib';
import type { PdfFile } from '../pdf-objects/document';
import { PdfDict, PdfStream, writeValue, type PdfRef, type PdfValue } from '../pdf-objects/syntax';

/** An indirect object's body, already in PDF syntax. */
export class RawPdfObject extends PDFObject {
  constructor(private readonly bytes: Uint8Array) {
    super();
  }
  override clone(): PDFObject {
    return this;
  }
  override toString(): string {
    return Buffer.from(this.bytes).toString('latin1');
  }
  override sizeInBytes(): number {
    return this.bytes.length;
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.length;
  }
}

/** A reference in PDF syntax. */
export const refText = (ref: PDFRef): string => `${ref.objectNumber} ${ref.generationNumber} R`;

/**
 * `dict stream ... endstream`, with /Length set to the data's length. pdf-lib's opaque-bytes
 * object holds it: a stream must never be packed into an object stream, and pdf-lib's writer keeps
 * that kind out of them (a plain PDFObject subclass it would pack).
 */
export function rawStream(dictText: string, data: Uint8Array): PDFInvalidObject {
  const head = Buffer.from(`${dictText.slice(0, -2)}/Length ${data.length}>>\nstream\n`, 'latin1');
  const out = new Uint8Array(head.length + data.length + 10);
  out.set(head, 0);
  out.set(data, head.length);
  out.set(Buffer.from('\nendstream', 'latin1'), head.length + data.length);
  return PDFInvalidObject.of(out);
}

export class RawCopier {
  /** Source object number -> its copy in the packet. */
  private readonly targets = new Map<number, PDFRef>();
  private readonly queue: number[] = [];
  /** Every object this copier added, in order: what `rollback` removes. */
  private readonly added: Array<{ ref: PDFRef; source: number | null }> = [];

  constructor(
    private readonly file: PdfFile,
    private readonly context: PDFContext,
  ) {}

  private readonly copyRef = (r: PdfRef): string => {
    // A reference to an object the file lacks is null (ISO 32000-1 §7.3.10).
    if (!this.file.has(r.num)) return 'null';
    let target = this.targets.get(r.num);
    if (!target) {
      target = this.context.nextRef();
      this.targets.set(r.num, target);
      this.added.push({ ref: target, source: r.num });
      this.queue.push(r.num);
    }
    return refText(target);
  };

  /** The PDF text of a value, its references pointing at copies (queued until `flush`). */
  text(v: PdfValue): string {
    return writeValue(v, this.copyRef);
  }

  /** Registers a new object of the packet's own (one that `rollback` can take back). */
  register(object: PDFObject): PDFRef {
    const ref = this.context.nextRef();
    this.context.assign(ref, object);
    this.added.push({ ref, source: null });
    return ref;
  }

  /** Copies every queued object, and what those reference in turn. */
  flush(): void {
    for (let num = this.queue.pop(); num !== undefined; num = this.queue.pop()) {
      const value = this.file.get(num);
      let body: PDFObject;
      if (value instanceof PdfStream) {
        const dict = new PdfDict(new Map(value.dict.map));
        dict.map.delete('Length');
        body = rawStream(this.text(dict), value.data);
      } else {
        body = new RawPdfObject(Buffer.from(this.text(value), 'latin1'));
      }
      this.context.assign(this.targets.get(num)!, body);
    }
  }

  /** How far the copier has got: `rollback` to it removes everything added since. */
  mark(): number {
    return this.added.length;
  }

  rollback(mark: number): void {
    for (const { ref, source } of this.added.splice(mark)) {
      this.context.delete(ref);
      if (source !== null) this.targets.delete(source);
    }
    this.queue.length = 0;
  }
}
