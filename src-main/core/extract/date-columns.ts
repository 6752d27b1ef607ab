/**
 * A flowsheet that gives each visit date a column ("Date | 09/14 Mon | 09/15 Tue | ..."), its rows
 * the day's measures (time in, time out, minutes, exercises, units, initials): each date's column
 * is that day's note. The sheet is split into one document per date, each holding the sheet's
 * header, its own column under each row's label, the comments dated that day, and what the sheet
 * prints for all days (legend, signature). Column lines keep their page offsets: a projected row
 * reads "Time out:    10:50", every character where the page has it, the other days' cells
 * blanked, so a quote still cites the page.
 */
import { daysBetween } from '../../../shared/dates';
import { findDates, monthDayCell, dateNear, leadingDate, isBareDateLine } from '../parse/dates';
import { titleType } from './classify';
import { cellsOf, namesColumns, type Cell } from './layout';
import { type Line, isBlank } from './lines';
import type { DocumentSlice } from './split';

/**
 * Where a character of a page stands across it (a PDF's text run's x), or null where the page has
 * no positions (text files, HTML): a PDF's text drops a row's empty cells, and only their places
 * tell which day each value is.
 */
export type XAt = (page: number, offset: number) => number | null;

/** A date column's header cell and the full date it stands for. */
interface DateColumn {
  iso: string;
  cell: Cell;
}

interface Grid {
  header: number;
  /** Index after the grid's last row. */
  end: number;
  columns: DateColumn[];
  /** Where each row's values stand. */
  place: Placement;
}

/** How a row's cells are placed: by text positions, or by the page's x positions. */
interface Placement {
  /** The date columns' header cells, where each row's values stand (a row has one cell more). */
  headers: readonly Cell[];
  /** Each date column's x on the page, when the page has positions. */
  xs: readonly number[] | null;
  xAt: XAt;
}

/** A day with nothing done: a blank or dash cell is no row of that day's note. */
const EMPTY_CELL = /^(?:[-–—.]+|n\/?a)?$/i;
/** Nor is a zero count of a code, units or minutes ("97546 each addl hr (units)  0"). */
const COUNTED_LABEL = /\b\d{5}\b|\bunits?\b|\bmin(?:utes?|s)?\b/i;

function isEmptyCell(label: Cell, cell: Cell): boolean {
  return EMPTY_CELL.test(cell.text) || (/^0+$/.test(cell.text) && COUNTED_LABEL.test(label.text));
}

/** A month and day opening a line ("09/15  Pt reports ...", "Sep 15 - ..."), in one to three words. */
function leadingMonthDay(text: string) {
  const words = text.trim().split(/\s+/);
  for (let n = 1; n <= Math.min(3, words.length); n++) {
    const md = monthDayCell(
      words
        .slice(0, n)
        .join(' ')
        .replace(/[:\-–]$/, ''),
    );
    if (md) return md;
  }
  return null;
}

const DATE_HEADER_LABEL = /\b(?:dates?|DOS|visits?|days?|sessions?|week)\b/i;
const DATE_ROW_LABEL =
  /^(?:(?:visit|treatment|service)\s+)?(?:date|DOS)(?:\s+of\s+service)?\s*:?$/i;

/** The header's date cells when a line heads a date-column grid: two or more, after one label. */
function headerColumns(line: Line): Cell[] | null {
  if (line.running) return null;
  const cells = cellsOf(line.text);
  const [label, ...split] = cells;
  // A text sheet may set its date headers two spaces apart ("5/6/26   5/8/26  5/11/26").
  const rest = split.every((c) => monthDayCell(c.text) || isBareFullDate(c.text))
    ? split
    : words(line.text, label?.end ?? 0);
  if (!label || rest.length === 0) return null;
  // One column is a sheet of one visit when the row is only "Date" and a yearless day: a full
  // date after its label is an ordinary field ("Date of injury:   6/18/26").
  if (rest.length === 1)
    return DATE_ROW_LABEL.test(label.text) && monthDayCell(rest[0]!.text) ? rest : null;
  if (findDates(label.text).length > 0 || monthDayCell(label.text)) return null;
  if (!rest.every((c) => monthDayCell(c.text) || isBareFullDate(c.text))) return null;
  // Scores print like days ("Kapandji  5/10  8/10  10/10", "MMT  4/5"): a row of yearless days
  // heads columns only when its label names dates or each day carries its weekday or month.
  const named = rest.every((c) => isBareFullDate(c.text) || /\p{L}/u.test(c.text));
  return DATE_HEADER_LABEL.test(label.text) || named ? rest : null;
}

/** The words of a line from a position on, each a cell. */
function words(text: string, from: number): Cell[] {
  return [...text.slice(from).matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    start: from + m.index,
    end: from + m.index + m[0].length,
  }));
}

/**
 * A full date alone in its cell, with its weekday ("Mon 09/14/2026") or the time of the entry a
 * hospital flowsheet heads its column with ("03/02/26 0930", "03/02/26 09:30"); "03/03/2026 (IE)"
 * is not.
 */
