/**
 * Boxes on a page or a page image, moved by a transform (a PDF matrix, a deskew, a quarter turn):
 * one place for "the box that holds a box's corners once each corner is moved".
 */
export type Point = [number, number];

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The axis-aligned box that holds the four corners of `b`, each moved by `move`. */
export function boxUnder(move: (p: Point) => Point, b: Box): Box {
  const corners = (
    [
      [b.x0, b.y0],
      [b.x1, b.y0],
      [b.x0, b.y1],
      [b.x1, b.y1],
    ] as Point[]
  ).map(move);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** The box that holds both boxes. */
export function unionBox(a: Box, b: Box): Box {
  return {
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  };
}

/** A point turned by `radians` about (cx, cy), in image axes (y down: positive turns clockwise). */
export function rotateAbout([x, y]: Point, cx: number, cy: number, radians: number): Point {
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const dx = x - cx;
  const dy = y - cy;
  return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
}
