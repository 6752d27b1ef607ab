/** The exhibit index (letter, document, date, packet pages) and the separator page of each exhibit. */
import { TEXT_BOX, PAGE_HEIGHT } from './page-geometry';
import {
  layoutBlocks,
  textWidth,
  wrapText,
  type DrawOp,
  type Fonts,
  type LaidOutPage,
} from './text-layout';
import { usDate } from './format';
import type { Exhibit, PacketKind } from './types';
import { toWinAnsi } from './winansi';

const ROW = 17;
const SIZE = 9.5;
const COLS = {
  letter: TEXT_BOX.left,
  doc: TEXT_BOX.left + 50,
  date: TEXT_BOX.left + 318,
  pages: TEXT_BOX.left + 392,
};
const DOC_WIDTH = COLS.date - COLS.doc - 10;
const FIRST_ROW_Y = TEXT_BOX.top - 60;

/** A title's lines in the index: wrapped, never more than this many (the last clipped). */
const MAX_TITLE_LINES = 3;
/** The step between a wrapped title's lines (a row's first line takes ROW). */
const WRAP_STEP = 11.5;

interface IndexRow {
  lines: string[];
  height: number;
}

type Titled = Pick<Exhibit, 'title' | 'category'>;

function rowOf(e: Titled, fonts: Fonts): IndexRow {
  const text = toWinAnsi(
    `${e.title}${e.title.toLowerCase() === e.category.toLowerCase() ? '' : ` (${e.category})`}`,
  );
  const wrapped = wrapText(text, DOC_WIDTH, fonts, SIZE);
  const lines = wrapped.slice(0, MAX_TITLE_LINES);
  if (wrapped.length > MAX_TITLE_LINES) {
    const rest = wrapped.slice(MAX_TITLE_LINES - 1).join(' ');
    lines[MAX_TITLE_LINES - 1] = clip(rest, fonts, DOC_WIDTH);
  }
  return { lines, height: ROW + (lines.length - 1) * WRAP_STEP };
}

/** The exhibits of each index page, by index into the list: rows are as tall as their titles. */
function paginate(rows: IndexRow[]): number[][] {
  const room = FIRST_ROW_Y - TEXT_BOX.bottom;
  const pages: number[][] = [[]];
  let used = 0;
  rows.forEach((r, i) => {
    const page = pages[pages.length - 1]!;
    if (page.length > 0 && used + r.height > room) {
      pages.push([i]);
      used = r.height;
      return;
    }
    page.push(i);
    used += r.height;
  });
  return pages;
}

/** Index pages for these exhibits (their titles decide how many rows fit a page). */
export function indexPageCount(exhibits: Titled[], fonts: Fonts): number {
  return paginate(exhibits.map((e) => rowOf(e, fonts))).length;
}

function clip(text: string, fonts: Fonts, max: number): string {
  let t = toWinAnsi(text);
  if (textWidth(fonts.regular, t, SIZE) <= max) return t;
  while (t.length > 1 && textWidth(fonts.regular, t + '...', SIZE) > max) t = t.slice(0, -1);
  return t.trimEnd() + '...';
}

const op = (text: string, x: number, y: number, style: DrawOp['style'], size = SIZE): DrawOp => ({
  kind: 'text',
  text,
  x,
  y,
  size,
  style,
  width: 0,
});

export function indexPages(exhibits: Exhibit[], kind: PacketKind, fonts: Fonts): LaidOutPage[] {
  const rows = exhibits.map((e) => rowOf(e, fonts));
  const layout = paginate(rows);
  const pages: LaidOutPage[] = [];
  const count = layout.length;
  for (let p = 0; p < count; p++) {
    const ops: DrawOp[] = [];
    const title = `Exhibit Index${count > 1 ? ` (${p + 1} of ${count})` : ''}`;
    ops.push(op(title, TEXT_BOX.left, TEXT_BOX.top - 16, 'bold', 16));
    ops.push(
      op(
        kind === 'adr'
          ? 'Complete record, in the order a reviewer expects'
          : 'Records enclosed in support of the appeal',
        TEXT_BOX.left,
        TEXT_BOX.top - 32,
        'italic',
        9.5,
      ),
    );
    const headY = FIRST_ROW_Y + ROW;
    ops.push(
      op('Exhibit', COLS.letter, headY, 'bold'),
      op('Document', COLS.doc, headY, 'bold'),
      op('Date', COLS.date, headY, 'bold'),
      op('Packet pages', COLS.pages, headY, 'bold'),
    );
    ops.push({
      kind: 'rule',
      text: '',
      x: TEXT_BOX.left,
      y: headY - 5,
      size: 0.75,
      style: 'regular',
      width: TEXT_BOX.right - TEXT_BOX.left,
    });
    let y = FIRST_ROW_Y;
    for (const i of layout[p]!) {
      const e = exhibits[i]!;
      const pagesText =
        e.firstPage === e.lastPage ? `${e.firstPage}` : `${e.firstPage}-${e.lastPage}`;
      ops.push(
        op(e.letter, COLS.letter, y, 'bold'),
        op(usDate(e.date), COLS.date, y, 'regular'),
        op(pagesText, COLS.pages, y, 'regular'),
      );
      rows[i]!.lines.forEach((line, k) =>
        ops.push(op(line, COLS.doc, y - k * WRAP_STEP, 'regular')),
      );
      y -= rows[i]!.height;
    }
    pages.push(ops);
  }
  return pages;
}

/** "Exhibit C - Daily Note - 09/14/2026", centred on its own page. */
export function separatorTitle(e: Exhibit): string {
  return `Exhibit ${e.letter} - ${e.title} - ${usDate(e.date)}`;
}

export function separatorPage(e: Exhibit, fonts: Fonts): LaidOutPage {
  const box = {
    left: TEXT_BOX.left,
    right: TEXT_BOX.right,
    top: PAGE_HEIGHT / 2 + 60,
    bottom: TEXT_BOX.bottom,
  };
  const laid = layoutBlocks(
    [
      {
        kind: 'para',
        runs: [{ text: `Exhibit ${e.letter}`, style: 'bold' }],
        size: 30,
        align: 'center',
        spaceAfter: 10,
      },
      {
        kind: 'para',
        runs: [{ text: separatorTitle(e) }],
        size: 12,
        align: 'center',
        spaceAfter: 4,
      },
      {
        kind: 'para',
        runs: [
          {
            text: `${e.category} - ${e.firstPage + 1 >= e.lastPage ? `packet page ${e.lastPage}` : `packet pages ${e.firstPage + 1}-${e.lastPage}`}`,
            style: 'italic',
          },
        ],
        size: 9.5,
        align: 'center',
      },
    ],
    fonts,
    box,
  );
  return laid[0] ?? [];
}
