/**
 * Tables as text: one row per line, cells apart by a tab, as the PDF reader writes a page's
 * columns (readers tell a table row from a sentence by the tab).
 *
 * A cell holding several lines (<br>, paragraphs, a nested table) is set beside its neighbours
 * line by line, as the printed page shows it: a row "Patient: A<br>DOB: 1/2/80 | Therapist: B<br>
 * Date: 3/4/26" reads "Patient: A<tab>Therapist: B" then "DOB: 1/2/80<tab>Date: 3/4/26".
 */
import { leadingDate } from '../parse/dates';
import { TextLayout } from './html-layout';

/** Tables nested deeper than this are written as plain lines: each level copies its text once. */
const MAX_NESTED_TABLES = 16;

interface Cell {
  header: boolean;
  layout: TextLayout;
}

interface CellText {
  header: boolean;
  lines: string[];
  onlyMark: boolean;
}

const EDGE_SPACES = /^[ \u00a0]+|[ \u00a0]+$/g;

function cellText(cell: Cell): CellText {
  const lines = cell.layout.finish().split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = lines[i]!.replace(EDGE_SPACES, '');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { header: cell.header, lines, onlyMark: cell.layout.holdsOnlyMark() };
}

/** A cell holding only a tick box is the box of the label in the next cell. */
function joinMarksToLabels(cells: CellText[]): CellText[] {
  const out: CellText[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const next = cells[i + 1];
    if (cell.onlyMark && next && next.lines.length > 0) {
      next.lines[0] = `${cell.lines[0]} ${next.lines[0]}`;
      continue;
    }
    out.push(cell);
  }
  return out;
}

/**
 * A row of header and data cells in turn (<th>Patient</th><td>Roe, Jane</td><th>DOB</th>...) is a
 * row of labelled values: "Patient: Roe, Jane<tab>DOB: ...". Other rows keep their columns, so a
 * data row still lines up under its header row.
 */
function pairLabelsWithValues(cells: CellText[]): CellText[] {
  if (cells.length < 2 || cells.length % 2 !== 0) return cells;
  for (let i = 0; i < cells.length; i += 2) {
    if (!cells[i]!.header || cells[i + 1]!.header) return cells;
  }
  const pairs: CellText[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    const label = cells[i]!.lines.join(' ').trim();
    const value = cells[i + 1]!.lines;
    if (label === '') {
      pairs.push(cells[i + 1]!);
      continue;
    }
    const named = /[:?]$/.test(label) ? label : `${label}:`;
    const lines = value.length === 0 ? [named] : [`${named} ${value[0]}`, ...value.slice(1)];
    pairs.push({ header: false, lines, onlyMark: false });
  }
  return pairs;
}

/** The lines of one row: cells side by side, line by line. */
export function rowLines(row: readonly CellText[]): string[] {
  const cells = pairLabelsWithValues(joinMarksToLabels([...row]));
  let height = 0;
  for (const cell of cells) height = Math.max(height, cell.lines.length);
  const lines: string[] = [];
  for (let i = 0; i < height; i++) {
    const parts: string[] = [];
    for (const cell of cells) parts.push(cell.lines[i] ?? '');
    lines.push(parts.join('\t').replace(/\t+$/, ''));
  }
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A column that dates its row: "Date", "Date of Service", "DOS", "Visit Date". */
const DATE_COLUMN =
  /^(?:date(?:\s+of\s+(?:service|visit|treatment))?|dos|(?:visit|service|treatment|session)\s+date)\s*:?$/i;
/** How many columns a record row has at least: date, clinician, what was done, time, signature. */
const RECORD_COLUMNS = 4;
/** The line that closes a record, as a printed log rules off its entries. */
const RECORD_RULE = '-'.repeat(40);

/**
 * A header row (all <th>) with a date column: its column names, held back until the next row
 * shows whether the table is a log of records or a table of figures.
 */
interface RecordColumns {
  names: string[];
  dateAt: number;
  lines: string[];
}

function recordColumnsOf(row: readonly CellText[]): RecordColumns | null {
  if (row.length < RECORD_COLUMNS || !row.every((c) => c.header)) return null;
  const names = row.map((c) => c.lines.join(' ').trim());
  const dateAt = names.findIndex((n) => DATE_COLUMN.test(n));
  return dateAt < 0 ? null : { names, dateAt, lines: rowLines(row) };
}

/**
 * A row of a visit log (one row per visit: its date, what was done, minutes per code on lines of
 * their own, the clinician's signature over its timestamp) written as the record it is: each cell
 * under its column's name, the date first, the record ruled off. Read side by side, a row whose
 * cells wrap onto several lines interleaves them, and its minutes stand without their column's
 * name.
 */
function recordLines(cols: RecordColumns, row: readonly CellText[]): string[] | null {
  if (row.length !== cols.names.length || row.some((c) => c.header)) return null;
  const date = row[cols.dateAt]!.lines.join(' ').trim();
  const d = leadingDate(date);
  if (!d || d.start !== 0) return null;
  // Side by side, a row reads well while one cell at most wraps onto more lines.
  if (row.filter((c) => c.lines.length > 1).length < 2) return null;
  const out: string[] = [];
  const field = (k: number) => {
    const lines = row[k]!.lines.filter((l) => l.trim() !== '');
    if (lines.length === 0) return;
    const name = cols.names[k]!.replace(/\s*:$/, '');
    out.push(name === '' ? lines[0]! : `${name}: ${lines[0]}`, ...lines.slice(1));
  };
  field(cols.dateAt);
  for (let k = 0; k < row.length; k++) if (k !== cols.dateAt) field(k);
  out.push(RECORD_RULE);
  return out;
}

/** One open <table>: its current row's cells, written to the text around it row by row. */
export class TableFrame {
  private cells: Cell[] = [];
  private cellCount = 0;
  private readonly flat: boolean;
  /** A header row naming a date column, not yet written (see recordLines). */
  private columns: RecordColumns | null = null;
  /** Whether the header row was written as a row (its table is not a log of records). */
  private columnsWritten = false;

  constructor(
    readonly parent: TextLayout,
    depth: number,
  ) {
    this.flat = depth >= MAX_NESTED_TABLES;
    parent.block(2);
  }

  /** <tr>: ends the row before. */
  startRow(): void {
    this.endRow();
  }

  /** <td>/<th>: the layout the cell's content goes to. */
  openCell(header: boolean): TextLayout {
    if (this.flat) {
      if (this.cellCount++ > 0) this.parent.setSeparator('\t');
      return this.parent;
    }
    const cell = { header, layout: new TextLayout() };
    this.cells.push(cell);
    return cell.layout;
  }

  endRow(): void {
    if (this.flat) {
      this.parent.clearSeparator();
      this.parent.block(1);
      this.cellCount = 0;
      return;
    }
    if (this.cells.length === 0) return;
    const row = this.cells.map(cellText);
    this.cells = [];
    const header = recordColumnsOf(row);
    if (header) {
      this.flushColumns();
      this.columns = header;
      this.columnsWritten = false;
      return;
    }
    const record = this.columns ? recordLines(this.columns, row) : null;
    if (!record) this.flushColumns();
    this.parent.lines(record ?? rowLines(row));
  }

  /** Writes a held header row once a row shows it heads a table of figures. */
  private flushColumns(): void {
    if (this.columns && !this.columnsWritten) this.parent.lines(this.columns.lines);
    this.columnsWritten = true;
  }

  end(): void {
    this.endRow();
    // A header row with no row under it is still the table's.
    this.flushColumns();
    this.parent.block(2);
  }
}
