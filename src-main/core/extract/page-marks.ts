/**
 * Where marks drawn on a page (`PageText.marks`: images, ink, stamps, unread scan ink) stand
 * relative to its text lines, so the signature reader can tell a signature drawn on a signature
 * line from a letterhead logo or a body diagram. Lines are placed by their text items (PDF) or OCR
 * words; both are turned into one frame per page with y growing downward.
 */
import type { PageMark, PageText } from '../../../shared/model';
import type { Line } from './lines';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How far, in line heights, a mark may stand above or below a line and still be on it. */
const NEAR_LINES_VERTICAL = 1.8;
/** How far, in line heights, a mark may stand left or right of a line's text. */
const NEAR_LINES_HORIZONTAL = 6;

export interface MarkNearLine {
  mark: PageMark;
  /** Distance between the centres of the mark and the line, vertically, in line heights. */
  distance: number;
}

export class PageMarks {
  private readonly pages = new Map<number, PageText>();

  constructor(pages: readonly PageText[]) {
    for (const p of pages) if (p.marks) this.pages.set(p.page, p);
  }

  /** Whether anything was found drawn on the page. */
  onPage(page: number): boolean {
    return (this.pages.get(page)?.marks?.length ?? 0) > 0;
  }

  /** The marks on, beside, just above or just below the line, nearest first. */
  near(line: Line): MarkNearLine[] {
    const page = this.pages.get(line.page);
    if (!page || page.marks!.length === 0) return [];
    const box = lineBox(page, line);
    if (!box) return [];
    const h = Math.max(1, box.bottom - box.top);
    const out: MarkNearLine[] = [];
    for (const mark of page.marks!) {
      const m = markBox(page, mark);
      const vertical =
        m.bottom >= box.top - NEAR_LINES_VERTICAL * h &&
        m.top <= box.bottom + NEAR_LINES_VERTICAL * h;
      const horizontal =
        m.right >= box.left - NEAR_LINES_HORIZONTAL * h &&
        m.left <= box.right + NEAR_LINES_HORIZONTAL * h;
      if (!vertical || !horizontal) continue;
      const distance = Math.abs((m.top + m.bottom) / 2 - (box.top + box.bottom) / 2) / h;
      out.push({ mark, distance });
    }
    return out.sort((a, b) => a.distance - b.distance);
  }
}

/** The box of a line's text: its PDF text items or OCR words. */
function lineBox(page: PageText, line: Line): Box | null {
  let box: Box | null = null;
  const grow = (left: number, top: number, right: number, bottom: number) => {
    box = box
      ? {
          left: Math.min(box.left, left),
          top: Math.min(box.top, top),
          right: Math.max(box.right, right),
          bottom: Math.max(box.bottom, bottom),
        }
      : { left, top, right, bottom };
  };
  if (page.ocr) {
    for (const w of page.ocr.words)
      if (w.offset >= line.start && w.offset < line.end) grow(w.x0, w.y0, w.x1, w.y1);
  } else {
    for (const it of page.items ?? [])
      if (it.offset >= line.start && it.offset < line.end)
        grow(it.x, -(it.y + it.height), it.x + it.width, -it.y);
  }
  return box;
}

/** A mark's box in the page's top-down frame (PDF user space is bottom-up). */
function markBox(page: PageText, m: PageMark): Box {
  return page.ocr
    ? { left: m.x0, top: m.y0, right: m.x1, bottom: m.y1 }
    : { left: m.x0, top: -m.y1, right: m.x1, bottom: -m.y0 };
}
