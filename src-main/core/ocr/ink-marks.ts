/**
 * Ink on a scanned page that OCR did not read as confident words: handwriting (a signature reads
 * as low-confidence fragments or nothing). Found on the black-and-white raster OCR already read,
 * in one pass over coarse cells, no second OCR: cells holding ink, less the cells under confident
 * words, joined into connected areas of a signature's size. Whether an area stands on a signature
 * line is the signature reader's call (`extract/page-marks.ts`).
 */
import type { OcrLayer, OcrWord, PageMark } from '../../../shared/model';
import type { Raster } from './raster';
import { boxUnder, rotateAbout } from '../geometry';

/** Cells per page's shorter side: ~7 px cells at 200 dpi. */
const CELLS_ACROSS = 250;
/** A word read at least this confidently is print, and its ink is accounted for. */
const CONFIDENT_WORD = 50;
/**
 * A word spelled as print spells it ("Service:", "10/05/2026") is print from this confidence on;
 * OCR's reading of a scrawl ("ApANNS") scores near zero.
 */
const SPELLED_WORD = 25;
const PRINT_SPELLING = /^(?:\p{Lu}?\p{Ll}{2,}|\p{Lu}{2,4}|[\d/.:-]{2,})[:.,;)]?$/u;

function isPrint(w: OcrWord): boolean {
  if (!/[\p{L}\p{N}]/u.test(w.text)) return false;
  return (
    w.confidence >= CONFIDENT_WORD || (w.confidence >= SPELLED_WORD && PRINT_SPELLING.test(w.text))
  );
}
/** A signature's size, as shares of the page: wider than a few letters, no taller than a block. */
const MIN_WIDTH_SHARE = 0.04;
const MAX_WIDTH_SHARE = 0.6;
const MIN_HEIGHT_SHARE = 0.008;
const MAX_HEIGHT_SHARE = 0.1;
const MIN_INK_CELLS = 10;
/** An area whose ink lies nearly all on its box's edge is a frame (a box around a field). */
const MAX_EDGE_SHARE = 0.85;
/** Cells around a word's box that its ink may reach. */
const WORD_MARGIN = 2;
/**
 * A rule (a signature line, a fax streak) is one or two cells thick in every column, however
 * much the page is turned; handwriting goes up and down. Mean inked cells per column below this
 * is a rule.
 */
const MIN_COLUMN_SPAN = 2.5;

export function inkMarks(r: Raster, layer: OcrLayer): PageMark[] {
  const { width, height, data } = r;
  const cell = Math.max(4, Math.round(Math.min(width, height) / CELLS_ACROSS));
  const gw = Math.ceil(width / cell);
  const gh = Math.ceil(height / cell);
  const count = new Uint16Array(gw * gh);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / cell) * gw;
    for (let x = 0; x < width; x++)
      if (data[y * width + x]! < 128) count[row + Math.floor(x / cell)]!++;
  }
  const minInk = Math.max(2, Math.round(cell * cell * 0.04));
  const ink = new Uint8Array(gw * gh);
  for (let i = 0; i < ink.length; i++) ink[i] = count[i]! >= minInk ? 1 : 0;
  // Word boxes are on the deskewed image: turned back onto this raster, two cells wider each way
  // (the turn is tesseract's estimate, and a word's box may miss its letters' serifs).
  const toRaster = rotation(-(layer.skewRadians ?? 0), width, height);
  for (const w of layer.words) {
    if (!isPrint(w)) continue;
    const b = toRaster(w.x0, w.y0, w.x1, w.y1);
    const cx0 = Math.max(0, Math.floor(b.x0 / cell) - WORD_MARGIN);
    const cy0 = Math.max(0, Math.floor(b.y0 / cell) - WORD_MARGIN);
    const cx1 = Math.min(gw - 1, Math.floor(b.x1 / cell) + WORD_MARGIN);
    const cy1 = Math.min(gh - 1, Math.floor(b.y1 / cell) + WORD_MARGIN);
    for (let cy = cy0; cy <= cy1; cy++) ink.fill(0, cy * gw + cx0, cy * gw + cx1 + 1);
  }
  const toWords = rotation(layer.skewRadians ?? 0, width, height);
  const marks: PageMark[] = [];
  for (const area of areas(ink, gw, gh)) {
    const w = (area.x1 - area.x0 + 1) * cell;
    const h = (area.y1 - area.y0 + 1) * cell;
    const sized =
      w >= MIN_WIDTH_SHARE * width &&
      w <= MAX_WIDTH_SHARE * width &&
      h >= MIN_HEIGHT_SHARE * height &&
      h <= MAX_HEIGHT_SHARE * height;
    if (!sized || area.cells < MIN_INK_CELLS || area.edge / area.cells > MAX_EDGE_SHARE) continue;
    if (area.columnSpan < MIN_COLUMN_SPAN) continue;
    const b = toWords(area.x0 * cell, area.y0 * cell, (area.x1 + 1) * cell, (area.y1 + 1) * cell);
    marks.push({
      kind: 'scan-ink',
      x0: Math.round(b.x0),
      y0: Math.round(b.y0),
      x1: Math.round(b.x1),
      y1: Math.round(b.y1),
    });
  }
  return marks;
}

interface Area {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  cells: number;
  /** Cells on (within one cell of) the area's bounding box edge. */
  edge: number;
  /** Mean height, in cells, from the top to the bottom inked cell of each column. */
  columnSpan: number;
}

/** Connected inked cells (8 neighbours), each with its box and cell counts. */
function areas(ink: Uint8Array, gw: number, gh: number): Area[] {
  const seen = new Uint8Array(ink.length);
  const out: Area[] = [];
  const stack: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || seen[start]) continue;
    const members: number[] = [];
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      members.push(i);
      const x = i % gw;
      const y = (i - x) / gw;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= gw || yy >= gh) continue;
          const j = yy * gw + xx;
          if (ink[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
    }
    let x0 = gw;
    let y0 = gh;
    let x1 = 0;
    let y1 = 0;
    for (const i of members) {
      const x = i % gw;
      const y = (i - x) / gw;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    let edge = 0;
    const top = new Int32Array(x1 - x0 + 1).fill(gh);
    const bottom = new Int32Array(x1 - x0 + 1).fill(-1);
    for (const i of members) {
      const x = i % gw;
      const y = (i - x) / gw;
      // A pen line straddles two rows of cells: within one cell of the edge is on it.
      if (x <= x0 + 1 || x >= x1 - 1 || y <= y0 + 1 || y >= y1 - 1) edge++;
      top[x - x0] = Math.min(top[x - x0]!, y);
      bottom[x - x0] = Math.max(bottom[x - x0]!, y);
    }
    let span = 0;
    for (let k = 0; k < top.length; k++) span += bottom[k]! - top[k]! + 1;
    out.push({ x0, y0, x1, y1, cells: members.length, edge, columnSpan: span / top.length });
  }
  return out;
}

/** A box turned by `radians` about the image centre, as the axis-aligned box of its corners. */
function rotation(radians: number, width: number, height: number) {
  const cx = width / 2;
  const cy = height / 2;
  return (x0: number, y0: number, x1: number, y1: number) =>
    radians === 0
      ? { x0, y0, x1, y1 }
      : boxUnder((p) => rotateAbout(p, cx, cy, radians), { x0, y0, x1, y1 });
}
