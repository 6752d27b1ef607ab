/**
 * Grey page images (one byte a pixel, 0 = black) and the clean-up fax pages need before OCR.
 * Plain loops over typed arrays: a 200 dpi letter page is 3.7 M pixels, a few ms per pass.
 */
export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

/** RGBA (canvas ImageData, decoded TIFF) to grey, transparent pixels as white paper. */
export function greyFromRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): Raster {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j++) {
    const a = rgba[i + 3]! / 255;
    const y = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
    data[j] = Math.round(y * a + 255 * (1 - a));
  }
  return { width, height, data };
}

/**
 * Fax "normal" resolution is 204x98 dpi: each pixel is twice as tall as wide, so letters read
 * squashed. Repeating each row restores the page's proportions.
 */
export function stretchRows(r: Raster, factor: number): Raster {
  if (factor <= 1) return r;
  const height = r.height * factor;
  const data = new Uint8Array(r.width * height);
  for (let y = 0; y < height; y++) {
    const src = Math.floor(y / factor) * r.width;
    data.set(r.data.subarray(src, src + r.width), y * r.width);
  }
  return { width: r.width, height, data };
}

/** Otsu's threshold over the grey histogram. */
export function otsuThreshold(r: Raster): number {
  const hist = new Float64Array(256);
  for (const v of r.data) hist[v]!++;
  const total = r.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    weightB += hist[t]!;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * hist[t]!;
    const meanB = sumB / weightB;
    const meanF = (sum - sumB) / weightF;
    const between = weightB * weightF * (meanB - meanF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * Black and white at Otsu's threshold, then isolated black pixels (fax line noise, scanner dust)
 * turned white: a pixel with no black neighbour among its 8 is never part of a letter.
 */
export function binarize(r: Raster): Raster {
  const t = otsuThreshold(r);
  const { width, height } = r;
  const bw = new Uint8Array(r.data.length);
  for (let i = 0; i < bw.length; i++) bw[i] = r.data[i]! <= t ? 0 : 255;
  const out = new Uint8Array(bw);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (bw[i] !== 0) continue;
      let neighbours = 0;
      for (let dy = -1; dy <= 1 && neighbours === 0; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if ((dx === 0 && dy === 0) || xx < 0 || xx >= width) continue;
          if (bw[yy * width + xx] === 0) {
            neighbours++;
            break;
          }
        }
      }
      if (neighbours === 0) out[i] = 255;
    }
  }
  return { width, height, data: out };
}

/** Turns the page clockwise by a multiple of 90 degrees. */
export function rotateQuarter(r: Raster, turns: number): Raster {
  const q = ((turns % 4) + 4) % 4;
  if (q === 0) return r;
  const { width: w, height: h, data } = r;
  if (q === 2) {
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = data[data.length - 1 - i]!;
    return { width: w, height: h, data: out };
  }
  const out = new Uint8Array(data.length);
  // Clockwise: source (x, y) lands at (h - 1 - y, x); counter-clockwise at (y, w - 1 - x).
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x]!;
      if (q === 1) out[x * h + (h - 1 - y)] = v;
      else out[(w - 1 - x) * h + y] = v;
    }
  }
  return { width: h, height: w, data: out };
}

/** True when the page holds no ink worth reading (blank scans, cover sheet backs). */
export function isBlankRaster(r: Raster): boolean {
  let dark = 0;
  for (const v of r.data) if (v < 128) dark++;
  return dark < r.data.length * 0.0005;
}