function isBareFullDate(text: string): boolean {
  const t = text.replace(ENTRY_TIME, '');
  return isBareDateLine(t) && !/[()]/.test(t);
}
const ENTRY_TIME = /\s+(?:[01]\d|2[0-3]):?[0-5]\d$/;

function dateOfCell(text: string, anchors: readonly string[]): string | null {
  const full = findDates(text)[0];
  if (full) return full.iso;
  const md = monthDayCell(text);
  return md ? dateNear(md, anchors) : null;
}

/**
 * A row's cells when it has the grid's width: a text export's columns may stand only two spaces
 * apart where a value is wide ("Ther act 97530 (min)  0"), or one ("10/3.0/2 12/3.0/3"), where
 * each value is the day's whose header it stands under.
 */
function rowCells(line: Line, place: Placement): Cell[] | null {
  const text = line.text;
  const columns = place.headers;
  const width = columns.length + 1;
  const cells = cellsOf(text);
  if (cells.length === width) return cells;
  if (text.includes('\t')) return place.xs ? byPlace(line, cells, place.xs, place.xAt) : null;
  const tight: Cell[] = [];
  for (const m of text.matchAll(/\S+(?: \S+)*/g))
    tight.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  if (tight.length === width) return tight;
  return underHeaders(text, columns);
}

/**
 * A PDF row whose empty cells the text dropped ("Gait Training Minutes<tab>15<tab>15" under five
 * days): each value is the day whose column starts nearest its place on the page, every other
 * day an empty cell. Null when a value stands half a column or more from every column, or two
 * values share a day.
 */
function byPlace(line: Line, cells: Cell[], xs: readonly number[], xAt: XAt): Cell[] | null {
  const [label, ...values] = cells;
  if (!label || values.length === 0 || values.length >= xs.length + 1) return null;
  const step = xs.length > 1 ? Math.min(...xs.slice(1).map((x, k) => x - xs[k]!)) : Infinity;
  const out: Cell[] = xs.map(() => ({ text: '', start: label.end, end: label.end }));
  const taken = new Set<number>();
  for (const v of values) {
    const x = xAt(line.page, line.start + v.start);
    if (x === null) return null;
    let day = -1;
    let best = Infinity;
    xs.forEach((cx, k) => {
      const off = Math.abs(x - cx);
      if (off < best) [day, best] = [k, off];
    });
    if (day < 0 || best > step / 2 || taken.has(day)) return null;
    taken.add(day);
    out[day] = v;
  }
  return [label, ...out];
}

/** How far a value may stand outside its header's span and still be that day's. */
const COLUMN_SLACK = 2;

/**
 * A row read by its header's column positions: the label before the first column, each value
 * the day's whose header it overlaps; every day one value, nothing left between columns.
 */
function underHeaders(text: string, columns: readonly Cell[]): Cell[] | null {
  const first = columns[0]!.start - COLUMN_SLACK;
  const label = text.slice(0, first).trim();
  if (label === '' || text.slice(first - 1, first).trim() !== '') return null;
  const values: (Cell | undefined)[] = columns.map(() => undefined);
  for (const m of text.slice(first).matchAll(/\S+/g)) {
    const start = first + m.index;
    const end = start + m[0].length;
    // The day whose header the value overlaps most, its centre nearest when it overlaps two.
    let day = -1;
    let best = Infinity;
    columns.forEach((c, k) => {
      if (start >= c.end + COLUMN_SLACK || end <= c.start - COLUMN_SLACK) return;
      const off = Math.abs(start + end - c.start - c.end);
      if (off < best) [day, best] = [k, off];
    });
    if (day < 0 || values[day]) return null;
    values[day] = { text: m[0], start, end };
  }
  if (values.some((v) => !v)) return null;
  const at = text.indexOf(label);
  return [{ text: label, start: at, end: at + label.length }, ...(values as Cell[])];
}

/** A short line alone between rows: a group's heading ("CHARGES", "EXERCISES / INTERVENTIONS"). */
function isGroupHeading(line: Line): boolean {
  const t = line.text.trim().replace(RULED, '');
  return t.length > 0 && t.length <= 70 && cellsOf(t).length === 0 && !leadingDate(t);
}

/** The rule a text sheet draws around a heading or between its parts ("-- STRENGTH -----", "===="). */
const RULED = /^[-=_*]{2,}\s*|\s*[-=_*]{2,}$/g;

/** A line that only rules the sheet: it continues the grid when rows follow it. */
function isRule(line: Line): boolean {
  return /^\s*[-=_*]{4,}\s*$/.test(line.text);
}

/** A sheet's days run forward, a week or a month on one page, none twice. */
function daysInOrder(days: string[]): boolean {
  return days.every((d, i) => i === 0 || (d > days[i - 1]! && daysBetween(days[i - 1]!, d) <= 31));
}

