import type { PageText, TextItem } from '../../../shared/model';

/** A text run as pdf.js gives it, plus where it sits on the displayed page (y grows downward). */
export interface PositionedRun {
  str: string;
  /** PDF user space, origin bottom-left: what TextItem keeps. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Display position (after page rotation), used only to order runs into lines. */
  left: number;
  top: number;
}

/** Runs whose baselines differ by less than this share of the font size are on one line. */
const LINE_TOLERANCE = 0.5;
/** A horizontal gap wider than this share of the font size is a word break. */
const SPACE_GAP = 0.15;
/**
 * A gap wider than this share of the font size separates columns (a table's cells, a form's
 * "Time In: 8:00 AM      Time Out: 11:05 AM"): written as a tab, so readers can tell cells from
 * words. Justified text stretches word spaces to well under one em.
 */
const COLUMN_GAP = 1.2;

function sizeOf(run: PositionedRun): number {
  return run.height > 0 ? run.height : 10;
}

/**
 * Joins positioned runs into page text: lines top to bottom, runs left to right within a line,
 * a space where runs are apart, '\n' between lines. Each kept run records its offset in `text`.
 */
export function layoutPage(page: number, runs: PositionedRun[]): PageText {
  const visible = runs.filter((r) => r.str !== '');
  const byTop = [...visible].sort((a, b) => a.top - b.top || a.left - b.left);
  const lines: PositionedRun[][] = [];
  let lineTop = Number.NaN;
  let lineSize = 0;
  for (const run of byTop) {
    const current = lines[lines.length - 1];
    const tolerance = LINE_TOLERANCE * Math.min(lineSize, sizeOf(run));
    if (current && Math.abs(run.top - lineTop) <= Math.max(1, tolerance)) {
      current.push(run);
    } else {
      lines.push([run]);
      lineTop = run.top;
      lineSize = sizeOf(run);
    }
  }

  let text = '';
  const items: TextItem[] = [];
  const textLines = lines.filter((line) => line.some((r) => r.str.trim() !== ''));
  textLines.forEach((line, index) => {
    if (index > 0) text += '\n';
    line.sort((a, b) => a.left - b.left);
    let prev: PositionedRun | null = null;
    let spaced = false;
    for (const run of line) {
      // pdf.js adds whitespace-only runs for gaps it saw: they mean a space, not an item.
      if (run.str.trim() === '') {
        spaced = prev !== null;
        continue;
      }
      if (prev) {
        const gap = run.left - (prev.left + prev.width);
        const size = Math.min(sizeOf(prev), sizeOf(run));
        const apart = spaced || gap > SPACE_GAP * size;
        if (apart && !/\s$/.test(prev.str) && !/^\s/.test(run.str))
          text += gap > COLUMN_GAP * size ? '\t' : ' ';
      }
      spaced = false;
      items.push({
        str: run.str,
        x: run.x,
        y: run.y,
        width: run.width,
        height: run.height,
        offset: text.length,
      });
      text += run.str;
      prev = run;
    }
  });
  return { page, text, items };
}
