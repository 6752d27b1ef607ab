/**
 * Page geometry shared by every packet page. Reviewers print and fax packets, so output pages are
 * US Letter with a stamp band at the top and bottom that content never enters.
 */
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
/** Height of the identifier band at the top and at the bottom of each page. */
export const BAND = 34;
/** Box an embedded original page is scaled into: between the bands, with a small gutter. */
export const EMBED_BOX = {
  x: 18,
  y: BAND + 4,
  width: PAGE_WIDTH - 36,
  height: PAGE_HEIGHT - 2 * (BAND + 4),
};
/** Text area for pages the packet typesets (letter, index, text-source exhibits). */
export const TEXT_BOX = {
  left: 72,
  right: PAGE_WIDTH - 72,
  top: PAGE_HEIGHT - BAND - 34,
  bottom: BAND + 30,
};

type Matrix = [number, number, number, number, number, number];

/**
 * Form matrix that moves a page's MediaBox to the origin and applies its /Rotate (clockwise, as
 * viewers show it), plus the upright size.
 */
export function pageTransform(
  media: readonly [number, number, number, number],
  rotation: number,
): { matrix: Matrix; box: number[]; width: number; height: number } {
  const [x0, y0, x1, y1] = media;
  const left = Math.min(x0, x1);
  const bottom = Math.min(y0, y1);
  const w = Math.abs(x1 - x0);
  const h = Math.abs(y1 - y0);
  const rotate = ((rotation % 360) + 360) % 360;
  const box = [left, bottom, left + w, bottom + h];
  // (x, y) is first moved by (-left, -bottom), then rotated within the w x h box.
  switch (rotate) {
    case 90: // x' = y, y' = w - x
      return { matrix: [0, -1, 1, 0, -bottom, w + left], box, width: h, height: w };
    case 180: // x' = w - x, y' = h - y
      return { matrix: [-1, 0, 0, -1, w + left, h + bottom], box, width: w, height: h };
    case 270: // x' = h - y, y' = x
      return { matrix: [0, 1, -1, 0, h + bottom, -left], box, width: h, height: w };
    default:
      return { matrix: [1, 0, 0, 1, -left, -bottom], box, width: w, height: h };
  }
}
