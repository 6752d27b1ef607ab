/** A highlight's rectangles on a rendered page, in CSS pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * One box per printed line, none over another: a quote that spans a line's cells (a label, its
 * value, a date) comes back as one box per text item, and each item's box is taller than the
 * line spacing of a dense note, so their outlines crossed on the line and into the next one.
 * Boxes whose tops are within a third of their height are one line; a line's box ends where the
 * next line's begins.
 */
export function lineBoxes(boxes: readonly Box[]): Box[] {
  const sorted = [...boxes].sort((a, b) => a.top - b.top || a.left - b.left);
  const lines: Box[] = [];
  for (const b of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(b.top - last.top) < Math.min(b.height, last.height) / 3) {
      const right = Math.max(last.left + last.width, b.left + b.width);
      const bottom = Math.max(last.top + last.height, b.top + b.height);
      last.left = Math.min(last.left, b.left);
      last.width = right - last.left;
      last.height = bottom - last.top;
    } else lines.push({ ...b });
  }
  for (let i = 0; i + 1 < lines.length; i++) {
    const here = lines[i]!;
    const next = lines[i + 1]!;
    if (here.top + here.height > next.top) here.height = Math.max(1, next.top - here.top);
  }
  return lines;
}
