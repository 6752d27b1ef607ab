/**
 * Image-file exhibits (a faxed TIFF, a scanned PNG or JPEG) go into the packet as their images,
 * one packet page per image page, so a reviewer sees the signed fax itself and not its OCR text.
 * A JPEG keeps its bytes (DCT, no re-encoding); a TIFF page is decoded on its own and stored as
 * 8-bit grey, deflated (a bilevel fax compresses to a few tens of KB); a PNG goes through pdf-lib.
 */
import { deflateSync } from 'node:zlib';
import { PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { EpisodeDocument } from '../../../shared/episode';
import { decodeImagePage, imageFormatOf, type Raster } from '../ocr';
import type { EmbeddedSourcePage, PreparedExhibit } from './exhibit-sources';

const LETTER = { width: 612, height: 792 };

/**
 * The page size in points from the scan's resolution; a size no paper has (a resolution missing
 * or wrong, a photo at 72 dpi) is fitted into a letter page instead, keeping the proportions.
 */
export function scanPageSize(
  pixels: { width: number; height: number },
  dpi: number,
): { width: number; height: number } {
  const width = (pixels.width / dpi) * 72;
  const height = (pixels.height / dpi) * 72;
  const plausible = width >= 180 && height >= 180 && width <= LETTER.width * 1.5 && height <= 1224; // 17 in
  if (plausible) return { width, height };
  const k = Math.min(LETTER.width / pixels.width, LETTER.height / pixels.height);
  return { width: pixels.width * k, height: pixels.height * k };
}

function greyImage(target: PDFDocument, r: Raster): PDFRef {
  const dict = PDFDict.withContext(target.context);
  dict.set(PDFName.of('Type'), PDFName.of('XObject'));
  dict.set(PDFName.of('Subtype'), PDFName.of('Image'));
  dict.set(PDFName.of('Width'), PDFNumber.of(r.width));
  dict.set(PDFName.of('Height'), PDFNumber.of(r.height));
  dict.set(PDFName.of('ColorSpace'), PDFName.of('DeviceGray'));
  dict.set(PDFName.of('BitsPerComponent'), PDFNumber.of(8));
  dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
  return target.context.register(PDFRawStream.of(dict, deflateSync(r.data)));
}

/** A form XObject drawing one image across a width x height box. */
function imageForm(
  target: PDFDocument,
  image: PDFRef,
  size: { width: number; height: number },
): EmbeddedSourcePage {
  const { context } = target;
  const w = Number(size.width.toFixed(3));
  const h = Number(size.height.toFixed(3));
  const form = PDFDict.withContext(context);
  form.set(PDFName.of('Type'), PDFName.of('XObject'));
  form.set(PDFName.of('Subtype'), PDFName.of('Form'));
  form.set(PDFName.of('BBox'), context.obj([0, 0, w, h]));
  form.set(PDFName.of('Resources'), context.obj({ XObject: { Scan: image } }));
  const ops = new TextEncoder().encode(`q ${w} 0 0 ${h} 0 0 cm /Scan Do Q`);
  return { ref: context.register(PDFRawStream.of(form, ops)), width: w, height: h };
}

/** The document's pages of an image file, each as its image on a page of its own. */
export async function embedScanPages(
  target: PDFDocument,
  doc: EpisodeDocument,
  bytes: Uint8Array,
): Promise<PreparedExhibit> {
  const format = imageFormatOf(bytes);
  if (!format) throw new Error(`Exhibit document "${doc.file}" is not a readable image`);
  const embedded: EmbeddedSourcePage[] = [];
  for (let p = doc.pageStart; p <= doc.pageEnd; p++) {
    const { raster, dpi } = await decodeImagePage(bytes, format, p);
    const size = scanPageSize(raster, dpi);
    let image: PDFRef;
    if (format === 'jpeg') image = (await target.embedJpg(bytes)).ref;
    else if (format === 'png') image = (await target.embedPng(bytes)).ref;
    else image = greyImage(target, raster);
    embedded.push(imageForm(target, image, size));
  }
  const sourcePageMap = new Map<number, [number, number]>();
  embedded.forEach((_, i) => sourcePageMap.set(doc.pageStart + i, [i, i]));
  return { doc, pages: embedded.map((page) => ({ kind: 'embedded', page })), sourcePageMap };
}
