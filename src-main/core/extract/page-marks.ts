/**
 * Where marks drawn on a page (`PageText.marks`: images, ink, stamps, unread scan ink) stand
 * relative to its text lines, so the signature reader can tell a signature drawn on a signature
 * line from a letterhead logo or a body diagram. Lines are placed by their text items (PDF) or OCR
 * words; both are turned into one frame per page with y growing downward.
 */
import type { PageMark, PageText } from '../../../shared/model';
import { unionBox, type Box } from '../geometry';
import type { Line } from './lines';

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
    const h = Math.max(1, box.y1 - box.y0);
    const out: MarkNearLine[] = [];
    for (const mark of page.marks!) {
      const m = markBox(page, mark);
      const vertical =
        m.y1 >= box.y0 - NEAR_LINES_VERTICAL * h && m.y0 <= box.y1 + NEAR_LINES_VERTICAL * h;
      const horizontal =
        m.x1 >= box.x0 - NEAR_LINES_HORIZONTAL * h && m.x0 <= box.x1 + NEAR_LINES_HORIZONTAL * h;
      if (!vertical || !horizontal) continue;
      const distance = Math.abs((m.y0 + m.y1) / 2 - (box.y0 + box.y1) / 2) / h;
      out.push({ mark, distance });
    }
    return out.sort((a, b) => a.distance - b.distance);
  }
}

/** The box of a line's text: its PDF text items or OCR words. */
function lineBox(page: PageText, line: Line): Box | null {
  let box: Box | null = null;
  const grow = (b: Box) => {
    box = box ? unionBox(box, b) : b;
  };
  if (page.ocr) {
    for (const w of page.ocr.words) if (w.offset >= line.start && w.offset < line.end) grow(w);
  } else {
    for (const it of page.items ?? [])
      if (it.offset >= line.start && it.offset < line.end)
        grow({ x0: it.x, y0: -(it.y + it.height), x1: it.x + it.width, y1: -it.y });
  }
  return box;
}

/** A mark's box in the page's top-down frame (PDF user space is bottom-up). */
function markBox(page: PageText, m: PageMark): Box {
  return page.ocr ? m : { x0: m.x0, y0: -m.y1, x1: m.x1, y1: -m.y0 };
}
