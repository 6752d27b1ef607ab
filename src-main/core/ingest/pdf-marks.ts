/**
 * What is drawn on a text-layer PDF page that could be a handwritten signature or a stamp: images
 * placed on the page, vector ink (many curves in a small area, stroked or filled: a signature drawn
 * with a pen tool or a signature pad), and Ink and Stamp annotations. Only boxes are kept; whether a
 * mark stands in a signature area is the signature reader's call (`extract/signature-marks.ts`).
 */
import type { PageMark } from '../../../shared/model';
import { boxUnder, unionBox, type Box } from '../geometry';

type Matrix = [number, number, number, number, number, number];

/** The operator codes this scan needs, from pdf.js's `OPS` table. */
export interface MarkOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  endPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
  paintImageMaskXObjectRepeat: number;
  paintInlineImageXObjectGroup: number;
  paintImageMaskXObjectGroup: number;
  paintSolidColorImageMask: number;
}

/** pdf.js's path drawing codes inside a `constructPath` buffer (DrawOPS). */
const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_QUAD = 3;
const DRAW_CLOSE = 4;

/** An image covering more of the page than this is a scan or a background, not a signature. */
const MAX_IMAGE_SHARE = 0.25;
/** Smaller than this (points) on either side: a bullet, a tick box's check, a rule's end cap. */
const MIN_MARK_SIDE = 4;
/** Strokes closer than this (points) belong to one drawing. */
const INK_JOIN_GAP = 12;
/** A drawn signature: at least this many segments, some of them curves (or very many lines). */
const MIN_INK_SEGMENTS = 8;
const MIN_INK_CURVES = 4;
const MANY_LINE_SEGMENTS = 24;
/** Larger than this (points) a drawing is a diagram or a chart, not a signature. */
const MAX_INK_WIDTH = 400;
const MAX_INK_HEIGHT = 150;

interface InkPath extends Box {
  segments: number;
  curves: number;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied first, then m (PDF's `cm` concatenation: new CTM = n x CTM).
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** The axis-aligned box of a rectangle's four corners under a matrix. */
function boxUnderMatrix(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  return boxUnder(([x, y]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]], {
    x0,
    y0,
    x1,
    y1,
  });
}

function countSegments(path: ArrayLike<number>): { segments: number; curves: number } {
  let segments = 0;
  let curves = 0;
  for (let i = 0; i < path.length;) {
    const op = path[i]!;
    if (op === DRAW_MOVE) i += 3;
    else if (op === DRAW_LINE) {
      segments++;
      i += 3;
    } else if (op === DRAW_CURVE) {
      segments++;
      curves++;
      i += 7;
    } else if (op === DRAW_QUAD) {
      segments++;
      curves++;
      i += 5;
    } else if (op === DRAW_CLOSE) i += 1;
    else break;
  }
  return { segments, curves };
}

const round = (n: number) => Math.round(n * 10) / 10;

function mark(kind: PageMark['kind'], b: Box): PageMark {
  return { kind, x0: round(b.x0), y0: round(b.y0), x1: round(b.x1), y1: round(b.y1) };
}

function tooSmall(b: Box): boolean {
  return b.x1 - b.x0 < MIN_MARK_SIDE || b.y1 - b.y0 < MIN_MARK_SIDE;
}

/**
 * Images and vector ink from a page's operator list (annotations left out: pdf.js is asked for the
 * list without them). `pageArea` is the page's area in points, to tell a full-page scan from a
 * signature image.
 */
export function marksFromOperators(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: MarkOps,
  pageArea: number,
): PageMark[] {
  const marks: PageMark[] = [];
  const inks: InkPath[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const imageOps = new Set([
    ops.paintImageXObject,
    ops.paintInlineImageXObject,
    ops.paintImageMaskXObject,
    ops.paintImageXObjectRepeat,
    ops.paintImageMaskXObjectRepeat,
    ops.paintInlineImageXObjectGroup,
    ops.paintImageMaskXObjectGroup,
    ops.paintSolidColorImageMask,
  ]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as Matrix | null | undefined;
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (imageOps.has(fn)) {
      // Images are drawn into the unit square of the current transform.
      const box = boxUnderMatrix(ctm, 0, 0, 1, 1);
      const area = (box.x1 - box.x0) * (box.y1 - box.y0);
      if (!tooSmall(box) && area <= MAX_IMAGE_SHARE * pageArea) marks.push(mark('image', box));
    } else if (fn === ops.constructPath && args) {
      // A path only clipping (ended by `n`) draws nothing; stroked or filled, it is ink.
      if ((args[0] as number) === ops.endPath) continue;
      const data = (args[1] as ArrayLike<unknown> | undefined)?.[0] as ArrayLike<number> | null;
      const minMax = args[2] as ArrayLike<number> | null;
      if (!data || !minMax) continue;
      const { segments, curves } = countSegments(data);
      // A rule, a box or a tick: one to four straight segments.
      if (segments < 2 || (curves === 0 && segments <= 4)) continue;
      const box = boxUnderMatrix(ctm, minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!);
      inks.push({ ...box, segments, curves });
    }
  }
  for (const group of joinInk(inks)) {
    const w = group.x1 - group.x0;
    const h = group.y1 - group.y0;
    const enough =
      group.segments >= MIN_INK_SEGMENTS &&
      (group.curves >= MIN_INK_CURVES || group.segments >= MANY_LINE_SEGMENTS);
    if (enough && w <= MAX_INK_WIDTH && h <= MAX_INK_HEIGHT && !tooSmall(group))
      marks.push(mark('drawn', group));
  }
  return marks;
}

/** Strokes near one another make one drawing: a signature is often many separate strokes. */
function joinInk(paths: InkPath[]): InkPath[] {
  const groups: InkPath[] = [];
  for (const p of paths) {
    let merged: InkPath = { ...p };
    for (let k = groups.length - 1; k >= 0; k--) {
      const g = groups[k]!;
      const apart =
        g.x0 - merged.x1 > INK_JOIN_GAP ||
        merged.x0 - g.x1 > INK_JOIN_GAP ||
        g.y0 - merged.y1 > INK_JOIN_GAP ||
        merged.y0 - g.y1 > INK_JOIN_GAP;
      if (apart) continue;
      merged = {
        ...unionBox(g, merged),
        segments: g.segments + merged.segments,
        curves: g.curves + merged.curves,
      };
      groups.splice(k, 1);
    }
    groups.push(merged);
  }
  return groups;
}

/** An annotation as pdf.js's `getAnnotations` gives it (only what is read here). */
export interface AnnotationLike {
  subtype?: string;
  rect?: ArrayLike<number>;
}

/** Ink annotations are drawn by hand (a pen or a finger); Stamp annotations are stamps. */
export function marksFromAnnotations(annotations: readonly AnnotationLike[]): PageMark[] {
  const marks: PageMark[] = [];
  for (const a of annotations) {
    const kind = a.subtype === 'Ink' ? 'drawn' : a.subtype === 'Stamp' ? 'stamp' : null;
    const r = a.rect;
    if (!kind || !r || r.length < 4) continue;
    const box = {
      x0: Math.min(r[0]!, r[2]!),
      y0: Math.min(r[1]!, r[3]!),
      x1: Math.max(r[0]!, r[2]!),
      y1: Math.max(r[1]!, r[3]!),
    };
    if (!tooSmall(box)) marks.push(mark(kind, box));
  }
  return marks;
}
