/** OCR of page images: PDF pages without a text layer, and PNG, JPEG and TIFF files. */
import type { PageText } from '../../../shared/model';
import type { Raster } from './raster';
import { ocrRaster } from './recognize';

export { closeOcrEngine, OCR_MODEL_DIR } from './engine';
export {
  decodeImageFile,
  decodeImagePage,
  imageFormatOf,
  ImageDecodeError,
  type ImageFormat,
} from './image-files';
export { renderPageForOcr, PDF_OCR_DPI, type RenderablePage } from './pdf-page-image';
export { spanConfidence } from './page-text';
export { ocrRaster, rasterToPng } from './recognize';
export { wordsOnImage } from './word-boxes';
export { beforeOcrPage, isCancelled, type OcrProgress } from './progress';
export type { Raster } from './raster';

/** One page read by OCR, in the reader's shape: text, `source: 'ocr'`, confidence and word boxes. */
export async function ocrPageText(page: number, raster: Raster, dpi: number): Promise<PageText> {
  const read = await ocrRaster(raster, dpi);
  return {
    page,
    text: read.text,
    source: 'ocr',
    confidence: read.confidence,
    ocr: read.layer,
    marks: read.marks,
  };
}
