/** Scanned and faxed pages saved as PNG, JPEG or TIFF files: every page read by OCR. */
import type { PageText, ReadResult } from '../../../shared/model';
import {
  beforeOcrPage,
  decodeImageFile,
  ImageDecodeError,
  imageFormatOf,
  ocrPageText,
  type OcrProgress,
} from '../ocr';
import { reject } from './errors';
import { ocrFailureOf } from '../ocr/failure';

export async function readImageNote(
  bytes: Uint8Array,
  progress?: OcrProgress,
): Promise<ReadResult> {
  const format = imageFormatOf(bytes.subarray(0, 8));
  if (!format)
    reject('the image is damaged and cannot be read (not a PNG, JPEG or TIFF)', {
      code: 'corrupt',
    });
  let images;
  try {
    images = await decodeImageFile(bytes, format);
  } catch (err) {
    if (!(err instanceof ImageDecodeError)) throw err;
    const page = /^page (\d+):/.exec(err.message)?.[1];
    reject(err.message, {
      code: 'corrupt',
      ocr: err.kind,
      ...(page ? { page: Number(page) } : {}),
    });
  }
  const pages: PageText[] = [];
  for (const [i, image] of images.entries()) {
    beforeOcrPage(progress, i + 1, images.length);
    try {
      pages.push(await ocrPageText(i + 1, image.raster, image.dpi));
    } catch (err) {
      reject(`page ${i + 1}: OCR failed (${String((err as Error)?.message ?? err)})`, {
        page: i + 1,
        code: 'needs-ocr',
        ocr: ocrFailureOf(err),
      });
    }
  }
  if (pages.every((p) => p.text.trim() === '')) {
    const what = pages.length === 1 ? 'the image' : `any of its ${pages.length} pages`;
    reject(`OCR found no legible text on ${what}`, {
      code: 'needs-ocr',
      ocr: 'nothing-legible',
      ...(pages.length === 1 ? { page: 1 } : {}),
    });
  }
  return { kind: 'notes', format: 'image', pages };
}
