/**
 * Layout of a line, with no domain words: table cells (tab-separated, as the PDF and HTML readers
 * write columns, or "|"-separated), checkbox marks and the options they tick, list markers. Readers
 * ask these questions here instead of each writing its own pattern.
 */
import { FILL } from '../parse/spoken';

export interface Cell {
  text: string;
  start: number;
  end: number;
}

/** The cells of a table row: two or more, split at tabs, pipes or runs of 3+ spaces. */
export function cellsOf(text: string): Cell[] {
  if (!/\t|\s\|\s|^\s*\||\S {3,}\S/.test(text)) return [];
  const cells: Cell[] = [];
  const sep = /\t+| *\| *| {3,}/g;
  let at = 0;
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '')
      cells.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
  };
  for (const m of text.matchAll(sep)) {
    push(at, m.index);
    at = m.index + m[0].length;
  }
  push(at, text.length);
  return cells.length >= 2 ? cells : [];
}

/** A form's box number before its label: "1. ", "15. ". */
export const BOX_NUMBER = /^\d{1,2}[a-z]?\.\s*/;
/** A form's box label in capitals, its number stripped ("PATIENT'S LAST NAME", "M.I."). */
const BOX_LABEL = /^[A-Z][A-Z'’.,()/& -]{1,44}$/;

/**
 * A form's row of box labels over the row of their values ("1. PATIENT'S LAST NAME   FIRST NAME
 * M.I.<tab>2. PROVIDER NO." over "BRANDVOLD   ESTHER   L<tab>39-6824"): each label, without its
 * box number, with the value under it; null when the rows do not pair up cell for cell.
 */
export function boxValuesUnder(
  labels: string,
  values: string,
): Array<{ label: string; value: Cell }> | null {
  const heads = cellsOf(labels);
  const cells = cellsOf(values);
  if (heads.length < 2 || heads.length !== cells.length) return null;
  const names = heads.map((h) => h.text.replace(BOX_NUMBER, ''));
  // A qualifier in brackets may be in lower case: "INJURED PERSON (First Name) (Last Name)".
  if (!names.every((l) => BOX_LABEL.test(l.replace(/\s*\([^()]*\)/g, '')))) return null;
  return names.map((label, k) => ({ label, value: cells[k]! }));
}

/** Checkbox marks as printed forms write them, ticked and not. */
const CHECKED = String.raw`☒|☑|✓|✔|■|\[\s*[xX✓✔*]\s*\]|\(\s*[xX✓✔*]\s*\)`;
const UNCHECKED = String.raw`☐|□|\[\s*\]|\(\s*\)`;
const MARK = new RegExp(`(${CHECKED})|${UNCHECKED}`, 'g');

const TICKED_FIRST = new RegExp(String.raw`^\s*(?:${CHECKED})`);

/** A form's row that opens with a ticked box ("[X] Ultrasound (97035)", "☑ Gait training"). */
export function startsTicked(text: string): boolean {
  return TICKED_FIRST.test(text);
}

export interface CheckboxOption {
  checked: boolean;
  /** The option's text after its mark, up to the next mark. */
  start: number;
  end: number;
  text: string;
}

/** The options of a checkbox line (empty when the line has no marks). */
export function checkboxOptions(text: string, from = 0): CheckboxOption[] {
  const marks = [...text.slice(from).matchAll(MARK)].map((m) => ({
    checked: m[1] !== undefined,
    start: from + m.index,
    end: from + m.index + m[0].length,
  }));
  return marks.map((m, k) => {
    const end = marks[k + 1]?.start ?? text.length;
    const raw = text.slice(m.end, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    return { checked: m.checked, start: m.end + lead, end: m.end + lead + body.length, text: body };
  });
}

/**
 * A Markdown task item ("- [ ] Goal 1 ...", "- [x] Goal 2 ... Met"): a list item led by a box,
 * with no other box on its line. Its box says whether the item is done, and the item is said
 * either way (a checklist of goals lists every goal), unlike a form's option.
 */
const TASK_ITEM = /^(\s*[-*+]\s+)\[([ xX])\](?=\s+\S)/;

export interface TaskItem {
  done: boolean;
  /** The line with its box turned into fill (never a column gap): a plain list item. */
  text: string;
}

export function taskItem(text: string): TaskItem | null {
  const m = TASK_ITEM.exec(text);
  if (!m || checkboxOptions(text).length !== 1) return null;
  const box = m[0].length - m[1]!.length;
  return {
    done: m[2] !== ' ',
    text: text.slice(0, m[1]!.length) + FILL.repeat(box) + text.slice(m[0].length),
  };
}

/**
 * A heading underlined on the next line, as word processors and Markdown's Setext style write
 * them ("Program Plan" over "------------", "Therapy Plan" over "============"): a heading
 * whatever its words say. The underline is one unbroken run about as long as the words (a table's
 * column rules have gaps between them).
 */
export function isUnderlinedHeading(text: string, next: string): boolean {
  const words = text.trim();
  const rule = next.trim();
  return (
    /[A-Za-z]{2}/.test(words) &&
    words.length <= 60 &&
    !isRuleLine(text) &&
    cellsOf(text).length === 0 &&
    /^(?:=+|-+)$/.test(rule) &&
    rule.length >= 3 &&
    Math.abs(rule.length - words.length) <= 3
  );
}

/** A Markdown heading ("## Billing"): a heading whatever its words say. */
export function isMarkdownHeading(text: string): boolean {
  // Words after the marks, and no table cells: a box table's "#" column head is not one.
  return /^ {0,3}#{1,6}[ \t]+[A-Za-z0-9]/.test(text) && cellsOf(text).length === 0;
}

/** The marks a bulleted list item starts with: "-", "•", ">". */
const BULLET_MARK = '[-•*·●▪○◦>]';

/** A bullet at the start of a line: a list item's mark that is not its number. */
export const BULLET = new RegExp(String.raw`^\s*${BULLET_MARK}\s+`);

/** A list marker at the start of a line: "-", "•", "1.", "2)", "(a)", "#3". */
export const LIST_MARKER = new RegExp(
  String.raw`^\s*(?:${BULLET_MARK}|\(?\d{1,2}[.)]|\(?[a-hA-H]\)|#\d{1,2}[:.)]?)\s+`,
);

/**
 * The line as a form means it: unticked options blanked out, marks of ticked ones turned into
 * spaces, every offset kept ("Job PDL: [ ] Medium [X] Heavy" reads "Job PDL:            Heavy").
 * A Markdown task item is said whether its box is ticked or not.
 */
export function tickedText(text: string): string {
  const task = taskItem(text);
  if (task) return task.text;
  const options = checkboxOptions(text);
  if (options.length === 0) return text;
  let out = text.replace(new RegExp(MARK.source, 'g'), (m) => ' '.repeat(m.length));
  for (const o of options) if (!o.checked) out = blankSpan(out, o.start, o.end);
  return out;
}

/** The text with a span of it turned into spaces: same length, so every offset still holds. */
export function blankSpan(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/**
 * A rule drawn with characters ("-----", "=====", "----  ------  ---" under a text table's
 * header): layout, never content.
 */
/** A column's date in a table header ("Entry 03-02", "Now 3/9/26"): when it was measured. */
const COLUMN_DATE = /\b\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?\b/g;

/** A header row's text without its columns' dates, so digits left in it mean data, not names. */
export function withoutColumnDates(text: string): string {
  return text.replace(COLUMN_DATE, '');
}

/**
 * A row that names a table's columns: short cells with no digits but a column's date
 * ("Long Term Goals (by 11/30/2026)": a date in parentheses qualifies the column's name).
 */
export function namesColumns(cells: Cell[]): boolean {
  return (
    cells.length >= 2 &&
    cells.every(
      (c) =>
        !/\d/.test(withoutColumnDates(c.text)) &&
        c.text
          .replace(/\([^()]*\d[^()]*\)/g, ' ')
          .trim()
          .split(/\s+/).length <= 4,
    )
  );
}

/** A rule drawn after a heading to the right margin: underscores, equals or a long dash run. */
const RULE_TAIL = /(?<=[^\s_=~.-])\s*(?:[_=~]{3,}|[-.]{6,})\s*$/;

/** "OBJECTIVE ______": a heading ruled off to the margin, without its rule. */
export function withoutRuleTail(text: string): string {
  return text.replace(RULE_TAIL, '');
}

export function isRuleLine(text: string): boolean {
  return /^[\s\-=_*~.+|]*$/.test(text) && /[-=_*~.]{3,}/.test(text);
}
