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
/** Runs overlapping by more than this share of the font size are two texts, not kerning. */
const OVERPRINT = 1;

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
  const textLines = readingOrder(
    lines
      .filter((line) => line.some((r) => r.str.trim() !== ''))
      .map((line) => line.sort((a, b) => a.left - b.left)),
  );
  textLines.forEach((line, index) => {
    if (index > 0) text += '\n';
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
        // A run that starts well inside the one before was placed at its own column and overprints
        // it (a form's value too long for its box runs under the next label): two cells.
        const overprints = gap < -OVERPRINT * size;
        const apart = spaced || overprints || gap > SPACE_GAP * size;
        if (apart && !/\s$/.test(prev.str) && !/^\s/.test(run.str))
          text += gap > COLUMN_GAP * size || overprints ? '\t' : ' ';
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

/** How many lines side by side make a two-column layout rather than a table's few rows. */
const MIN_COLUMN_LINES = 6;

const rightOf = (r: PositionedRun): number => r.left + r.width;
const textOf = (runs: PositionedRun[]): string =>
  runs
    .map((r) => r.str)
    .join(' ')
    .trim();

/**
 * A page printed in two columns side by side (a note with Subjective and Objective down the left
 * and Assessment and Plan down the right) reads down the left column, then down the right: read
 * across, each line would join two sections. The columns are found where many lines start a
 * second cell at the same x, no run crosses that x, and the left column is filled to near it (a
 * label and value table leaves its labels short, and is left as it is). Lines that cross the
 * gutter (a header band, a signature line) stay where they are and end a column block.
 */
export function readingOrder(lines: PositionedRun[][]): PositionedRun[][] {
  const gutter = likelyGutter(lines);
  if (gutter === null) return lines;
  const crosses = (line: PositionedRun[]) =>
    line.some((r) => r.str.trim() !== '' && r.left < gutter - 2 && rightOf(r) > gutter + 2);
  const out: PositionedRun[][] = [];
  let i = 0;
  while (i < lines.length) {
    if (crosses(lines[i]!)) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !crosses(lines[j]!)) j++;
    const block = lines.slice(i, j);
    out.push(...(isColumnBlock(block, gutter) ? columnsInOrder(block, gutter) : block));
    i = j;
  }
  return out;
}

function likelyGutter(lines: PositionedRun[][]): number | null {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const seen = new Set<number>();
    // pdf.js adds whitespace runs across gaps: the gap is measured from the last run with text.
    let prev: PositionedRun | null = null;
    for (const run of line) {
      if (run.str.trim() === '') continue;
      if (prev && run.left - rightOf(prev) > COLUMN_GAP * Math.min(sizeOf(prev), sizeOf(run)))
        seen.add(Math.round(run.left / 4) * 4);
      prev = run;
    }
    for (const bin of seen) counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  let best: [number, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best && best[1] >= MIN_COLUMN_LINES ? best[0] : null;
}

function isColumnBlock(block: PositionedRun[][], gutter: number): boolean {
  if (block.length < MIN_COLUMN_LINES) return false;
  const lefts = block.map((l) => l.filter((r) => r.left < gutter - 2 && r.str.trim() !== ''));
  const rights = block.map((l) => l.filter((r) => r.left >= gutter - 2 && r.str.trim() !== ''));
  const withLeft = lefts.filter((l) => l.length > 0);
  const withRight = rights.filter((r) => r.length > 0);
  if (withLeft.length < MIN_COLUMN_LINES / 2 || withRight.length < MIN_COLUMN_LINES / 2)
    return false;
  // Headings side by side ("SUBJECTIVE | ASSESSMENT", "OBJECTIVE | PLAN") start a section in
  // each column: with more headings down either side and prose wrapping in them, the block is
  // columns of sections, whatever small tables they hold. A table has one header row, no prose.
  const headingPairs = block.filter(
    (_, k) => isCapsHeading(lefts[k]!) && isCapsHeading(rights[k]!),
  ).length;
  const sideHeadings = block.filter(
    (_, k) => isCapsHeading(lefts[k]!) || isCapsHeading(rights[k]!),
  ).length;
  if (
    (headingPairs >= 2 || (headingPairs === 1 && sideHeadings >= 3)) &&
    wrappedPairs(withLeft) + wrappedPairs(withRight) >= 1
  )
    return true;
  const margin = Math.min(...withLeft.map((l) => l[0]!.left));
  const fill = withLeft
    .map((l) => (Math.max(...l.map(rightOf)) - margin) / Math.max(1, gutter - margin))
    .sort((a, b) => a - b);
  const rightWords = withRight.map((r) => textOf(r).length).sort((a, b) => a - b);
  // A table's rows hold several cells left of its last column (a log's date, method and contact);
  // a column of prose is one run of words a line, with an occasional small table in it.
  const celled = withLeft.filter((l) => cellCount(l) >= 2).length;
  if (celled > withLeft.length * 0.35) return false;
  const rightCelled = withRight.filter((r) => cellCount(r) >= 2).length;
  if (rightCelled > withRight.length * 0.35) return false;
  // A form's labels end in a colon with their values beside them ("Member DOB:  04/17/1953").
  const labels = withLeft.filter((l) => /:\s*$/.test(textOf(l))).length;
  if (labels > withLeft.length * 0.2) return false;
  // Columns of text wrap their sentences from one line to the next, in both columns; a header
  // band or a form's two halves do not.
  const leftWraps = wrappedPairs(withLeft);
  const rightWraps = wrappedPairs(withRight);
  if (leftWraps < 1 || rightWraps < 1 || leftWraps + rightWraps < 3) return false;
  // Prose fills its column; a table's label column does not, nor does a column of numbers.
  return (
    fill[Math.floor(fill.length / 2)]! >= 0.4 &&
    rightWords[Math.floor(rightWords.length / 2)]! >= 20
  );
}

/** A short line in capitals alone on its side of the gutter: a section heading, by its look. */
function isCapsHeading(runs: PositionedRun[]): boolean {
  const text = textOf(runs);
  return (
    cellCount(runs) === 1 && /^[A-Z][A-Z /&-]{2,40}:?$/.test(text) && text.split(/\s+/).length <= 4
  );
}

/** Lines whose sentence runs on into the next line ("... soreness expected after" / "eval."). */
function wrappedPairs(lines: PositionedRun[][]): number {
  let n = 0;
  for (let k = 0; k + 1 < lines.length; k++)
    if (/[A-Za-z,]$/.test(textOf(lines[k]!)) && /^[a-z(]/.test(textOf(lines[k + 1]!))) n++;
  return n;
}

/** Cells of a line: runs of words separated by a column gap. */
function cellCount(runs: PositionedRun[]): number {
  let cells = 0;
  let prev: PositionedRun | null = null;
  for (const run of runs) {
    if (run.str.trim() === '') continue;
    if (!prev || run.left - rightOf(prev) > COLUMN_GAP * Math.min(sizeOf(prev), sizeOf(run)))
      cells++;
    prev = run;
  }
  return cells;
}

function columnsInOrder(block: PositionedRun[][], gutter: number): PositionedRun[][] {
  const left: PositionedRun[][] = [];
  const right: PositionedRun[][] = [];
  for (const line of block) {
    const l = line.filter((r) => r.left < gutter - 2);
    const r = line.filter((x) => x.left >= gutter - 2);
    if (l.some((x) => x.str.trim() !== '')) left.push(l);
    if (r.some((x) => x.str.trim() !== '')) right.push(r);
  }
  return [...left, ...right];
}
