/** Document boundaries inside one file: a title line followed closely by a date starts a note. */
import { isTitleLine } from './classify';
import { type Line, isBlank } from './lines';
import { headerDateOn } from './service-dates';

export interface DocumentSlice {
  /** All lines of the document, including running lines and blanks, in file order. */
  lines: Line[];
  /** Index into `lines` of the title line, or -1 when the file's note has no recognizable title. */
  titleIndex: number;
}

/** How many content lines after a title may hold its date. */
const DATE_WINDOW = 6;

function startsDocument(content: Line[], i: number): boolean {
  const line = content[i]!;
  if (!isTitleLine(line.text)) return false;
  return content.slice(i, i + DATE_WINDOW).some((l, k) => headerDateOn(l, k === 0));
}

export function splitDocuments(all: Line[]): DocumentSlice[] {
  const content = all.filter((l) => !l.running && !isBlank(l));
  const starts: Line[] = [];
  for (let i = 0; i < content.length; i++) {
    // A title right after another title is a subtitle ("Plan of Care" under "Evaluation").
    if (
      startsDocument(content, i) &&
      !(starts.length && withinLines(content, starts.at(-1)!, i, 2))
    ) {
      starts.push(content[i]!);
    }
  }
  if (starts.length <= 1) {
    const title = starts[0] ?? content.slice(0, 15).find((l) => isTitleLine(l.text)) ?? null;
    return [{ lines: all, titleIndex: title ? all.indexOf(title) : -1 }];
  }
  const slices: DocumentSlice[] = [];
  for (let k = 0; k < starts.length; k++) {
    // Text before the first title (clinic letterhead) belongs to the first note.
    const from = k === 0 ? 0 : all.indexOf(starts[k]!);
    const to = k + 1 < starts.length ? all.indexOf(starts[k + 1]!) : all.length;
    const lines = all.slice(from, to);
    slices.push({ lines, titleIndex: lines.indexOf(starts[k]!) });
  }
  return slices;
}

function withinLines(content: Line[], prev: Line, i: number, n: number): boolean {
  return i - content.indexOf(prev) <= n;
}

/** Original page range of a slice, from its first and last content lines. */
export function pageRange(slice: DocumentSlice): { pageStart: number; pageEnd: number } {
  const content = slice.lines.filter((l) => !l.running && !isBlank(l));
  const first = slice.titleIndex >= 0 ? slice.lines[slice.titleIndex] : content[0];
  const firstAll = content[0] ?? slice.lines[0];
  const start = Math.min(first?.page ?? 1, firstAll?.page ?? 1);
  const last = content.at(-1) ?? slice.lines.at(-1);
  return { pageStart: start, pageEnd: Math.max(start, last?.page ?? start) };
}