function findGrids(lines: Line[], anchors: readonly string[], xAt: XAt): Grid[] {
  const grids: Grid[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = headerColumns(lines[i]!);
    if (!cells) continue;
    const columns: DateColumn[] = [];
    for (const cell of cells) {
      const iso = dateOfCell(cell.text, anchors);
      if (!iso) break;
      columns.push({ iso, cell });
    }
    if (columns.length !== cells.length || !daysInOrder(columns.map((c) => c.iso))) continue;
    const headers = columns.map((c) => c.cell);
    const header = lines[i]!;
    const placed = headers.map((c) => xAt(header.page, header.start + c.start));
    const xs = placed.every((x): x is number => x !== null) ? placed : null;
    const place: Placement = { headers, xs, xAt };
    let end = i + 1;
    let rows = 0;
    // Under a heading, a row read by its cells' places on the page that only names things is the
    // header of another table in the same tab stops (the sheet's key: "Initials | Name | Provider
    // Type"), not a row of this one.
    const rowAt = (l: Line, underHeading: boolean) => {
      const row = rowCells(l, place);
      if (!row || !underHeading || row.every((c) => c.text !== '')) return row;
      return namesColumns(row.filter((c) => c.text !== '')) ? null : row;
    };
    let underHeading = false;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.running || isBlank(l)) continue;
      if (rowAt(l, underHeading)) {
        rows++;
        end = j + 1;
        underHeading = false;
        continue;
      }
      // A heading or a rule counts only when a row follows it.
      if (
        (isGroupHeading(l) || isRule(l)) &&
        lines.slice(j + 1, j + 3).some((n) => rowAt(n, true))
      ) {
        underHeading = true;
        continue;
      }
      break;
    }
    if (rows >= 2) {
      grids.push({ header: i, end, columns, place });
      i = end - 1;
    }
  }
  return grids;
}

/**
 * A row reduced to its label and one day's cell, every character in its page place: the gap
 * after the label opens with a colon (unless the label has one), the other days' cells blank.
 */
function projectRow(line: Line, label: Cell, cell: Cell): Line {
  const t = line.text;
  const gap = cell.start - label.end;
  const joiner = label.text.endsWith(':') ? ' '.repeat(gap) : ':' + ' '.repeat(gap - 1);
  return {
    ...line,
    text: t.slice(0, label.end) + joiner + t.slice(cell.start, cell.end),
    end: line.start + cell.end,
  };
}

/** Full dates the sheet prints outside its grids, to give its yearless columns their year. */
function anchorDates(lines: Line[]): string[] {
  return lines.flatMap((l) => findDates(l.text).map((d) => d.iso));
}

/**
 * One slice per date column when the slice is a date-column flowsheet; the slice itself when
 * not. Lines outside the grids that open with one of the grid's dates ("09/15  Pt reports ...")
 * go to that day alone, with the lines that continue them.
 */
export function splitDateColumns(slice: DocumentSlice, xAt: XAt = () => null): DocumentSlice[] {
  const lines = slice.lines;
  // Only a sheet of visits: an evaluation or a report may set measures side by side by date
  // ("Measure | 03/03/2026 | 04/02/2026"), and stays one document.
  const title = slice.titleIndex >= 0 ? lines[slice.titleIndex]!.text : slice.entryOf?.title;
  if (title && titleType(title) !== 'daily-note') return [slice];
  const grids = findGrids(lines, anchorDates(lines), xAt);
  if (grids.length === 0 || grids[0]!.header <= slice.titleIndex) return [slice];
  const dates = [...new Set(grids.flatMap((g) => g.columns.map((c) => c.iso)))].sort();
  const inGrid = (i: number) => grids.find((g) => i >= g.header && i < g.end);
  // Which day each line outside the grids belongs to (undefined: every day).
  const owner = new Map<number, string>();
  let current: string | undefined;
  lines.forEach((l, i) => {
    if (inGrid(i) || i < grids[0]!.header) return;
    const lead = leadingDate(l.text.trim());
    const md = lead ? null : leadingMonthDay(l.text);
    const iso = lead?.iso ?? (md ? dateNear(md, dates, 0) : null);
    if (iso && dates.includes(iso)) current = iso;
    else if (isBlank(l) || /^[^:]{1,40}:/.test(l.text.trim()) || isGroupHeading(l))
      current = undefined;
    if (current) owner.set(i, current);
  });
  return dates.map((iso) => {
    const out: Line[] = [];
    let column: DocumentSlice['columnDate'];
    lines.forEach((l, i) => {
      const grid = inGrid(i);
      if (!grid) {
        const o = owner.get(i);
        if (!o || o === iso) out.push(l);
        return;
      }
      const col = grid.columns.findIndex((c) => c.iso === iso);
      if (col < 0) return;
      const row = rowCells(l, grid.place);
      const cells = row ?? cellsOf(l.text);
      if (i === grid.header) {
        const cell = grid.columns[col]!.cell;
        column ??= { iso, line: l, start: cell.start, end: cell.end };
        out.push(projectRow(l, cells[0]!, cell));
        return;
      }
      if (!row) {
        if (!l.running && isGroupHeading(l)) out.push(l);
        return;
      }
      const cell = cells[col + 1]!;
      if (isEmptyCell(cells[0]!, cell)) return;
      out.push(projectRow(l, cells[0]!, cell));
    });
    return { ...slice, lines: out, ...(column ? { columnDate: column } : {}) };
  });
}
