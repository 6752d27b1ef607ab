/**
 * Image files to page rasters: PNG and JPEG through @napi-rs/canvas (the same native library
 * pdf.js renders with), TIFF through utif (every page of a multi-page fax, CCITT G3/G4 included).
 * Fax "normal" mode scans 204x98 dpi: rows are stretched so letters have their shape again.
 */
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import UTIF, { type Ifd } from 'utif';
import { greyFromRgba, stretchRows, type Raster } from './raster';

export type ImageFormat = 'png' | 'jpeg' | 'tiff';

export interface ImagePage {
  raster: Raster;
  /** Horizontal resolution the page was scanned at (tesseract's letter size guess). */
  dpi: number;
}

/** Largest page we decode: 40 M pixels (a letter page at 600 dpi is 34 M). */
const MAX_PIXELS = 40_000_000;
export const MAX_IMAGE_PAGES = 500;

export function imageFormatOf(head: Uint8Array): ImageFormat | null {
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const ii = head[0] === 0x49 && head[1] === 0x49 && head[2] === 0x2a && head[3] === 0x00;
  const mm = head[0] === 0x4d && head[1] === 0x4d && head[2] === 0x00 && head[3] === 0x2a;
  return ii || mm ? 'tiff' : null;
}

export class ImageDecodeError extends Error {
  constructor(
    message: string,
    /** What OCR could not do with it: decode it, or hold a page this large. */
    readonly kind: 'unreadable-image' | 'page-too-large' = 'unreadable-image',
  ) {
    super(message);
  }
}

function checkSize(width: number, height: number, page: number): void {
  if (!(width > 0 && height > 0))
    throw new ImageDecodeError(`page ${page}: the image has no pixels`);
  if (width * height > MAX_PIXELS) {
    throw new ImageDecodeError(
      `page ${page}: the image is too large (${width}x${height} pixels)`,
      'page-too-large',
    );
  }
}

/**
 * A truncated PNG or JPEG (a transfer cut short, the usual damage) still decodes, as a partly
 * blank page; its missing end marker tells it apart.
 */
function isTruncated(bytes: Uint8Array, format: 'png' | 'jpeg'): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  if (format === 'png') return !Buffer.from(tail).includes('IEND', 0, 'latin1');
  for (let i = tail.length - 2; i >= 0; i--)
    if (tail[i] === 0xff && tail[i + 1] === 0xd9) return false;
  return true;
}

async function decodeBitmap(bytes: Uint8Array, format: 'png' | 'jpeg'): Promise<ImagePage[]> {
  if (isTruncated(bytes, format)) {
    throw new ImageDecodeError('the image is damaged and cannot be read (the file is cut short)');
  }
  let img: Image;
  try {
    img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    throw new ImageDecodeError(
      `the image is damaged and cannot be read (${(err as Error)?.message ?? String(err)})`,
    );
  }
  if (img.width === 0 || img.height === 0) {
    throw new ImageDecodeError('the image is damaged and cannot be read');
  }
  checkSize(img.width, img.height, 1);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  // PNG and JPEG files seldom state a usable resolution; 300 dpi is what scanners default to.
  return [{ raster: greyFromRgba(data, img.width, img.height), dpi: 300 }];
}

function rational(v: number[] | undefined): number | null {
  const n = v?.[0];
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null;
}

function tiffPages(bytes: Uint8Array): Ifd[] {
  let ifds: Ifd[];
  try {
    ifds = UTIF.decode(bytes).filter((ifd) => ifd.t256 !== undefined);
  } catch (err) {
    throw new ImageDecodeError(
      `the TIFF is damaged and cannot be read (${(err as Error).message})`,
    );
  }
  if (ifds.length === 0)
    throw new ImageDecodeError('the TIFF is damaged and cannot be read (it holds no image)');
  if (ifds.length > MAX_IMAGE_PAGES) {
    throw new ImageDecodeError(`the TIFF has ${ifds.length} pages, more than ${MAX_IMAGE_PAGES}`);
  }
  return ifds;
}

/** One TIFF page (1-based) decoded; the others stay compressed. */
function decodeTiffPage(bytes: Uint8Array, ifds: Ifd[], page: number): ImagePage {
  const ifd = ifds[page - 1]!;
  try {
    checkSize(ifd.t256?.[0] ?? 0, ifd.t257?.[0] ?? 0, page);
    UTIF.decodeImage(bytes, ifd, ifds);
    const rgba = UTIF.toRGBA8(ifd);
    if (rgba.length < ifd.width * ifd.height * 4) throw new Error('short image data');
    const xRes = rational(ifd.t282) ?? 200;
    const yRes = rational(ifd.t283) ?? xRes;
    const grey = greyFromRgba(rgba, ifd.width, ifd.height);
    // Standard fax (about 200x100 dpi): each row covers two rows' worth of paper.
    const factor = Math.round(xRes / yRes);
    return { raster: factor >= 2 && factor <= 4 ? stretchRows(grey, factor) : grey, dpi: xRes };
  } catch (err) {
    if (err instanceof ImageDecodeError) throw err;
    throw new ImageDecodeError(
      `page ${page}: the image is damaged and cannot be read (${(err as Error).message})`,
    );
  }
}

function decodeTiff(bytes: Uint8Array): ImagePage[] {
  const ifds = tiffPages(bytes);
  return ifds.map((_, i) => decodeTiffPage(bytes, ifds, i + 1));
}

export async function decodeImageFile(
  bytes: Uint8Array,
  format: ImageFormat,
): Promise<ImagePage[]> {
  return format === 'tiff' ? decodeTiff(bytes) : decodeBitmap(bytes, format);
}

/**
 * One page (1-based) of an image file, for showing it: a PNG or JPEG is its only page; of a TIFF
 * only the asked page is decoded, so a long fax is not expanded whole for one page.
 */
export async function decodeImagePage(
  bytes: Uint8Array,
  format: ImageFormat,
  page: number,
): Promise<ImagePage> {
  if (format !== 'tiff') {
    if (page !== 1) throw new ImageDecodeError(`page ${page}: the image has one page`);
    return (await decodeBitmap(bytes, format))[0]!;
  }
  const ifds = tiffPages(bytes);
  if (page < 1 || page > ifds.length)
    throw new ImageDecodeError(`page ${page}: the TIFF has ${ifds.length} pages`);
  return decodeTiffPage(bytes, ifds, page);
}
